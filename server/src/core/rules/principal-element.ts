import { PolicyKind } from '../model';
import { elementName, hasMisspelledKey, statementAnchor, statementLabel } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

const KIND_NAMES: Record<PolicyKind, string> = {
  identity: 'An identity policy',
  trust: 'A role trust policy',
  resource: 'A resource policy',
  scp: 'A service control policy',
  rcp: 'A resource control policy',
  boundary: 'A permissions boundary',
  session: 'A session policy',
};

/** Kinds whose principal is whoever the policy is attached to or applies to. */
const NO_PRINCIPAL: ReadonlySet<PolicyKind> = new Set(['identity', 'scp', 'boundary', 'session']);

export const principalElement: DocumentRule = {
  id: 'IAM009',
  name: 'principal-element',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'Principal is required in trust, resource and resource control policies, and not allowed in identity policies, SCPs, boundaries and session policies.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const principal = elementName(document, 'Principal');
    for (const statement of document.statements) {
      if (!statement.isObject) continue;
      const present = statement.principal ?? statement.notPrincipal;
      if (NO_PRINCIPAL.has(document.kind)) {
        if (present) {
          reports.push({
            span: present.key.span,
            message: `${KIND_NAMES[document.kind]} cannot name a ${present.key.name}: it applies to the principals it is attached to. Remove it.`,
          });
        }
      } else if (!present && !hasMisspelledKey(statement, 'Principal', 'NotPrincipal')) {
        reports.push({
          span: statementAnchor(statement),
          message: `The ${statementLabel(statement)} has no ${principal}: ${KIND_NAMES[document.kind].toLowerCase()} must say whom it applies to.`,
        });
      }
    }
    return reports;
  },
};
