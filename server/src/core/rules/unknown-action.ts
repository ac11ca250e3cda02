import { replaceString } from '../fixes/members';
import { didYouMean } from '../text/suggest';
import { actionItems, didYouMeanHint } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const unknownAction: DocumentRule = {
  id: 'IAM102',
  name: 'unknown-action',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'An action its service does not have, such as "s3:GetObjekt" (action names are matched ignoring case).',
  fixable: true,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const item of actionItems(statement)) {
        const name = item.text;
        const colon = name.indexOf(':');
        if (colon <= 0 || /[*?]/.test(name)) continue;
        const prefix = name.slice(0, colon);
        if (!catalog.hasService(prefix) || catalog.action(name)) continue;
        const actionName = name.slice(colon + 1);
        const candidates = didYouMean(actionName, catalog.actions(prefix).map((action) => action.name));
        reports.push({
          span: item.span,
          message: `Unknown action "${name}": ${catalog.serviceName(prefix)} has no action "${actionName}", so it never matches.${didYouMeanHint(candidates, 'Check the name in the Service Authorization Reference.')}`,
          fixes: candidates.map((candidate, index) => ({
            title: `Change to "${prefix}:${candidate}"`,
            edits: [replaceString(item, `${prefix}:${candidate}`, document.syntax)],
            isPreferred: index === 0,
          })),
        });
      }
    }
    return reports;
  },
};
