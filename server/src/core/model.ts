/**
 * The policy model every feature works on. Parsers (JSON, Terraform) build it; rules, completion,
 * hover, fixes and the graph read it. Everything carries its source span as offsets into the text
 * of the file it came from: only the LSP adapter turns offsets into lines and columns.
 */

/** Half-open range of offsets `[start, end)` into the file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type PolicyKind = 'identity' | 'trust' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'trust', 'resource', 'scp', 'rcp', 'boundary', 'session'];

/**
 * How the policy is written. The same policy in any of these yields the same findings; fixes are
 * built for the syntax the policy is in.
 * - json: a .json file, or JSON inside a Terraform heredoc or quoted string (offsets shifted)
 * - jsonencode: a Terraform `jsonencode({...})` object expression
 * - policy-document: a Terraform `data "aws_iam_policy_document"` block
 */
export type PolicySyntax = 'json' | 'jsonencode' | 'policy-document';

/**
 * A single value as written.
 * - `unknown`: a Terraform expression we cannot evaluate (`var.x`, `"${local.id}"`, a function call).
 *   Rules never report a finding about an unknown value.
 * - `invalid`: an object or array where a scalar belongs (the value-type rule reports it).
 */
export interface Scalar {
  readonly type: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'invalid';
  /** The value as text: the string itself without quotes, `true`, `12`; the source text for unknown/invalid. */
  readonly text: string;
  /** The whole token, quotes included. */
  readonly span: Span;
}

/** A key as written, with the span of the key token (quotes included). */
export interface Key {
  readonly name: string;
  readonly span: Span;
  /**
   * The key is a Terraform expression we cannot evaluate: a policy_document condition whose `test`
   * or `variable` is `var.x`. Its name is the source text; rules never report on it.
   */
  readonly unknown?: boolean;
}

/** A key with its value; `span` covers both. */
export interface Member<V> {
  readonly key: Key;
  readonly value: V;
  readonly span: Span;
}

/**
 * One value or a list of values (IAM accepts `"s3:GetObject"` and `["s3:GetObject", ...]`).
 * - single: a lone scalar; array: a list; unknown: a Terraform expression for the whole list;
 *   invalid: an object or other non-list value (the value-type rule reports it).
 */
export interface ValueList {
  readonly form: 'single' | 'array' | 'unknown' | 'invalid';
  readonly items: readonly Scalar[];
  readonly span: Span;
}

/** `Principal` / `NotPrincipal`: `"*"`, or a map of `AWS`, `Service`, `Federated`, `CanonicalUser`. */
export interface PrincipalValue {
  readonly form: 'wildcard' | 'map' | 'unknown' | 'invalid';
  /** Present when the value is the bare string `"*"` (or any other bare string: form says which). */
  readonly scalar?: Scalar;
  readonly entries: readonly Member<ValueList>[];
  readonly span: Span;
}

/** One operator of a `Condition`: `"StringEquals": { "aws:PrincipalOrgID": "o-123" }`. */
export interface ConditionOperator {
  /** The operator name as written; in a policy_document block, the `test` value. */
  readonly operator: Key;
  readonly form: 'map' | 'unknown' | 'invalid';
  /** Condition key → values; in a policy_document block, `variable` → `values`. */
  readonly entries: readonly Member<ValueList>[];
  /** All keys written in the operator's object, duplicates included. */
  readonly keys: readonly Key[];
  readonly span: Span;
}

export interface ConditionBlock {
  readonly form: 'map' | 'unknown' | 'invalid';
  /** Operators in source order. An operator may appear more than once (policy_document blocks). */
  readonly operators: readonly ConditionOperator[];
  /** All keys written in the Condition object, duplicates included. */
  readonly keys: readonly Key[];
  readonly span: Span;
}

export interface Statement {
  readonly index: number;
  /** The statement object (braces included) or block. */
  readonly span: Span;
  /** False when the statement is not an object (a string, a number): the value-type rule reports it. */
  readonly isObject: boolean;
  /**
   * The effect when none is written: `Allow` in a Terraform policy_document block (its default);
   * absent in JSON, where Effect is required. Read the effect with `effectOf` (core/policy/principals.ts).
   */
  readonly defaultEffect?: 'Allow';
  readonly sid?: Member<Scalar>;
  readonly effect?: Member<Scalar>;
  readonly principal?: Member<PrincipalValue>;
  readonly notPrincipal?: Member<PrincipalValue>;
  readonly action?: Member<ValueList>;
  readonly notAction?: Member<ValueList>;
  readonly resource?: Member<ValueList>;
  readonly notResource?: Member<ValueList>;
  readonly condition?: Member<ConditionBlock>;
  /** Every key written in the statement, in order, unknown and duplicate ones included. */
  readonly keys: readonly Key[];
}

