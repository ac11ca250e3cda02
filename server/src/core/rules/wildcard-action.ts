import { effectOf } from '../policy/principals';
import { appliesToAnyResource } from './permissions-support';
import { DocumentRule, Report } from './types';

export const wildcardAction: DocumentRule = {
  id: 'IAM301',
  name: 'wildcard-action',
  severity: 'warning',
  kinds: ['identity'],
  category: 'permissions',
  summary: 'An Allow grants Action "*" on Resource "*", administrator access (warning), or every action of a service with "svc:*" (info).',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.action) continue;
      const anyResource = appliesToAnyResource(statement);
      for (const item of statement.action.value.items) {
        if (item.type !== 'string') continue;
        if (item.text === '*') {
          if (anyResource === 'unknown') continue;
          reports.push(
            anyResource === 'yes'
              ? {
                  span: item.span,
                  message: 'Action "*" on Resource "*" grants every action on every resource: full administrator access. List the actions this principal needs.',
                }
              : {
                  span: item.span,
                  severity: 'info',
                  message: 'Action "*" grants every action of every service on these resources. List the actions this principal needs.',
                },
          );
          continue;
        }
        const service = /^([a-z0-9-]+):\*$/i.exec(item.text)?.[1];
        if (!service) continue;
        const count = catalog.hasService(service) ? catalog.actions(service).length : 0;
        reports.push({
          span: item.span,
          severity: 'info',
          message: `"${item.text}" grants every action of ${catalog.serviceName(service) ?? service}${count ? ` (${count} actions)` : ''}, deletes and permission changes included, and those added later. List the actions this principal needs.`,
        });
      }
    }
    return reports;
  },
};
