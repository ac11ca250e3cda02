import { replaceEveryone } from '../fixes/principals';
import { CALLER_BOUNDING_KEYS, strengthOfAny } from '../policy/conditions';
import { effectOf, everyoneItems } from '../policy/principals';
import { PLACEHOLDERS, fixes, orgIdFix } from './trust-support';
import { DocumentRule, Report } from './types';

export const trustWildcardPrincipal: DocumentRule = {
  id: 'IAM201',
  name: 'trust-wildcard-principal',
  severity: 'error',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trust policy allows Principal "*" without a condition that bounds the caller (error), or with only weak conditions (warning).',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      const principal = statement.principal;
      if (!principal || effectOf(statement, document) !== 'Allow') continue;
      const item = everyoneItems(principal.value)[0];
      if (!item) continue;
      const strength = strengthOfAny(statement, CALLER_BOUNDING_KEYS);
      if (strength === 'bounding' || strength === 'unknown') continue;
      const hasConditions = (statement.condition?.value.operators.length ?? 0) > 0;
      const replace = replaceEveryone(context.text, document, principal, item, PLACEHOLDERS.accountRoot);
      reports.push({
        span: item.scalar.span,
        severity: hasConditions ? 'warning' : 'error',
        message: hasConditions
          ? 'Principal "*" is limited only by conditions that do not bound the caller: a principal of any AWS account that meets them can assume this role. Add an aws:PrincipalOrgID (or aws:PrincipalAccount, aws:PrincipalArn) condition, or name the principals.'
          : 'Principal "*" lets a principal of any AWS account assume this role. Add an aws:PrincipalOrgID (or aws:PrincipalAccount, aws:PrincipalArn) condition, or name the principals that may assume it.',
        fixes: fixes(
          orgIdFix(document, statement, context),
          replace ? { title: 'Replace "*" with an account root principal (placeholder account)', edits: replace, isPreferred: false } : undefined,
        ),
      });
    }
    return reports;
  },
};
