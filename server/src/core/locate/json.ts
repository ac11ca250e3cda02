/**
 * The JSON locator: (parsed file, offset) → what the cursor is in. It reads the JSON path at the
 * cursor with jsonc-parser, which copes with the half-typed text completion sees (`{ "Eff`,
 * `"Action": "s3:get`), and takes the policy and statement around it from the model.
 */
import { getLocation, Node as JsonNode } from 'jsonc-parser';
import { Key, ParsedFile, PolicyDocument, Span, Statement, spanContains } from '../model';
import { CursorContext, CursorElement } from './context';

type JsonPath = (string | number)[];

export function locateJson(file: ParsedFile, offset: number): CursorContext | undefined {
  const { text } = file;
  const document = file.documents.find((d) => spanContains(d.span, offset));
  // A JSON file that is not a policy yet gets policy keys only while it is still empty: an object
  // with no member written (package.json and friends get nothing).
  if (!document && !file.isPolicyFile && text.includes(':')) return undefined;
  const location = getLocation(text, offset);
  const path = location.path as JsonPath;
  const isKey = location.isAtPropertyKey;
  const token = tokenAt(text, offset, location.previousNode, isKey);
  if (!token) return undefined;

  const target = resolve(path, isKey);
  if (!target) return undefined;
  if (!document && target.element !== 'policyKey') return undefined;
  const statement = target.statementIndex !== undefined ? document?.statements[target.statementIndex] : undefined;

  const typed = text.slice(token.nameStart, offset);
  return {
    element: target.element,
    syntax: 'json',
    text: typed + text.slice(offset, token.nameEnd),
    prefix: typed,
    span: token.span,
    quoted: token.quoted,
    openQuote: !token.quoted && text[token.span.start] === '"',
    offset,
    hasValue: isKey && /^\s*:/.test(text.slice(token.tokenEnd)),
    siblingKeys: isKey ? siblings(target, document, statement, token.tokenStart) : [],
    principalType: target.principalType,
    operator: target.operator,
    document,
    statement,
  };
}

interface Target {
  readonly element: CursorElement;
  readonly statementIndex?: number;
  readonly principalType?: string;
  readonly operator?: string;
  /** For keys inside a statement: the path below the statement to the object holding the key. */
  readonly objectPath?: readonly string[];
}

function resolve(path: JsonPath, isKey: boolean): Target | undefined {
  if (path.length === 1) {
    if (isKey) return { element: 'policyKey' };
    return path[0] === 'Version' ? { element: 'version' } : undefined;
  }
  if (path[0] !== 'Statement') return undefined;
  // "Statement": [ {…}, … ] or a lone "Statement": {…}
  const inArray = typeof path[1] === 'number';
  const statementIndex = inArray ? (path[1] as number) : 0;
  const rest = path.slice(inArray ? 2 : 1);
  const [first, second] = rest;
  if (rest.length === 1 && isKey) return { element: 'statementKey', statementIndex, objectPath: [] };
  if (typeof first !== 'string') return undefined;
  if (!isKey) {
    if (first === 'Effect' && rest.length === 1) return { element: 'effect', statementIndex };
    const isListItem = rest.length === 1 || (rest.length === 2 && typeof second === 'number');
    if ((first === 'Action' || first === 'NotAction') && isListItem) return { element: 'action', statementIndex };
    if ((first === 'Resource' || first === 'NotResource') && isListItem) return { element: 'resource', statementIndex };
    if ((first === 'Principal' || first === 'NotPrincipal') && typeof second === 'string' && (rest.length === 2 || (rest.length === 3 && typeof rest[2] === 'number'))) {
      return { element: 'principalValue', statementIndex, principalType: second };
    }
    return undefined;
  }
  if ((first === 'Principal' || first === 'NotPrincipal') && rest.length === 2) {
    return { element: 'principalType', statementIndex, objectPath: [first] };
  }
  if (first === 'Condition' && rest.length === 2) return { element: 'conditionOperator', statementIndex, objectPath: [first] };
  if (first === 'Condition' && rest.length === 3 && typeof second === 'string') {
    return { element: 'conditionKey', statementIndex, operator: second, objectPath: [first, second] };
  }
  return undefined;
}

interface Token {
  /** What a completion replaces. */
  readonly span: Span;
  readonly quoted: boolean;
  /** The name's characters, without quotes. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The whole token, quotes included (an empty range at the cursor when nothing is typed). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/**
 * The token at the cursor. Inside a closed string value, the span is its content (the quotes stay);
 * a key, or a string left open, is replaced whole with a quoted name; a bare word (`Al`) too.
 */
function tokenAt(text: string, offset: number, node: JsonNode | undefined, isKey: boolean): Token | undefined {
  if (node && (node.type === 'string' || node.type === 'property') && text[node.offset] === '"' && offset > node.offset) {
    const start = node.offset;
    const end = node.offset + node.length;
    const closed = node.length >= 2 && text[end - 1] === '"' && text[end - 2] !== '\\' && !text.slice(start, end).includes('\n');
    if (closed && offset >= end) return undefined;
    if (!closed) {
      // An open string runs to the end of the line: only what is before the cursor is the name.
      return { span: { start, end: offset }, quoted: false, nameStart: start + 1, nameEnd: offset, tokenStart: start, tokenEnd: offset };
    }
    if (isKey) return { span: { start, end }, quoted: false, nameStart: start + 1, nameEnd: end - 1, tokenStart: start, tokenEnd: end };
    return { span: { start: start + 1, end: end - 1 }, quoted: true, nameStart: start + 1, nameEnd: end - 1, tokenStart: start, tokenEnd: end };
  }
  let start = offset;
  while (start > 0 && /[\w:*.\-/]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && /[\w:*.\-/]/.test(text[end]!)) end++;
  return { span: { start, end }, quoted: false, nameStart: start, nameEnd: end, tokenStart: start, tokenEnd: end };
}

function siblings(target: Target, document: PolicyDocument | undefined, statement: Statement | undefined, tokenStart: number): string[] {
  let keys: readonly Key[] = [];
  if (target.element === 'policyKey') keys = document?.keys ?? [];
  else if (statement && target.objectPath) {
    const [first, second] = target.objectPath;
    if (first === undefined) keys = statement.keys;
    else if (first === 'Principal' || first === 'NotPrincipal') {
      const member = first === 'Principal' ? statement.principal : statement.notPrincipal;
      keys = member?.value.entries.map((entry) => entry.key) ?? [];
    } else if (first === 'Condition' && second === undefined) keys = statement.condition?.value.keys ?? [];
    else if (first === 'Condition') keys = statement.condition?.value.operators.find((o) => o.operator.name === second)?.keys ?? [];
  }
  return keys.filter((key) => key.span.start !== tokenStart).map((key) => key.name);
}
