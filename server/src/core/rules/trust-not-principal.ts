import { effectOf } from '../policy/principals';
import { DocumentRule, Report } from './types';

export const trustNotPrincipal: DocumentRule = {
  id: 'IAM209',
  name: 'trust-not-principal',
  severity: 'error',
  kinds: ['trust', 'resource'],
  category: 'trust',
  summary: 'NotPrincipal with Allow grants access to everyone not listed (error); Deny with NotPrincipal is explained (info).',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      const notPrincipal = statement.notPrincipal;
      if (!notPrincipal) continue;
      const effect = effectOf(statement, document);
      if (effect === 'Allow') {
        reports.push({
          span: notPrincipal.key.span,
          message: `Allow with ${notPrincipal.key.name} grants access to every principal that is not listed, in every account, anonymous callers included. Name the principals that need access in Principal instead.`,
        });
      } else if (effect === 'Deny') {
        reports.push({
          span: notPrincipal.key.span,
          severity: 'info',
          message: `Deny with ${notPrincipal.key.name} denies everyone except the principals listed. A role is matched by its session ARN (arn:aws:sts::ID:assumed-role/NAME/SESSION), so list that, the role ARN and the account, or the role is denied too; a Deny with Principal "*" and an aws:PrincipalArn condition says the same more plainly.`,
        });
      }
    }
    return reports;
  },
};
