/**
 * The Terraform locator: (.tf text, offset) → the same `CursorContext` the JSON locator gives, for
 * policies written as `jsonencode({ ... })`, as JSON in a heredoc, and as `aws_iam_policy_document`
 * blocks. Only the top-level block under the cursor is read: its tokens for where the cursor is
 * (hcl-cursor.ts, which copes with half-typed text), and its parse for the policy and statement
 * around it (the last readable version while the block is being typed).
 */
import { ParsedFile, PolicyDocument, Span, spanContains } from '../model';
import { TerraformParseState } from '../parse/terraform';
import { itemPolicies, topLevelItemAt } from '../parse/terraform-item';
import { terraformParserStatus } from '../parse/terraform-runtime';
import { POLICY_ARGUMENTS } from '../parse/terraform-kinds';
import { shiftSpans } from '../parse/terraform-spans';
import { TopLevelItem } from '../parse/terraform-split';
import { CursorContext, CursorElement } from './context';
import { HclCursor, HclFrame, hclCursorAt } from './hcl-cursor';
import { JsonPath, locateJson, resolvePolicyPath } from './json';
import { locateInDocument } from './model';
import { policyDocumentTarget } from './terraform-policy-document';

export interface TerraformLocateInput {
  readonly uri: string;
  readonly text: string;
  /** The last parse of the file (of whatever version): the kinds its module gave its policies. */
  readonly previous?: ParsedFile;
  /** The parser's memory of the document: the last readable version of a block being typed. */
  readonly terraformState?: TerraformParseState;
}

/** What a Terraform locator resolved the cursor to, before the context is assembled. */
export interface TerraformTarget {
  readonly element: CursorElement;
  /** Whether the name at the cursor is a key written as a key (`Effect =`, `"aws:SourceIp" =`), not a string value. */
  readonly isKey: boolean;
  readonly siblings: readonly string[];
  readonly principalType?: string;
  readonly operator?: string;
}

export function locateTerraformForCompletion(input: TerraformLocateInput, offset: number): CursorContext | undefined {
  const item = topLevelItemAt(input.text, offset);
  if (!item) return undefined;
  const cursor = hclCursorAt(input.text, item.span.start, item.span.end, offset);
  if (!cursor) return undefined;
  const frames = withDynamicContent(cursor.frames);
  const block = frames[1];
  if (!block || block.kind !== 'block') return undefined;
  const model = new ItemModel(input, item, offset);

  if (cursor.heredoc) return heredocContext(input, cursor.heredoc, frames, model, offset);
  if (block.name === 'data' && block.labels[0] === 'aws_iam_policy_document') {
    const target = policyDocumentTarget(frames.slice(1), cursor);
    return target && context(input.text, 'policy-document', target, cursor, model, offset);
  }
  const call = frames.findIndex((frame) => frame.kind === 'call' && frame.name === 'jsonencode');
  if (call < 0) return undefined;
  const target = jsonencodeTarget(frames, call, cursor, input.text);
  return target && context(input.text, 'jsonencode', target, cursor, model, offset);
}

/** For hover: the element under the cursor, read from the model of the block it is in. */
export function locateTerraformForHover(input: TerraformLocateInput, offset: number): CursorContext | undefined {
  const item = topLevelItemAt(input.text, offset);
  const document = item && new ItemModel(input, item, offset).document();
  return document && locateInDocument(document, input.text, offset);
}

/** The policies of the item under the cursor, read once and only when asked for. */
class ItemModel {
  private documents: PolicyDocument[] | undefined;

  constructor(
    private readonly input: TerraformLocateInput,
    private readonly item: TopLevelItem,
    private readonly offset: number,
  ) {}

  document(): PolicyDocument | undefined {
    // Without the parser (it failed to load) the cursor is still read from the tokens.
    if (terraformParserStatus() !== 'ready') return undefined;
    this.documents ??= itemPolicies(this.input.uri, this.input.text, this.item, this.input.terraformState);
    const found = this.documents.find((document) => spanContains(document.span, this.offset));
    return found && withKnownKind(found, this.input.previous);
  }
}

/**
 * A data source or local value takes its kind from the argument that uses it, which another block
 * (or file) says: the last full parse knows it.
 */
function withKnownKind(document: PolicyDocument, previous: ParsedFile | undefined): PolicyDocument {
  const known = previous?.documents.find(
    (d) => d.origin.address === document.origin.address && d.origin.argument === document.origin.argument && d.syntax === document.syntax,
  );
  if (!known || (known.kind === document.kind && known.origin.kindReason === document.origin.kindReason)) return document;
  return { ...document, kind: known.kind, origin: { ...document.origin, kindReason: known.origin.kindReason, ...(known.origin.usedBy ? { usedBy: known.origin.usedBy } : {}) } };
}

/** `dynamic "statement" { content { ... } }` reads as a `statement` block. */
function withDynamicContent(frames: readonly HclFrame[]): HclFrame[] {
  const result: HclFrame[] = [];
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    const next = frames[i + 1];
    if (frame.kind === 'block' && frame.name === 'dynamic' && frame.labels[0] && next?.kind === 'block' && next.name === 'content') {
      result.push({ ...next, name: frame.labels[0] });
      i++;
    } else result.push(frame);
  }
  return result;
}

