/** Governance rules about people and names: long-lived credentials, IAM users where Identity Center is used, naming. */
import * as assert from 'node:assert/strict';
import { WorkspaceConfig } from '../../server/src/core/config';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { seen } from './helpers';
import { DEV, ORG, governanceSeen } from './governance-helpers';

const PEOPLE_TF = `resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_access_key" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_user_login_profile" "bob" {
  user = "bob"
}
`;

const IDENTITY_CENTER: WorkspaceConfig = { ...ORG, governance: { identityCenterAccounts: ['dev'] } };

describe('governance: long-lived credentials (IAM501)', () => {
  before(() => initTerraform());

  it('reports access keys and console passwords on the resource type, even in a file with no policy', () => {
    assert.deepEqual(seen(PEOPLE_TF, 'IAM501', 'file:///work/people.tf'), [
      {
        id: 'IAM501',
        text: '"aws_iam_access_key"',
        severity: 'warning',
        message:
          'aws_iam_access_key.alice creates an access key for the IAM user aws_iam_user.alice: it does not expire and works from anywhere until someone revokes it. Let people sign in through IAM Identity Center or federation, and workloads assume roles (OIDC for CI); remove the aws_iam_access_key.',
      },
      {
        id: 'IAM501',
        text: '"aws_iam_user_login_profile"',
        severity: 'warning',
        message:
          'aws_iam_user_login_profile.bob creates a console password for the IAM user "bob": it does not expire and works from anywhere until someone revokes it. Let people sign in through IAM Identity Center or federation, and workloads assume roles (OIDC for CI); remove the aws_iam_user_login_profile.',
      },
    ]);
  });

  it('passes users and roles without credentials, and never looks into JSON', () => {
    assert.deepEqual(seen('resource "aws_iam_user" "svc" {\n  name = "svc"\n}\n', 'IAM501', 'file:///work/users.tf'), []);
    assert.deepEqual(seen('{"aws_iam_access_key": {"user": "x"}}', 'IAM501', 'file:///work/package.json'), []);
  });

  it('can be switched off by severity', () => {
    assert.deepEqual(seen(PEOPLE_TF, 'IAM501', 'file:///work/people.tf', { config: { rules: { 'long-lived-credentials': 'off' } } }), []);
    assert.deepEqual(seen(PEOPLE_TF, 'IAM501', 'file:///work/people.tf', { severities: { IAM501: 'error' } }).map((s) => s.severity), ['error', 'error']);
  });
});

describe('governance: IAM users where people use Identity Center (IAM502)', () => {
  before(() => initTerraform());

  it('reports an IAM user in a listed account (by name), on the resource name', () => {
    assert.deepEqual(governanceSeen({ 'dev/people.tf': PEOPLE_TF }, 'IAM502', IDENTITY_CENTER), [
      {
        id: 'IAM502',
        file: 'dev/people.tf',
        text: '"alice"',
        severity: 'info',
        message: `IAM user "alice" is created in account ${DEV} (dev), whose people sign in through IAM Identity Center (governance.identityCenterAccounts). Give the person a permission set assignment instead; a workload should assume a role.`,
      },
    ]);
  });

  it('finds the account from the provider when no path places the file, and accepts ids and "*"', () => {
    const files = {
      'stacks/people.tf': `provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::${DEV}:role/terraform"\n  }\n}\n\nresource "aws_iam_user" "ops" {\n  name = "ops-\${var.suffix}"\n}\n`,
    };
    const byId = governanceSeen(files, 'IAM502', { ...ORG, governance: { identityCenterAccounts: [DEV] } });
    assert.deepEqual(byId.map((s) => [s.file, s.text]), [['stacks/people.tf', '"ops"']]);
    assert.match(byId[0]!.message, /^IAM user aws_iam_user\.ops is created in account 111111111111 \(dev\)/);
    assert.equal(governanceSeen(files, 'IAM502', { ...ORG, governance: { identityCenterAccounts: ['*'] } }).length, 1);
  });

  it('passes users in other accounts, and reports nothing without the key', () => {
    assert.deepEqual(governanceSeen({ 'prod/people.tf': PEOPLE_TF }, 'IAM502', IDENTITY_CENTER), []);
    assert.deepEqual(governanceSeen({ 'dev/people.tf': PEOPLE_TF }, 'IAM502', ORG), []);
  });
});

const NAMING: WorkspaceConfig = {
  ...ORG,
  governance: {
    naming: {
      role: '{env}-{team}-{function}',
      policy: '^[a-z]+(-[a-z]+)*$',
      permissionSet: '{Team}{access}',
      values: { env: ['prod', 'dev'], team: ['payments', 'platform'], Team: ['Payments', 'Platform'], access: ['Admin', 'ReadOnly'] },
    },
  },
};

const NAMES_TF = `resource "aws_iam_role" "ok" {
  name               = "prod-payments-deploy-api"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "wrong_env" {
  name               = "staging-payments-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "unnamed" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "computed" {
  name               = "\${var.env}-payments-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "prefixed" {
  name_prefix        = "prod-payments-"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_policy" "read" {
  name   = "Read_Reports"
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_ssoadmin_permission_set" "admin" {
  name         = "PlatformAdmin"
  instance_arn = var.instance_arn
}

resource "aws_ssoadmin_permission_set" "odd" {
  name         = "PaymentsSuperuser"
  instance_arn = var.instance_arn
}
`;

describe('governance: naming convention (IAM503)', () => {
  before(() => initTerraform());

  it('reports names that do not follow the pattern, with its shape and an example', () => {
    assert.deepEqual(seen(NAMES_TF, 'IAM503', 'file:///ws/prod/names.tf', { config: NAMING }), [
      {
        id: 'IAM503',
        text: '"staging-payments-deploy"',
        severity: 'warning',
        message:
          'Role name "staging-payments-deploy" does not follow the naming convention {env}-{team}-{function} (env: prod, dev; team: payments, platform). Rename it to the shape of "prod-payments-function".',
      },
      {
        id: 'IAM503',
        text: '"unnamed"',
        severity: 'warning',
        message:
          'Role aws_iam_role.unnamed has no name, so Terraform generates one that does not follow the naming convention {env}-{team}-{function} (env: prod, dev; team: payments, platform). Set name to the shape of "prod-payments-function".',
      },
      {
        id: 'IAM503',
        text: '"Read_Reports"',
        severity: 'warning',
        message: 'Policy name "Read_Reports" does not follow the naming convention /^[a-z]+(-[a-z]+)*$/. Rename it to match it.',
      },
      {
        id: 'IAM503',
        text: '"PaymentsSuperuser"',
        severity: 'warning',
        message: 'Permission set name "PaymentsSuperuser" does not follow the naming convention {Team}{access} (Team: Payments, Platform; access: Admin, ReadOnly). Rename it to the shape of "PaymentsAdmin".',
      },
    ]);
  });

  it('checks nothing without a convention, and only the resource types that have one', () => {
    assert.deepEqual(seen(NAMES_TF, 'IAM503', 'file:///ws/prod/names.tf', { config: ORG }), []);
    const rolesOnly = { ...ORG, governance: { naming: { role: '{env}-{team}-{function}', values: { env: ['prod'] } } } };
    assert.deepEqual(seen(NAMES_TF, 'IAM503', 'file:///ws/prod/names.tf', { config: rolesOnly }).map((s) => s.text), ['"staging-payments-deploy"', '"unnamed"']);
  });
});
