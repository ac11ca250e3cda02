/**
 * Condition operators, and condition keys ranked for the statement: the keys its actions list first,
 * then the other keys of their services, then the global keys; within each group, keys whose type
 * the operator compares come first.
 */
import { Catalog, ConditionKeyInfo } from '../catalog/catalog';
import { GLOBAL_CONDITION_KEYS, isMultiValued } from '../catalog/global-keys';
import { OPERATOR_NAMES, SET_OPERATORS, SET_OPERATOR_MEANINGS, familyAccepts, operatorMeaning, parseOperator } from '../catalog/operators';
import { statementActions } from '../catalog/statement-actions';
import { CursorContext } from '../locate/context';
import { hasTemplate, keyEntry, templateSnippet } from './render';
import { CompletionEntry } from './types';

export function operatorEntries(context: CursorContext): CompletionEntry[] {
  const taken = new Set(context.siblingKeys);
  const set = SET_OPERATORS.find((s) => context.prefix.startsWith(`${s}:`));
  const names = set
    ? OPERATOR_NAMES.filter((name) => name !== 'Null').map((name) => `${set}:${name}`)
    : OPERATOR_NAMES;
  const entries: CompletionEntry[] = [];
  names.forEach((name, index) => {
    if (taken.has(name)) return;
    const parsed = parseOperator(name)!;
    entries.push(
      keyEntry(context, {
        label: name,
        kind: 'operator',
        shape: 'operatorBlock',
        detail: `${parsed.base.family} operator`,
        documentation: operatorMeaning(parsed),
        sortText: String(index).padStart(3, '0'),
        retrigger: true,
      }),
    );
  });
  if (!set) {
    for (const prefix of SET_OPERATORS) {
      entries.push({
        label: `${prefix}:`,
        kind: 'operator',
        detail: 'set operator prefix, for multivalued keys',
        documentation: SET_OPERATOR_MEANINGS[prefix],
        // Quoted in every syntax (the colon needs it in HCL too), the cursor left inside for the operator.
        insertText: context.quoted ? `${prefix}:$0` : `"${prefix}:$0"`,
        snippet: true,
        filterText: context.openQuote ? `"${prefix}:` : `${prefix}:`,
        sortText: '999',
        retrigger: true,
      });
    }
  }
  return entries;
}

export function conditionKeyEntries(context: CursorContext, catalog: Catalog): CompletionEntry[] {
  const family = context.operator ? parseOperator(context.operator)?.base.family : undefined;
  const { actions, services } = statementActions(context.statement, catalog);
  const listed = new Set<string>();
  for (const action of actions) {
    for (const key of action.conditionKeys) listed.add(key.toLowerCase());
    for (const resourceType of action.resourceTypes) {
      for (const key of catalog.resourceType(action.service, resourceType.name)?.conditionKeys ?? []) listed.add(key.toLowerCase());
    }
  }
  const taken = new Set(context.siblingKeys.map((k) => k.toLowerCase()));
  const seen = new Set<string>();
  const entries: CompletionEntry[] = [];
  const add = (info: ConditionKeyInfo, group: number, origin: string): void => {
    const lower = info.key.toLowerCase();
    if (seen.has(lower) || taken.has(lower)) return;
    seen.add(lower);
    const fits = !family || familyAccepts(family, info.type);
    entries.push(
      keyEntry(context, {
        label: info.key,
        kind: 'conditionKey',
        shape: isMultiValued(info.type) ? 'list' : 'string',
        detail: `${info.type} · ${origin}`,
        documentation: info.description || undefined,
        sortText: `${group}${fits ? 0 : 1}${info.key.toLowerCase()}`,
        keySnippet: hasTemplate(info.key) ? templateSnippet(info.key) : undefined,
      }),
    );
  };
  const globals = new Map(GLOBAL_CONDITION_KEYS.map((info) => [info.key.toLowerCase(), info]));
  for (const service of services) {
    for (const info of catalog.conditionKeys(service)) {
      const global = globals.get(info.key.toLowerCase());
      if (listed.has(info.key.toLowerCase())) add(global ?? info, 0, global ? 'global, used by these actions' : 'used by these actions');
    }
  }
  for (const service of services) {
    for (const info of catalog.conditionKeys(service)) {
      if (!globals.has(info.key.toLowerCase())) add(info, 1, `${service} key`);
    }
  }
  for (const info of GLOBAL_CONDITION_KEYS) add(info, 2, 'global');
  return entries;
}
