/**
 * IAM policies written as JSON: a whole .json file, or JSON text inside a Terraform heredoc or
 * string (pass `base` to shift every span into the enclosing file).
 */
import { Node, ParseError as JsonError, SyntaxKind, createScanner, parseTree, printParseErrorCode } from 'jsonc-parser';
import {
  ConditionBlock,
  ConditionOperator,
  Key,
  Member,
  ParseError,
  PolicyDocument,
  PolicyKind,
  PolicyOrigin,
  PrincipalValue,
  Scalar,
  Span,
  Statement,
  ValueList,
} from '../model';
import { kindFromStatements } from './kind';
import { isStackOverflow, jsonTooDeep, tooDeepMessage, treeTooDeep } from './nesting';

export interface JsonSourceOptions {
  /** Offset of the JSON text inside the file, added to every span. */
  readonly base?: number;
  /**
   * The JSON comes from a Terraform template (heredoc or quoted string): `${...}` is an
   * interpolation we cannot evaluate (the value becomes unknown), and `$${` stands for a literal `${`.
   */
  readonly terraformTemplate?: boolean;
}

export interface JsonParseResult {
  readonly root: Node | undefined;
  readonly errors: ParseError[];
  /**
   * The text nests deeper than IAM Atlas reads (nesting.ts): `errors` says where, `root` is
   * undefined, and `looksLikePolicy` tells from the top-level keys whether it is a policy.
   */
  readonly tooDeep?: { readonly looksLikePolicy: boolean };
}

/**
 * Parses JSON as AWS reads it: no comments, no trailing commas. Broken text still yields the tree
 * that could be read.
 */
export function parseJsonTree(text: string, base = 0): JsonParseResult {
  const tooDeep = (at: Span): JsonParseResult => ({
    root: undefined,
    errors: [{ message: tooDeepMessage('policy'), span: { start: base + at.start, end: base + at.end } }],
    tooDeep: { looksLikePolicy: topLevelLooksLikePolicy(text) },
  });
  const deep = jsonTooDeep(text);
  if (deep) return tooDeep(deep);
  const raw: JsonError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (error) {
    // jsonTooDeep reads brackets as jsonc-parser does; should its error recovery still nest deeper, this catches it.
    if (isStackOverflow(error)) return tooDeep({ start: 0, end: Math.min(1, text.length) });
    throw error;
  }
  const deeper = root && treeTooDeep(root);
  if (deeper) return tooDeep(deeper);
  if (root) clampNodes(root, text.length);
  const errors: ParseError[] = [];
  const seenOffsets = new Set<number>();
  for (const error of raw) {
    // The parser often reports two errors at one place ("property name expected", "value expected"):
    // the first says it best.
    if (seenOffsets.has(error.offset)) continue;
    seenOffsets.add(error.offset);
    errors.push({ message: describeJsonError(error), span: errorSpan(text, error, base) });
  }
  return { root, errors };
}

/**
 * Keeps every node inside the text: jsonc-parser gives the nodes left open by an unterminated
 * block comment at the end one character too many. Nodes nest at most MAX_NESTING_DEPTH deep here.
 */
export function clampNodes(node: Node, end: number): void {
  const mutable = node as { offset: number; length: number };
  if (mutable.offset > end) mutable.offset = end;
  if (mutable.offset + mutable.length > end) mutable.length = end - mutable.offset;
  for (const child of node.children ?? []) clampNodes(child, end);
}

/** The error's own range; one at the very end (an unclosed brace) points at the last thing written. */
function errorSpan(text: string, error: JsonError, base: number): Span {
  if (error.offset >= text.length) {
    let last = text.length - 1;
    while (last > 0 && /\s/.test(text[last]!)) last--;
    return { start: base + Math.max(last, 0), end: base + Math.max(last + 1, 0) };
  }
  return { start: base + error.offset, end: base + Math.min(error.offset + Math.max(error.length, 1), text.length) };
}

function describeJsonError(error: JsonError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return 'Invalid symbol: JSON expects a string, number, object, array, true, false or null here.';
    case 'InvalidNumberFormat':
      return 'Invalid number format.';
    case 'PropertyNameExpected':
      return 'Expected a property name in double quotes.';
    case 'ValueExpected':
      return 'Expected a value.';
    case 'ColonExpected':
      return 'Expected a colon (:) after the property name.';
    case 'CommaExpected':
      return 'Expected a comma (,) between elements.';
    case 'CloseBraceExpected':
      return 'Expected a closing brace (}).';
    case 'CloseBracketExpected':
      return 'Expected a closing bracket (]).';
    case 'EndOfFileExpected':
      return 'Expected the end of the document: only one top-level value is allowed.';
    case 'InvalidCommentToken':
      return 'Comments are not allowed in IAM policy JSON: AWS rejects them.';
    case 'UnexpectedEndOfComment':
      return 'Unterminated comment.';
    case 'UnexpectedEndOfString':
      return 'Unterminated string: add the closing double quote.';
    case 'UnexpectedEndOfNumber':
      return 'Unterminated number.';
    case 'InvalidUnicode':
      return 'Invalid Unicode escape sequence.';
    case 'InvalidEscapeCharacter':
      return 'Invalid escape character in string.';
    case 'InvalidCharacter':
      return 'Invalid character in string (control characters must be escaped).';
    default:
      return 'Invalid JSON.';
  }
}

