/** What the permission rules share: reading Action and Resource of Allow statements. */
import { wildcardMatcher } from '../catalog/catalog';
import { Scalar, Statement, ValueList } from '../model';

/** `"*"` alone, or `svc:*`: the patterns the wildcard-action rule reports itself. */
export function isWholeServicePattern(action: string): boolean {
  return action === '*' || /^[a-z0-9-]+:\*$/i.test(action);
}

/** The action items of a statement's Action that match an action name (IAM wildcards, any case). */
export function itemsGranting(statement: Statement, actionName: string): Scalar[] {
  const items = statement.action?.value.items ?? [];
  return items.filter((item) => item.type === 'string' && wildcardMatcher(item.text).test(actionName));
}

/**
 * Whether the statement applies to every resource: `"Resource": "*"` (or a list holding it), or any
 * NotResource. `unknown` when the resources are a Terraform expression.
 */
export function appliesToAnyResource(statement: Statement): 'yes' | 'no' | 'unknown' {
  if (statement.notResource) return listUnknown(statement.notResource.value) ? 'unknown' : 'yes';
  const list = statement.resource?.value;
  if (!list) return 'no';
  if (list.items.some((item) => item.type === 'string' && item.text === '*')) return 'yes';
  return listUnknown(list) ? 'unknown' : 'no';
}

/** The `"*"` item of Resource, to point at. */
export function anyResourceItem(statement: Statement): Scalar | undefined {
  return statement.resource?.value.items.find((item) => item.type === 'string' && item.text === '*');
}

export function listUnknown(list: ValueList): boolean {
  return list.form === 'unknown' || list.items.some((item) => item.type === 'unknown');
}

/** `a, b, c and 4 more`. */
export function listSome(names: readonly string[], shown = 4): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
