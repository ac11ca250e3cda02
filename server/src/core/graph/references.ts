/**
 * Reading Terraform references that stand for principals in a trust policy. The policy model keeps
 * an unknown value's source text: `${aws_iam_role.ci.arn}` in jsonencode, `aws_iam_role.ci.arn` in a
 * policy_document block, `arn:aws:iam::${aws_organizations_account.dev.id}:root` in a template. The
 * forms below are read; anything else stays unresolved (never guessed).
 */
import { qualify } from './terraform-folder';

export type ReferenceTarget =
  | { readonly kind: 'principal'; readonly principalKind: 'role' | 'user'; readonly address: string }
  | { readonly kind: 'provider'; readonly providerKind: 'oidc' | 'saml'; readonly address: string }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'named-principal'; readonly principalKind: 'role' | 'user'; readonly account: string; readonly name: string };

const WHOLE = /^\$\{\s*([^{}]+?)\s*\}$/;
const RESOURCE_ARN = /^(aws_iam_role|aws_iam_user|aws_iam_openid_connect_provider|aws_iam_saml_provider)\.([\w-]+)\.arn$/;
const ACCOUNT_ID = /^aws_organizations_account\.([\w-]+)\.id$/;
const CALLER_ACCOUNT = /^data\.aws_caller_identity\.[\w-]+\.account_id$/;
const ARN_TEMPLATE = /^arn:aws[\w-]*:iam::\$\{\s*([^{}]+?)\s*\}:(root|role\/(?:.*\/)?([\w+=,.@-]+)|user\/(?:.*\/)?([\w+=,.@-]+))$/;

/**
 * What an unknown principal value names, if it is one of the readable forms. `ownAccount` is the
 * account of the file holding the policy (for `data.aws_caller_identity`).
 */
export function readReference(text: string, folder: string, ownAccount: string | undefined): ReferenceTarget | undefined {
  const expression = WHOLE.exec(text)?.[1] ?? text;
  const resource = RESOURCE_ARN.exec(expression);
  if (resource) {
    const [, type, name] = resource as unknown as [string, string, string];
    const address = qualify(folder, `${type}.${name}`);
    if (type === 'aws_iam_role' || type === 'aws_iam_user') return { kind: 'principal', principalKind: type === 'aws_iam_role' ? 'role' : 'user', address };
    return { kind: 'provider', providerKind: type === 'aws_iam_saml_provider' ? 'saml' : 'oidc', address };
  }
  const account = accountOf(expression, folder, ownAccount);
  if (account) return { kind: 'account', account };
  const template = ARN_TEMPLATE.exec(text);
  if (template) {
    const templateAccount = accountOf(template[1]!, folder, ownAccount);
    if (!templateAccount) return undefined;
    if (template[2] === 'root') return { kind: 'account', account: templateAccount };
    const role = template[3];
    return role
      ? { kind: 'named-principal', principalKind: 'role', account: templateAccount, name: role }
      : { kind: 'named-principal', principalKind: 'user', account: templateAccount, name: template[4]! };
  }
  return undefined;
}

function accountOf(expression: string, folder: string, ownAccount: string | undefined): string | undefined {
  const created = ACCOUNT_ID.exec(expression);
  if (created) return `tf:${qualify(folder, `aws_organizations_account.${created[1]}`)}`;
  if (CALLER_ACCOUNT.test(expression)) return ownAccount;
  return undefined;
}
