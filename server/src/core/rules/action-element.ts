import { elementName, hasMisspelledKey, statementAnchor, statementLabel } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const actionElement: DocumentRule = {
  id: 'IAM007',
  name: 'action-element',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'A statement needs exactly one of Action or NotAction.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const action = elementName(document, 'Action');
    const notAction = elementName(document, 'NotAction');
    for (const statement of document.statements) {
      if (!statement.isObject) continue;
      if (statement.action && statement.notAction) {
        const later = statement.action.span.start > statement.notAction.span.start ? statement.action : statement.notAction;
        reports.push({
          span: later.key.span,
          message: `The ${statementLabel(statement)} has both ${action} and ${notAction}: keep one of them.`,
        });
      } else if (!statement.action && !statement.notAction && !hasMisspelledKey(statement, 'Action', 'NotAction')) {
        reports.push({
          span: statementAnchor(statement),
          message: `The ${statementLabel(statement)} has no ${action}: add ${action} (or ${notAction}) listing what it applies to.`,
        });
      }
    }
    return reports;
  },
};
