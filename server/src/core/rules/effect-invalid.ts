import { replaceString } from '../fixes/members';
import { hasMisspelledKey, statementAnchor, statementLabel } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const effectInvalid: DocumentRule = {
  id: 'IAM006',
  name: 'effect-invalid',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'A statement has no Effect, or one that is not "Allow" or "Deny" (case matters).',
  fixable: true,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (!statement.isObject) continue;
      const effect = statement.effect?.value;
      if (!effect) {
        // policy_document blocks default effect to Allow.
        if (document.syntax === 'policy-document' || hasMisspelledKey(statement, 'Effect')) continue;
        reports.push({
          span: statementAnchor(statement),
          message: `The ${statementLabel(statement)} has no Effect: add "Effect": "Allow" or "Effect": "Deny".`,
        });
        continue;
      }
      if (effect.type !== 'string' || effect.text === 'Allow' || effect.text === 'Deny') continue;
      const fixed = /^allow$/i.test(effect.text) ? 'Allow' : /^deny$/i.test(effect.text) ? 'Deny' : undefined;
      reports.push({
        span: effect.span,
        message: fixed
          ? `Effect "${effect.text}" must be written "${fixed}": AWS matches it case-sensitively.`
          : `Effect "${effect.text}" is not valid: use "Allow" or "Deny".`,
        fixes: fixed ? [{ title: `Change Effect to "${fixed}"`, edits: [replaceString(effect, fixed, document.syntax)], isPreferred: true }] : [],
      });
    }
    return reports;
  },
};
