import { Catalog } from '../catalog/catalog';
import { statementActions } from '../catalog/statement-actions';
import { stringItems } from '../model';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const resourceServiceMismatch: DocumentRule = {
  id: 'IAM108',
  name: 'resource-service-mismatch',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'A Resource ARN of a service none of the statement\'s actions act on, such as an S3 ARN beside only DynamoDB actions.',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      const resources = stringItems(statement.resource?.value);
      if (resources.length === 0) continue;
      const named = statementActions(statement, catalog);
      // An action the reference gives no resource type ("*" only) leaves nothing to compare with.
      if (named.open || named.services.size === 0 || named.actions.some((action) => action.resourceTypes.length === 0)) continue;
      const arnServices = new Set(named.services);
      for (const action of named.actions) {
        for (const type of action.resourceTypes) {
          const service = arnService(catalog, action.service, type.name);
          if (service) arnServices.add(service);
        }
      }
      for (const service of [...arnServices]) for (const alias of ARN_ALIASES[service] ?? []) arnServices.add(alias);
      for (const item of resources) {
        const service = item.text.split(':')[2];
        if (!item.text.startsWith('arn:') || !service || /[*?$]/.test(service) || arnServices.has(service.toLowerCase())) continue;
        const services = [...named.services].sort().join(', ');
        reports.push({
          span: item.span,
          message: `"${item.text}" is an ARN of ${service}, but the statement's actions are of ${services}: none of them acts on it, so it grants nothing. Fix the ARN, or move it to a statement with ${service} actions.`,
        });
      }
    }
    return reports;
  },
};

/** Services whose ARNs AWS accepts under two names (CodeStar Connections was renamed CodeConnections). */
const ARN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'codestar-connections': ['codeconnections'],
  codeconnections: ['codestar-connections'],
};

/** The service field of a resource type's ARN template (`iam` for the role that sts:AssumeRole acts on). */
function arnService(catalog: Catalog, service: string, resourceType: string): string | undefined {
  return catalog.resourceType(service, resourceType)?.arn.split(':')[2]?.toLowerCase();
}
