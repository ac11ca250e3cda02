/** Edits that add, rename or replace members of an object, in JSON or in a `jsonencode` object. */
import { TextEdit } from '../findings';
import { Key, Scalar, Span } from '../model';
import { JsonValue, ObjectSyntax, hclString, indentUnit, lineIndent, renderInlineMember, renderMember, renderValue } from './render';

/**
 * Inserts `key: value` as the first or last member of the object at `objectSpan` (braces included),
 * following the object's layout: one member per line when it is written so, else on one line, the
 * value too (a JSON policy in a quoted Terraform string stays on its line).
 */
export function insertMember(
  text: string,
  objectSpan: Span,
  syntax: ObjectSyntax,
  key: string,
  value: JsonValue,
  where: 'first' | 'last',
): TextEdit {
  const open = objectSpan.start;
  // An object still being typed has no closing brace yet: members go at its end.
  const closed = objectSpan.end - open >= 2 && text[objectSpan.end - 1] === '}';
  const close = closed ? objectSpan.end - 1 : objectSpan.end;
  const inner = text.slice(open + 1, close);
  const unit = indentUnit(text);
  const outerIndent = lineIndent(text, open);
  const isEmpty = inner.trim().length === 0;
  const multiLine = inner.includes('\n') || isEmpty;
  const memberIndent = multiLine ? (existingMemberIndent(inner) ?? outerIndent + unit) : '';
  const member = multiLine ? renderMember(key, value, syntax, memberIndent, unit) : renderInlineMember(key, value, syntax);
  const comma = syntax === 'json' ? ',' : multiLine ? '' : ',';

  if (isEmpty) {
    return { span: { start: open + 1, end: close }, newText: `\n${memberIndent}${member}\n${outerIndent}` };
  }
  if (where === 'first') {
    const newText = multiLine ? `\n${memberIndent}${member}${comma}` : ` ${member}${comma}`;
    return { span: { start: open + 1, end: open + 1 }, newText };
  }
  // After the last thing written inside the object; a trailing comma already there is reused.
  let last = close - 1;
  while (last > open && /\s/.test(text[last]!)) last--;
  const hasTrailingComma = text[last] === ',';
  const separator = hasTrailingComma ? '' : comma;
  const newText = multiLine ? `${separator}\n${memberIndent}${member}` : `${separator} ${member}`;
  return { span: { start: last + 1, end: last + 1 }, newText };
}

/** The indentation of the first member line inside an object's text, if its members are on their own lines. */
function existingMemberIndent(inner: string): string | undefined {
  const match = /\n([ \t]*)\S/.exec(inner);
  return match ? match[1] : undefined;
}

/** Replaces a key's name, keeping its quoting (JSON keys are quoted; HCL keys may not be). */
export function renameKey(text: string, key: Key, newName: string): TextEdit {
  const quoted = text[key.span.start] === '"';
  return { span: key.span, newText: quoted ? JSON.stringify(newName) : newName };
}

/** Replaces a scalar with a new string, written for the syntax it is in. */
export function replaceString(scalar: Scalar, value: string, syntax: ObjectSyntax | 'policy-document'): TextEdit {
  return { span: scalar.span, newText: syntax === 'json' ? JSON.stringify(value) : hclString(value) };
}

/** Replaces any value with a rendered one, indented to the line it starts on. */
export function replaceValue(text: string, span: Span, value: JsonValue, syntax: ObjectSyntax): TextEdit {
  return { span, newText: renderValue(value, syntax, lineIndent(text, span.start), indentUnit(text)) };
}