/** Whether the attribute `member` of the frames' block holds a policy (`assume_role_policy`, `inline_policy { policy }`). */
function isPolicyArgument(frames: readonly HclFrame[], depth: number, member: string | undefined): boolean {
  const resource = frames[1]!;
  if (!member || resource.name !== 'resource') return false;
  const nested = frames.slice(2, depth).filter((frame) => frame.kind === 'block');
  const argument = nested.length === 1 ? `${nested[0]!.name}.${member}` : nested.length === 0 ? member : undefined;
  return (POLICY_ARGUMENTS[resource.labels[0] ?? ''] ?? []).some((known) => known.argument === argument);
}

/** `jsonencode({ ... })`: the HCL object has the JSON policy's shape, so its path resolves the same way. */
function jsonencodeTarget(frames: readonly HclFrame[], call: number, cursor: HclCursor, text: string): TerraformTarget | undefined {
  const root = frames[call + 1];
  if (!root || root.kind !== 'object' || root.index !== 0) return undefined;
  const looksLikePolicy = root.members.some((m) => m.name === 'Statement' || m.name === 'Version');
  if (!looksLikePolicy && !isPolicyArgument(frames, call, frames[call]!.member)) return undefined;
  const path: JsonPath = [];
  for (let k = call + 2; k < frames.length; k++) {
    const parent = frames[k - 1]!;
    const frame = frames[k]!;
    if (parent.kind === 'object' && frame.member !== undefined) path.push(frame.member);
    else if (parent.kind === 'tuple' && frame.index !== undefined) path.push(frame.index);
    else return undefined;
  }
  const inner = frames[frames.length - 1]!;
  const isKey = inner.kind === 'object' && cursor.position === 'key';
  if (isKey) path.push(tokenText(text, cursor));
  else if (inner.kind === 'object' && cursor.member !== undefined) path.push(cursor.member);
  else if (inner.kind === 'tuple' && cursor.index !== undefined) path.push(cursor.index);
  else return undefined;
  const target = resolvePolicyPath(path, isKey);
  if (!target) return undefined;
  const tokenStart = cursor.token.span.start;
  const siblings = isKey ? inner.members.filter((m) => m.span.start !== tokenStart).map((m) => m.name) : [];
  return { element: target.element, isKey, siblings, ...(target.principalType ? { principalType: target.principalType } : {}), ...(target.operator ? { operator: target.operator } : {}) };
}

/** JSON in a heredoc: the JSON locator reads the heredoc's lines, and its spans are moved into the file. */
function heredocContext(input: TerraformLocateInput, heredoc: NonNullable<HclCursor['heredoc']>, frames: readonly HclFrame[], model: ItemModel, offset: number): CursorContext | undefined {
  const content = input.text.slice(heredoc.content.start, heredoc.content.end);
  const document = model.document();
  const isPolicy = isPolicyArgument(frames, frames.length, heredoc.member) || /"Statement"\s*:/.test(content) || document !== undefined;
  if (!isPolicy) return undefined;
  const local = locateJson(content, offset - heredoc.content.start, {
    uri: input.uri,
    ...(document ? { kind: document.kind, kindReason: document.origin.kindReason } : {}),
  });
  // A name holding an interpolation would lose it to whatever completion writes over it.
  if (!local || /(^|[^$])\$\{/.test(local.text)) return undefined;
  const moved = shiftSpans({ span: local.span, document: local.document, statement: local.statement }, heredoc.content.start);
  return { ...local, ...moved, offset, embedding: 'heredoc' };
}

function context(text: string, syntax: 'jsonencode' | 'policy-document', target: TerraformTarget, cursor: HclCursor, model: ItemModel, offset: number): CursorContext {
  const { token } = cursor;
  let span: Span;
  let quoted = false;
  if (token.kind === 'string' && token.closed && !target.isKey) {
    span = token.name;
    quoted = true;
  } else span = token.span;
  const typed = text.slice(token.name.start, Math.max(token.name.start, offset));
  const document = model.document();
  const statement = document?.statements.find((s) => spanContains(s.span, offset));
  return {
    element: target.element,
    syntax,
    text: typed + text.slice(offset, Math.max(offset, token.name.end)),
    prefix: typed,
    span,
    quoted,
    openQuote: !quoted && text[span.start] === '"',
    offset,
    hasValue: target.isKey && /^[ \t]*[=:{]/.test(text.slice(token.span.end, token.span.end + 80)),
    siblingKeys: target.siblings,
    ...(target.principalType ? { principalType: target.principalType } : {}),
    ...(target.operator ? { operator: target.operator } : {}),
    ...(document ? { document } : {}),
    ...(statement ? { statement } : {}),
  };
}

/** The key being written at the cursor, as far as it is written. */
function tokenText(text: string, cursor: HclCursor): string {
  return text.slice(cursor.token.name.start, cursor.token.name.end);
}
