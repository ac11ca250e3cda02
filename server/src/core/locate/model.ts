/**
 * Finds the element at an offset from the policy model's spans alone. The model is the same for
 * every syntax, so this serves JSON, `jsonencode` and `aws_iam_policy_document` alike, wherever the
 * text is complete enough to have been parsed into the model (hover, mostly).
 */
import { Key, PolicyDocument, Scalar, Statement, innerSpan, spanContains } from '../model';
import { CursorContext, CursorElement } from './context';

export function locateInDocument(document: PolicyDocument, text: string, offset: number): CursorContext | undefined {
  if (!spanContains(document.span, offset)) return undefined;
  const base = { document, text, offset };
  if (document.version && within(document.version.value, offset)) return fromScalar(base, 'version', document.version.value);
  for (const statement of document.statements) {
    if (!spanContains(statement.span, offset)) continue;
    return locateInStatement({ ...base, statement }, statement) ?? fromKeys(base, 'statementKey', statement.keys, statement);
  }
  return fromKeys(base, 'policyKey', document.keys);
}

interface Base {
  readonly document: PolicyDocument;
  readonly text: string;
  readonly offset: number;
  readonly statement?: Statement;
}

function locateInStatement(base: Base, statement: Statement): CursorContext | undefined {
  const { offset } = base;
  if (statement.effect && within(statement.effect.value, offset)) return fromScalar(base, 'effect', statement.effect.value);
  for (const member of [statement.action, statement.notAction]) {
    const item = member?.value.items.find((scalar) => within(scalar, offset));
    if (item) return fromScalar(base, 'action', item);
  }
  for (const member of [statement.resource, statement.notResource]) {
    const item = member?.value.items.find((scalar) => within(scalar, offset));
    if (item) return fromScalar(base, 'resource', item);
  }
  for (const member of [statement.principal, statement.notPrincipal]) {
    for (const entry of member?.value.entries ?? []) {
      if (inKey(entry.key, offset)) return fromKey(base, 'principalType', entry.key, member!.value.entries.map((e) => e.key.name));
      const item = entry.value.items.find((scalar) => within(scalar, offset));
      if (item) return { ...fromScalar(base, 'principalValue', item)!, principalType: entry.key.name };
    }
  }
  for (const operator of statement.condition?.value.operators ?? []) {
    if (inKey(operator.operator, offset)) {
      return fromKey(base, 'conditionOperator', operator.operator, statement.condition!.value.keys.map((k) => k.name));
    }
    const key = operator.keys.find((k) => inKey(k, offset));
    if (key) return { ...fromKey(base, 'conditionKey', key, operator.keys.map((k) => k.name)), operator: operator.operator.name };
  }
  return undefined;
}

function within(scalar: Scalar, offset: number): boolean {
  return scalar.type !== 'unknown' && scalar.type !== 'invalid' && spanContains(scalar.span, offset);
}

function inKey(key: Key, offset: number): boolean {
  return spanContains(key.span, offset);
}

function fromScalar(base: Base, element: CursorElement, scalar: Scalar): CursorContext | undefined {
  if (scalar.type !== 'string') return undefined;
  return context(base, element, scalar.text, scalar.span, false, []);
}

function fromKey(base: Base, element: CursorElement, key: Key, siblings: readonly string[]): CursorContext {
  return context(base, element, key.name, key.span, true, siblings);
}

function fromKeys(base: Base, element: CursorElement, keys: readonly Key[], statement?: Statement): CursorContext | undefined {
  const key = keys.find((k) => inKey(k, base.offset));
  if (!key) return undefined;
  return { ...fromKey(base, element, key, keys.map((k) => k.name)), statement };
}

function context(base: Base, element: CursorElement, name: string, tokenSpan: Scalar['span'], hasValue: boolean, siblings: readonly string[]): CursorContext {
  const span = innerSpan(base.text, tokenSpan);
  const quoted = span.start !== tokenSpan.start;
  const typed = Math.max(0, Math.min(base.offset, span.end) - span.start);
  return {
    element,
    syntax: base.document.syntax,
    text: name,
    prefix: name.slice(0, typed),
    span,
    quoted,
    openQuote: false,
    offset: base.offset,
    hasValue,
    siblingKeys: siblings.filter((sibling) => sibling !== name),
    document: base.document,
    statement: base.statement,
  };
}
