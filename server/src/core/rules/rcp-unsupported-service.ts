import { DocumentRule, Report } from './types';

export const rcpUnsupportedService: DocumentRule = {
  id: 'IAM402',
  name: 'rcp-unsupported-service',
  severity: 'error',
  kinds: ['rcp'],
  category: 'organization',
  summary: 'A resource control policy names actions of a service that resource control policies do not support.',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const supported = catalog.rcpServices();
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const member of [statement.action, statement.notAction]) {
        for (const item of member?.value.items ?? []) {
          if (item.type !== 'string') continue;
          const service = /^([a-z0-9-]+):/i.exec(item.text)?.[1]?.toLowerCase();
          // Unknown services are the catalog rules' business; wildcard services cannot be judged.
          if (!service || !catalog.hasService(service) || supported.has(service)) continue;
          reports.push({
            span: item.span,
            message: `Resource control policies do not apply to ${catalog.serviceName(service) ?? service} (${service}): "${item.text}" has no effect here. Remove it, and use an SCP or the resource's own policy for it.`,
          });
        }
      }
    }
    return reports;
  },
};
