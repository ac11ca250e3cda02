/** Governance rules about admin-equivalent roles, read from the trust graph: MFA, sessions, sharing, privileged managed policies. */
import * as assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeWorkspace } from '../../server/src/core/analyze-workspace';
import { spanText } from '../../server/src/core/model';
import { DEV, ORG, PROD, SECURITY, governanceSeen, indexOf } from './governance-helpers';

const ADMIN_TF = `resource "aws_iam_role" "admin" {
  name                 = "admin"
  max_session_duration = 14400
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "People"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = ["arn:aws:iam::${PROD}:user/alice", "arn:aws:iam::${SECURITY}:root"] }
      },
      {
        Sid       = "Pipeline"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::${DEV}:role/ci" }
      },
      {
        Sid       = "DevPeopleWithMfa"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::${DEV}:root" }
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role" "reader" {
  name                 = "reader"
  max_session_duration = 14400
  managed_policy_arns  = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::${SECURITY}:root" } }]
  })
}

resource "aws_iam_role" "iam_admin" {
  name                 = "iam-admin"
  max_session_duration = 3600
  managed_policy_arns  = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess"]
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::${SECURITY}:role/auditor" } }]
  })
}
`;

const ALICE = `arn:aws:iam::${PROD}:user/alice`;

/** An admin JSON role (by layout) that a user of its own account may assume: with MFA required by a Deny, and without. */
const OPS_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const opsTrust = (extra: object[] = []): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }, ...extra] }, null, 2);

describe('governance: admin trust without MFA (IAM507)', () => {
  before(() => initTerraform());

  it('reports statements that let IAM users or an account root assume an admin role without MFA', () => {
    assert.deepEqual(governanceSeen({ 'prod/admin.tf': ADMIN_TF }, 'IAM507'), [
      {
        id: 'IAM507',
        file: 'prod/admin.tf',
        text: `"${ALICE}"`,
        severity: 'warning',
        message: `Role "admin" is admin-equivalent, and this statement lets the IAM user ${ALICE} and the IAM users of account ${SECURITY} (security) assume it without MFA. Add a condition "Bool": { "aws:MultiFactorAuthPresent": "true" }.`,
      },
    ]);
  });

  it('reads JSON roles by layout, and a Deny without MFA covers every statement', () => {
    const files = { 'prod/roles/ops-trust.json': opsTrust(), 'prod/roles/ops-policy.json': OPS_POLICY };
    assert.deepEqual(governanceSeen(files, 'IAM507').map((s) => `${s.file} ${s.text}`), [`prod/roles/ops-trust.json "${ALICE}"`]);
    const denied = opsTrust([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }]);
    assert.deepEqual(governanceSeen({ ...files, 'prod/roles/ops-trust.json': denied }, 'IAM507'), []);
  });

  it('passes roles that are not admin-equivalent', () => {
    assert.deepEqual(governanceSeen({ 'prod/roles/ops-trust.json': opsTrust() }, 'IAM507'), []);
  });
});

describe('governance: admin session duration (IAM508)', () => {
  before(() => initTerraform());

  it('reports max_session_duration over an hour on an admin role only', () => {
    assert.deepEqual(governanceSeen({ 'prod/admin.tf': ADMIN_TF }, 'IAM508'), [
      {
        id: 'IAM508',
        file: 'prod/admin.tf',
        text: '14400',
        severity: 'info',
        message:
          'Role "admin" is admin-equivalent and its sessions may last 4 hours (max_session_duration = 14400): a leaked session stays an administrator that long. Keep administrator sessions to one hour, the default: remove max_session_duration or set it to 3600.',
      },
    ]);
  });
});