/**
 * looksLikePolicy from the tokens alone, for text too deep to parse: a top-level `Statement` key,
 * or a `Version` key with an IAM version.
 */
export function topLevelLooksLikePolicy(text: string): boolean {
  const scanner = createScanner(text, true);
  let depth = 0;
  let key: string | undefined;
  let afterColon: string | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    else if (depth === 1 && token === SyntaxKind.StringLiteral) {
      const value = scanner.getTokenValue();
      if (afterColon !== undefined && /^version$/i.test(afterColon) && IAM_VERSIONS.has(value)) return true;
      key = value;
      afterColon = undefined;
      continue;
    } else if (depth === 1 && token === SyntaxKind.ColonToken && key !== undefined) {
      if (/^statement$/i.test(key)) return true;
      afterColon = key;
      key = undefined;
      continue;
    }
    key = undefined;
    afterColon = undefined;
  }
  return false;
}

/** A top-level key (any case) that marks an object as an IAM policy. */
const POLICY_MARKERS = /^(statement|version)$/i;
const IAM_VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/**
 * Whether a JSON root looks like an IAM policy: an object with a `Statement` key (in any case) or an
 * IAM `Version` date. Files that are not policies (package.json, tsconfig.json) get no findings.
 */
export function looksLikePolicy(root: Node | undefined): boolean {
  if (!root || root.type !== 'object') return false;
  for (const property of root.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string' || !POLICY_MARKERS.test(keyNode.value)) continue;
    if (/^statement$/i.test(keyNode.value)) return true;
    const valueNode = property.children?.[1];
    if (valueNode && typeof valueNode.value === 'string' && IAM_VERSIONS.has(valueNode.value)) return true;
  }
  return false;
}

export interface JsonPolicyOptions extends JsonSourceOptions {
  readonly uri: string;
  /** The kind when known from outside (a file glob, a Terraform argument); else it comes from the content. */
  readonly kind?: PolicyKind;
  readonly origin?: Omit<PolicyOrigin, 'kindReason'> & { kindReason?: PolicyOrigin['kindReason'] };
  readonly syntaxErrors?: readonly ParseError[];
}

/** Builds the policy model from a JSON object node. */
export function buildPolicyFromJson(root: Node, options: JsonPolicyOptions): PolicyDocument {
  const reader = new JsonReader(options.base ?? 0, options.terraformTemplate ?? false);
  return reader.policy(root, options);
}

class JsonReader {
  constructor(
    private readonly base: number,
    private readonly template: boolean,
  ) {}

  policy(root: Node, options: JsonPolicyOptions): PolicyDocument {
    const keys: Key[] = [];
    let version: Member<Scalar> | undefined;
    let id: Member<Scalar> | undefined;
    let statementMember: PolicyDocument['statement'];
    let statements: Statement[] = [];

    for (const { key, valueNode, span } of this.properties(root)) {
      keys.push(key);
      if (!valueNode) continue;
      switch (key.name) {
        case 'Version':
          version ??= { key, value: this.scalar(valueNode), span };
          break;
        case 'Id':
          id ??= { key, value: this.scalar(valueNode), span };
          break;
        case 'Statement':
          if (statementMember) break;
          if (valueNode.type === 'array') {
            // A Terraform expression among the statements (`[local.base, { ... }]`) may stand for any
            // number of them: the known ones are read, and the list as a whole is unknown.
            const children = valueNode.children ?? [];
            const known = children.filter((child) => !this.isTemplateUnknown(child));
            statements = children.flatMap((child, index) => (this.isTemplateUnknown(child) ? [] : [this.statement(child, index)]));
            const form = known.length < children.length ? 'unknown' : 'array';
            statementMember = { key, value: { form, span: this.span(valueNode) }, span };
          } else if (valueNode.type === 'object') {
            statements = [this.statement(valueNode, 0)];
            statementMember = { key, value: { form: 'object', span: this.span(valueNode) }, span };
          } else {
            const form = this.isTemplateUnknown(valueNode) ? 'unknown' : 'invalid';
            statementMember = { key, value: { form, span: this.span(valueNode) }, span };
          }
          break;
      }
    }

    const kind = options.kind ?? kindFromStatements(statements);
    return {
      uri: options.uri,
      kind,
      syntax: 'json',
      span: this.span(root),
      version,
      id,
      statement: statementMember,
      statements,
      keys,
      syntaxErrors: options.syntaxErrors ?? [],
      origin: {
        ...options.origin,
        kindReason: options.origin?.kindReason ?? (options.kind ? 'default' : 'content'),
      },
    };
  }

