/**
 * The statement around an offset, read from the JSON text alone: one scan of the tokens up to the
 * end of that statement, then a parse of the statement's own text. Completion and hover run on
 * every keystroke, each on a new version of the text, and must not parse a thousand-statement
 * policy whole each time.
 */
import { SyntaxKind, createScanner, parseTree } from 'jsonc-parser';
import { Key, PolicyDocument, PolicyKind, PolicyOrigin, Statement } from '../model';
import { buildPolicyFromJson, clampNodes } from '../parse/json';
import { kindFromStatements } from '../parse/kind';
import { isStackOverflow, jsonTooDeep, treeTooDeep } from '../parse/nesting';

export interface JsonStatementSlice {
  /** A policy holding only the statement at the offset (at its real index); spans are file offsets. */
  readonly document: PolicyDocument;
  readonly statement: Statement;
}

export interface SliceOptions {
  readonly uri: string;
  /** The kind when known from outside the text (a file glob); else the statement's content decides. */
  readonly kind?: PolicyKind;
  readonly kindReason?: PolicyOrigin['kindReason'];
}

interface Container {
  readonly type: 'object' | 'array';
  readonly start: number;
  /** The key whose value this container is, for containers inside an object. */
  readonly key?: string;
  /** For arrays: how many items have started so far. */
  items: number;
}

/** Where a statement object lies in the text, and its index in `Statement`. */
export interface StatementRange {
  readonly start: number;
  /** Just past its closing brace, or the end of the text while it is still open. */
  readonly end: number;
  readonly index: number;
  /** Whether `Statement` is an array of statements (else it is this one object). */
  readonly inArray: boolean;
}

export function jsonStatementAt(text: string, offset: number, options: SliceOptions): JsonStatementSlice | undefined {
  const found = findStatement(text, offset);
  return found && readStatement(text, found, options);
}

/** The statement in `range`, parsed on its own into a one-statement policy. */
export function readStatement(text: string, found: StatementRange, options: SliceOptions): JsonStatementSlice | undefined {
  // Parsed inside a one-statement policy; `base` shifts every span back to file offsets. The line
  // break keeps an unterminated string from running into the closing brackets (JSON strings end
  // at a line break), which would give it a span past the text.
  const prefix = '{"Statement":[';
  // Too deep for jsonc-parser's recursion (nesting.ts): the file's diagnostics say so.
  if (jsonTooDeep(text.slice(found.start, found.end))) return undefined;
  let root;
  try {
    root = parseTree(`${prefix}${text.slice(found.start, found.end)}\n]}`, [], { disallowComments: true });
  } catch (error) {
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
  if (!root || treeTooDeep(root)) return undefined;
  // An unterminated comment swallows the closing brackets: nothing may reach past the statement.
  clampNodes(root, prefix.length + found.end - found.start);
  const built = buildPolicyFromJson(root, { uri: options.uri, base: found.start - prefix.length, kind: options.kind });
  const parsed = built.statements[0];
  if (!parsed || !parsed.isObject) return undefined;
  const statement: Statement = { ...parsed, index: found.index };
  const document: PolicyDocument = {
    ...built,
    kind: options.kind ?? kindFromStatements([statement]),
    span: { start: 0, end: text.length },
    statement: undefined,
    statements: [statement],
    keys: [],
    origin: { kindReason: options.kindReason ?? (options.kind ? 'default' : 'content') },
  };
  return { document, statement };
}

/** The statement object holding `offset`, by a scan of the tokens up to its end. */
export function findStatement(text: string, offset: number): StatementRange | undefined {
  const scanner = createScanner(text, true);
  const stack: Container[] = [];
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  let statement: { start: number; index: number; depth: number; inArray: boolean } | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const at = scanner.getTokenOffset();
    if (!statement && at > offset) return undefined;
    switch (token) {
      case SyntaxKind.StringLiteral:
        lastString = scanner.getTokenValue();
        break;
      case SyntaxKind.ColonToken:
        pendingKey = lastString;
        break;
      case SyntaxKind.CommaToken:
        pendingKey = undefined;
        break;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const parent = stack[stack.length - 1];
        const key = parent?.type === 'object' ? pendingKey : undefined;
        if (parent?.type === 'array') parent.items++;
        const type = token === SyntaxKind.OpenBraceToken ? 'object' : 'array';
        if (!statement && type === 'object' && isStatementPosition(stack, key)) {
          const inArray = parent?.type === 'array';
          statement = { start: at, index: inArray ? parent.items - 1 : 0, depth: stack.length, inArray };
        }
        stack.push({ type, start: at, key, items: 0 });
        pendingKey = undefined;
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        stack.pop();
        if (statement && stack.length === statement.depth) {
          const end = at + 1;
          if (offset >= statement.start && offset <= end) return { start: statement.start, end, index: statement.index, inArray: statement.inArray };
          statement = undefined;
        }
        break;
      }
    }
    if (token !== SyntaxKind.StringLiteral && token !== SyntaxKind.ColonToken) lastString = undefined;
  }
  // The statement is still open at the end of the text (it is being typed).
  return statement && offset >= statement.start ? { start: statement.start, end: text.length, index: statement.index, inArray: statement.inArray } : undefined;
}

/**
 * Whether an object opening here is a statement: an item of the root's `Statement` array, or the
 * root's `Statement` object itself.
 */
function isStatementPosition(stack: readonly Container[], key: string | undefined): boolean {
  if (stack.length === 1) return stack[0]!.type === 'object' && key === 'Statement';
  if (stack.length === 2) return stack[0]!.type === 'object' && stack[1]!.type === 'array' && stack[1]!.key === 'Statement';
  return false;
}

/** The keys written at the top of the policy object, for completion there. */
export function rootKeys(text: string): Key[] {
  const scanner = createScanner(text, true);
  const keys: Key[] = [];
  let depth = 0;
  let candidate: Key | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    else if (depth === 1 && token === SyntaxKind.StringLiteral) {
      const start = scanner.getTokenOffset();
      candidate = { name: scanner.getTokenValue(), span: { start, end: start + scanner.getTokenLength() } };
      continue;
    } else if (token === SyntaxKind.ColonToken && candidate) keys.push(candidate);
    candidate = undefined;
  }
  return keys;
}
