import { replaceString } from '../fixes/members';
import { didYouMean } from '../text/suggest';
import { actionItems, didYouMeanHint } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const unknownService: DocumentRule = {
  id: 'IAM101',
  name: 'unknown-service',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'An action whose service prefix no AWS service has, such as "s4:GetObject", or an action written without a prefix.',
  fixable: true,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const item of actionItems(statement)) {
        const name = item.text;
        if (name === '*') continue;
        const colon = name.indexOf(':');
        if (colon <= 0) {
          reports.push({ span: item.span, message: `"${name}" is not an action: write it as service:Action, such as "s3:GetObject".` });
          continue;
        }
        const prefix = name.slice(0, colon);
        // A prefix with a wildcard is a pattern: wildcard-no-match reports it if it matches nothing.
        if (/[*?]/.test(prefix) || catalog.hasService(prefix)) continue;
        const candidates = didYouMean(prefix.toLowerCase(), catalog.services());
        const rest = name.slice(colon);
        reports.push({
          span: item.span,
          message: `Unknown service prefix "${prefix}" in "${name}": no AWS service has it, so the action never matches.${didYouMeanHint(candidates, 'Check the prefix in the Service Authorization Reference.')}`,
          fixes: candidates.map((candidate, index) => ({
            title: `Change to "${candidate}${rest}"`,
            edits: [replaceString(item, `${candidate}${rest}`, document.syntax)],
            isPreferred: index === 0,
          })),
        });
      }
    }
    return reports;
  },
};
