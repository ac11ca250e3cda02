/**
 * Writes values and members in the syntax of the document they go into, indented to fit: JSON
 * (`"Key": value`) or a Terraform `jsonencode` object (`Key = value`).
 */
import { PolicySyntax } from '../model';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The syntaxes whose members are written as key/value pairs. */
export type ObjectSyntax = Exclude<PolicySyntax, 'policy-document'>;

const SHORT_LINE = 72;

export function renderValue(value: JsonValue, syntax: ObjectSyntax, indent: string, unit: string): string {
  if (value === null || typeof value !== 'object') return renderScalar(value, syntax);
  if (Array.isArray(value)) {
    const items = value.map((item) => renderValue(item, syntax, indent + unit, unit));
    const oneLine = `[${items.join(', ')}]`;
    if (!items.some((item) => item.includes('\n')) && oneLine.length + indent.length <= SHORT_LINE) return oneLine;
    return `[\n${items.map((item) => indent + unit + item).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue>);
  if (entries.length === 0) return '{}';
  const separator = syntax === 'json' ? ',\n' : '\n';
  const body = entries
    .map(([key, item]) => indent + unit + renderMember(key, item, syntax, indent + unit, unit))
    .join(separator);
  return `{\n${body}\n${indent}}`;
}

/** `"Key": value` in JSON, `Key = value` in HCL; `indent` is the indentation of the member's line. */
export function renderMember(key: string, value: JsonValue, syntax: ObjectSyntax, indent: string, unit: string): string {
  const rendered = renderValue(value, syntax, indent, unit);
  return syntax === 'json' ? `${JSON.stringify(key)}: ${rendered}` : `${renderHclKey(key)} = ${rendered}`;
}

/**
 * A member written on one line, for objects written on one line: `"Key": {"A": "b"}` in JSON,
 * `Key = { A = "b" }` in HCL (whose one-line objects separate members with commas).
 */
export function renderInlineMember(key: string, value: JsonValue, syntax: ObjectSyntax): string {
  return syntax === 'json' ? `${JSON.stringify(key)}: ${renderInline(value, syntax)}` : `${renderHclKey(key)} = ${renderInline(value, syntax)}`;
}

function renderInline(value: JsonValue, syntax: ObjectSyntax): string {
  if (value === null || typeof value !== 'object') return renderScalar(value, syntax);
  if (Array.isArray(value)) return `[${value.map((item) => renderInline(item, syntax)).join(', ')}]`;
  const members = Object.entries(value as Record<string, JsonValue>).map(([key, item]) => renderInlineMember(key, item, syntax));
  if (members.length === 0) return '{}';
  return syntax === 'json' ? `{${members.join(', ')}}` : `{ ${members.join(', ')} }`;
}

function renderScalar(value: string | number | boolean | null, syntax: ObjectSyntax): string {
  if (typeof value !== 'string' || syntax === 'json') return JSON.stringify(value);
  return hclString(value);
}

/** A quoted HCL string: JSON escapes, plus `${` and `%{` doubled so Terraform reads them literally. */
export function hclString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function renderHclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

/** The whitespace at the start of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset + 1))![0];
}

/** Every fix of a file asks for its indentation step: it is read once per text, not once per fix. */
let lastIndented: { readonly text: string; readonly unit: string } | undefined;

/** The file's indentation step: a tab, or the smallest run of leading spaces seen (2 if none). */
export function indentUnit(text: string): string {
  if (lastIndented?.text !== text) lastIndented = { text, unit: readIndentUnit(text) };
  return lastIndented.unit;
}

function readIndentUnit(text: string): string {
  let smallest = Number.MAX_SAFE_INTEGER;
  for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
    const lead = match[1]!;
    if (lead.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, lead.length);
  }
  return smallest === Number.MAX_SAFE_INTEGER ? '  ' : ' '.repeat(smallest);
}
