/**
 * What a Terraform expression is worth without running Terraform: literals are known, everything that
 * depends on a variable, a resource, a function or a condition is not.
 */
import { TfExpression, TfReference } from './terraform-syntax';
import { pushAll } from '../text/push-all';

/** A value Terraform would compute from literals alone. */
export type TfValue = string | number | boolean | null | readonly TfValue[] | { readonly [key: string]: TfValue };

/**
 * The value of an expression built only from literals, tuples and objects; `undefined` when any part
 * of it is unknown (a reference, a function call, an interpolation, a conditional).
 */
export function literalValue(expression: TfExpression): TfValue | undefined {
  switch (expression.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return expression.value;
    case 'null':
      return null;
    case 'tuple': {
      const items: TfValue[] = [];
      for (const item of expression.items) {
        const value = literalValue(item);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'object': {
      const result: Record<string, TfValue> = {};
      for (const entry of expression.entries) {
        const value = literalValue(entry.value);
        if (entry.key.name === undefined || value === undefined) return undefined;
        result[entry.key.name] = value;
      }
      return result;
    }
    default:
      return undefined;
  }
}

/** The string an expression is, when it is a literal string. */
export function literalString(expression: TfExpression | undefined): string | undefined {
  return expression?.kind === 'string' ? expression.value : undefined;
}

/** `data.aws_iam_policy_document.x.json` and the like, as written (splats and indexes included). */
export function referenceText(reference: TfReference): string {
  return reference.path.reduce((text, part) => (part.startsWith('[') ? text + part : text ? `${text}.${part}` : part), '');
}

/** Every reference inside an expression, in source order. */
export function referencesIn(expression: TfExpression | undefined): TfReference[] {
  const found: TfReference[] = [];
  const visit = (e: TfExpression | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'reference':
        found.push(e);
        break;
      case 'tuple':
        e.items.forEach(visit);
        break;
      case 'object':
        for (const entry of e.entries) {
          visit(entry.key.computed);
          visit(entry.value);
        }
        break;
      case 'call':
        e.args.forEach(visit);
        break;
      case 'template':
        for (const interpolation of e.interpolations) visit(interpolation.expression);
        break;
      case 'other':
        pushAll(found, e.references);
        break;
    }
  };
  visit(expression);
  return found;
}

export interface UnescapedText {
  readonly value: string;
  /** For each character of `value`, and one past its end, the offset in the raw text it came from. */
  readonly offsets: readonly number[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The value of the text between a quoted string's quotes: `\n`, `\"`, `\\`, `\uNNNN`, `\UNNNNNNNN`
 * resolved, `$${` and `%%{` read as `${` and `%{` (unless kept for a reader that resolves them). Keeps where each character came from, so JSON
 * read from the value can point back into the file.
 */
export function unescapeQuoted(raw: string, options: { readonly keepTemplateEscapes?: boolean } = {}): UnescapedText {
  const templateEscapes = !options.keepTemplateEscapes;
  if (!raw.includes('\\') && (!templateEscapes || (!raw.includes('$${') && !raw.includes('%%{')))) {
    return { value: raw, offsets: identityOffsets(raw.length) };
  }
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const e = raw[i + 1]!;
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        offsets.push(i);
        i += 2;
        continue;
      }
      const digits = e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = digits ? raw.slice(i + 2, i + 2 + digits) : '';
      const code = digits && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : undefined;
      // Past U+10FFFF there is no character (Terraform rejects the escape): the text stays as written.
      if (code !== undefined && code <= 0x10ffff) {
        const decoded = String.fromCodePoint(code);
        for (let k = 0; k < decoded.length; k++) offsets.push(i);
        value += decoded;
        i += 2 + digits;
        continue;
      }
    }
    if (templateEscapes && (c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      value += `${c}{`;
      offsets.push(i, i + 2);
      i += 3;
      continue;
    }
    value += c;
    offsets.push(i);
    i++;
  }
  offsets.push(raw.length);
  return { value, offsets };
}

function identityOffsets(length: number): number[] {
  const offsets = new Array<number>(length + 1);
  for (let i = 0; i <= length; i++) offsets[i] = i;
  return offsets;
}

/**
 * The value of a heredoc without interpolations: its lines as written (escapes are not read in
 * heredocs), `$${` read as `${`, and for `<<-` the indentation of the least indented line removed.
 */
export function heredocValue(raw: string, indented: boolean): string {
  const literal = (text: string): string => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (!indented) return literal(raw);
  const lines = raw.split('\n');
  let strip = Number.MAX_SAFE_INTEGER;
  for (const line of lines) {
    if (line.trim() === '') continue;
    strip = Math.min(strip, /^[ \t]*/.exec(line)![0].length);
  }
  if (strip === Number.MAX_SAFE_INTEGER) strip = 0;
  return literal(lines.map((line) => line.slice(Math.min(strip, /^[ \t]*/.exec(line)![0].length))).join('\n'));
}
