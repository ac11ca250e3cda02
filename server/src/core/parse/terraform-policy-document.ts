/**
 * Policies written as `data "aws_iam_policy_document"` blocks. The contract for this syntax:
 * - `Statement.span` is the whole `statement { ... }` block; `keys` are the attribute and block
 *   names as written, with their spans.
 * - `principals` / `not_principals` blocks become one map: each entry's key is the `type` value token,
 *   its value the `identifiers` list. A lone `type = "*"` with `identifiers = ["*"]` is the wildcard
 *   (its one entry kept, keyed `*`).
 * - Each `condition` block is one operator: its key the `test` value token, one entry `variable` →
 *   `values`; its span the whole condition block.
 * - `dynamic` blocks stand for any number of blocks we cannot see: the element they feed is unknown.
 * - An attribute set to `null` is left out, as Terraform does.
 */
import {
  ConditionBlock,
  ConditionOperator,
  Key,
  Member,
  PolicyDocument,
  PolicyKind,
  PolicyMerge,
  PolicyOrigin,
  PrincipalValue,
  Scalar,
  Span,
  Statement,
  ValueList,
} from '../model';
import { kindFromStatements } from './kind';
import { policySourceOf } from './terraform-kinds';
import { TfAttribute, TfBlock, TfExpression } from './terraform-syntax';
import { referencesIn } from './terraform-values';

export interface PolicyDocumentOptions {
  readonly uri: string;
  /** The text the block's spans point into. */
  readonly text: string;
  readonly kind?: PolicyKind;
  readonly origin: PolicyOrigin;
}

const MERGE_ARGUMENTS: readonly PolicyMerge['argument'][] = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

export function isPolicyDocumentBlock(block: TfBlock): boolean {
  return block.type === 'data' && block.labels[0]?.value === 'aws_iam_policy_document' && block.labels.length === 2;
}

export function policyDocumentFromBlock(block: TfBlock, options: PolicyDocumentOptions): PolicyDocument {
  return new BlockReader(options.text).document(block, options);
}

class BlockReader {
  constructor(private readonly text: string) {}

  document(block: TfBlock, options: PolicyDocumentOptions): PolicyDocument {
    const keys = this.keys(block);
    const attributes = present(block.attributes);
    const version = this.scalarMember(attributes.get('version'));
    const id = this.scalarMember(attributes.get('policy_id'));
    const statementBlocks = block.blocks.filter((b) => b.type === 'statement');
    const dynamicStatements = block.blocks.filter((b) => isDynamic(b, 'statement'));
    const statements = statementBlocks.map((b, index) => this.statement(b, index));
    const feeding = [...statementBlocks, ...dynamicStatements].sort((a, b) => a.span.start - b.span.start);
    let statement: PolicyDocument['statement'];
    if (feeding.length) {
      const first = feeding[0]!;
      const whole = union(feeding.map((b) => b.span));
      statement = {
        key: { name: 'statement', span: first.type === 'dynamic' ? (first.labels[0]?.span ?? first.typeSpan) : first.typeSpan },
        value: { form: dynamicStatements.length ? 'unknown' : 'array', span: whole },
        span: whole,
      };
    }
    const merges: PolicyMerge[] = [];
    for (const argument of MERGE_ARGUMENTS) {
      const attribute = attributes.get(argument);
      if (!attribute) continue;
      const sources = referencesIn(attribute.value).flatMap((reference) => {
        const source = policySourceOf(reference.path);
        return source ? [source] : [];
      });
      merges.push({ argument, sources, span: attribute.span });
    }
    return {
      uri: options.uri,
      kind: options.kind ?? kindFromStatements(statements),
      syntax: 'policy-document',
      span: block.span,
      version,
      id,
      statement,
      statements,
      keys,
      syntaxErrors: [],
      origin: { ...options.origin, ...(merges.length ? { merges } : {}) },
    };
  }

  private statement(block: TfBlock, index: number): Statement {
    const attributes = present(block.attributes);
    const fields: { -readonly [K in keyof Statement]?: Statement[K] } = {};
    fields.sid = this.scalarMember(attributes.get('sid'));
    fields.effect = this.scalarMember(attributes.get('effect'));
    fields.action = this.listMember(attributes.get('actions'));
    fields.notAction = this.listMember(attributes.get('not_actions'));
    fields.resource = this.listMember(attributes.get('resources'));
    fields.notResource = this.listMember(attributes.get('not_resources'));
    fields.principal = this.principals(block, 'principals');
    fields.notPrincipal = this.principals(block, 'not_principals');
    fields.condition = this.conditions(block);
    for (const key of Object.keys(fields) as (keyof Statement)[]) if (fields[key] === undefined) delete fields[key];
    return { ...fields, index, span: block.span, isObject: true, keys: this.keys(block), defaultEffect: 'Allow' };
  }

  /** Every attribute and block name written in a block body, in source order. */
  private keys(block: TfBlock): Key[] {
    const keys: Key[] = block.attributes.map((a) => ({ name: a.name, span: a.nameSpan }));
    for (const child of block.blocks) {
      keys.push(child.type === 'dynamic' && child.labels[0] ? { name: child.labels[0].value, span: child.labels[0].span } : { name: child.type, span: child.typeSpan });
    }
    return keys.sort((a, b) => a.span.start - b.span.start);
  }

