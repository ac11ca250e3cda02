import { wildcardRegExp } from '../catalog/catalog';
import { arnValue, keyStrength } from '../policy/conditions';
import { effectOfStatement } from '../governance/statements';
import { listAnd } from '../governance/words';
import { DocumentRule, Report } from './types';

/** The actions that make or extend a role's or user's permissions, each of which takes the iam:PermissionsBoundary condition key. */
const DELEGATION_ACTIONS = [
  'iam:CreateRole',
  'iam:AttachRolePolicy',
  'iam:PutRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:CreateUser',
  'iam:AttachUserPolicy',
  'iam:PutUserPolicy',
  'iam:PutUserPermissionsBoundary',
];

export const delegatedAdminWithoutBoundary: DocumentRule = {
  id: 'IAM506',
  name: 'delegated-admin-without-boundary',
  severity: 'warning',
  kinds: ['identity'],
  category: 'governance',
  summary: 'An Allow lets its holder create roles or users, or attach or write their policies, without an iam:PermissionsBoundary condition: delegated administration that can escalate.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOfStatement(document, statement) !== 'Allow') continue;
      // Action "*" is administrator access, reported by wildcard-action.
      const items = (statement.action?.value.items ?? []).filter((item) => item.type === 'string' && item.text !== '*');
      const granted = DELEGATION_ACTIONS.filter((action) => items.some((item) => wildcardRegExp(item.text).test(action)));
      if (granted.length === 0) continue;
      const boundary = keyStrength(statement, 'iam:PermissionsBoundary', arnValue);
      if (boundary === 'bounding' || boundary === 'unknown') continue;
      const matching = items.filter((candidate) => granted.some((action) => wildcardRegExp(candidate.text).test(action)));
      const wildcards = matching.filter((candidate) => /[*?]/.test(candidate.text)).map((candidate) => `"${candidate.text}"`);
      const through = wildcards.length ? ` (through ${wildcards.join(', ')})` : '';
      const condition =
        boundary === 'weak'
          ? 'with an iam:PermissionsBoundary condition that does not pin one policy (negated, IfExists, or an ARN without its account)'
          : 'without an iam:PermissionsBoundary condition';
      reports.push({
        span: matching[0]!.span,
        message: `This statement allows ${listAnd(granted)}${through} ${condition}: whoever holds this policy can give a role or user more permissions than their own, and use them. Require the boundary: add "StringEquals": { "iam:PermissionsBoundary": "<ARN of the boundary policy>" }.`,
      });
    }
    return reports;
  },
};
