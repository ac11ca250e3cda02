/**
 * Governance of the organisation as a whole: SCP guardrails, admin permission sets in prod, the
 * organisation summary, and how workspace findings are run (severities, iam-atlas.json, failures).
 */
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, configFileAnchor } from '../../server/src/core/analyze-workspace';
import { WorkspaceConfig } from '../../server/src/core/config';
import { organizationSummary } from '../../server/src/core/governance/summary';
import { spanText } from '../../server/src/core/model';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { RULES } from '../../server/src/core/rules';
import { WorkspaceRule } from '../../server/src/core/rules/types';
import { DEV, ORG, PROD, governanceSeen, indexOf } from './governance-helpers';

const scp = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const LEAVE = { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' };
const ROOT_USER = { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } };
const USERS = { Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/break-glass' } } };
const CLOUDTRAIL = { Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'], Resource: '*' };
const REGIONS = { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };

const MESSAGES = {
  root: 'No SCP denies actions by the root user of member accounts (guardrail: root-user actions): nothing else binds the root user of a member account. Deny its actions in an SCP attached to the root (a Deny with an aws:PrincipalArn condition on arn:aws:iam::*:root).',
  users:
    'No SCP denies iam:CreateAccessKey (guardrail: IAM user and access-key creation; iam:CreateUser is denied): any account can create IAM users with long-lived keys instead of using Identity Center and roles. Deny them in an SCP, with an exception for the role that must, if one must.',
  cloudtrail:
    'No SCP denies cloudtrail:StopLogging and cloudtrail:DeleteTrail (guardrail: disabling CloudTrail): whoever becomes an administrator of an account can turn off its audit trail. Deny them in an SCP attached to the root.',
  leave:
    'No SCP denies organizations:LeaveOrganization (guardrail: leaving the organisation): a member account could leave the organisation, and every guardrail with it. Deny it in an SCP attached to the root.',
};

describe('governance: SCP guardrails (IAM510)', () => {
  before(() => initTerraform());

  it('reports each missing guardrail once, for the workspace as a whole; a region Deny with NotAction is not a CloudTrail guardrail', () => {
    const files = { 'scps/guardrails.json': scp(LEAVE, { ...USERS, Action: 'iam:CreateUser' }), 'scps/regions.json': scp(REGIONS) };
    assert.deepEqual(
      governanceSeen(files, 'IAM510').map((s) => [s.file, s.severity, s.message]),
      [
        ['(workspace)', 'info', MESSAGES.root],
        ['(workspace)', 'info', MESSAGES.users],
        ['(workspace)', 'info', MESSAGES.cloudtrail],
      ],
    );
  });

  it('passes when attached SCPs deny all four, exceptions included', () => {
    assert.deepEqual(governanceSeen({ 'scps/all.json': scp(LEAVE, ROOT_USER, USERS, CLOUDTRAIL) }, 'IAM510'), []);
  });

  it('places them on iam-atlas.json when it is given: on its governance key, else its first character', () => {
    const configText = '{\n  "accounts": [],\n  "governance": {}\n}\n';
    const index = indexOf({ 'scps/all.json': scp(ROOT_USER, USERS, CLOUDTRAIL) }, ORG);
    const [finding] = analyzeWorkspace(index.context(), { configFile: { uri: 'file:///ws/iam-atlas.json', text: configText } }).filter((f) => f.ruleId === 'IAM510');
    assert.equal(finding?.uri, 'file:///ws/iam-atlas.json');
    assert.equal(spanText(configText, finding!.span!), '"governance"');
    assert.equal(finding!.message, MESSAGES.leave);
    assert.equal(spanText('  { "accounts": [] }', configFileAnchor('  { "accounts": [] }')), '{');
  });

  it('reads Terraform SCPs: counted once attached (to any target, a variable included), noted when attached to nothing', () => {
    const organization = `resource "aws_organizations_organization" "org" {}

resource "aws_organizations_policy" "guardrails" {
  name = "guardrails"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Deny", Action = "organizations:LeaveOrganization", Resource = "*" },
      { Effect = "Deny", Action = "cloudtrail:*", Resource = "*" }
    ]
  })
}

resource "aws_organizations_policy_attachment" "guardrails" {
  policy_id = aws_organizations_policy.guardrails.id
  target_id = var.root_id
}

data "aws_iam_policy_document" "root_user" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "ArnLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::*:root"]
    }
  }
}

resource "aws_organizations_policy" "root_user" {
  name    = "root-user"
  content = data.aws_iam_policy_document.root_user.json
}
`;
    // No iam-atlas.json accounts: the Terraform organisation is what makes it an organisation.
    const found = governanceSeen({ 'org/main.tf': organization }, 'IAM510', {});
    assert.deepEqual(found.map((s) => s.message), [
      `${MESSAGES.root} The SCP in org/main.tf would, but it is attached to nothing.`,
      MESSAGES.users.replace('iam:CreateAccessKey (guardrail: IAM user and access-key creation; iam:CreateUser is denied)', 'iam:CreateUser and iam:CreateAccessKey (guardrail: IAM user and access-key creation)'),
    ]);
  });

  it('checks only the guardrails configured, and nothing in a folder that does not describe an organisation', () => {
    const files = { 'scps/leave.json': scp(LEAVE) };
    assert.deepEqual(governanceSeen(files, 'IAM510', { ...ORG, governance: { guardrails: ['cloudtrail'] } }).map((s) => s.message), [MESSAGES.cloudtrail]);
    assert.deepEqual(governanceSeen(files, 'IAM510', {}), []);
  });
});

const IDENTITY_CENTER_TF = `resource "aws_ssoadmin_permission_set" "admin" {
  name         = "Admin"
  instance_arn = var.instance_arn
}

resource "aws_ssoadmin_managed_policy_attachment" "admin" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ssoadmin_permission_set" "viewer" {
  name         = "Viewer"
  instance_arn = var.instance_arn
}

resource "aws_ssoadmin_managed_policy_attachment" "viewer" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.viewer.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/ViewOnlyAccess"
}

resource "aws_identitystore_group" "admins" {
  identity_store_id = var.store
  display_name      = "admins"
}

resource "aws_ssoadmin_account_assignment" "admins_prod" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.admins.group_id
  target_id          = "${PROD}"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_account_assignment" "admins_dev" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.admins.group_id
  target_id          = "${DEV}"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_account_assignment" "viewers_prod" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.viewer.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.admins.group_id
  target_id          = "${PROD}"
  target_type        = "AWS_ACCOUNT"
}
`;

describe('governance: admin permission set in prod (IAM511)', () => {
  before(() => initTerraform());

  it('reports the assignment of an AdministratorAccess permission set in a prod account, on its target', () => {
    assert.deepEqual(governanceSeen({ 'management/sso.tf': IDENTITY_CENTER_TF }, 'IAM511'), [
      {
        id: 'IAM511',
        file: 'management/sso.tf',
        text: `"${PROD}"`,
        severity: 'warning',
        message: `Permission set "Admin" grants AdministratorAccess and is assigned to group admins in account prod (${PROD}), a prod account: everyone it reaches is an administrator of production. Assign a permission set scoped to their work, and keep administrator access for break-glass.`,
      },
    ]);
  });

  it('passes when no account is prod', () => {
    const config: WorkspaceConfig = { accounts: ORG.accounts!.map((a) => ({ ...a, environment: 'shared' })) };
    assert.deepEqual(governanceSeen({ 'management/sso.tf': IDENTITY_CENTER_TF }, 'IAM511', config), []);
  });
});

describe('workspace rules: running them', () => {
  before(() => initTerraform());

  it('applies severities from the options and from iam-atlas.json rules, by name or id', () => {
    const files = { 'management/sso.tf': IDENTITY_CENTER_TF };
    assert.deepEqual(governanceSeen(files, 'IAM511', { ...ORG, rules: { 'admin-permission-set-in-prod': 'error' } }).map((s) => s.severity), ['error']);
    assert.deepEqual(governanceSeen(files, 'IAM511', { ...ORG, rules: { IAM511: 'error' } }, { severities: { IAM511: 'hint' } }).map((s) => s.severity), ['hint']);
    assert.deepEqual(governanceSeen(files, 'IAM511', ORG, { severities: { 'admin-permission-set-in-prod': 'off' } }), []);
  });

  it('a workspace rule that throws is reported and the others still run', () => {
    const broken: WorkspaceRule = { id: 'IAM599', name: 'always-throws', severity: 'error', kinds: [], category: 'governance', summary: 'x.', fixable: false, scope: 'workspace', checkWorkspace: () => { throw new Error('boom'); } };
    const errors: string[] = [];
    const index = indexOf({ 'management/sso.tf': IDENTITY_CENTER_TF }, ORG);
    const findings = analyzeWorkspace(index.context(), { rules: [broken, ...RULES], onRuleError: (rule, error) => errors.push(`${rule.name}: ${(error as Error).message}`) });
    assert.deepEqual(errors, ['always-throws: boom']);
    assert.ok(findings.some((f) => f.ruleId === 'IAM511'));
  });

  it('per-file analysis never runs workspace rules', () => {
    const index = indexOf({ 'management/sso.tf': IDENTITY_CENTER_TF }, ORG);
    assert.deepEqual(index.findings('file:///ws/management/sso.tf').filter((f) => f.ruleId.startsWith('IAM51')), []);
  });
});

describe('organisation summary', () => {
  before(() => initTerraform());

  it('counts accounts, principals and edges, lists risky edges and guardrails', () => {
    const ci = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:role/ci` }, Action: 'sts:AssumeRole' }] });
    const index = indexOf(
      {
        'management/sso.tf': IDENTITY_CENTER_TF,
        'prod/roles/deploy-trust.json': ci,
        'prod/roles/deploy-policy.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
        'scps/leave.json': scp(LEAVE),
      },
      ORG,
    );
    const summary = organizationSummary(index.context());
    assert.deepEqual(
      summary.accounts.map((a) => `${a.id} ${a.name} ${a.environment} roles ${a.roles} admin ${a.adminRoles} users ${a.users} sets ${a.permissionSets}`),
      [
        `${DEV} dev dev roles 1 admin 0 users 0 sets 1`,
        `${PROD} prod prod roles 1 admin 1 users 0 sets 2`,
        '333333333333 security security roles 0 admin 0 users 0 sets 0',
      ],
    );
    assert.deepEqual([summary.roles, summary.adminRoles, summary.users, summary.permissionSets, summary.unplaced], [2, 1, 0, 3, 0]);
    assert.deepEqual(summary.edges, { total: 4, byRisk: { high: 1, medium: 2, low: 0, none: 1 } });
    // Reasons at the edge's own level only.
    assert.deepEqual(summary.riskyEdges.map((e) => `${e.risk} ${e.from} > ${e.to}: ${e.reasons.join(' | ')} (line ${e.source?.line})`), [
      'high ci in dev > deploy in prod: Reaches an admin-equivalent role from outside its trust boundary. (line 1)',
      'medium admins > Admin in dev: Reaches an admin-equivalent role. (line 37)',
      'medium admins > Admin in prod: Reaches an admin-equivalent role. (line 28)',
    ]);
    assert.deepEqual(summary.guardrails?.map((g) => `${g.present ? 'present' : 'missing'} ${g.id} ${g.sources.join(',')}`), [
      'present leave-organization file:///ws/scps/leave.json',
      'missing root-user ',
      'missing iam-users ',
      'missing cloudtrail ',
    ]);
    assert.equal(summary.organizationId, 'o-aaaaaaaaaa');
  });
});