describe('governance: shared admin role (IAM509)', () => {
  before(() => initTerraform());

  it('reports an admin role several accounts can assume, listing them, with the trust statements as related places', () => {
    const found = governanceSeen({ 'prod/admin.tf': ADMIN_TF }, 'IAM509');
    assert.deepEqual(found, [
      {
        id: 'IAM509',
        file: 'prod/admin.tf',
        text: '"admin"',
        severity: 'warning',
        message: `Admin-equivalent role "admin" is shared by 3 teams or accounts: account dev (${DEV}): the whole account and role ci; account security (${SECURITY}): the whole account; account prod (${PROD}): IAM user alice. Give each its own role, scoped to what it needs, so reviews and CloudTrail tell them apart.`,
      },
    ]);
    const finding = analyzeWorkspace(indexOf({ 'prod/admin.tf': ADMIN_TF }, ORG).context()).find((f) => f.ruleId === 'IAM509')!;
    assert.deepEqual(
      finding.related!.map((r) => `${r.message} in ${/Sid\s+=\s+"(\w+)"/.exec(spanText(ADMIN_TF, r.span))?.[1]}`),
      [`account dev (${DEV}) can assume it here in DevPeopleWithMfa`, `account security (${SECURITY}) can assume it here in People`, `account prod (${PROD}) can assume it here in People`],
    );
  });

  it('reads JSON roles by layout, pointing at the trust policy\'s opening brace', () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${DEV}:role/ci`, `arn:aws:iam::${SECURITY}:role/audit`] }, Action: 'sts:AssumeRole' }] });
    const found = governanceSeen({ 'prod/roles/ops-trust.json': trust, 'prod/roles/ops-policy.json': OPS_POLICY }, 'IAM509');
    assert.deepEqual(found.map((s) => [s.file, s.text, s.message.split(':')[0]]), [['prod/roles/ops-trust.json', '{', 'Admin-equivalent role "ops" is shared by 2 teams or accounts']]);
    assert.deepEqual(governanceSeen({ 'prod/roles/ops-trust.json': opsTrust(), 'prod/roles/ops-policy.json': OPS_POLICY }, 'IAM509'), [], 'one caller');
  });

  it('tells teams apart within one account by their team tag', () => {
    const teams = `resource "aws_iam_role" "admin" {
  name = "admin"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = [aws_iam_role.payments.arn, aws_iam_role.search.arn] } }]
  })
}

resource "aws_iam_role" "payments" {
  name = "payments-ci"
  assume_role_policy = "{}"
  tags = { Team = "payments" }
}

resource "aws_iam_role" "search" {
  name = "search-ci"
  assume_role_policy = "{}"
  tags = { Team = "search" }
}
`;
    const found = governanceSeen({ 'prod/teams.tf': teams }, 'IAM509');
    assert.deepEqual(found.map((s) => [s.text, s.message.split('.')[0]]), [
      ['"admin"', 'Admin-equivalent role "admin" is shared by 2 teams or accounts: team payments: role payments-ci; team search: role search-ci'],
    ]);
    const untagged = teams.replace(/tags = \{ Team = "\w+" \}/g, '');
    assert.deepEqual(governanceSeen({ 'prod/teams.tf': untagged }, 'IAM509'), [], 'one account, no teams: not shared');
  });
});

describe('governance: privileged managed policy trusted from another account (IAM512)', () => {
  before(() => initTerraform());

  it('reports AdministratorAccess and IAMFullAccess on roles other accounts can assume, on the ARN', () => {
    assert.deepEqual(governanceSeen({ 'prod/admin.tf': ADMIN_TF }, 'IAM512'), [
      {
        id: 'IAM512',
        file: 'prod/admin.tf',
        text: '"arn:aws:iam::aws:policy/AdministratorAccess"',
        severity: 'warning',
        message: `AdministratorAccess is attached to role "admin", which principals of other accounts can assume (account dev (${DEV}), account security (${SECURITY}), role ci of account dev (${DEV})): whoever controls them is an administrator of this account. Attach a policy scoped to what the callers need instead.`,
      },
      {
        id: 'IAM512',
        file: 'prod/admin.tf',
        text: '"arn:aws:iam::aws:policy/IAMFullAccess"',
        severity: 'warning',
        message: `IAMFullAccess is attached to role "iam-admin", which principals of other accounts can assume (role auditor of account security (${SECURITY})): whoever controls it can grant themselves any permission in this account. Attach a policy scoped to what the callers need instead.`,
      },
    ]);
  });

  it('passes an admin role only its own account can assume', () => {
    const own = ADMIN_TF.replace(/arn:aws:iam::(111111111111|333333333333):(root|role\/ci)/g, `arn:aws:iam::${PROD}:role/ops`).replace(/arn:aws:iam::333333333333:role\/auditor/, `arn:aws:iam::${PROD}:role/ops`);
    assert.deepEqual(governanceSeen({ 'prod/admin.tf': own }, 'IAM512'), []);
  });
});
