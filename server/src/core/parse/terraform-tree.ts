/**
 * Turns one tree-sitter tree (of one top-level item) into the typed view of terraform-syntax.ts.
 * Spans are offsets into the text that was parsed. Only named nodes are visited, and string
 * literals are read from the text rather than node by node: every node access crosses into
 * WebAssembly.
 */
import { Span } from '../model';
import { MAX_NESTING_DEPTH, tooDeepMessage } from './nesting';
import { TerraformNode } from './terraform-runtime';
import { SyntaxProblem } from './terraform-split';
import { firstProblem } from './terraform-problems';
import {
  TfAttribute,
  TfBlock,
  TfExpression,
  TfInterpolation,
  TfLabel,
  TfObjectEntry,
  TfObjectKey,
  TfOther,
  TfQuoting,
  TfReference,
} from './terraform-syntax';
import { heredocValue, referencesIn, unescapeQuoted } from './terraform-values';
import { pushAll } from '../text/push-all';

export interface ReadItem {
  readonly blocks: readonly TfBlock[];
  /** Attributes at the top level (a .tf file should have none; kept for callers that read them). */
  readonly attributes: readonly TfAttribute[];
  /** The first place the parser could not read, if any. */
  readonly problem?: SyntaxProblem;
  /** The tree was nested deeper than IAM Atlas reads: nothing of the item was read. */
  readonly tooDeep?: boolean;
}

export function readItem(root: TerraformNode, text: string): ReadItem {
  try {
    return new TreeReader(text).item(root);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    // Operators chain without brackets (`1+1+1…` is a tree as deep as it is long): the lexer cannot see that depth, the reader can.
    return { blocks: [], attributes: [], problem: { message: tooDeepMessage('block'), span: { start: error.at, end: error.at + 1 } }, tooDeep: true };
  }
}

/** Thrown when the tree is nested deeper than IAM Atlas reads (nesting.ts); the item is then not read. */
class TooDeep extends Error {
  constructor(readonly at: number) {
    super('nested too deep');
  }
}

