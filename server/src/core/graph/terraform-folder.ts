/**
 * What the .tf files of one module folder share for the graph: the policy documents its data
 * sources and locals define (a role in roles.tf uses a trust document in policies.tf), and the
 * accounts its AWS providers deploy into (from `assume_role.role_arn` or `allowed_account_ids`).
 */
import * as posixPath from 'node:path/posix';
import { PolicyDocument } from '../model';
import { TerraformFile } from '../parse/terraform';
import { TfExpression, attributeOf, blocksOf } from '../parse/terraform-syntax';
import { literalString, referencesIn } from '../parse/terraform-values';

export interface TerraformFolder {
  /** The folder, relative to the workspace root (`` for the root itself). */
  readonly folder: string;
  /** A document defined by a data source or local of the folder, by address (`data.aws_iam_policy_document.trust`). */
  policySource(address: string): PolicyDocument | undefined;
  /** The account the default provider (no alias) or an aliased one deploys into, when the code says. */
  providerAccount(alias: string | undefined): string | undefined;
  /** The policy of a JSON file the folder reads with `file()`, by its path relative to the folder. */
  jsonDocument(relativePath: string): PolicyDocument | undefined;
}

/** Addresses are unique within a module only: `envs/prod:aws_iam_role.ci`. */
export function qualify(folder: string, address: string): string {
  return folder ? `${folder}:${address}` : address;
}

/**
 * `jsonAt` finds the policy of a JSON file by its path relative to the workspace root (the index's
 * own files), for `file()` arguments.
 */
export function terraformFolder(
  folder: string,
  files: readonly TerraformFile[],
  jsonAt: (workspacePath: string) => PolicyDocument | undefined = () => undefined,
): TerraformFolder {
  const sources = new Map<string, PolicyDocument>();
  const providers = new Map<string, string>();
  for (const file of files) {
    for (const document of file.documents) {
      const address = document.origin.address;
      if (address && document.origin.argument === undefined && (address.startsWith('data.') || address.startsWith('local.'))) sources.set(address, document);
    }
    for (const block of file.blocks) {
      if (block.type !== 'provider' || block.labels[0]?.value !== 'aws') continue;
      const alias = literalString(attributeOf(block, 'alias')?.value) ?? '';
      const roleArn = blocksOf(block, 'assume_role').map((role) => attributeOf(role, 'role_arn')?.value).find((v) => v !== undefined);
      const allowed = attributeOf(block, 'allowed_account_ids')?.value;
      const account = accountTokenOf(roleArn, folder) ?? (allowed?.kind === 'tuple' ? accountTokenOf(allowed.items[0], folder) : undefined);
      if (account) providers.set(alias, account);
    }
  }
  return {
    folder,
    policySource: (address) => sources.get(address),
    providerAccount: (alias) => providers.get(alias ?? ''),
    jsonDocument: (relativePath) => jsonAt(posixPath.normalize(folder ? `${folder}/${relativePath}` : relativePath)),
  };
}

const ACCOUNT_ID = /^\d{12}$/;
const ARN_ACCOUNT = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/;

/**
 * The account an expression names: a 12-digit id, an ARN's account, or an account Terraform creates
 * (`aws_organizations_account.dev.id`, alone or inside an ARN template) as a `tf:` token.
 */
export function accountTokenOf(expression: TfExpression | undefined, folder: string): string | undefined {
  if (!expression) return undefined;
  const literal = literalString(expression);
  if (literal !== undefined) {
    if (ACCOUNT_ID.test(literal)) return literal;
    return ARN_ACCOUNT.exec(literal)?.[1];
  }
  const account = referencesIn(expression).find((r) => r.path[0] === 'aws_organizations_account' && r.path[1]);
  return account ? `tf:${qualify(folder, `aws_organizations_account.${account.path[1]}`)}` : undefined;
}
