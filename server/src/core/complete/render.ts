/**
 * How completion text is written in each syntax: values quoted or not, keys as `"Key": value` (JSON)
 * or `Key = value` (`jsonencode`). In a `policy_document` block what JSON writes as a key (a
 * principal type, an operator, a condition key) is a string value (`test = "StringEquals"`); the
 * block's own argument names are written by policy-document.ts. Wherever Terraform reads the text
 * (HCL, and JSON in a heredoc), a literal `${` is written `$${`.
 */
import { KEY_VARIABLE, hasVariablePart } from '../catalog/catalog';
import { CursorContext } from '../locate/context';
import { CompletionEntry, EntryKind } from './types';

/** Escapes text for a snippet body. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * A name with variable parts (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`,
 * `arn:${Partition}:s3:::${BucketName}`) as a snippet with a placeholder for each; `defaults` gives
 * a placeholder another default (`Partition` → `aws`).
 */
export function templateSnippet(template: string, defaults: Readonly<Record<string, string>> = {}): string {
  let index = 0;
  let result = '';
  let last = 0;
  for (const match of template.matchAll(new RegExp(KEY_VARIABLE.source, 'g'))) {
    const name = match[1] ?? match[2] ?? match[3]!;
    result += snippetText(template.slice(last, match.index)) + `\${${++index}:${snippetText(defaults[name] ?? name)}}`;
    last = match.index! + match[0].length;
  }
  return result + snippetText(template.slice(last));
}

export function hasTemplate(name: string): boolean {
  return hasVariablePart(name);
}

/** A string value: bare inside quotes that stay, else quoted for the syntax. */
function quoteBody(context: CursorContext, body: string): string {
  return context.quoted ? body : `"${body}"`;
}

/** Whether Terraform reads the inserted text, so that `${` would start an interpolation. */
function readByTerraform(context: CursorContext): boolean {
  return context.syntax !== 'json' || context.embedding !== undefined;
}

