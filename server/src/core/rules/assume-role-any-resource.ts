import { effectOf } from '../policy/principals';
import { appliesToAnyResource, itemsGranting } from './permissions-support';
import { DocumentRule, Report } from './types';

export const assumeRoleAnyResource: DocumentRule = {
  id: 'IAM305',
  name: 'assume-role-any-resource',
  severity: 'warning',
  kinds: ['identity'],
  category: 'permissions',
  summary: 'An Allow grants sts:AssumeRole on Resource "*".',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow') continue;
      const item = itemsGranting(statement, 'sts:AssumeRole').find((candidate) => candidate.text !== '*');
      if (!item || appliesToAnyResource(statement) !== 'yes') continue;
      const granted = item.text.toLowerCase() === 'sts:assumerole' ? 'sts:AssumeRole' : `"${item.text}" (which includes sts:AssumeRole)`;
      reports.push({
        span: item.span,
        message: `${granted} on Resource "*" lets this principal assume every role, in any account, whose trust policy lets it in. Name the roles it needs.`,
      });
    }
    return reports;
  },
};
