import { documentAnchor } from './support';
import { ALL_KINDS, DocumentRule } from './types';

export const statementMissing: DocumentRule = {
  id: 'IAM005',
  name: 'statement-missing',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'The policy has no Statement, or an empty one: a policy needs at least one statement.',
  fixable: false,
  scope: 'document',
  check(document) {
    const member = document.statement;
    if (!member) {
      // A policy_document block without statements may take them all from source documents.
      if (document.syntax === 'policy-document') return [];
      return [{ span: documentAnchor(document), message: 'Policy has no Statement: add "Statement": [ ... ] with at least one statement.' }];
    }
    if (member.value.form === 'array' && document.statements.length === 0) {
      return [{ span: member.value.span, message: 'Statement is empty: add at least one statement.' }];
    }
    return [];
  },
};
