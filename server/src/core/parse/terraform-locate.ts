/**
 * Which policy document, statement and element an offset is in: what completion and hover in a .tf
 * file need to know. It reads the policy model only, so it answers alike for JSON, jsonencode and
 * policy_document blocks (`Action` is the element of `"Action": [...]`, `Action = [...]` and
 * `actions = [...]`).
 *
 * While a block is half-typed, its policies are the last readable version carried through the edit
 * (terraform.ts): the member being edited has grown to cover the new text, so the offset still falls
 * in it, though the token being typed is not in the model yet; read it from the text.
 */
import { ConditionOperator, Member, ParsedFile, PolicyDocument, Scalar, Statement, ValueList, spanContains } from '../model';

/** Elements by their JSON names, whatever the syntax writes. */
export type PolicyElement =
  | 'Version'
  | 'Id'
  | 'Statement'
  | 'Sid'
  | 'Effect'
  | 'Principal'
  | 'NotPrincipal'
  | 'Action'
  | 'NotAction'
  | 'Resource'
  | 'NotResource'
  | 'Condition';

export interface PolicyLocation {
  readonly document: PolicyDocument;
  /** The statement the offset is in; undefined at the document's top level. */
  readonly statement?: Statement;
  /** The element the offset is in; undefined between elements (where a new key or block would go). */
  readonly element?: PolicyElement;
  /** On the element's key (`"Action"`, `Action`, `actions`) or in its value. */
  readonly part?: 'key' | 'value';
  /** Principal / NotPrincipal: the entry (`AWS = [...]`, a `principals { }` block) the offset is in. */
  readonly principalEntry?: Member<ValueList>;
  /** In that entry: on the principal type (`"AWS"`, `type = "AWS"`) or in its identifiers. */
  readonly principalPart?: 'type' | 'identifiers';
  /** Condition: the operator (`"StringEquals": {...}`, a `condition { }` block) the offset is in. */
  readonly operator?: ConditionOperator;
  /** Condition: the key entry (`"aws:PrincipalOrgID": [...]`, `variable` with its `values`). */
  readonly conditionEntry?: Member<ValueList>;
  /** In the condition: on the operator name (`test`), on the condition key (`variable`), or in the values. */
  readonly conditionPart?: 'operator' | 'key' | 'values';
  /** The single value the offset is on, when it is on one. */
  readonly scalar?: Scalar;
}

type StatementElement = Exclude<PolicyElement, 'Version' | 'Id' | 'Statement'>;

const STATEMENT_MEMBERS: readonly [StatementElement, keyof Statement][] = [
  ['Sid', 'sid'],
  ['Effect', 'effect'],
  ['Principal', 'principal'],
  ['NotPrincipal', 'notPrincipal'],
  ['Action', 'action'],
  ['NotAction', 'notAction'],
  ['Resource', 'resource'],
  ['NotResource', 'notResource'],
  ['Condition', 'condition'],
];

/** The policy location of an offset in a parsed file, or undefined when it is in no policy. */
export function locatePolicyElement(file: ParsedFile, offset: number): PolicyLocation | undefined {
  const document = file.documents.find((d) => spanContains(d.span, offset));
  if (!document) return undefined;
  const statement = document.statements.find((s) => spanContains(s.span, offset));
  if (!statement) {
    for (const [element, member] of [['Version', document.version], ['Id', document.id]] as const) {
      if (member && spanContains(member.span, offset)) return { document, element, part: part(member, offset), ...scalarAt([member.value], offset) };
    }
    if (document.statement && spanContains(document.statement.span, offset)) return { document, element: 'Statement', part: part(document.statement, offset) };
    return { document };
  }
  for (const [element, field] of STATEMENT_MEMBERS) {
    const member = statement[field] as Member<unknown> | undefined;
    if (!member || !spanContains(member.span, offset)) continue;
    const base = { document, statement, element, part: part(member, offset) } as const;
    switch (element) {
      case 'Sid':
      case 'Effect':
        return { ...base, ...scalarAt([(member as Member<Scalar>).value], offset) };
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource':
        return { ...base, ...scalarAt((member as Member<ValueList>).value.items, offset) };
      case 'Principal':
      case 'NotPrincipal':
        return { ...base, ...principalAt(statement[field] as Statement['principal'], offset) };
      case 'Condition':
        return { ...base, ...conditionAt(statement.condition!, offset) };
    }
  }
  return { document, statement };
}

function part(member: Member<unknown>, offset: number): 'key' | 'value' {
  return spanContains(member.key.span, offset) ? 'key' : 'value';
}

function scalarAt(items: readonly Scalar[], offset: number): { scalar?: Scalar } {
  const scalar = items.find((item) => spanContains(item.span, offset));
  return scalar ? { scalar } : {};
}

function principalAt(member: Statement['principal'], offset: number): Partial<PolicyLocation> {
  const value = member!.value;
  if (value.scalar && spanContains(value.scalar.span, offset)) return { scalar: value.scalar };
  const principalEntry = value.entries.find((entry) => spanContains(entry.span, offset));
  if (!principalEntry) return {};
  if (spanContains(principalEntry.key.span, offset)) return { principalEntry, principalPart: 'type' };
  if (spanContains(principalEntry.value.span, offset)) return { principalEntry, principalPart: 'identifiers', ...scalarAt(principalEntry.value.items, offset) };
  return { principalEntry };
}

function conditionAt(member: NonNullable<Statement['condition']>, offset: number): Partial<PolicyLocation> {
  const operator = member.value.operators.find((o) => spanContains(o.span, offset));
  if (!operator) return {};
  if (spanContains(operator.operator.span, offset)) return { operator, conditionPart: 'operator' };
  const entry = operator.entries.find((e) => spanContains(e.span, offset));
  if (!entry) return { operator };
  if (spanContains(entry.key.span, offset)) return { operator, conditionEntry: entry, conditionPart: 'key' };
  if (spanContains(entry.value.span, offset)) return { operator, conditionEntry: entry, conditionPart: 'values', ...scalarAt(entry.value.items, offset) };
  return { operator, conditionEntry: entry };
}
