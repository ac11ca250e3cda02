import { renameKey } from '../fixes/members';
import { Key } from '../model';
import { didYouMean } from '../text/suggest';
import { objectSyntax } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const POLICY_KEYS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

export const unknownKey: DocumentRule = {
  id: 'IAM012',
  name: 'unknown-key',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'A key that is not part of the policy grammar, such as "action" for "Action" (keys are case-sensitive).',
  fixable: true,
  scope: 'document',
  check(document, { text }) {
    if (!objectSyntax(document)) return [];
    const reports: Report[] = [];
    const check = (keys: readonly Key[], allowed: readonly string[], where: string): void => {
      for (const key of keys) {
        if (allowed.includes(key.name)) continue;
        const candidates = didYouMean(key.name, allowed);
        const hint = candidates.length ? ` Did you mean "${candidates[0]}"?` : ` Allowed: ${allowed.join(', ')}.`;
        reports.push({
          span: key.span,
          message: `"${key.name}" is not a valid key ${where}: AWS rejects the policy.${hint}`,
          fixes: candidates.map((candidate, i) => ({
            title: `Rename to "${candidate}"`,
            edits: [renameKey(text, key, candidate)],
            isPreferred: i === 0,
          })),
        });
      }
    };
    check(document.keys, POLICY_KEYS, 'at the top of a policy');
    for (const statement of document.statements) {
      check(statement.keys, STATEMENT_KEYS, 'in a statement');
      for (const principal of [statement.principal, statement.notPrincipal]) {
        if (principal?.value.form !== 'map') continue;
        check(principal.value.entries.map((entry) => entry.key), PRINCIPAL_TYPES, `in ${principal.key.name}`);
      }
    }
    return reports;
  },
};
