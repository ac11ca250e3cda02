/**
 * The JSON locator: (text, offset) → what the cursor is in. It reads the JSON path at the cursor
 * with jsonc-parser, which copes with the half-typed text completion sees (`{ "Eff`,
 * `"Action": "s3:get`), and reads the statement around the cursor into the model on its own
 * (json-statement.ts), so a keystroke in a large policy does not parse it whole.
 */
import { getLocation, Node as JsonNode } from 'jsonc-parser';
import { Key, PolicyDocument, Span, Statement } from '../model';
import { CursorContext, CursorElement } from './context';
import { isStackOverflow, jsonTooDeep } from '../parse/nesting';
import { SliceOptions, StatementRange, findStatement, readStatement, rootKeys } from './json-statement';

/** Keys and array indexes from the policy object down to the cursor. */
export type JsonPath = (string | number)[];

export function locateJson(text: string, offset: number, options: SliceOptions): CursorContext | undefined {
  const range = findStatement(text, offset);
  // getLocation recurses per level like parseTree: text too deep for it gets no completion (nesting.ts).
  if (jsonTooDeep(range ? text.slice(range.start, range.end) : text)) return undefined;
  let location: ReturnType<typeof jsonPathAt>;
  try {
    location = jsonPathAt(text, offset, range);
  } catch (error) {
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
  const { path, isKey, node } = location;
  const target = resolvePolicyPath(path, isKey);
  if (!target) return undefined;
  const token = tokenAt(text, offset, node, isKey);
  if (!token) return undefined;

  let document: PolicyDocument | undefined;
  let statement: Statement | undefined;
  let topKeys: readonly Key[] = [];
  if (target.element === 'policyKey') {
    topKeys = rootKeys(text);
    // A JSON file that is not a policy gets policy keys only while it is still empty: an object with
    // no member written (package.json and friends get nothing).
    const isPolicy = options.kindReason === 'glob' || options.kindReason === 'terraform' || topKeys.some((key) => /^statement$/i.test(key.name) || key.name === 'Version');
    if (!isPolicy && text.includes(':')) return undefined;
  } else if (target.statementIndex !== undefined) {
    const slice = range && readStatement(text, range, options);
    if (!slice) return undefined;
    document = slice.document;
    statement = slice.statement;
  }

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
    siblingKeys: isKey ? siblings(target, topKeys, statement, token.tokenStart) : [],
    principalType: target.principalType,
    operator: target.operator,
    document,
    statement,
  };
}

/**
 * The JSON path at the cursor. Inside a statement, only the statement's text is read (its path
 * prefixed with where it sits), so the cost does not grow with the statements before it.
 */
function jsonPathAt(text: string, offset: number, range: StatementRange | undefined): { path: JsonPath; isKey: boolean; node: JsonNode | undefined } {
  if (!range) {
    const location = getLocation(text, offset);
    return { path: location.path as JsonPath, isKey: location.isAtPropertyKey, node: location.previousNode };
  }
  const location = getLocation(text.slice(range.start, range.end), offset - range.start);
  const prefix: JsonPath = range.inArray ? ['Statement', range.index] : ['Statement'];
  const node = location.previousNode && { ...location.previousNode, offset: location.previousNode.offset + range.start };
  return { path: [...prefix, ...(location.path as JsonPath)], isKey: location.isAtPropertyKey, node };
}

export interface Target {
  readonly element: CursorElement;
  readonly statementIndex?: number;
  readonly principalType?: string;
  readonly operator?: string;
  /** For keys inside a statement: the path below the statement to the object holding the key. */
  readonly objectPath?: readonly string[];
}

/**
 * The element a policy path points at (`["Statement", 0, "Action", 1]` is an action), or undefined
 * where nothing completes; `isKey` when the last part is a key being written. Shared with the
 * `jsonencode` locator, whose HCL objects have the same shape.
 */
export function resolvePolicyPath(path: JsonPath, isKey: boolean): Target | undefined {
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

function siblings(target: Target, topKeys: readonly Key[], statement: Statement | undefined, tokenStart: number): string[] {
  let keys: readonly Key[] = [];
  if (target.element === 'policyKey') keys = topKeys;
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
