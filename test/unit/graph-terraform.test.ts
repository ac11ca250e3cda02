/**
 * The trust graph from Terraform: roles and their trust (inline or a data source in another file),
 * grants through attached policies, references as principals, SCP attachments, Identity Center, and
 * the same organisation written in JSON and in Terraform giving the same graph.
 */
import * as assert from 'node:assert/strict';
import { WorkspaceConfig } from '../../server/src/core/config';
import { TrustGraph, WorkspaceIndex } from '../../server/src/core/graph';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';

const DEV = '111111111111';
const PROD = '222222222222';

const CONFIG: WorkspaceConfig = {
  organizationId: 'o-aaaaaaaaaa',
  accounts: [
    { id: DEV, name: 'dev', environment: 'dev', paths: ['dev/**'] },
    { id: PROD, name: 'prod', environment: 'prod', paths: ['prod/**'] },
  ],
};

function graphOf(files: Record<string, string>, config: WorkspaceConfig = CONFIG): TrustGraph {
  const index = new WorkspaceIndex({ config, root: '/ws' });
  for (const [path, text] of Object.entries(files)) index.update(`file:///ws/${path}`, text, path);
  return index.graph();
}

function edges(graph: TrustGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind}, ${e.basis}, ${e.risk})`).sort();
}

const PROD_ROLES_TF = `resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}

