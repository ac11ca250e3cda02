/** What the catalog rules (IAM1xx) share: the names they read from a statement, and hint wording. */
import { ConditionKeyLookup } from '../catalog/condition-keys';
import { GlobalConditionKey } from '../catalog/global-keys';
import { ConditionOperator, Key, Member, Scalar, Statement, ValueList, stringItems } from '../model';

/** The known string items of `Action` and `NotAction`. */
export function actionItems(statement: Statement): Scalar[] {
  return [...stringItems(statement.action?.value), ...stringItems(statement.notAction?.value)];
}

export interface ConditionEntry {
  readonly operator: ConditionOperator;
  readonly entry: Member<ValueList>;
}

/**
 * Each condition key with its operator, in source order. Keys written as Terraform templates
 * (`"${var.key}"`) are unknown values and left out.
 */
export function conditionEntries(statement: Statement): ConditionEntry[] {
  const result: ConditionEntry[] = [];
  for (const operator of statement.condition?.value.operators ?? []) {
    if (operator.form !== 'map' || isUnknownKey(operator.operator)) continue;
    for (const entry of operator.entries) if (!isUnknownKey(entry.key)) result.push({ operator, entry });
  }
  return result;
}

/** A key we cannot read: a Terraform expression, or a template string (`"${var.key}"`). */
export function isUnknownKey(key: Key): boolean {
  return key.unknown === true || /\$\{|%\{/.test(key.name);
}

/** The types a known key may have: one, or for a few global keys several (`aws:EpochTime`). */
export function keyTypes(lookup: ConditionKeyLookup): readonly string[] {
  if (lookup.status !== 'known') return [];
  return lookup.global ? (lookup.info as GlobalConditionKey).types : [lookup.info.type];
}

/** ` Did you mean "x"?` or the fallback sentence. */
export function didYouMeanHint(candidates: readonly string[], fallback: string): string {
  return candidates.length ? ` Did you mean "${candidates[0]}"?` : ` ${fallback}`;
}
