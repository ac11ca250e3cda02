/**
 * Policies written as `jsonencode({ ... })`. The HCL object is handed to the JSON model builder in the
 * node shape it reads (HCL keys are policy keys, tuples are arrays), so a policy yields the same model
 * whether it is written as JSON or as jsonencode. Values the builder must treat as unknown are given
 * to it as a Terraform interpolation, which it already reads as unknown.
 */
import { Node } from 'jsonc-parser';
import { PolicyDocument, PolicyKind, PolicyOrigin } from '../model';
import { buildPolicyFromJson } from './json';
import { TfExpression, TfObject } from './terraform-syntax';

export interface JsonencodeOptions {
  readonly uri: string;
  /** The text the object's spans point into. */
  readonly text: string;
  readonly kind?: PolicyKind;
  readonly origin: PolicyOrigin;
}

/** The object a `jsonencode(...)` call encodes, when its argument is written as an object. */
export function jsonencodedObject(expression: TfExpression): TfObject | undefined {
  if (expression.kind !== 'call' || expression.name !== 'jsonencode' || expression.args.length !== 1) return undefined;
  const [argument] = expression.args;
  return argument?.kind === 'object' ? argument : undefined;
}

/** Whether an object written in HCL looks like a policy: a `Statement` key, or an IAM `Version`. */
export function looksLikePolicyObject(object: TfObject): boolean {
  return object.entries.some(
    (entry) =>
      entry.key.name === 'Statement' ||
      (entry.key.name === 'Version' && entry.value.kind === 'string' && (entry.value.value === '2012-10-17' || entry.value.value === '2008-10-17')),
  );
}

export function jsonencodeDocument(object: TfObject, options: JsonencodeOptions): PolicyDocument {
  const document = buildPolicyFromJson(toJsonNode(object, options.text), {
    uri: options.uri,
    terraformTemplate: true,
    kind: options.kind,
    origin: options.origin,
  });
  return { ...document, syntax: 'jsonencode' };
}

function toJsonNode(expression: TfExpression, text: string): Node {
  const offset = expression.span.start;
  const length = expression.span.end - expression.span.start;
  switch (expression.kind) {
    case 'object': {
      const children: Node[] = [];
      for (const entry of expression.entries) {
        // A computed key (`(local.k) = ...`) could be any key: leave it out rather than guess.
        if (entry.key.name === undefined) continue;
        const key: Node = { type: 'string', value: entry.key.name, offset: entry.key.span.start, length: entry.key.span.end - entry.key.span.start };
        children.push({ type: 'property', offset: entry.span.start, length: entry.span.end - entry.span.start, children: [key, toJsonNode(entry.value, text)] });
      }
      return { type: 'object', offset, length, children };
    }
    case 'tuple':
      return { type: 'array', offset, length, children: expression.items.map((item) => toJsonNode(item, text)) };
    case 'string':
      // The builder reads template escapes: write a literal `${` the way Terraform source would.
      return { type: 'string', value: expression.value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{'), offset, length };
    case 'number':
      return { type: 'number', value: expression.value, offset, length };
    case 'bool':
      return { type: 'boolean', value: expression.value, offset, length };
    case 'null':
      return { type: 'null', value: null, offset, length };
    case 'template':
      return { type: 'string', value: text.slice(expression.content.start, expression.content.end), offset, length };
    default:
      // Written as an interpolation of the expression, which is what the builder reads as unknown.
      return { type: 'string', value: `\${${text.slice(expression.span.start, expression.span.end)}}`, offset, length };
  }
}
