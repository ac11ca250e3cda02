import { elementName, hasMisspelledKey, statementAnchor, statementLabel } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const resourceElement: DocumentRule = {
  id: 'IAM008',
  name: 'resource-element',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'A statement needs exactly one of Resource or NotResource, except in a role trust policy, which may have neither.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const resource = elementName(document, 'Resource');
    const notResource = elementName(document, 'NotResource');
    for (const statement of document.statements) {
      if (!statement.isObject) continue;
      const { resource: has, notResource: hasNot } = statement;
      if (document.kind === 'trust') {
        const present = has ?? hasNot;
        if (present) {
          reports.push({
            span: present.key.span,
            message: `A role trust policy cannot have ${has ? resource : notResource}: the resource is the role itself. Remove it.`,
          });
        }
      } else if (has && hasNot) {
        const later = has.span.start > hasNot.span.start ? has : hasNot;
        reports.push({ span: later.key.span, message: `The ${statementLabel(statement)} has both ${resource} and ${notResource}: keep one of them.` });
      } else if (!has && !hasNot && !hasMisspelledKey(statement, 'Resource', 'NotResource')) {
        // policy_document blocks leave resources out of trust documents, and Terraform fills nothing in.
        reports.push({
          span: statementAnchor(statement),
          message: `The ${statementLabel(statement)} has no ${resource}: add ${resource} with the ARNs it applies to ("*" only where the actions allow nothing narrower).`,
        });
      }
    }
    return reports;
  },
};
