import { exactValue, keyStrength } from '../policy/conditions';
import { effectOf, principalItems, readAwsPrincipal } from '../policy/principals';
import { accountRelation } from '../workspace';
import { PLACEHOLDERS, fixes, stringEqualsFix } from './trust-support';
import { DocumentRule, Report } from './types';

export const trustExternalAccountWithoutExternalId: DocumentRule = {
  id: 'IAM203',
  name: 'trust-external-account-without-external-id',
  severity: 'warning',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts an account outside the organisation, or a known vendor, without an sts:ExternalId condition (the confused deputy).',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      const strength = keyStrength(statement, 'sts:ExternalId', exactValue);
      if (strength === 'bounding' || strength === 'unknown') continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'AWS') continue;
        const principal = readAwsPrincipal(item.scalar.text);
        if (principal.kind !== 'account' && principal.kind !== 'principal') continue;
        const relation = accountRelation(context.config, context.account, principal.accountId);
        if (relation.kind !== 'outside' && relation.kind !== 'vendor') continue;
        const who =
          relation.kind === 'vendor'
            ? `The vendor ${relation.vendor.name ?? 'account'} (${principal.accountId}) is trusted`
            : `Account ${principal.accountId} is outside the organisation and is trusted`;
        reports.push({
          span: item.scalar.span,
          message: `${who} without an sts:ExternalId condition: a third party that acts for several customers can be tricked into using this role for someone else (the confused deputy). Add an sts:ExternalId condition with the ID the third party gave you.`,
          fixes: fixes(stringEqualsFix('Add condition sts:ExternalId (placeholder)', document, statement, context, 'sts:ExternalId', PLACEHOLDERS.externalId)),
        });
      }
    }
    return reports;
  },
};
