/**
 * Policies written as JSON text inside Terraform: a heredoc (`<<EOF`, `<<-EOT`) or a quoted string.
 *
 * The JSON is read where it stands, so every span points into the .tf file. Interpolations are
 * replaced, before reading, by placeholders of the same length the JSON reader takes as unknown
 * values: inside a JSON string `${___}`, elsewhere (`"Action": ${jsonencode(var.actions)}`) the
 * string `"${__"`. A quoted string is unescaped first, and its spans mapped back through the escapes.
 * A heredoc's `<<-` indentation need not be removed: JSON strings cannot hold line breaks, so the
 * indentation only ever falls between tokens.
 */
import { Node } from 'jsonc-parser';
import { ParseError, PolicyDocument, PolicyKind, PolicyOrigin, Span } from '../model';
import { buildPolicyFromJson, looksLikePolicy, parseJsonTree } from './json';
import { TfString, TfTemplate } from './terraform-syntax';
import { unescapeQuoted } from './terraform-values';

export interface EmbeddedJsonOptions {
  readonly uri: string;
  /** The text the expression's spans point into. */
  readonly text: string;
  readonly kind?: PolicyKind;
  readonly origin: PolicyOrigin;
  /** Read it even when it does not look like a policy (the argument says it is one). */
  readonly expected: boolean;
}

export type EmbeddedJson =
  | { readonly status: 'document'; readonly document: PolicyDocument }
  /** Not JSON holding a policy object; `errors` says why when the argument expected one. */
  | { readonly status: 'none'; readonly errors: readonly ParseError[] }
  /** Template directives (`%{ if }`) make the text unknowable. */
  | { readonly status: 'unknown' };

export function embeddedJsonDocument(expression: TfString | TfTemplate, options: EmbeddedJsonOptions): EmbeddedJson {
  if (expression.kind === 'template' && expression.directives.length > 0) return { status: 'unknown' };
  const content = expression.content;
  const raw = options.text.slice(content.start, content.end);
  const interpolations = expression.kind === 'template' ? expression.interpolations.map((i) => shift(i.span, -content.start)) : [];
  const neutral = neutralize(raw, interpolations);
  const quoted = expression.quoting === 'quoted';
  // Quoted: resolve \" and friends, keep $${ for the JSON reader's template escapes. Heredoc: as written.
  const unescaped = quoted ? unescapeQuoted(neutral, { keepTemplateEscapes: true }) : undefined;
  const json = unescaped ? unescaped.value : neutral;
  const ranges = unescaped ? interpolations.map((r) => ({ start: indexOfOffset(unescaped.offsets, r.start), end: indexOfOffset(unescaped.offsets, r.end) })) : interpolations;
  const masked = placeholders(json, ranges);
  if (masked.trim() === '' || isWholeInterpolation(masked)) return { status: 'none', errors: [] };

  const { root, errors, tooDeep } = parseJsonTree(masked);
  const toFile = unescaped ? (offset: number): number => content.start + unescaped.offsets[offset]! : (offset: number): number => content.start + offset;
  const fileErrors = errors.map((error) => ({ message: error.message, span: { start: toFile(error.span.start), end: toFile(error.span.end) } }));
  if (tooDeep) return { status: 'none', errors: options.expected || tooDeep.looksLikePolicy ? fileErrors : [] };
  if (!root || root.type !== 'object' || (!options.expected && !looksLikePolicy(root))) {
    if (!options.expected || (root && root.type === 'string')) return { status: 'none', errors: [] };
    const notObject = root ? [{ message: 'An IAM policy must be a JSON object: { "Version": "2012-10-17", "Statement": [...] }.', span: expression.span }] : [];
    return { status: 'none', errors: fileErrors.length ? fileErrors : notObject };
  }
  const document = buildPolicyFromJson(unescaped ? mapNode(root, toFile) : root, {
    uri: options.uri,
    base: unescaped ? 0 : content.start,
    terraformTemplate: true,
    kind: options.kind,
    origin: { ...options.origin, embedding: quoted ? 'quoted-string' : 'heredoc' },
    syntaxErrors: fileErrors,
  });
  return { status: 'document', document };
}

/** Replaces each interpolation with `${___}` of the same length: no quotes or backslashes left in it. */
function neutralize(raw: string, ranges: readonly Span[]): string {
  if (ranges.length === 0) return raw;
  let result = '';
  let at = 0;
  for (const range of ranges) {
    result += raw.slice(at, range.start) + '${' + '_'.repeat(Math.max(0, range.end - range.start - 3)) + '}'.slice(0, Math.max(0, range.end - range.start - 2));
    at = range.end;
  }
  return result + raw.slice(at);
}

/** Inside a JSON string a placeholder stays `${___}`; outside it becomes the string `"${_"`. */
function placeholders(json: string, ranges: readonly Span[]): string {
  if (ranges.length === 0) return json;
  let result = '';
  let at = 0;
  let inString = false;
  for (const range of ranges) {
    for (let i = at; i < range.start; i++) {
      const c = json[i];
      if (c === '\\' && inString) i++;
      else if (c === '"') inString = !inString;
    }
    const length = range.end - range.start;
    const placeholder = inString || length < 4 ? json.slice(range.start, range.end) : `"\${${'_'.repeat(length - 4)}"`;
    result += json.slice(at, range.start) + placeholder;
    at = range.end;
  }
  return result + json.slice(at);
}

function isWholeInterpolation(masked: string): boolean {
  return /^\s*"\$\{_*"\s*$/.test(masked);
}

/** The index of the first character that came from `offset` or later. */
function indexOfOffset(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function mapNode(node: Node, toFile: (offset: number) => number): Node {
  const start = toFile(node.offset);
  const end = toFile(node.offset + node.length);
  const children = node.children?.map((child) => mapNode(child, toFile));
  return { type: node.type, value: node.value, offset: start, length: end - start, ...(children ? { children } : {}) };
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}
