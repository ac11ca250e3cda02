/**
 * An organisation written out as a workspace: as Terraform (one folder per account, with its
 * provider, roles and grants, and the accounts created in `organization/`), or as JSON files laid
 * out as in `examples/`. Both carry an `iam-atlas.json` naming the accounts and their folders.
 */
import { GeneratedFile } from './files';
import { Organisation, OrgAccount, OrgRole, assumeGrantStatement } from './organisation';
import { PolicyJson, renderPolicyJson } from './policy';
import { hclString, jsonencodePolicy, terraformName } from './terraform';

const accountFolder = (account: OrgAccount): string => `accounts/${account.name}`;

export function organisationConfig(org: Organisation): GeneratedFile {
  const config = {
    organizationId: org.organizationId,
    accounts: org.accounts.map((account) => ({
      id: account.id,
      name: account.name,
      environment: account.environment,
      ou: account.ou,
      paths: [`${accountFolder(account)}/**`],
    })),
    trustedExternalAccounts: org.externalAccounts,
  };
  return { path: 'iam-atlas.json', text: `${JSON.stringify(config, null, 2)}\n` };
}

function trustPolicy(role: OrgRole): PolicyJson {
  return { Version: '2012-10-17', Statement: role.trust.map((entry) => entry.statement) };
}

function grantPolicy(role: OrgRole): PolicyJson {
  return { Version: '2012-10-17', Statement: role.assumes.map((arn, index) => assumeGrantStatement(arn, index)) };
}

/** `accounts/<name>/roles/<role>-trust.json`, and `<role>-policy.json` where the role may assume others. */
export function organisationAsJson(org: Organisation): GeneratedFile[] {
  const byId = new Map(org.accounts.map((account) => [account.id, account]));
  const files: GeneratedFile[] = [organisationConfig(org)];
  for (const role of org.roles) {
    const folder = `${accountFolder(byId.get(role.accountId)!)}/roles`;
    files.push({ path: `${folder}/${role.name}-trust.json`, text: renderPolicyJson(trustPolicy(role)) });
    if (role.assumes.length) files.push({ path: `${folder}/${role.name}-policy.json`, text: renderPolicyJson(grantPolicy(role)) });
  }
  return files;
}

/**
 * `organization/main.tf` creates the accounts; each `accounts/<name>/` has `providers.tf` (the
 * provider assumes a role in that account, which is how Terraform says which account it is) and
 * `roles.tf` (`aws_iam_role` with `assume_role_policy = jsonencode(…)`, `aws_iam_role_policy` grants).
 */
export function organisationAsTerraform(org: Organisation): GeneratedFile[] {
  const files: GeneratedFile[] = [organisationConfig(org), { path: 'organization/main.tf', text: organizationMain(org) }];
  const rolesByAccount = new Map<string, OrgRole[]>();
  for (const role of org.roles) {
    const list = rolesByAccount.get(role.accountId) ?? [];
    list.push(role);
    rolesByAccount.set(role.accountId, list);
  }
  for (const account of org.accounts) {
    const folder = accountFolder(account);
    files.push({ path: `${folder}/providers.tf`, text: accountProvider(account) });
    files.push({ path: `${folder}/roles.tf`, text: `${(rolesByAccount.get(account.id) ?? []).map(roleResources).join('\n\n')}\n` });
  }
  return files;
}

function organizationMain(org: Organisation): string {
  const blocks = ['resource "aws_organizations_organization" "org" {\n  feature_set = "ALL"\n}'];
  for (const account of org.accounts.slice(1)) {
    blocks.push(
      [
        `resource "aws_organizations_account" ${hclString(terraformName(account.name))} {`,
        `  name      = ${hclString(account.name)}`,
        `  email     = ${hclString(`aws+${account.name}@example.com`)}`,
        `  parent_id = aws_organizations_organization.org.roots[0].id`,
        '  tags = {',
        `    environment = ${hclString(account.environment)}`,
        `    ou          = ${hclString(account.ou)}`,
        '  }',
        '}',
      ].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

function accountProvider(account: OrgAccount): string {
  return [
    'provider "aws" {',
    '  region = "us-east-1"',
    '  assume_role {',
    `    role_arn = ${hclString(`arn:aws:iam::${account.id}:role/OrganizationAccountAccessRole`)}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function roleResources(role: OrgRole): string {
  const id = terraformName(role.name);
  const blocks = [
    [
      `resource "aws_iam_role" ${hclString(id)} {`,
      `  name               = ${hclString(role.name)}`,
      `  assume_role_policy = ${jsonencodePolicy(trustPolicy(role), 2)}`,
      '  tags = {',
      `    owner = ${hclString(`team-${role.name.split('-')[2] ?? 'platform'}`)}`,
      '  }',
      '}',
    ].join('\n'),
  ];
  if (role.assumes.length) {
    blocks.push(
      [
        `resource "aws_iam_role_policy" ${hclString(`${id}_assume`)} {`,
        `  name   = ${hclString(`${role.name}-assume`)}`,
        `  role   = aws_iam_role.${id}.id`,
        `  policy = ${jsonencodePolicy(grantPolicy(role), 2)}`,
        '}',
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}
