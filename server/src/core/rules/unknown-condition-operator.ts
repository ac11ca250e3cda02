import { ALL_OPERATOR_NAMES, parseOperator } from '../catalog/operators';
import { renameKey } from '../fixes/members';
import { didYouMean } from '../text/suggest';
import { didYouMeanHint, isUnknownKey } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const unknownConditionOperator: DocumentRule = {
  id: 'IAM105',
  name: 'unknown-condition-operator',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'A condition operator that does not exist, such as "StringEqual" or "NullIfExists".',
  fixable: true,
  scope: 'document',
  check(document, { text }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const operator of statement.condition?.value.operators ?? []) {
        const key = operator.operator;
        if (isUnknownKey(key) || parseOperator(key.name)) continue;
        // Null already tests whether the key exists: it has no IfExists form and takes no set prefix.
        const isNullVariant = key.name.replace(/^ForA(ll|ny)Values?:/, '').replace(/IfExists$/, '') === 'Null';
        const candidates = isNullVariant ? ['Null'] : didYouMean(key.name, ALL_OPERATOR_NAMES);
        const caseOnly = candidates[0]?.toLowerCase() === key.name.toLowerCase();
        let message = `"${key.name}" is not a condition operator: AWS rejects the policy.${didYouMeanHint(candidates, 'See the list of condition operators in the IAM User Guide.')}`;
        if (isNullVariant) message = `"${key.name}" is not a condition operator: Null takes no IfExists suffix and no set prefix, as it tests whether the key exists. Use "Null".`;
        if (caseOnly) message = `Condition operator "${key.name}" is spelled "${candidates[0]}" by AWS: write it that way.`;
        reports.push({
          span: key.span,
          // AWS documents operators in one spelling; whether it accepts another case is not
          // documented, so a case-only difference is a warning rather than an error.
          severity: caseOnly ? 'warning' : undefined,
          message,
          fixes: candidates.map((candidate, index) => ({
            title: `Change to "${candidate}"`,
            edits: [renameKey(text, key, candidate)],
            isPreferred: index === 0,
          })),
        });
      }
    }
    return reports;
  },
};
