import { exactValue, keyStrength } from '../policy/conditions';
import { effectOf } from '../policy/principals';
import { appliesToAnyResource, itemsGranting } from './permissions-support';
import { DocumentRule, Report } from './types';

export const passRoleUnrestricted: DocumentRule = {
  id: 'IAM304',
  name: 'pass-role-unrestricted',
  severity: 'warning',
  kinds: ['identity'],
  category: 'permissions',
  summary: 'An Allow grants iam:PassRole on Resource "*", or without an iam:PassedToService condition.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow') continue;
      // Action "*" is reported as administrator access by wildcard-action.
      const item = itemsGranting(statement, 'iam:PassRole').find((candidate) => candidate.text !== '*');
      if (!item) continue;
      const anyRole = appliesToAnyResource(statement);
      const service = keyStrength(statement, 'iam:PassedToService', exactValue);
      if (anyRole === 'unknown' || service === 'unknown') continue;
      const anyService = service !== 'bounding';
      if (anyRole === 'no' && !anyService) continue;
      const granted = item.text.toLowerCase() === 'iam:passrole' ? 'iam:PassRole' : `"${item.text}" (which includes iam:PassRole)`;
      const message =
        anyRole === 'yes' && anyService
          ? `${granted} on every role, to any service, lets this principal start compute with any role of the account and act with that role's permissions. Name the roles it may pass and add an iam:PassedToService condition.`
          : anyRole === 'yes'
            ? `${granted} on Resource "*" lets this principal pass any role of the account. Name the roles it may pass.`
            : `${granted} has no iam:PassedToService condition: the roles can be passed to any service. Add one naming the service that needs them.`;
      reports.push({ span: item.span, message });
    }
    return reports;
  },
};
