/** Governance rules about how roles are made: owners, permissions boundaries, delegated role creation. */
import * as assert from 'node:assert/strict';
import { WorkspaceConfig } from '../../server/src/core/config';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { policy, seen } from './helpers';
import { DEV, ORG, governanceSeen } from './governance-helpers';

const TRUST = `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
`;

const ROLES_TF = `resource "aws_iam_role" "untagged" {
  name               = "untagged"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "other_tags" {
  name               = "other-tags"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags = {
    Team  = "payments"
    Owner = ""
  }
}

resource "aws_iam_role" "owned" {
  name               = "owned"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = { Owner = "payments-team" }
}

resource "aws_iam_role" "computed_tags" {
  name               = "computed-tags"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = merge(local.tags, { Name = "computed" })
}
`;

const GOVERNED: WorkspaceConfig = { ...ORG, governance: {} };

describe('governance: role without owner (IAM504)', () => {
  before(() => initTerraform());

  it('reports roles with no owner tag (key matched ignoring case, empty values not counted), never computed tags', () => {
    assert.deepEqual(governanceSeen({ 'dev/roles.tf': ROLES_TF, 'dev/trust.tf': TRUST }, 'IAM504', GOVERNED), [
      {
        id: 'IAM504',
        file: 'dev/roles.tf',
        text: '"untagged"',
        severity: 'info',
        message:
          'Role "untagged" has no "owner" tag: an access review cannot tell who answers for it. Add tags = { owner = "<team or person>" }, or set it in the provider\'s default_tags.',
      },
      {
        id: 'IAM504',
        file: 'dev/roles.tf',
        text: 'tags',
        severity: 'info',
        message: 'Role "other-tags" has tags but no "owner" tag: an access review cannot tell who answers for it. Add owner = "<team or person>" to its tags.',
      },
    ]);
  });

  it('takes the owner from the default_tags of the provider the role uses, in another file of the folder', () => {
    const provider = `provider "aws" {\n  default_tags {\n    tags = { owner = "platform" }\n  }\n}\n\nprovider "aws" {\n  alias = "other"\n}\n`;
    const aliased = `resource "aws_iam_role" "aliased" {\n  provider           = aws.other\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n`;
    const files = { 'dev/roles.tf': ROLES_TF, 'dev/trust.tf': TRUST, 'dev/providers.tf': provider, 'dev/aliased.tf': aliased };
    assert.deepEqual(governanceSeen(files, 'IAM504', GOVERNED).map((s) => `${s.file} ${s.text}`), ['dev/aliased.tf "aliased"']);
  });

  it('uses the configured tag key, and checks nothing without a governance section', () => {
    const files = { 'dev/roles.tf': ROLES_TF, 'dev/trust.tf': TRUST };
    const byTeam = governanceSeen(files, 'IAM504', { ...ORG, governance: { ownerTag: 'team' } });
    assert.deepEqual(byTeam.map((s) => s.text), ['"untagged"', 'tags']);
    assert.match(byTeam[1]!.message, /has tags but no "team" tag/);
    assert.deepEqual(governanceSeen(files, 'IAM504', ORG), []);
  });
});

