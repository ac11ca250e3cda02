import { DocumentRule, Report } from './types';

export const rcpPrincipal: DocumentRule = {
  id: 'IAM401',
  name: 'rcp-principal',
  severity: 'error',
  kinds: ['rcp'],
  category: 'organization',
  summary: 'A resource control policy names a Principal other than "*", or uses NotPrincipal.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (statement.notPrincipal) {
        reports.push({
          span: statement.notPrincipal.key.span,
          message: `A resource control policy cannot use ${statement.notPrincipal.key.name}: write "Principal": "*" and limit whom the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalArn.`,
        });
      }
      const principal = statement.principal?.value;
      if (!principal || principal.form === 'unknown' || principal.form === 'wildcard') continue;
      reports.push({
        span: principal.span,
        message: 'A resource control policy must have "Principal": "*": it applies to every principal that reaches the resources. Limit whom the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalArn.',
      });
    }
    return reports;
  },
};
