import { actionItems } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const wildcardNoMatch: DocumentRule = {
  id: 'IAM103',
  name: 'wildcard-no-match',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'An action pattern with * or ? that matches no action, such as "s3:Gett*".',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const item of actionItems(statement)) {
        const name = item.text;
        const colon = name.indexOf(':');
        if (name === '*' || colon <= 0 || !/[*?]/.test(name)) continue;
        const prefix = name.slice(0, colon);
        const wildService = /[*?]/.test(prefix);
        // An unknown service is unknown-service's finding.
        if (!wildService && !catalog.hasService(prefix)) continue;
        if (catalog.expand(name).length > 0) continue;
        const where = wildService ? 'of any service' : `of ${catalog.serviceName(prefix)}`;
        reports.push({
          span: item.span,
          message: `"${name}" matches no action ${where}: the statement does nothing for it. Fix the pattern (hover an action to see its name).`,
        });
      }
    }
    return reports;
  },
};
