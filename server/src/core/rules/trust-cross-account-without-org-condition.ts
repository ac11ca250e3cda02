import { ORGANIZATION_KEYS, strengthOfAny } from '../policy/conditions';
import { effectOf, principalItems, readAwsPrincipal } from '../policy/principals';
import { accountLabel, accountRelation } from '../workspace';
import { fixes, orgIdFix } from './trust-support';
import { DocumentRule, Report } from './types';

export const trustCrossAccountWithoutOrgCondition: DocumentRule = {
  id: 'IAM202',
  name: 'trust-cross-account-without-org-condition',
  severity: 'warning',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts a principal of another account of the organisation without aws:PrincipalOrgID, aws:PrincipalOrgPaths or aws:PrincipalAccount (needs the workspace configuration).',
  fixable: true,
  scope: 'document',
  check(document, context) {
    // Cross-account can only be told when the file's own account is known.
    if (!context.account) return [];
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      const strength = strengthOfAny(statement, ORGANIZATION_KEYS);
      if (strength === 'bounding' || strength === 'unknown') continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'AWS') continue;
        const principal = readAwsPrincipal(item.scalar.text);
        if (principal.kind !== 'account' && principal.kind !== 'principal') continue;
        if (accountRelation(context.config, context.account, principal.accountId).kind !== 'organization') continue;
        reports.push({
          span: item.scalar.span,
          message: `"${item.scalar.text}" is in another account of the organisation, ${accountLabel(context.config, principal.accountId)}, and the statement does not require the caller to be in the organisation. Add an aws:PrincipalOrgID condition, so the trust ends if that account leaves the organisation.`,
          fixes: fixes(orgIdFix(document, statement, context)),
        });
      }
    }
    return reports;
  },
};