const BOUNDARY_TF = `resource "aws_iam_role" "free" {
  name               = "free"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = var.boundary_arn
}

resource "aws_iam_role" "team" {
  name               = "team-app"
  path               = "/teams/payments/"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

describe('governance: role without permissions boundary (IAM505)', () => {
  before(() => initTerraform());

  it('reports roles without permissions_boundary in a listed account', () => {
    const config = { ...ORG, governance: { permissionsBoundary: { accounts: ['dev'] } } };
    assert.deepEqual(governanceSeen({ 'dev/roles.tf': BOUNDARY_TF, 'dev/trust.tf': TRUST, 'prod/roles.tf': BOUNDARY_TF, 'prod/trust.tf': TRUST }, 'IAM505', config), [
      {
        id: 'IAM505',
        file: 'dev/roles.tf',
        text: '"free"',
        severity: 'warning',
        message: `Role "free" is created without a permissions boundary, and governance.permissionsBoundary requires one for account ${DEV} (dev). Set permissions_boundary to the boundary policy that caps what delegated roles can do.`,
      },
      {
        id: 'IAM505',
        file: 'dev/roles.tf',
        text: '"team"',
        severity: 'warning',
        message: `Role "team-app" is created without a permissions boundary, and governance.permissionsBoundary requires one for account ${DEV} (dev). Set permissions_boundary to the boundary policy that caps what delegated roles can do.`,
      },
    ]);
  });

  it('by file path and by IAM path', () => {
    const files = { 'prod/teams/roles.tf': BOUNDARY_TF, 'prod/teams/trust.tf': TRUST, 'prod/core/roles.tf': BOUNDARY_TF, 'prod/core/trust.tf': TRUST };
    const byGlob = governanceSeen(files, 'IAM505', { ...ORG, governance: { permissionsBoundary: { paths: ['prod/teams/**'] } } });
    assert.deepEqual(byGlob.map((s) => `${s.file} ${s.text}`), ['prod/teams/roles.tf "free"', 'prod/teams/roles.tf "team"']);
    assert.match(byGlob[0]!.message, /requires one for files matching prod\/teams\/\*\*\./);
    const byIamPath = governanceSeen(files, 'IAM505', { ...ORG, governance: { permissionsBoundary: { rolePaths: ['/teams/'] } } });
    assert.deepEqual(byIamPath.map((s) => `${s.file} ${s.text}`), ['prod/core/roles.tf "team"', 'prod/teams/roles.tf "team"']);
    assert.match(byIamPath[0]!.message, /requires one for roles under the IAM path \/teams\/\./);
  });

  it('checks nothing where no boundary is asked for', () => {
    assert.deepEqual(governanceSeen({ 'dev/roles.tf': BOUNDARY_TF, 'dev/trust.tf': TRUST }, 'IAM505', GOVERNED), []);
  });
});

describe('governance: delegated admin without a boundary condition (IAM506)', () => {
  it('reports role and user creation or policy attachment without iam:PermissionsBoundary, on the first action', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 'iam:CreateRole', 'iam:AttachRolePolicy'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:Put*', Resource: '*' },
    );
    assert.deepEqual(seen(text, 'IAM506'), [
      {
        id: 'IAM506',
        text: '"iam:CreateRole"',
        severity: 'warning',
        message:
          'This statement allows iam:CreateRole and iam:AttachRolePolicy without an iam:PermissionsBoundary condition: whoever holds this policy can give a role or user more permissions than their own, and use them. Require the boundary: add "StringEquals": { "iam:PermissionsBoundary": "<ARN of the boundary policy>" }.',
      },
      {
        id: 'IAM506',
        text: '"iam:Put*"',
        severity: 'warning',
        message:
          'This statement allows iam:PutRolePolicy, iam:PutRolePermissionsBoundary, iam:PutUserPolicy and iam:PutUserPermissionsBoundary (through "iam:Put*") without an iam:PermissionsBoundary condition: whoever holds this policy can give a role or user more permissions than their own, and use them. Require the boundary: add "StringEquals": { "iam:PermissionsBoundary": "<ARN of the boundary policy>" }.',
      },
    ]);
  });

  it('says so when the condition does not pin one policy', () => {
    const text = policy({
      Effect: 'Allow',
      Action: 'iam:CreateRole',
      Resource: '*',
      Condition: { StringLike: { 'iam:PermissionsBoundary': 'arn:aws:iam::*:policy/boundary' } },
    });
    assert.match(seen(text, 'IAM506')[0]!.message, /^This statement allows iam:CreateRole with an iam:PermissionsBoundary condition that does not pin one policy/);
  });

  it('passes a boundary condition, Action "*", Deny statements and read-only IAM', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['iam:CreateRole', 'iam:AttachRolePolicy'], Resource: '*', Condition: { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::111122223333:policy/team-boundary' } } },
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' },
      { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    );
    assert.deepEqual(seen(text, 'IAM506'), []);
  });

  it('reads Terraform: reports a policy_document block, never an unknown boundary value', () => {
    const tf = `data "aws_iam_policy_document" "delegate" {
  statement {
    actions   = ["iam:CreateRole"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:CreateUser"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.boundary.arn]
    }
  }
}

resource "aws_iam_policy" "delegate" {
  policy = data.aws_iam_policy_document.delegate.json
}
`;
    return initTerraform().then(() => {
      assert.deepEqual(seen(tf, 'IAM506', 'file:///work/delegate.tf').map((s) => s.text), ['"iam:CreateRole"']);
    });
  });
});
