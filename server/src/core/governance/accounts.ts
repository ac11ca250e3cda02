/** Accounts as the governance section names them: by id or by name, `*` for every account. */
import { WorkspaceConfig } from '../config';
import { accountLabel } from '../workspace';

/** Whether the account (an id, or a `tf:` token of an account Terraform creates) is in a list of ids and names. */
export function accountListed(list: readonly string[] | undefined, accountId: string | undefined, config: WorkspaceConfig, names: ReadonlyMap<string, string> = new Map()): boolean {
  if (!list?.length || !accountId) return false;
  if (list.includes('*')) return true;
  if (list.includes(accountId)) return true;
  const name = config.accounts?.find((account) => account.id === accountId)?.name ?? names.get(accountId);
  return name !== undefined && list.includes(name);
}

/** `333333333333 (prod)`, or the name alone for an account Terraform creates (no id yet). */
export function describeAccount(accountId: string, config: WorkspaceConfig, names: ReadonlyMap<string, string> = new Map()): string {
  if (accountId.startsWith('tf:')) return names.get(accountId) ?? accountId.replace(/^tf:(.*:)?aws_organizations_account\./, '');
  return accountLabel(config, accountId);
}

/** The names of the accounts Terraform creates, by their `tf:` token, for messages. */
export function terraformAccountNames(facts: readonly { readonly accounts: readonly { readonly address?: string; readonly name: string }[] }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of facts) for (const account of file.accounts) if (account.address) names.set(`tf:${account.address}`, account.name);
  return names;
}