resource "aws_iam_role_policy_attachment" "deploy_admin" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`;

const PROD_POLICIES_TF = `data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${DEV}:role/ci"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-aaaaaaaaaa"]
    }
  }
}
`;

const DEV_TF = `resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:sub" = "repo:example/app:ref:refs/heads/main"
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "ci_assume" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::${PROD}:role/deploy" }]
  })
}
`;

describe('trust graph from Terraform', () => {
  before(() => initTerraform());

  it('joins a role, its trust in a data source of another file, its attached policy and the caller\'s grant', () => {
    const graph = graphOf({ 'prod/roles.tf': PROD_ROLES_TF, 'prod/policies.tf': PROD_POLICIES_TF, 'dev/ci.tf': DEV_TF });
    assert.deepEqual(edges(graph), [
      `oidc-provider:${DEV}:token.actions.githubusercontent.com -> role:${DEV}:ci (web-identity, granted, none)`,
      `role:${DEV}:ci -> role:${PROD}:deploy (assume-role, granted, high)`,
    ]);
    const deploy = graph.nodes.find((n) => n.id === `role:${PROD}:deploy`)!;
    assert.equal(deploy.adminEquivalent, true, 'AdministratorAccess attached by a separate resource');
    assert.equal(deploy.parent, `account:${PROD}`);
    assert.equal(deploy.source?.uri, 'file:///ws/prod/roles.tf');
    assert.equal(deploy.source?.line, 1);
    const crossing = graph.edges.find((e) => e.to === deploy.id)!;
    assert.equal(crossing.source?.uri, 'file:///ws/prod/policies.tf', 'the trust statement is in the data source');
    assert.equal(crossing.grant?.uri, 'file:///ws/dev/ci.tf');
    assert.deepEqual(crossing.conditions, [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-aaaaaaaaaa'] }]);
  });

  it('gives the same graph as the same organisation written in JSON', () => {
    const json = graphOf({
      'prod/roles/deploy-trust.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${DEV}:role/ci` },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' } },
          },
        ],
      }),
      'prod/roles/deploy-policy.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
      'dev/roles/ci-trust.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${DEV}:oidc-provider/token.actions.githubusercontent.com` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:sub': 'repo:example/app:ref:refs/heads/main',
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              },
            },
          },
        ],
      }),
      'dev/roles/ci-policy.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD}:role/deploy` }],
      }),
    });
    const terraform = graphOf({ 'prod/roles.tf': PROD_ROLES_TF, 'prod/policies.tf': PROD_POLICIES_TF, 'dev/ci.tf': DEV_TF });
    assert.deepEqual(edges(terraform), edges(json));
    const shape = (g: TrustGraph): string[] => g.nodes.map((n) => `${n.id} ${n.kind} ${n.parent ?? '-'} ${n.adminEquivalent ?? false}`).sort();
    assert.deepEqual(shape(terraform), shape(json));
  });

  it('reads principals written as references and keeps what it cannot read as unresolved', () => {
    const graph = graphOf({
      'dev/main.tf': `resource "aws_iam_role" "runner" {
  name               = "runner"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = [aws_iam_role.runner.arn, var.extra_principal, "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"] }
    }]
  })
}
`,
    });
    assert.deepEqual(edges(graph), [
      `account:${DEV} -> role:${DEV}:admin (assume-role, trust-only, none)`,
      `role:${DEV}:runner -> role:${DEV}:admin (assume-role, granted, none)`,
      `service:ec2.amazonaws.com -> role:${DEV}:runner (assume-role, granted, none)`,
    ]);
    assert.deepEqual(graph.nodes.find((n) => n.id === `role:${DEV}:admin`)?.unresolved, ['AWS: ${var.extra_principal}']);
  });

  it('applies an SCP attached by Terraform to the caller\'s account, and not to others', () => {
    const scp = (target: string): string => `resource "aws_organizations_policy" "no_prod" {
  name    = "no-prod"
  content = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "sts:AssumeRole", Resource = "arn:aws:iam::${PROD}:role/*" }]
  })
}

resource "aws_organizations_policy_attachment" "dev" {
  policy_id = aws_organizations_policy.no_prod.id
  target_id = ${target}
}
`;
    const base = { 'prod/roles.tf': PROD_ROLES_TF, 'prod/policies.tf': PROD_POLICIES_TF, 'dev/ci.tf': DEV_TF };
    const denied = graphOf({ ...base, 'org/scps.tf': scp(`"${DEV}"`) });
    assert.deepEqual(edges(denied).filter((e) => e.includes('deploy')), []);
    assert.ok(denied.notes.some((n) => n === 'ci → deploy: denied by the SCP in scps.tf'), denied.notes.join('\n'));
    const elsewhere = graphOf({ ...base, 'org/scps.tf': scp(`"${PROD}"`) });
    assert.equal(edges(elsewhere).filter((e) => e.includes('deploy')).length, 1);
  });

  it('attaches an SCP to an organisational unit: it reaches the accounts Terraform puts below it', () => {
    const org = `resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_organizational_unit" "nonprod" {
  name      = "NonProd"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "dev@example.com"
  parent_id = aws_organizations_organizational_unit.nonprod.id
}

resource "aws_organizations_policy" "no_prod" {
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "sts:*", Resource = "*" }] })
}

resource "aws_organizations_policy_attachment" "workloads" {
  policy_id = aws_organizations_policy.no_prod.id
  target_id = aws_organizations_organizational_unit.workloads.id
}
`;
    const graph = graphOf({ 'prod/roles.tf': PROD_ROLES_TF, 'prod/policies.tf': PROD_POLICIES_TF, 'dev/ci.tf': DEV_TF, 'org/main.tf': org });
    assert.deepEqual(edges(graph).filter((e) => e.includes('deploy')), [], 'dev is the Terraform account "dev", two units below the attachment');
    const account = graph.nodes.find((n) => n.id === `account:${DEV}`)!;
    assert.equal(account.source?.uri, 'file:///ws/org/main.tf', 'the configured account is the one Terraform creates');
  });

  it('draws Identity Center assignments from the group to the permission set in the account', () => {
    const graph = graphOf({
      'identity/main.tf': `resource "aws_identitystore_group" "platform" {
  identity_store_id = local.store
  display_name      = "Platform"
}

resource "aws_ssoadmin_permission_set" "admin" {
  instance_arn = local.instance
  name         = "PlatformAdmin"
}

resource "aws_ssoadmin_managed_policy_attachment" "admin" {
  instance_arn       = local.instance
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ssoadmin_account_assignment" "platform_prod" {
  instance_arn       = local.instance
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_id       = aws_identitystore_group.platform.group_id
  principal_type     = "GROUP"
  target_id          = "${PROD}"
  target_type        = "AWS_ACCOUNT"
}
`,
    });
    assert.deepEqual(edges(graph), [
      `sso-group:identity:aws_identitystore_group.platform -> permission-set:${PROD}:identity:aws_ssoadmin_permission_set.admin (sso-assignment, granted, medium)`,
    ]);
    const set = graph.nodes.find((n) => n.kind === 'permission-set')!;
    assert.deepEqual([set.label, set.parent, set.adminEquivalent], ['PlatformAdmin', `account:${PROD}`, true]);
    assert.equal(graph.nodes.find((n) => n.kind === 'sso-group')?.label, 'Platform');
  });

  it('places roles by the provider\'s account when no configured path claims the folder', () => {
    const graph = graphOf(
      {
        'stacks/shared/providers.tf': `provider "aws" {
  assume_role {
    role_arn = "arn:aws:iam::${PROD}:role/terraform"
  }
}
`,
        'stacks/shared/roles.tf': `resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}
`,
      },
      { organizationId: 'o-aaaaaaaaaa', accounts: [{ id: PROD, name: 'prod', environment: 'prod' }] },
    );
    assert.equal(graph.nodes.find((n) => n.label === 'reader')?.id, `role:${PROD}:reader`);
  });
});

