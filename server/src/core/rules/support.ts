/** Small helpers rules share: how to name a statement in a message and where to point at it. */
import { PolicyDocument, Span, Statement } from '../model';
import { ObjectSyntax } from '../fixes/render';

/** `statement "AllowRead"` when it has a Sid, else `statement 2` (1-based). */
export function statementLabel(statement: Statement): string {
  const sid = statement.sid?.value;
  return sid && sid.type === 'string' && sid.text ? `statement "${sid.text}"` : `statement ${statement.index + 1}`;
}

/**
 * Where a finding about a whole statement points: its Sid value when it has one, else its first
 * key, else its opening brace. Short, and on the first line of the statement.
 */
export function statementAnchor(statement: Statement): Span {
  if (statement.sid) return statement.sid.value.span;
  const first = statement.keys[0];
  if (first) return first.span;
  return { start: statement.span.start, end: Math.min(statement.span.start + 1, statement.span.end) };
}

/** Where a finding about a whole document points: its opening brace, or the block's first token. */
export function documentAnchor(document: PolicyDocument): Span {
  return { start: document.span.start, end: Math.min(document.span.start + 1, document.span.end) };
}

/** The syntaxes written as key/value objects, where key-level rules and member fixes apply. */
export function objectSyntax(document: PolicyDocument): ObjectSyntax | undefined {
  return document.syntax === 'policy-document' ? undefined : document.syntax;
}

const BLOCK_NAMES: Readonly<Record<string, string>> = {
  Sid: 'sid',
  Effect: 'effect',
  Principal: 'principals',
  NotPrincipal: 'not_principals',
  Action: 'actions',
  NotAction: 'not_actions',
  Resource: 'resources',
  NotResource: 'not_resources',
  Condition: 'condition',
};

/** The name of a policy element as the document writes it: `Action` in JSON, `actions` in a policy_document block. */
export function elementName(document: PolicyDocument, element: string): string {
  return document.syntax === 'policy-document' ? (BLOCK_NAMES[element] ?? element) : element;
}

/**
 * Whether the statement has a key naming `element` in another case ("action" for "Action"). The
 * unknown-key rule reports that key with a fix, so rules about a missing element stay quiet.
 */
export function hasMisspelledKey(statement: Statement, ...elements: string[]): boolean {
  const wanted = new Set(elements.map((e) => e.toLowerCase()));
  return statement.keys.some((key) => !elements.includes(key.name) && wanted.has(key.name.toLowerCase()));
}