class TreeReader {
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Runs one level of the recursive reading, refusing to go deeper than the bound. */
  private nested<T>(node: TerraformNode, read: () => T): T {
    if (++this.depth > MAX_NESTING_DEPTH) throw new TooDeep(node.startIndex);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  item(root: TerraformNode): ReadItem {
    const blocks: TfBlock[] = [];
    const attributes: TfAttribute[] = [];
    for (const child of named(root)) {
      if (child.type !== 'body') continue;
      this.body(child, blocks, attributes);
    }
    const problem = root.hasError ? firstProblem(root, this.text) : undefined;
    return problem ? { blocks, attributes, problem } : { blocks, attributes };
  }

  private body(node: TerraformNode, blocks: TfBlock[], attributes: TfAttribute[]): void {
    for (const child of named(node)) {
      const type = child.type;
      if (type === 'block') blocks.push(this.block(child));
      else if (type === 'attribute') {
        const attribute = this.attribute(child);
        if (attribute) attributes.push(attribute);
      }
    }
  }

  private block(node: TerraformNode): TfBlock {
    return this.nested(node, () => this.blockAt(node));
  }

  private blockAt(node: TerraformNode): TfBlock {
    const children = named(node);
    const typeNode = children[0]!;
    const labels: TfLabel[] = [];
    const blocks: TfBlock[] = [];
    const attributes: TfAttribute[] = [];
    let open: number | undefined;
    let close: number | undefined;
    for (const child of children.slice(1)) {
      switch (child.type) {
        case 'string_lit':
          labels.push({ value: unescapeQuoted(this.inner(child)).value, span: span(child) });
          break;
        case 'identifier':
          labels.push({ value: this.slice(child), span: span(child) });
          break;
        case 'block_start':
          open = child.endIndex;
          break;
        case 'body':
          this.body(child, blocks, attributes);
          break;
        case 'block_end':
          close = child.startIndex;
          break;
      }
    }
    const whole = span(node);
    return {
      type: this.slice(typeNode),
      typeSpan: span(typeNode),
      labels,
      attributes,
      blocks,
      span: whole,
      bodySpan: { start: open ?? whole.end, end: Math.max(close ?? whole.end, open ?? whole.end) },
      hasErrors: node.hasError,
    };
  }

  private attribute(node: TerraformNode): TfAttribute | undefined {
    const [nameNode, valueNode] = named(node);
    if (!nameNode) return undefined;
    const whole = span(node);
    const value: TfExpression = valueNode ? this.expression(valueNode) : { kind: 'other', form: 'error', span: { start: whole.end, end: whole.end }, references: [] };
    return { name: this.slice(nameNode), nameSpan: span(nameNode), value, span: whole, hasErrors: node.hasError };
  }

  private expression(node: TerraformNode): TfExpression {
    return this.nested(node, () => this.expressionAt(node));
  }

  private expressionAt(node: TerraformNode): TfExpression {
    switch (node.type) {
      case 'expression':
      case 'collection_value':
      case 'literal_value':
      case 'template_expr': {
        const parts = named(node);
        if (parts.length === 1) return this.expression(parts[0]!);
        return this.sequence(parts, span(node));
      }
      case 'string_lit': {
        const whole = span(node);
        const { value } = unescapeQuoted(this.inner(node));
        return { kind: 'string', value, quoting: 'quoted', span: whole, content: { start: whole.start + 1, end: Math.max(whole.start + 1, whole.end - 1) } };
      }
      case 'numeric_lit':
        return { kind: 'number', value: Number(this.slice(node)), span: span(node) };
      case 'bool_lit':
        return { kind: 'bool', value: this.slice(node) === 'true', span: span(node) };
      case 'null_lit':
        return { kind: 'null', span: span(node) };
      case 'quoted_template':
        return this.template(node, 'quoted');
      case 'heredoc_template':
        return this.template(node, 'heredoc');
      case 'tuple':
        return { kind: 'tuple', items: named(node).filter((c) => c.type === 'expression').map((c) => this.expression(c)), span: span(node) };
      case 'object':
        return { kind: 'object', entries: named(node).filter((c) => c.type === 'object_elem').map((c) => this.entry(c)), span: span(node) };
      case 'variable_expr':
        return { kind: 'reference', path: [this.slice(node)], span: span(node) };
      case 'function_call':
        return this.call(node);
      case 'for_expr':
        return this.other(node, 'for');
      case 'operation':
        return this.other(node, 'operation');
      case 'conditional':
        return this.other(node, 'conditional');
      default:
        return this.other(node, 'error');
    }
  }

  /** A term followed by `.attr`, `[index]` or splats: a reference when the term is a name. */
  private sequence(parts: TerraformNode[], whole: Span): TfExpression {
    const [first, ...rest] = parts;
    if (first && first.type === 'variable_expr' && rest.every((p) => POSTFIX.has(p.type))) {
      const path = [this.slice(first)];
      for (const part of rest) this.postfix(part, path);
      return { kind: 'reference', path, span: whole };
    }
    const references = parts.flatMap((part) => (POSTFIX.has(part.type) ? [] : referencesIn(this.expression(part))));
    return { kind: 'other', form: 'index', span: whole, references };
  }

  private postfix(node: TerraformNode, path: string[]): void {
    switch (node.type) {
      case 'get_attr':
        path.push(this.slice(node).replace(/^\.\s*/, ''));
        break;
      case 'index': {
        const inner = named(node)[0];
        if (inner?.type === 'legacy_index') {
          path.push(`[${this.slice(inner).replace(/^\./, '')}]`);
          break;
        }
        const indexExpression = inner ? named(inner)[0] : undefined;
        const value = indexExpression ? this.expression(indexExpression) : undefined;
        path.push(value?.kind === 'number' ? `[${value.value}]` : value?.kind === 'string' ? `[${JSON.stringify(value.value)}]` : '[?]');
        break;
      }
      case 'splat':
        path.push('[*]');
        for (const inner of named(named(node)[0] ?? node)) this.postfix(inner, path);
        break;
    }
  }

  private template(node: TerraformNode, quoting: 'quoted' | 'heredoc'): TfExpression {
    const whole = span(node);
    const parts = named(node);
    const interpolations: TfInterpolation[] = [];
    const directives: Span[] = [];
    let heredocQuoting: TfQuoting = quoting;
    let markers: TerraformNode[] = [];
    for (const part of parts) {
      switch (part.type) {
        case 'template_interpolation': {
          const inner = named(part).find((c) => c.type === 'expression');
          interpolations.push(inner ? { span: span(part), expression: this.expression(inner) } : { span: span(part) });
          break;
        }
        case 'template_directive':
          directives.push(span(part));
          break;
        case 'heredoc_start':
          if (this.slice(part) === '<<-') heredocQuoting = 'heredoc-indented';
          break;
        case 'heredoc_identifier':
          markers.push(part);
          break;
      }
    }
    let content: Span;
    if (quoting === 'quoted') {
      content = { start: whole.start + 1, end: Math.max(whole.start + 1, whole.end - 1) };
    } else {
      markers = markers.slice(0, 2);
      const introEnd = this.text.indexOf('\n', markers[0] ? markers[0].endIndex : whole.start);
      const start = introEnd < 0 ? whole.end : introEnd + 1;
      const closing = markers[1];
      const end = closing ? this.text.lastIndexOf('\n', closing.startIndex - 1) + 1 : whole.end;
      content = { start: Math.min(start, whole.end), end: Math.max(Math.min(start, whole.end), end) };
    }
    if (interpolations.length === 0 && directives.length === 0) {
      const raw = this.text.slice(content.start, content.end);
      const value = quoting === 'quoted' ? unescapeQuoted(raw).value : heredocValue(raw, heredocQuoting === 'heredoc-indented');
      return { kind: 'string', value, quoting: heredocQuoting, span: whole, content };
    }
    return { kind: 'template', quoting: heredocQuoting, span: whole, content, interpolations, directives };
  }

  private entry(node: TerraformNode): TfObjectEntry {
    const [keyNode, valueNode] = named(node);
    const whole = span(node);
    const key = keyNode ? this.key(keyNode) : { name: undefined, span: { start: whole.start, end: whole.start } };
    const value: TfExpression = valueNode ? this.expression(valueNode) : { kind: 'other', form: 'error', span: { start: whole.end, end: whole.end }, references: [] };
    return { key, value, span: whole };
  }

  private key(node: TerraformNode): TfObjectKey {
    const keySpan = span(node);
    const parts = named(node);
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (only?.type === 'variable_expr') return { name: this.slice(only), span: keySpan };
    const expression = this.expression(node);
    if (expression.kind === 'string' && expression.quoting === 'quoted') return { name: expression.value, span: keySpan };
    return { name: undefined, span: keySpan, computed: expression };
  }

  private call(node: TerraformNode): TfExpression {
    const [nameNode, ...rest] = named(node);
    const args = rest.filter((c) => c.type === 'function_arguments').flatMap((c) => named(c).filter((a) => a.type === 'expression').map((a) => this.expression(a)));
    return { kind: 'call', name: nameNode ? this.slice(nameNode) : '', nameSpan: nameNode ? span(nameNode) : span(node), args, span: span(node) };
  }

  private other(node: TerraformNode, form: TfOther['form']): TfOther {
    const references: TfReference[] = [];
    this.gather(node, references);
    return { kind: 'other', form, span: span(node), references };
  }

  /** The references anywhere below a node whose shape we do not read (operators, for expressions). */
  private gather(node: TerraformNode, out: TfReference[]): void {
    this.nested(node, () => this.gatherAt(node, out));
  }

  private gatherAt(node: TerraformNode, out: TfReference[]): void {
    const parts = named(node);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.type === 'variable_expr') {
        let j = i + 1;
        while (j < parts.length && POSTFIX.has(parts[j]!.type)) j++;
        const chain = this.sequence(parts.slice(i, j), { start: part.startIndex, end: parts[j - 1]!.endIndex });
        pushAll(out, referencesIn(chain));
        i = j - 1;
      } else if (part.type === 'expression') {
        pushAll(out, referencesIn(this.expression(part)));
      } else if (!POSTFIX.has(part.type)) {
        this.gather(part, out);
      }
    }
  }

  private inner(node: TerraformNode): string {
    return this.text.slice(node.startIndex + 1, Math.max(node.startIndex + 1, node.endIndex - 1));
  }

  private slice(node: TerraformNode): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }
}

const POSTFIX: ReadonlySet<string> = new Set(['get_attr', 'index', 'splat']);

function named(node: TerraformNode): TerraformNode[] {
  return node.namedChildren.filter((child): child is TerraformNode => child !== null && child.type !== 'comment');
}

function span(node: TerraformNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}
