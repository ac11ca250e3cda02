import { exactValue, keyStrength } from '../policy/conditions';
import { effectOf, isSamlProvider, principalItems } from '../policy/principals';
import { SAML_AUDIENCE, fixes, stringEqualsFix, weakConditionTarget, weaknessReason } from './trust-support';
import { DocumentRule, Report } from './types';

export const trustSamlWithoutAudience: DocumentRule = {
  id: 'IAM207',
  name: 'trust-saml-without-audience',
  severity: 'warning',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts a SAML identity provider without a SAML:aud condition.',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'Federated' || !isSamlProvider(item.scalar.text)) continue;
        const strength = keyStrength(statement, 'SAML:aud', exactValue);
        if (strength === 'bounding' || strength === 'unknown') continue;
        if (strength === 'absent') {
          reports.push({
            span: item.scalar.span,
            message: `The statement has no SAML:aud condition: SAML assertions the identity provider issued for other destinations are accepted too. Add SAML:aud = "${SAML_AUDIENCE}".`,
            fixes: fixes(stringEqualsFix(`Add condition SAML:aud = "${SAML_AUDIENCE}"`, document, statement, context, 'SAML:aud', SAML_AUDIENCE)),
          });
          continue;
        }
        const target = weakConditionTarget(statement, 'SAML:aud', exactValue)!;
        reports.push({
          span: target.scalar?.span ?? target.condition.entry.key.span,
          message: `The SAML:aud condition does not bound the audience (${weaknessReason(target.condition, target.scalar)}). Use StringEquals with "${SAML_AUDIENCE}".`,
        });
      }
    }
    return reports;
  },
};
