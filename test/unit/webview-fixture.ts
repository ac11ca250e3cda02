/**
 * A small trust graph made by hand for the webview's pure parts: two accounts of the organisation
 * (dev 111111111111, prod 222222222222), an outside vendor account with a role in it, anyone, a
 * service, an Identity Center group, and one edge of each kind and risk.
 */
import type { GraphEdge, GraphNode, TrustGraph } from '../../server/src/core/graph/types';

const DEV = 'account:111111111111';
const PROD = 'account:222222222222';
const VENDOR = 'account:999999999999';

export const NODES: readonly GraphNode[] = [
  { id: DEV, kind: 'account', label: 'dev (111111111111)', accountId: '111111111111', environment: 'dev' },
  { id: PROD, kind: 'account', label: 'prod (222222222222)', accountId: '222222222222', environment: 'prod' },
  { id: VENDOR, kind: 'external-account', label: 'Vendor (999999999999)', accountId: '999999999999' },
  { id: 'anyone', kind: 'anyone', label: 'Anyone (any AWS principal)' },
  { id: 'service:lambda.amazonaws.com', kind: 'service', label: 'lambda.amazonaws.com' },
  { id: 'sso-group:admins', kind: 'sso-group', label: 'admins' },
  { id: 'oidc-provider:111111111111:token.actions.githubusercontent.com', kind: 'oidc-provider', label: 'token.actions.githubusercontent.com', parent: DEV },
  { id: 'role:111111111111:ci', kind: 'role', label: 'ci', arn: 'arn:aws:iam::111111111111:role/ci', parent: DEV },
  {
    id: 'role:222222222222:deploy',
    kind: 'role',
    label: 'deploy',
    arn: 'arn:aws:iam::222222222222:role/deploy',
    parent: PROD,
    adminEquivalent: true,
    source: { uri: 'file:///org/prod/roles/deploy-trust.json', start: 0, end: 230, line: 1 },
  },
  { id: 'role:222222222222:audit', kind: 'role', label: 'audit', arn: 'arn:aws:iam::222222222222:role/audit', parent: PROD },
  { id: 'role:222222222222:lambda-exec', kind: 'role', label: 'lambda-exec', arn: 'arn:aws:iam::222222222222:role/lambda-exec', parent: PROD },
  { id: 'permission-set:222222222222:Admin', kind: 'permission-set', label: 'Admin', parent: PROD },
  { id: 'role:999999999999:scanner', kind: 'role', label: 'scanner', arn: 'arn:aws:iam::999999999999:role/scanner', parent: VENDOR },
];

function edge(from: string, to: string, kind: GraphEdge['kind'], risk: GraphEdge['risk'], extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    id: `${from}->${to}:${kind}`,
    from,
    to,
    kind,
    actions: [kind === 'web-identity' ? 'sts:AssumeRoleWithWebIdentity' : kind === 'assume-role' ? 'sts:AssumeRole' : 'sts:AssumeRoleWithSAML'],
    conditions: [],
    risk,
    reasons: risk === 'none' ? [] : [{ level: risk, message: `${risk} reason` }],
    basis: 'granted',
    ...extra,
  };
}

export const OIDC_TO_CI = edge('oidc-provider:111111111111:token.actions.githubusercontent.com', 'role:111111111111:ci', 'web-identity', 'none', {
  conditions: [{ operator: 'StringLike', key: 'token.actions.githubusercontent.com:sub', values: ['repo:org/*'] }],
});
export const CI_TO_DEPLOY = edge('role:111111111111:ci', 'role:222222222222:deploy', 'assume-role', 'high', {
  reasons: [
    { level: 'medium', message: 'Crosses from a dev account into a prod account.' },
    { level: 'high', message: 'Reaches an admin-equivalent role from outside its trust boundary.', ruleId: 'IAM201', ruleName: 'trust-admin-role' },
  ],
  source: { uri: 'file:///org/prod/roles/deploy-trust.json', start: 50, end: 224, line: 4 },
  grant: { uri: 'file:///org/dev/roles/ci-policy.json', start: 40, end: 180, line: 3 },
});
export const ANYONE_TO_AUDIT = edge('anyone', 'role:222222222222:audit', 'assume-role', 'medium', {
  conditions: [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-abc'] }],
  basis: 'trust-only',
});
export const SCANNER_TO_AUDIT = edge('role:999999999999:scanner', 'role:222222222222:audit', 'assume-role', 'low', { basis: 'trust-only' });
export const LAMBDA_TO_EXEC = edge('service:lambda.amazonaws.com', 'role:222222222222:lambda-exec', 'assume-role', 'none');
export const ADMINS_TO_ADMIN = edge('sso-group:admins', 'permission-set:222222222222:Admin', 'sso-assignment', 'none');
export const AUDIT_TO_DEPLOY = edge('role:222222222222:audit', 'role:222222222222:deploy', 'assume-role', 'low');

export const FIXTURE: TrustGraph = {
  nodes: NODES,
  edges: [OIDC_TO_CI, CI_TO_DEPLOY, ANYONE_TO_AUDIT, SCANNER_TO_AUDIT, LAMBDA_TO_EXEC, ADMINS_TO_ADMIN, AUDIT_TO_DEPLOY],
  notes: [],
};
