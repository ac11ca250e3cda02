/** The actions a statement's `Action` names, looked up in the catalog: for ranking and for rules. */
import { Statement } from '../model';
import { ActionInfo, Catalog } from './catalog';
import { pushAll } from '../text/push-all';

export interface StatementActions {
  /** The actions named, with wildcards expanded within their service. */
  readonly actions: readonly ActionInfo[];
  /** The known service prefixes the items name (lower case). */
  readonly services: ReadonlySet<string>;
  /**
   * Whether some item reaches past what is listed: `*`, a wildcard service (`*:Get*`), or a value we
   * cannot read (a Terraform expression).
   */
  readonly open: boolean;
}

export function statementActions(statement: Statement | undefined, catalog: Catalog): StatementActions {
  const actions: ActionInfo[] = [];
  const services = new Set<string>();
  let open = false;
  const list = statement?.action?.value;
  if (list && (list.form === 'unknown' || list.items.some((item) => item.type === 'unknown'))) open = true;
  for (const item of list?.items ?? []) {
    if (item.type !== 'string') continue;
    const name = item.text;
    const colon = name.indexOf(':');
    if (name === '*' || (colon > 0 && /[*?]/.test(name.slice(0, colon)))) {
      open = true;
      continue;
    }
    if (colon <= 0 || !catalog.hasService(name.slice(0, colon))) continue;
    services.add(name.slice(0, colon).toLowerCase());
    if (/[*?]/.test(name)) pushAll(actions, catalog.expand(name));
    else {
      const action = catalog.action(name);
      if (action) actions.push(action);
    }
  }
  return { actions, services, open };
}
