import { arnValue, keyStrength } from '../policy/conditions';
import { effectOf, principalItems, readAwsPrincipal } from '../policy/principals';
import { accountLabel } from '../workspace';
import { DocumentRule, Report } from './types';

export const trustWholeAccount: DocumentRule = {
  id: 'IAM204',
  name: 'trust-whole-account',
  severity: 'info',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts a whole account (arn:aws:iam::ID:root or "ID") where naming the exact role or user is safer.',
  fixable: false,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      const strength = keyStrength(statement, 'aws:PrincipalArn', arnValue);
      if (strength === 'bounding' || strength === 'unknown') continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'AWS') continue;
        const principal = readAwsPrincipal(item.scalar.text);
        if (principal.kind !== 'account') continue;
        const own = context.account?.id === principal.accountId ? ", this role's own account" : '';
        reports.push({
          span: item.scalar.span,
          message: `Trusts the whole account ${accountLabel(context.config, principal.accountId)}${own}: every role and user there whose own policies allow sts:AssumeRole on this role can assume it. Name the role that needs access, or add an aws:PrincipalArn condition.`,
        });
      }
    }
    return reports;
  },
};
