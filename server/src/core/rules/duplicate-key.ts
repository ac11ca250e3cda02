import { Key } from '../model';
import { objectSyntax } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const duplicateKey: DocumentRule = {
  id: 'IAM014',
  name: 'duplicate-key',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'An object has the same key twice: which value AWS uses is not what a reader expects.',
  fixable: false,
  scope: 'document',
  check(document) {
    if (!objectSyntax(document)) return [];
    const reports: Report[] = [];
    const check = (keys: readonly Key[], where: string): void => {
      const seen = new Map<string, Key>();
      for (const key of keys) {
        const first = seen.get(key.name);
        if (!first) {
          seen.set(key.name, key);
          continue;
        }
        reports.push({
          span: key.span,
          message: `"${key.name}" appears twice ${where}: merge the two into one.`,
          related: [{ span: first.span, message: `first "${key.name}" here` }],
        });
      }
    };
    check(document.keys, 'in the policy');
    for (const statement of document.statements) {
      check(statement.keys, 'in the statement');
      for (const principal of [statement.principal, statement.notPrincipal]) {
        if (principal) check(principal.value.entries.map((entry) => entry.key), `in ${principal.key.name}`);
      }
      const condition = statement.condition?.value;
      if (!condition) continue;
      if (document.syntax === 'json') check(condition.keys, 'in Condition');
      for (const operator of condition.operators) check(operator.keys, `under ${operator.operator.name}`);
    }
    return reports;
  },
};
