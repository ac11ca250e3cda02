/**
 * Adds one condition (operator, key, values) to a statement, in the statement's own syntax:
 * - JSON and `jsonencode` objects: into the existing `Condition` and operator when there are, else a
 *   new operator or a new `Condition` member;
 * - `aws_iam_policy_document` blocks: a new `condition { test variable values }` block after the
 *   statement's last line.
 * What is there is never changed: when the operator already holds the key, no edit is made (the
 * caller's fix is then not offered).
 */
import { Fix, TextEdit } from '../findings';
import { ConditionOperator, PolicyDocument, Span, Statement } from '../model';
import { insertMember } from './members';
import { hclString, indentUnit, lineIndent } from './render';

export interface ConditionAddition {
  /** `StringEquals`. */
  readonly operator: string;
  /** `aws:PrincipalOrgID`. */
  readonly key: string;
  readonly values: readonly string[];
}

export function addCondition(text: string, document: PolicyDocument, statement: Statement, addition: ConditionAddition): TextEdit | undefined {
  if (!statement.isObject) return undefined;
  if (document.syntax === 'policy-document') return addConditionBlock(text, statement, addition);
  const syntax = document.syntax;
  const value = addition.values.length === 1 ? addition.values[0]! : [...addition.values];
  const condition = statement.condition;
  if (!condition) {
    return insertMember(text, statement.span, syntax, 'Condition', { [addition.operator]: { [addition.key]: value } }, 'last');
  }
  if (condition.value.form !== 'map') return undefined;
  const sameName = condition.value.operators.filter((op) => op.operator.name === addition.operator);
  if (sameName.length > 1) return undefined;
  const operator = sameName[0];
  if (!operator) {
    return insertMember(text, condition.value.span, syntax, addition.operator, { [addition.key]: value }, 'last');
  }
  if (operator.form !== 'map' || operator.keys.some((key) => key.name.toLowerCase() === addition.key.toLowerCase())) return undefined;
  const object = operatorObjectSpan(text, operator);
  return object ? insertMember(text, object, syntax, addition.key, value, 'last') : undefined;
}

/** The operator's `{ ... }` value: its span may be the member (key and value) or the value alone. */
function operatorObjectSpan(text: string, operator: ConditionOperator): Span | undefined {
  const start = text.indexOf('{', operator.operator.span.end);
  const end = operator.span.end;
  if (start < 0 || start >= end || text[end - 1] !== '}') return undefined;
  return { start, end };
}

/**
 * Inserts `condition { test variable values }` as the last thing in a policy_document `statement`
 * block (its span covers the whole block), indented like the block's other lines and with the
 * equals signs aligned as `terraform fmt` aligns them. A statement block written on one line gets
 * no edit.
 */
export function addConditionBlock(text: string, statement: Statement, addition: ConditionAddition): TextEdit | undefined {
  const close = statement.span.end - 1;
  if (text[close] !== '}') return undefined;
  const open = text.indexOf('{', statement.span.start);
  if (open < 0 || open >= close) return undefined;
  const inner = text.slice(open + 1, close);
  if (!inner.includes('\n')) return undefined;
  const same = statement.condition?.value.operators.some(
    (op) => op.operator.name === addition.operator && op.entries.some((entry) => entry.key.name.toLowerCase() === addition.key.toLowerCase()),
  );
  if (same) return undefined;
  const unit = indentUnit(text);
  const blockIndent = /\n([ \t]*)\S/.exec(inner)?.[1] ?? lineIndent(text, statement.span.start) + unit;
  const attrIndent = blockIndent + unit;
  const values = `[${addition.values.map(hclString).join(', ')}]`;
  const lines = [
    `${blockIndent}condition {`,
    `${attrIndent}test     = ${hclString(addition.operator)}`,
    `${attrIndent}variable = ${hclString(addition.key)}`,
    `${attrIndent}values   = ${values}`,
    `${blockIndent}}`,
  ];
  let last = close - 1;
  while (last > open && /\s/.test(text[last]!)) last--;
  return { span: { start: last + 1, end: last + 1 }, newText: `\n${lines.join('\n')}` };
}

/** A fix adding one condition, or undefined when it cannot be added without touching what is there. */
export function addConditionFix(
  title: string,
  text: string,
  document: PolicyDocument,
  statement: Statement,
  addition: ConditionAddition,
  isPreferred = true,
): Fix | undefined {
  const edit = addCondition(text, document, statement, addition);
  return edit ? { title, edits: [edit], isPreferred } : undefined;
}