/** A snippet's literal `${` (escaped `\${` in snippet syntax) and `%{` written as Terraform's `$${` and `%%{`. */
function literalTemplates(context: CursorContext, snippet: string): string {
  if (!readByTerraform(context)) return snippet;
  return snippet.replace(/\\\$\{/g, () => '\\$\\${').replace(/%\{/g, () => '%%{');
}

function filterFor(context: CursorContext, label: string): string {
  return context.openQuote ? `"${label}` : label;
}

export interface ValueOptions {
  readonly label: string;
  readonly kind: EntryKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText: string;
  /** A snippet body to insert instead of the label (already snippet-escaped). */
  readonly snippetBody?: string;
  readonly retrigger?: boolean;
}

/** A completion that writes a string value. */
export function valueEntry(context: CursorContext, options: ValueOptions): CompletionEntry {
  const escaped = readByTerraform(context) ? hclInner(options.label) : jsonInner(options.label);
  const snippet = options.snippetBody !== undefined;
  const body = snippet ? literalTemplates(context, options.snippetBody!) : escaped;
  return {
    label: options.label,
    kind: options.kind,
    detail: options.detail,
    documentation: options.documentation,
    insertText: quoteBody(context, body),
    snippet,
    filterText: filterFor(context, options.label),
    sortText: options.sortText,
    retrigger: options.retrigger,
  };
}

/** The value a key completion writes after the key, as a snippet for JSON and `jsonencode`. */
export type ValueShape = 'string' | 'list' | 'effect' | 'version' | 'statements' | 'principal' | 'condition' | 'operatorBlock';

export interface KeyOptions {
  readonly label: string;
  readonly kind: EntryKind;
  readonly shape: ValueShape;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText: string;
  /** A snippet for the key itself (a key with a variable part); the label otherwise. */
  readonly keySnippet?: string;
  readonly retrigger?: boolean;
}

/** A completion that writes a key, and its value skeleton unless a value already follows. */
export function keyEntry(context: CursorContext, options: KeyOptions): CompletionEntry {
  const hcl = context.syntax !== 'json';
  const keyBody = literalTemplates(context, options.keySnippet ?? snippetText(options.label));
  // Inside quotes that stay (`test = "|"`) the name goes in bare; a jsonencode key needs quotes only
  // when it is not an identifier; a policy_document value always does.
  const bare = context.quoted || (context.syntax === 'jsonencode' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(options.label) && !options.keySnippet);
  const key = bare ? keyBody : `"${keyBody}"`;
  const value = valueSkeleton(options.shape, hcl, placeholderCount(key) + 1);
  const insertText = context.hasValue || context.syntax === 'policy-document' ? key : `${key}${hcl ? ' = ' : ': '}${value}`;
  return {
    label: options.label,
    kind: options.kind,
    detail: options.detail,
    documentation: options.documentation,
    insertText,
    snippet: true,
    filterText: filterFor(context, options.label),
    sortText: options.sortText,
    retrigger: options.retrigger && !context.hasValue,
  };
}

/** The value written after a new key; placeholders numbered from `first` (after the key's own). */
function valueSkeleton(shape: ValueShape, hcl: boolean, first: number): string {
  let next = first;
  const tab = (): string => `$${next++}`;
  const member = (key: string, value: string): string => (hcl ? `${key} = ${value}` : `${key}: ${value}`);
  const quotedKey = (key: string): string => (hcl ? key : `"${key}"`);
  switch (shape) {
    case 'string':
      return `"${tab()}"`;
    case 'list':
      return `["${tab()}"]`;
    case 'effect':
      return `"\${${next++}|Allow,Deny|}"`;
    case 'version':
      return '"2012-10-17"';
    case 'statements': {
      const separator = hcl ? '\n' : ',\n';
      const effect = `"\${${next++}|Allow,Deny|}"`;
      const members = [member(quotedKey('Effect'), effect), member(quotedKey('Action'), `"${tab()}"`), member(quotedKey('Resource'), `"${tab()}"`)];
      return `[\n\t{\n${members.map((m) => `\t\t${m}`).join(separator)}\n\t}\n]`;
    }
    case 'principal': {
      const type = `\${${next++}|AWS,Service,Federated|}`;
      return `{ ${member(hcl ? type : `"${type}"`, `"${tab()}"`)} }`;
    }
    case 'condition': {
      const operator = `\${${next++}:StringEquals}`;
      const key = `"${tab()}"`;
      return `{ ${member(hcl ? operator : `"${operator}"`, `{ ${member(key, `"${tab()}"`)} }`)} }`;
    }
    case 'operatorBlock': {
      const key = `"${tab()}"`;
      return `{ ${member(key, `"${tab()}"`)} }`;
    }
  }
}

/** How many numbered placeholders a snippet has. */
function placeholderCount(snippet: string): number {
  return new Set([...snippet.matchAll(/(?<!\\)\$\{?(\d+)/g)].map((m) => m[1])).size;
}

function jsonInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** HCL string content: JSON escapes, and `${` / `%{` doubled so Terraform does not interpolate. */
function hclInner(text: string): string {
  return jsonInner(text)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/**
 * A snippet as the plain text it inserts when every placeholder keeps its default (a choice takes its
 * first option): for clients without snippet support, and for tests.
 */
export function snippetToPlain(snippet: string): string {
  let result = '';
  for (let i = 0; i < snippet.length; i++) {
    const char = snippet[i]!;
    if (char === '\\' && i + 1 < snippet.length) {
      result += snippet[++i];
      continue;
    }
    if (char !== '$') {
      result += char;
      continue;
    }
    const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
    if (tabstop) {
      i += tabstop[0].length - 1;
      continue;
    }
    const placeholder = /^\$\{\d+:((?:\\.|[^\\}])*)\}/.exec(snippet.slice(i));
    if (placeholder) {
      result += placeholder[1]!.replace(/\\(.)/g, '$1');
      i += placeholder[0].length - 1;
      continue;
    }
    const choice = /^\$\{\d+\|([^,|]*)[^}]*\}/.exec(snippet.slice(i));
    if (choice) {
      result += choice[1];
      i += choice[0].length - 1;
      continue;
    }
    result += char;
  }
  return result;
}