/** Where a policy document came from, beyond its file. */
export interface PolicyOrigin {
  /** Terraform: the resource or data source address, e.g. `aws_iam_role.deploy`. */
  readonly address?: string;
  /** Terraform: the argument holding the policy, e.g. `assume_role_policy`. */
  readonly argument?: string;
  /** Why the document has its kind: its content, a file glob, or the Terraform argument. */
  readonly kindReason: 'content' | 'glob' | 'terraform' | 'default';
  /** Terraform: the argument elsewhere that uses this document and gave it its kind (a data source used by a role). */
  readonly usedBy?: { readonly address: string; readonly argument: string };
  /** JSON written inside a Terraform heredoc or quoted string: edits must be escaped for it. */
  readonly embedding?: 'heredoc' | 'quoted-string';
  /** Terraform policy_document: the documents merged into this one, as written. */
  readonly merges?: readonly PolicyMerge[];
  /**
   * Terraform: the policy as it was when its block could last be read (the block is broken now),
   * its spans moved into the new text. Its findings keep their place; fixes are not offered, as
   * the text they would edit is no longer there.
   */
  readonly carriedOver?: boolean;
}

/** A `source_policy_documents` or `override_policy_documents` argument of a policy_document block. */
export interface PolicyMerge {
  readonly argument: 'source_policy_documents' | 'override_policy_documents' | 'source_json' | 'override_json';
  /** The policy sources it names (`data.aws_iam_policy_document.base`); others are unknown expressions. */
  readonly sources: readonly string[];
  readonly span: Span;
}

export interface PolicyDocument {
  readonly uri: string;
  readonly kind: PolicyKind;
  readonly syntax: PolicySyntax;
  /** The policy object (braces included), or the policy_document block. */
  readonly span: Span;
  readonly version?: Member<Scalar>;
  readonly id?: Member<Scalar>;
  /** The `Statement` member; its value's form says whether it was an array, one object, or neither. */
  readonly statement?: Member<{ readonly form: 'array' | 'object' | 'unknown' | 'invalid'; readonly span: Span }>;
  readonly statements: readonly Statement[];
  /** Every key written at the top level, in order, unknown and duplicate ones included. */
  readonly keys: readonly Key[];
  /** Syntax errors inside this document (JSON in a heredoc, for example). */
  readonly syntaxErrors: readonly ParseError[];
  readonly origin: PolicyOrigin;
}

export interface ParseError {
  readonly message: string;
  readonly span: Span;
}

export type SourceLanguage = 'json' | 'terraform';

/** Everything one file yields. */
export interface ParsedFile {
  readonly uri: string;
  readonly language: SourceLanguage;
  readonly text: string;
  readonly documents: readonly PolicyDocument[];
  /**
   * False for files that hold no IAM policy (package.json, tsconfig.json): they get no findings at
   * all, not even syntax errors.
   */
  readonly isPolicyFile: boolean;
  /** Syntax errors outside any document (a broken .json policy file whose root could not be read). */
  readonly syntaxErrors: readonly ParseError[];
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The string content of a quoted token: the span without its quotes (the span itself if unquoted). */
export function innerSpan(text: string, span: Span): Span {
  const first = text.charCodeAt(span.start);
  const last = text.charCodeAt(span.end - 1);
  if (span.end - span.start >= 2 && first === 0x22 && last === 0x22) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return span;
}

/** All members that carry values of one list element kind, for code that treats them alike. */
export function listMembers(statement: Statement): Member<ValueList>[] {
  const lists: (Member<ValueList> | undefined)[] = [
    statement.action,
    statement.notAction,
    statement.resource,
    statement.notResource,
  ];
  return lists.filter((m): m is Member<ValueList> => m !== undefined);
}

/** The known string items of a list (unknown Terraform values and non-strings left out). */
export function stringItems(list: ValueList | undefined): Scalar[] {
  if (!list) return [];
  return list.items.filter((item) => item.type === 'string');
}
