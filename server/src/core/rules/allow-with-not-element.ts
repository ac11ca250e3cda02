import { effectOf } from '../policy/principals';
import { DocumentRule, Report } from './types';

export const allowWithNotElement: DocumentRule = {
  id: 'IAM303',
  name: 'allow-with-not-element',
  severity: 'warning',
  kinds: ['identity', 'resource'],
  category: 'permissions',
  summary: 'An Allow uses NotAction or NotResource, granting everything not listed, including what AWS adds later.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow') continue;
      if (statement.notAction) {
        reports.push({
          span: statement.notAction.key.span,
          message: `Allow with ${statement.notAction.key.name} grants every action that is not listed, in every service, including actions AWS adds later. List the allowed actions in Action instead.`,
        });
      }
      if (statement.notResource) {
        reports.push({
          span: statement.notResource.key.span,
          message: `Allow with ${statement.notResource.key.name} grants the actions on every resource that is not listed, in every account. List the allowed resources in Resource instead.`,
        });
      }
    }
    return reports;
  },
};