describe('trust graph from Terraform: file()', () => {
  before(() => initTerraform());

  it('reads a role\'s trust from a JSON file the module reads with file(), and does not make that file a role of its own', () => {
    const graph = graphOf({
      'dev/main.tf': `resource "aws_iam_role" "runner" {
  name               = "runner"
  assume_role_policy = file("\${path.module}/roles/runner-trust.json")
}
`,
      'dev/roles/runner-trust.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    assert.deepEqual(edges(graph), [`service:codebuild.amazonaws.com -> role:${DEV}:runner (assume-role, granted, low)`]);
    assert.deepEqual(graph.nodes.filter((n) => n.kind === 'role').map((n) => n.id), [`role:${DEV}:runner`], 'no role "runner-trust" from the layout');
    assert.equal(graph.edges[0]!.source?.uri, 'file:///ws/dev/roles/runner-trust.json');
  });

  it('follows a change of the JSON file the module reads, and of no other JSON file', () => {
    const index = new WorkspaceIndex({ config: CONFIG, root: '/ws' });
    const trust = (service: string): string =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
    index.update('file:///ws/dev/main.tf', `resource "aws_iam_role" "runner" {\n  name               = "runner"\n  assume_role_policy = file("\${path.module}/roles/runner-trust.json")\n}\n`, 'dev/main.tf');
    index.update('file:///ws/dev/roles/runner-trust.json', trust('codebuild.amazonaws.com'), 'dev/roles/runner-trust.json');
    index.update('file:///ws/prod/policies/other.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }), 'prod/policies/other.json');
    assert.deepEqual(edges(index.graph()), [`service:codebuild.amazonaws.com -> role:${DEV}:runner (assume-role, granted, low)`]);
    index.update('file:///ws/dev/roles/runner-trust.json', trust('ecs-tasks.amazonaws.com'), 'dev/roles/runner-trust.json');
    assert.deepEqual(edges(index.graph()), [`service:ecs-tasks.amazonaws.com -> role:${DEV}:runner (assume-role, granted, low)`]);
    index.update('file:///ws/prod/policies/other.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] }), 'prod/policies/other.json');
    assert.deepEqual(edges(index.graph()), [`service:ecs-tasks.amazonaws.com -> role:${DEV}:runner (assume-role, granted, low)`]);
  });
});
