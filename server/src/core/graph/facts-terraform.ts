/**
 * Facts from Terraform: roles, users, groups and their policies and attachments, accounts and units,
 * SCPs/RCPs and their attachments, identity providers, Identity Center permission sets, groups and
 * assignments. Terraform names things by reference (`aws_iam_role.ci.name`); references are kept as
 * addresses, qualified by the module folder (`envs/prod:aws_iam_role.ci`) since addresses are unique
 * only within a module, and the graph builder joins them across files.
 */
import { WorkspaceConfig } from '../config';
import { PolicyDocument } from '../model';
import { TerraformFile } from '../parse/terraform';
import { TfBlock, TfExpression, attributeOf, blockAddress } from '../parse/terraform-syntax';
import { literalString, literalValue, referenceText, referencesIn } from '../parse/terraform-values';
import { accountOfRelativePath } from '../workspace';
import { FileFacts, PrincipalKind, PrincipalTarget, emptyFacts } from './facts';
import { TerraformFolder, accountTokenOf, qualify } from './terraform-folder';

/** Facts being collected: every list present and open to push. */
type Collecting<T> = { -readonly [K in keyof T]-?: NonNullable<T[K]> extends readonly (infer U)[] ? U[] : T[K] };

export function terraformFacts(file: TerraformFile, relativePath: string, config: WorkspaceConfig, folder: TerraformFolder): FileFacts {
  const facts: Collecting<FileFacts> = {
    ...(emptyFacts(file.uri) as Collecting<FileFacts>),
    orgPolicyAttachments: [],
    units: [],
    permissionSetPolicies: [],
    groupMemberships: [],
  };
  const configured = accountOfRelativePath(config, relativePath)?.id;
  const q = (address: string): string => qualify(folder.folder, address);

  for (const block of file.blocks) {
    if (block.type !== 'resource' || block.labels.length !== 2) continue;
    const type = block.labels[0]!.value;
    const address = blockAddress(block)!;
    const located = { uri: file.uri, span: block.span };
    const accountId = configured ?? folder.providerAccount(providerAlias(block));
    const target = (kind: PrincipalKind, attribute: string): PrincipalTarget | undefined =>
      principalTarget(attributeOf(block, attribute)?.value, kind, accountId, folder.folder);
    const document = (argument: string): PolicyDocument | undefined => documentOf(file, block, address, argument, folder);
    const text = (attribute: string): string | undefined => literalString(attributeOf(block, attribute)?.value);

    switch (type) {
      case 'aws_iam_role': {
        const inline = file.documents.filter((d) => d.origin.address === address && d.origin.argument === 'inline_policy.policy');
        const boundary = attributeOf(block, 'permissions_boundary');
        facts.roles.push({
          ...located,
          address: q(address),
          name: text('name'),
          accountId,
          path: text('path'),
          trust: document('assume_role_policy'),
          managedPolicyArns: stringList(attributeOf(block, 'managed_policy_arns')?.value),
          tags: stringMap(attributeOf(block, 'tags')?.value),
          maxSessionDuration: numberOf(attributeOf(block, 'max_session_duration')?.value),
          ...(boundary ? { permissionsBoundary: literalString(boundary.value) ?? true } : {}),
        });
        for (const policy of inline) facts.identityPolicies.push({ ...located, target: { kind: 'role', address: q(address) }, document: policy });
        break;
      }
      case 'aws_iam_user':
        facts.users.push({ ...located, address: q(address), name: text('name'), accountId });
        break;
      case 'aws_iam_group':
        facts.groups.push({ ...located, address: q(address), name: text('name'), accountId });
        break;
      case 'aws_iam_role_policy':
      case 'aws_iam_user_policy':
      case 'aws_iam_group_policy': {
        const kind = type === 'aws_iam_role_policy' ? 'role' : type === 'aws_iam_user_policy' ? 'user' : 'group';
        const principal = target(kind, kind);
        const policy = document('policy');
        if (principal && policy) facts.identityPolicies.push({ ...located, target: principal, document: policy });
        break;
      }
      case 'aws_iam_role_policy_attachment':
      case 'aws_iam_user_policy_attachment':
      case 'aws_iam_group_policy_attachment': {
        const kind = type === 'aws_iam_role_policy_attachment' ? 'role' : type === 'aws_iam_user_policy_attachment' ? 'user' : 'group';
        const principal = target(kind, kind);
        const policy = managedPolicyRef(attributeOf(block, 'policy_arn')?.value, folder.folder);
        if (principal && policy) facts.attachments.push({ ...located, target: principal, ...policy });
        break;
      }
      case 'aws_iam_policy_attachment': {
        const policy = managedPolicyRef(attributeOf(block, 'policy_arn')?.value, folder.folder);
        if (!policy) break;
        for (const [attribute, kind] of [['roles', 'role'], ['users', 'user'], ['groups', 'group']] as const) {
          for (const item of listItems(attributeOf(block, attribute)?.value)) {
            const principal = principalTarget(item, kind, accountId, folder.folder);
            if (principal) facts.attachments.push({ ...located, target: principal, ...policy });
          }
        }
        break;
      }
      case 'aws_iam_user_group_membership':
      case 'aws_iam_group_membership': {
        const users = type === 'aws_iam_user_group_membership' ? [attributeOf(block, 'user')?.value] : listItems(attributeOf(block, 'users')?.value);
        const groups = type === 'aws_iam_user_group_membership' ? listItems(attributeOf(block, 'groups')?.value) : [attributeOf(block, 'group')?.value];
        for (const user of users) {
          const member = principalTarget(user, 'user', accountId, folder.folder);
          for (const group of groups) {
            const ref = principalTarget(group, 'group', accountId, folder.folder);
            const key = ref?.address ?? ref?.name;
            if (member && key) facts.groupMemberships.push({ ...located, user: member, group: key });
          }
        }
        break;
      }
      case 'aws_iam_policy': {
        const policy = document('policy');
        if (policy) facts.managedPolicies.push({ ...located, address: q(address), name: text('name'), accountId, document: policy });
        break;
      }
      case 'aws_organizations_account': {
        const tags = stringMap(attributeOf(block, 'tags')?.value);
        const environment = tags?.Environment ?? tags?.environment ?? tags?.Env ?? tags?.env;
        const parent = unitToken(attributeOf(block, 'parent_id')?.value, folder.folder);
        facts.accounts.push({ ...located, address: q(address), name: text('name') ?? block.labels[1]!.value, ...(environment ? { environment } : {}), ...(parent ? { parent } : {}) });
        break;
      }
      case 'aws_organizations_organizational_unit': {
        const parent = unitToken(attributeOf(block, 'parent_id')?.value, folder.folder);
        facts.units.push({ ...located, address: q(address), name: text('name'), ...(parent ? { parent } : {}) });
        break;
      }
      case 'aws_organizations_policy': {
        const policyType = text('type') ?? 'SERVICE_CONTROL_POLICY';
        const kind = policyType === 'SERVICE_CONTROL_POLICY' ? 'scp' : policyType === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : undefined;
        const policy = document('content');
        if (kind && policy) facts.orgPolicies.push({ ...located, kind, document: policy, targets: [], address: q(address) });
        break;
      }
      case 'aws_organizations_policy_attachment': {
        const policy = referenceTo(attributeOf(block, 'policy_id')?.value, 'aws_organizations_policy');
        const targetToken = attachmentTarget(attributeOf(block, 'target_id')?.value, folder.folder);
        if (policy && targetToken) facts.orgPolicyAttachments.push({ ...located, policyAddress: qualify(folder.folder, policy), target: targetToken });
        break;
      }
      case 'aws_iam_openid_connect_provider': {
        const url = text('url');
        if (url) facts.providers.push({ ...located, kind: 'oidc', name: url.replace(/^https:\/\//, ''), accountId, address: q(address) });
        break;
      }
      case 'aws_iam_saml_provider': {
        const name = text('name');
        if (name) facts.providers.push({ ...located, kind: 'saml', name, accountId, address: q(address) });
        break;
      }
      case 'aws_ssoadmin_permission_set':
        facts.permissionSets.push({ ...located, address: q(address), name: text('name'), managedPolicyArns: [] });
        break;
      case 'aws_ssoadmin_managed_policy_attachment': {
        const set = referenceTo(attributeOf(block, 'permission_set_arn')?.value, 'aws_ssoadmin_permission_set');
        const arn = text('managed_policy_arn');
        if (set && arn) facts.permissionSetPolicies.push({ ...located, permissionSet: qualify(folder.folder, set), policyArn: arn });
        break;
      }
      case 'aws_identitystore_group':
        facts.ssoGroups.push({ ...located, address: q(address), name: text('display_name') });
        break;
      case 'aws_ssoadmin_account_assignment': {
        const set = referenceTo(attributeOf(block, 'permission_set_arn')?.value, 'aws_ssoadmin_permission_set');
        const principalType = text('principal_type') === 'USER' ? 'USER' : 'GROUP';
        const principalExpression = attributeOf(block, 'principal_id')?.value;
        const principalRef = referenceTo(principalExpression, principalType === 'USER' ? 'aws_identitystore_user' : 'aws_identitystore_group');
        const account = accountTokenOf(attributeOf(block, 'target_id')?.value, folder.folder);
        facts.assignments.push({
          ...located,
          ...(set ? { permissionSet: qualify(folder.folder, set) } : {}),
          principalType,
          ...principalOf(principalRef, principalExpression, file.text, folder.folder),
          ...(account ? { accountId: account } : {}),
        });
        break;
      }
    }
  }
  return facts;
}

/** An assignment's principal: a group or user resource by address, a literal id, or the expression as written. */
function principalOf(reference: string | undefined, expression: TfExpression | undefined, text: string, folder: string): { principal?: string } {
  if (reference) return { principal: qualify(folder, reference) };
  if (!expression) return {};
  return { principal: literalString(expression) ?? text.slice(expression.span.start, expression.span.end) };
}

/** The policy an argument holds: written inline, or a data source or local of the folder it references. */
function documentOf(file: TerraformFile, block: TfBlock, address: string, argument: string, folder: TerraformFolder): PolicyDocument | undefined {
  const inline = file.documents.find((d) => d.origin.address === address && d.origin.argument === argument);
  if (inline) return inline;
  const link = file.fileLinks.find((l) => l.address === address && l.argument === argument && l.relativePath);
  if (link) return folder.jsonDocument(link.relativePath!);
  for (const reference of referencesIn(attributeOf(block, argument)?.value)) {
    const text = referenceText(reference).replace(/\.(minified_)?json$/, '');
    const document = folder.policySource(text);
    if (document) return document;
  }
  return undefined;
}

/** `aws_iam_role.ci.name` → the role by address; `"ci"` → by name in the account. */
function principalTarget(expression: TfExpression | undefined, kind: PrincipalKind, accountId: string | undefined, folder: string): PrincipalTarget | undefined {
  if (!expression) return undefined;
  const name = literalString(expression);
  if (name !== undefined) return { kind, name: name.replace(/^arn:[^:]+:iam::\d{12}:(role|user|group)\/(.*\/)?/, ''), ...(accountId ? { accountId } : {}) };
  const reference = referenceTo(expression, `aws_iam_${kind}`);
  return reference ? { kind, address: qualify(folder, reference) } : undefined;
}

/** `policy_arn = "arn:aws:iam::aws:policy/X"` or `aws_iam_policy.p.arn`. */
function managedPolicyRef(expression: TfExpression | undefined, folder: string): { policyArn: string } | { policyAddress: string } | undefined {
  const arn = literalString(expression);
  if (arn) return { policyArn: arn };
  const reference = referenceTo(expression, 'aws_iam_policy');
  return reference ? { policyAddress: qualify(folder, reference) } : undefined;
}

/** The address of the first reference to a resource of `type` (`aws_iam_role.ci` in `aws_iam_role.ci.name`). */
function referenceTo(expression: TfExpression | undefined, type: string): string | undefined {
  for (const reference of referencesIn(expression)) {
    if (reference.path[0] === type && reference.path[1]) return `${type}.${reference.path[1]}`;
  }
  return undefined;
}

function unitToken(expression: TfExpression | undefined, folder: string): string | undefined {
  if (!expression) return undefined;
  const literal = literalString(expression);
  if (literal) return literal.startsWith('r-') ? '*' : `ou:${literal}`;
  const unit = referenceTo(expression, 'aws_organizations_organizational_unit');
  if (unit) return `ou:${qualify(folder, unit)}`;
  return referencesIn(expression).some((r) => r.path[0] === 'aws_organizations_organization') ? '*' : undefined;
}

/** A policy attachment's target: an account, a unit, or the root (`*`). */
function attachmentTarget(expression: TfExpression | undefined, folder: string): string | undefined {
  return accountTokenOf(expression, folder) ?? unitToken(expression, folder);
}

function providerAlias(block: TfBlock): string | undefined {
  const provider = attributeOf(block, 'provider')?.value;
  return provider?.kind === 'reference' && provider.path[0] === 'aws' ? provider.path[1] : undefined;
}

function listItems(expression: TfExpression | undefined): TfExpression[] {
  return expression?.kind === 'tuple' ? [...expression.items] : [];
}

function stringList(expression: TfExpression | undefined): string[] {
  return listItems(expression).flatMap((item) => {
    const value = literalString(item);
    return value === undefined ? [] : [value];
  });
}

function stringMap(expression: TfExpression | undefined): Record<string, string> | undefined {
  const value = expression ? literalValue(expression) : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function numberOf(expression: TfExpression | undefined): number | undefined {
  return expression?.kind === 'number' ? expression.value : undefined;
}