  private principals(block: TfBlock, type: 'principals' | 'not_principals'): Member<PrincipalValue> | undefined {
    const blocks = block.blocks.filter((b) => b.type === type || isDynamic(b, type));
    if (!blocks.length) return undefined;
    const first = blocks[0]!;
    const key: Key = { name: type, span: first.type === 'dynamic' ? (first.labels[0]?.span ?? first.typeSpan) : first.typeSpan };
    const whole = union(blocks.map((b) => b.span));
    const written = blocks.filter((b) => b.type === type);
    if (written.length < blocks.length) return { key, value: { form: 'unknown', entries: [], span: whole }, span: whole };

    if (written.length === 1) {
      const only = present(written[0]!.attributes);
      const principalType = only.get('type')?.value;
      const identifiers = only.get('identifiers')?.value;
      if (principalType?.kind === 'string' && principalType.value === '*' && identifiers?.kind === 'tuple' && identifiers.items.length === 1) {
        const item = identifiers.items[0]!;
        if (item.kind === 'string' && item.value === '*') {
          // The entry stays beside the wildcard: a fix rewrites its `type` token along with the identifier.
          const entry: Member<ValueList> = { key: { name: '*', span: principalType.span }, value: this.list(identifiers), span: written[0]!.span };
          return { key, value: { form: 'wildcard', scalar: this.scalar(item), entries: [entry], span: whole }, span: whole };
        }
      }
    }
    const entries: Member<ValueList>[] = [];
    let unknown = false;
    for (const principal of written) {
      const attributes = present(principal.attributes);
      const principalType = attributes.get('type')?.value;
      const identifiers = attributes.get('identifiers');
      if (!principalType || !identifiers) continue;
      if (principalType.kind !== 'string') {
        unknown = true;
        continue;
      }
      entries.push({ key: { name: principalType.value, span: principalType.span }, value: this.list(identifiers.value), span: principal.span });
    }
    const form = entries.length === 0 && unknown ? 'unknown' : 'map';
    return { key, value: { form, entries, span: whole }, span: whole };
  }

  private conditions(block: TfBlock): Member<ConditionBlock> | undefined {
    const blocks = block.blocks.filter((b) => b.type === 'condition' || isDynamic(b, 'condition'));
    if (!blocks.length) return undefined;
    const first = blocks[0]!;
    const key: Key = { name: 'condition', span: first.type === 'dynamic' ? (first.labels[0]?.span ?? first.typeSpan) : first.typeSpan };
    const whole = union(blocks.map((b) => b.span));
    if (blocks.some((b) => b.type === 'dynamic')) return { key, value: { form: 'unknown', operators: [], keys: [], span: whole }, span: whole };
    const operators = blocks.map((b) => this.operator(b));
    return { key, value: { form: 'map', operators, keys: operators.map((o) => o.operator), span: whole }, span: whole };
  }

  private operator(block: TfBlock): ConditionOperator {
    const attributes = present(block.attributes);
    const test = attributes.get('test')?.value;
    const variable = attributes.get('variable')?.value;
    const values = attributes.get('values');
    const operator: Key = test
      ? test.kind === 'string'
        ? { name: test.value, span: test.span }
        : { name: this.source(test.span), span: test.span, unknown: true }
      : { name: '', span: block.typeSpan };
    if (test?.kind !== 'string' || (variable && variable.kind !== 'string')) {
      return { operator, form: 'unknown', entries: [], keys: [], span: block.span };
    }
    if (!variable || !values) return { operator, form: 'map', entries: [], keys: [], span: block.span };
    const conditionKey: Key = { name: variable.value, span: variable.span };
    return { operator, form: 'map', entries: [{ key: conditionKey, value: this.list(values.value), span: block.span }], keys: [conditionKey], span: block.span };
  }

  private scalarMember(attribute: TfAttribute | undefined): Member<Scalar> | undefined {
    if (!attribute) return undefined;
    return { key: { name: attribute.name, span: attribute.nameSpan }, value: this.scalar(attribute.value), span: attribute.span };
  }

  private listMember(attribute: TfAttribute | undefined): Member<ValueList> | undefined {
    if (!attribute) return undefined;
    return { key: { name: attribute.name, span: attribute.nameSpan }, value: this.list(attribute.value), span: attribute.span };
  }

  private list(expression: TfExpression): ValueList {
    switch (expression.kind) {
      case 'tuple':
        return { form: 'array', items: expression.items.map((item) => this.scalar(item)), span: expression.span };
      case 'object':
        return { form: 'invalid', items: [], span: expression.span };
      case 'string':
      case 'number':
      case 'bool':
      case 'null':
        return { form: 'single', items: [this.scalar(expression)], span: expression.span };
      default:
        return { form: 'unknown', items: [this.scalar(expression)], span: expression.span };
    }
  }

  private scalar(expression: TfExpression): Scalar {
    const span = expression.span;
    switch (expression.kind) {
      case 'string':
        return { type: 'string', text: expression.value, span };
      case 'number':
        return { type: 'number', text: String(expression.value), span };
      case 'bool':
        return { type: 'boolean', text: String(expression.value), span };
      case 'null':
        return { type: 'null', text: 'null', span };
      case 'tuple':
      case 'object':
        return { type: 'invalid', text: this.source(span), span };
      default:
        return { type: 'unknown', text: this.source(span), span };
    }
  }

  private source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

/** Attributes by name, without the ones set to `null` (Terraform reads those as not set). */
function present(attributes: readonly TfAttribute[]): Map<string, TfAttribute> {
  const byName = new Map<string, TfAttribute>();
  for (const attribute of attributes) {
    if (attribute.value.kind !== 'null' && !byName.has(attribute.name)) byName.set(attribute.name, attribute);
  }
  return byName;
}

function isDynamic(block: TfBlock, name: string): boolean {
  return block.type === 'dynamic' && block.labels[0]?.value === name;
}

function union(spans: readonly Span[]): Span {
  return { start: spans.reduce((min, s) => Math.min(min, s.start), Infinity), end: spans.reduce((max, s) => Math.max(max, s.end), -Infinity) };
}
