/**
 * Where the cursor is in a `data "aws_iam_policy_document"` block, from the blocks around it. The
 * block's own argument and block names are keys (`statement { | }`); everything else is a string
 * value, even what JSON writes as a key: `principals { type = "|" }` is a principal type,
 * `condition { test = "|" variable = "|" }` an operator and a condition key.
 */
import { CursorElement } from './context';
import { HclCursor, HclFrame } from './hcl-cursor';
import type { TerraformTarget } from './terraform';

const LIST_ELEMENTS: Readonly<Record<string, CursorElement>> = {
  actions: 'action',
  not_actions: 'action',
  resources: 'resource',
  not_resources: 'resource',
};

/** `frames` are the data block and the frames inside it, outermost first. */
export function policyDocumentTarget(frames: readonly HclFrame[], cursor: HclCursor): TerraformTarget | undefined {
  const [data, statement, inner, list] = frames;
  if (!data) return undefined;
  const tokenStart = cursor.token.span.start;
  const keyOf = (element: CursorElement, frame: HclFrame): TerraformTarget => ({
    element,
    isKey: true,
    siblings: frame.members.filter((m) => m.span.start !== tokenStart).map((m) => m.name),
  });
  const value = (element: CursorElement, extra: Partial<TerraformTarget> = {}): TerraformTarget => ({ element, isKey: false, siblings: [], ...extra });

  if (!statement) {
    if (cursor.position === 'key') return keyOf('policyKey', data);
    return cursor.member === 'version' ? value('version') : undefined;
  }
  if (statement.kind !== 'block' || statement.name !== 'statement') return undefined;
  if (!inner) {
    if (cursor.position === 'key') return keyOf('statementKey', statement);
    if (cursor.member === 'effect') return value('effect');
    const element = cursor.member ? LIST_ELEMENTS[cursor.member] : undefined;
    return element && value(element);
  }
  if (inner.kind === 'tuple') {
    const element = !list && inner.member ? LIST_ELEMENTS[inner.member] : undefined;
    return element && value(element);
  }
  if (inner.kind !== 'block' || cursor.position === 'key') return undefined;
  if (inner.name === 'principals' || inner.name === 'not_principals') {
    const member = list ? (list.kind === 'tuple' && frames.length === 4 ? list.member : undefined) : cursor.member;
    if (member === 'type' && !list) return value('principalType');
    if (member !== 'identifiers') return undefined;
    const type = inner.members.find((m) => m.name === 'type')?.value;
    return value('principalValue', type ? { principalType: type } : {});
  }
  if (inner.name === 'condition' && !list) {
    if (cursor.member === 'test') return value('conditionOperator');
    if (cursor.member !== 'variable') return undefined;
    const test = inner.members.find((m) => m.name === 'test')?.value;
    return value('conditionKey', test ? { operator: test } : {});
  }
  return undefined;
}