  private statement(node: Node, index: number): Statement {
    const keys: Key[] = [];
    const fields: { -readonly [K in keyof Statement]?: Statement[K] } = {};
    if (node.type !== 'object') {
      return { index, span: this.span(node), isObject: false, keys };
    }
    for (const { key, valueNode, span } of this.properties(node)) {
      keys.push(key);
      if (!valueNode) continue;
      switch (key.name) {
        case 'Sid':
          fields.sid ??= { key, value: this.scalar(valueNode), span };
          break;
        case 'Effect':
          fields.effect ??= { key, value: this.scalar(valueNode), span };
          break;
        case 'Principal':
          fields.principal ??= { key, value: this.principal(valueNode), span };
          break;
        case 'NotPrincipal':
          fields.notPrincipal ??= { key, value: this.principal(valueNode), span };
          break;
        case 'Action':
          fields.action ??= { key, value: this.list(valueNode), span };
          break;
        case 'NotAction':
          fields.notAction ??= { key, value: this.list(valueNode), span };
          break;
        case 'Resource':
          fields.resource ??= { key, value: this.list(valueNode), span };
          break;
        case 'NotResource':
          fields.notResource ??= { key, value: this.list(valueNode), span };
          break;
        case 'Condition':
          fields.condition ??= { key, value: this.condition(valueNode), span };
          break;
      }
    }
    return { ...fields, index, span: this.span(node), isObject: true, keys };
  }

  private principal(node: Node): PrincipalValue {
    const span = this.span(node);
    if (node.type === 'string') {
      const scalar = this.scalar(node);
      const form = scalar.type === 'unknown' ? 'unknown' : scalar.text === '*' ? 'wildcard' : 'invalid';
      return { form, scalar, entries: [], span };
    }
    if (node.type !== 'object') return { form: 'invalid', entries: [], span };
    const entries = this.properties(node)
      .filter((p) => p.valueNode)
      .map(({ key, valueNode, span: memberSpan }) => ({ key, value: this.list(valueNode!), span: memberSpan }));
    return { form: 'map', entries, span };
  }

  private condition(node: Node): ConditionBlock {
    const span = this.span(node);
    if (node.type !== 'object') {
      return { form: this.isTemplateUnknown(node) ? 'unknown' : 'invalid', operators: [], keys: [], span };
    }
    const keys: Key[] = [];
    const operators: ConditionOperator[] = [];
    for (const { key, valueNode, span: memberSpan } of this.properties(node)) {
      keys.push(key);
      if (!valueNode) continue;
      operators.push(this.operator(key, valueNode, memberSpan));
    }
    return { form: 'map', operators, keys, span };
  }

  private operator(operator: Key, node: Node, span: Span): ConditionOperator {
    if (node.type !== 'object') {
      const form = this.isTemplateUnknown(node) ? 'unknown' : 'invalid';
      return { operator, form, entries: [], keys: [], span };
    }
    const keys: Key[] = [];
    const entries: Member<ValueList>[] = [];
    for (const { key, valueNode, span: memberSpan } of this.properties(node)) {
      keys.push(key);
      if (valueNode) entries.push({ key, value: this.list(valueNode), span: memberSpan });
    }
    return { operator, form: 'map', entries, keys, span };
  }

  private list(node: Node): ValueList {
    const span = this.span(node);
    if (node.type === 'array') {
      return { form: 'array', items: (node.children ?? []).map((child) => this.scalar(child)), span };
    }
    if (node.type === 'object') return { form: 'invalid', items: [], span };
    const scalar = this.scalar(node);
    return { form: scalar.type === 'unknown' ? 'unknown' : 'single', items: [scalar], span };
  }

  private scalar(node: Node): Scalar {
    const span = this.span(node);
    switch (node.type) {
      case 'string': {
        const value = String(node.value);
        if (this.template) {
          if (/(^|[^$])\$\{/.test(value) || /(^|[^%])%\{/.test(value)) return { type: 'unknown', text: value, span };
          return { type: 'string', text: value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'), span };
        }
        return { type: 'string', text: value, span };
      }
      case 'number':
        return { type: 'number', text: String(node.value), span };
      case 'boolean':
        return { type: 'boolean', text: String(node.value), span };
      case 'null':
        return { type: 'null', text: 'null', span };
      default:
        return { type: 'invalid', text: '', span };
    }
  }

  /** A whole value written as a template interpolation, e.g. `"${jsonencode(var.statements)}"`. */
  private isTemplateUnknown(node: Node): boolean {
    return this.template && node.type === 'string' && /\$\{/.test(String(node.value));
  }

  private properties(node: Node): { key: Key; valueNode: Node | undefined; span: Span }[] {
    const result: { key: Key; valueNode: Node | undefined; span: Span }[] = [];
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (property.type !== 'property' || !keyNode) continue;
      result.push({
        key: { name: String(keyNode.value), span: this.span(keyNode) },
        valueNode: property.children?.[1],
        span: this.span(property),
      });
    }
    return result;
  }

  private span(node: Node): Span {
    return { start: this.base + node.offset, end: this.base + node.offset + node.length };
  }
}
