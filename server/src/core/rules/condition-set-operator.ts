import { lookupConditionKey } from '../catalog/condition-keys';
import { isMultiValued } from '../catalog/global-keys';
import { SET_OPERATORS, parseOperator } from '../catalog/operators';
import { Fix } from '../findings';
import { renameKey } from '../fixes/members';
import { ConditionOperator, Statement } from '../model';
import { conditionEntries, keyTypes } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const conditionSetOperator: DocumentRule = {
  id: 'IAM107',
  name: 'condition-set-operator',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'ForAllValues/ForAnyValue on a single-valued condition key, or a multivalued key (such as aws:TagKeys) without them.',
  fixable: true,
  scope: 'document',
  check(document, { catalog, text }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const { operator, entry } of conditionEntries(statement)) {
        const parsed = parseOperator(operator.operator.name);
        if (!parsed || parsed.base.family === 'Null') continue;
        const types = keyTypes(lookupConditionKey(catalog, entry.key.name));
        if (types.length === 0) continue;
        const multi = types.every(isMultiValued);
        const bare = parsed.written.slice(parsed.set ? parsed.set.length + 1 : 0);
        // Renaming the operator is a fix only when the key is its one key and the new name is free.
        const rename = (name: string): Fix[] =>
          operator.entries.length === 1 && !hasOperator(statement, name)
            ? [{ title: `Change the operator to "${name}"`, edits: [renameKey(text, operator.operator, name)] }]
            : [];
        if (parsed.set && !multi) {
          reports.push({
            span: operator.operator.span,
            message: `${parsed.set} is for multivalued keys, but "${entry.key.name}" holds a single value: with ${parsed.set} the condition ${parsed.set === 'ForAllValues' ? 'also passes when the key is absent' : 'behaves like the plain operator at best'}. Use "${bare}".`,
            fixes: rename(bare).map((fix) => ({ ...fix, isPreferred: true })),
          });
        } else if (!parsed.set && multi) {
          reports.push({
            span: entry.key.span,
            message: `"${entry.key.name}" holds a list of values: say how they are compared with "ForAnyValue:${bare}" (any value matches) or "ForAllValues:${bare}" (every value matches).`,
            fixes: SET_OPERATORS.flatMap((set) => rename(`${set}:${bare}`)),
          });
        }
      }
    }
    return reports;
  },
};

function hasOperator(statement: Statement, name: string): boolean {
  return (statement.condition?.value.operators ?? []).some((o: ConditionOperator) => o.operator.name === name);
}
