import { exactValue, keyStrength } from '../policy/conditions';
import { effectOf, oidcProvider, principalItems } from '../policy/principals';
import { STS_AUDIENCE, fixes, stringEqualsFix, weakConditionTarget, weaknessReason } from './trust-support';
import { DocumentRule, Report } from './types';

export const trustOidcWithoutAudience: DocumentRule = {
  id: 'IAM206',
  name: 'trust-oidc-without-audience',
  severity: 'warning',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts GitHub Actions or EKS tokens without a condition on their audience (aud).',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'Federated') continue;
        const provider = oidcProvider(item.scalar.text);
        if (!provider?.audienceKey) continue;
        const key = provider.audienceKey;
        const strength = keyStrength(statement, key, exactValue);
        if (strength === 'bounding' || strength === 'unknown') continue;
        if (strength === 'absent') {
          reports.push({
            span: item.scalar.span,
            message: `The statement has no ${key} condition: ${provider.label} tokens issued for other audiences than AWS STS are accepted too. Add ${key} = "${STS_AUDIENCE}".`,
            fixes: fixes(stringEqualsFix(`Add condition ${key} = "${STS_AUDIENCE}"`, document, statement, context, key, STS_AUDIENCE)),
          });
          continue;
        }
        const target = weakConditionTarget(statement, key, exactValue)!;
        reports.push({
          span: target.scalar?.span ?? target.condition.entry.key.span,
          message: `The ${key} condition does not bound the audience (${weaknessReason(target.condition, target.scalar)}). Use StringEquals with "${STS_AUDIENCE}".`,
        });
      }
    }
    return reports;
  },
};
