/**
 * A small typed view of a .tf file: blocks, attributes and expressions as plain objects with spans.
 * Policy extraction reads it, and so can anything else that needs facts from Terraform (role names,
 * attachments, accounts): see `walkBlocks`, `attributeOf`, and `literalValue` in terraform-values.ts.
 */
import { Span } from '../model';

export interface TfLabel {
  /** The label's value, quotes removed. */
  readonly value: string;
  readonly span: Span;
}

export interface TfBlock {
  /** `resource`, `data`, `statement`, … */
  readonly type: string;
  readonly typeSpan: Span;
  readonly labels: readonly TfLabel[];
  readonly attributes: readonly TfAttribute[];
  readonly blocks: readonly TfBlock[];
  /** From the type to the closing brace. */
  readonly span: Span;
  /** Between the braces. */
  readonly bodySpan: Span;
  /** The parser had to recover from a syntax error somewhere inside. */
  readonly hasErrors: boolean;
}

export interface TfAttribute {
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: TfExpression;
  /** From the name to the end of the value. */
  readonly span: Span;
  readonly hasErrors: boolean;
}

export type TfExpression = TfString | TfNumber | TfBool | TfNull | TfTemplate | TfTuple | TfObject | TfReference | TfCall | TfOther;

/** How a string is written: `"..."` or a heredoc (`<<EOT` / `<<-EOT`). */
export type TfQuoting = 'quoted' | 'heredoc' | 'heredoc-indented';

/** A string with no interpolation: its value is known. */
export interface TfString {
  readonly kind: 'string';
  /** The value: escapes resolved, `$${` read as `${`, a `<<-` heredoc's indentation removed. */
  readonly value: string;
  readonly quoting: TfQuoting;
  /** The whole token: quotes, or the heredoc from `<<` to its closing marker. */
  readonly span: Span;
  /** The text between the quotes, or the heredoc's lines. */
  readonly content: Span;
}

export interface TfNumber {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}

export interface TfBool {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly span: Span;
}

export interface TfNull {
  readonly kind: 'null';
  readonly span: Span;
}

/** A string with `${...}` interpolations or `%{...}` directives: its value is not known. */
export interface TfTemplate {
  readonly kind: 'template';
  readonly quoting: TfQuoting;
  readonly span: Span;
  readonly content: Span;
  readonly interpolations: readonly TfInterpolation[];
  /** Spans of `%{ if }` / `%{ for }` directives, whole. */
  readonly directives: readonly Span[];
}

export interface TfInterpolation {
  /** From `${` to `}`. */
  readonly span: Span;
  readonly expression?: TfExpression;
}

export interface TfTuple {
  readonly kind: 'tuple';
  readonly items: readonly TfExpression[];
  readonly span: Span;
}

export interface TfObject {
  readonly kind: 'object';
  readonly entries: readonly TfObjectEntry[];
  readonly span: Span;
}

export interface TfObjectEntry {
  readonly key: TfObjectKey;
  readonly value: TfExpression;
  readonly span: Span;
}

/** `Version = …` and `"Version" = …` name the key; `(local.k) = …` computes it (name undefined). */
export interface TfObjectKey {
  readonly name: string | undefined;
  readonly span: Span;
  readonly computed?: TfExpression;
}

/** `var.x`, `local.y`, `data.aws_iam_policy_document.z.json`, `aws_iam_role.r[0].arn`. */
export interface TfReference {
  readonly kind: 'reference';
  /** Root name first: `["data", "aws_iam_policy_document", "z", "json"]`; indexes as `[0]`, `["k"]`, splats as `[*]`. */
  readonly path: readonly string[];
  readonly span: Span;
}

export interface TfCall {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly TfExpression[];
  readonly span: Span;
}

/** Conditionals, `for` expressions, operators, indexes into computed values, and what could not be read. */
export interface TfOther {
  readonly kind: 'other';
  readonly form: 'conditional' | 'for' | 'operation' | 'index' | 'error';
  readonly span: Span;
  /** The references inside, so callers can still follow them. */
  readonly references: readonly TfReference[];
}

/** The address Terraform gives a top-level block: `aws_iam_role.deploy`, `data.aws_iam_policy_document.trust`, `module.x`. */
export function blockAddress(block: TfBlock): string | undefined {
  const labels = block.labels.map((label) => label.value);
  switch (block.type) {
    case 'resource':
      return labels.length === 2 ? `${labels[0]}.${labels[1]}` : undefined;
    case 'data':
    case 'ephemeral':
      return labels.length === 2 ? `${block.type}.${labels[0]}.${labels[1]}` : undefined;
    case 'module':
    case 'variable':
    case 'output':
    case 'provider':
    case 'check':
      return labels.length === 1 ? `${block.type === 'variable' ? 'var' : block.type}.${labels[0]}` : undefined;
    default:
      return undefined;
  }
}

export function attributeOf(block: TfBlock, name: string): TfAttribute | undefined {
  return block.attributes.find((attribute) => attribute.name === name);
}

export function blocksOf(block: TfBlock, type: string): TfBlock[] {
  return block.blocks.filter((child) => child.type === type);
}

/** Every block, nested ones after their parent, in source order. */
export function* walkBlocks(blocks: readonly TfBlock[]): Generator<TfBlock> {
  for (const block of blocks) {
    yield block;
    yield* walkBlocks(block.blocks);
  }
}

/** `resource "aws_iam_role" "x"` → is it a `resource` of that type? */
export function isBlock(block: TfBlock, type: string, firstLabel?: string): boolean {
  return block.type === type && (firstLabel === undefined || block.labels[0]?.value === firstLabel);
}
