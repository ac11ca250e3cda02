/**
 * The organisation as Terraform and iam-atlas.json describe it together: which `tf:` account tokens
 * are accounts the configuration already names (same name), and which accounts each SCP or RCP
 * reaches through its attachments (an account, a unit and the units below it, or the root).
 */
import { WorkspaceConfig } from '../config';
import { AccountFact, FileFacts, OrgPolicyFact } from './facts';

/** `tf:` token → the configured account id, for Terraform accounts whose name the configuration lists. */
export function accountAliases(facts: readonly FileFacts[], config: WorkspaceConfig): Map<string, string> {
  const aliases = new Map<string, string>();
  // The first configured account of each name, as a search of the list would find it.
  const byName = new Map<string, string>();
  for (const configured of config.accounts ?? []) {
    if (configured.name !== undefined && !byName.has(configured.name)) byName.set(configured.name, configured.id);
  }
  for (const file of facts) {
    for (const account of file.accounts) {
      if (account.id || !account.address) continue;
      const configured = byName.get(account.name);
      if (configured !== undefined) aliases.set(`tf:${account.address}`, configured);
    }
  }
  return aliases;
}

/** The facts with every aliased `tf:` token replaced by its account id. */
export function resolveAccountTokens(facts: readonly FileFacts[], aliases: ReadonlyMap<string, string>): FileFacts[] {
  if (aliases.size === 0) return [...facts];
  const fix = <T extends { readonly accountId?: string }>(item: T): T =>
    item.accountId && aliases.has(item.accountId) ? { ...item, accountId: aliases.get(item.accountId)! } : item;
  return facts.map((file) => ({
    ...file,
    roles: file.roles.map(fix),
    users: file.users.map(fix),
    groups: file.groups.map(fix),
    managedPolicies: file.managedPolicies.map(fix),
    providers: file.providers.map(fix),
    assignments: file.assignments.map(fix),
    identityPolicies: file.identityPolicies.map((p) => ({ ...p, target: fix(p.target) })),
    attachments: file.attachments.map((a) => ({ ...a, target: fix(a.target) })),
    orgPolicyAttachments: file.orgPolicyAttachments?.map((a) => ({ ...a, target: aliases.get(a.target) ?? a.target })),
  }));
}

/**
 * Every SCP and RCP with the accounts it applies to: its own targets, plus those of its
 * `aws_organizations_policy_attachment`s; a unit reaches the Terraform accounts below it.
 */
export function attachedOrgPolicies(facts: readonly FileFacts[], aliases: ReadonlyMap<string, string>): OrgPolicyFact[] {
  if (!facts.some((file) => file.orgPolicies.length > 0)) return [];
  const attachments = facts.flatMap((file) => file.orgPolicyAttachments ?? []);
  const accounts = facts.flatMap((file) => file.accounts);
  const unitParents = new Map(facts.flatMap((file) => file.units ?? []).map((unit) => [`ou:${unit.address}`, unit.parent]));
  return facts
    .flatMap((file) => file.orgPolicies)
    .map((policy) => {
      const targets = new Set(policy.targets);
      for (const attachment of attachments) {
        if (attachment.policyAddress !== policy.address) continue;
        if (attachment.target.startsWith('ou:')) {
          for (const account of accountsUnder(attachment.target, accounts, unitParents)) targets.add(aliases.get(account) ?? account);
        } else {
          targets.add(attachment.target);
        }
      }
      return { ...policy, targets: [...targets] };
    });
}

/** The `tf:` tokens of the accounts in a unit or in the units below it. */
function accountsUnder(unit: string, accounts: readonly AccountFact[], unitParents: ReadonlyMap<string, string | undefined>): string[] {
  const isBelow = (parent: string | undefined): boolean => {
    for (let at = parent, steps = 0; at !== undefined && steps < 32; at = unitParents.get(at), steps++) {
      if (at === unit) return true;
    }
    return false;
  };
  return accounts.filter((account) => account.address && isBelow(account.parent)).map((account) => `tf:${account.address}`);
}
