/**
 * What the workspace configuration says about one file and about the accounts a policy names: the
 * account the file belongs to (by the `paths` globs of `accounts`), and how another account relates
 * to it. Without a configuration nothing is known, and rules that need it stay quiet.
 */
import { AccountConfig, ExternalAccountConfig, WorkspaceConfig } from './config';
import { globMatcher } from './text/glob';

const literalPrefixes = new Map<string, string>();

/** The glob's leading folders that hold no pattern characters: `accounts/dev` of `accounts/dev/**`, '' when it starts with a pattern. */
function literalPrefix(glob: string): string {
  let prefix = literalPrefixes.get(glob);
  if (prefix === undefined) {
    const folders: string[] = [];
    for (const segment of glob.split('/').slice(0, -1)) {
      if (segment === '' || segment === '.' || segment === '..' || /[*?[\]{}()!+@\\]/.test(segment)) break;
      folders.push(segment);
    }
    prefix = folders.join('/');
    literalPrefixes.set(glob, prefix);
  }
  return prefix;
}

/**
 * Whether the path lies under the glob's literal leading folders: a path elsewhere cannot match,
 * and an organisation of many accounts would otherwise run every account's globs on every file.
 */
function mayMatch(glob: string, path: string): boolean {
  const prefix = literalPrefix(glob);
  return prefix === '' || path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47 /* / */);
}

/** Per configuration, which accounts (by their place in `accounts`) have a glob under each literal prefix. */
interface AccountsByPrefix {
  readonly byPrefix: Map<string, number[]>;
  /** Accounts with a glob that starts with a pattern: they may match anywhere. */
  readonly anywhere: number[];
}

const prefixIndexes = new WeakMap<WorkspaceConfig, AccountsByPrefix>();

function accountsByPrefix(config: WorkspaceConfig): AccountsByPrefix {
  let index = prefixIndexes.get(config);
  if (index) return index;
  index = { byPrefix: new Map(), anywhere: [] };
  (config.accounts ?? []).forEach((account, position) => {
    for (const prefix of new Set((account.paths ?? []).map(literalPrefix))) {
      if (prefix === '') index!.anywhere.push(position);
      else {
        const list = index!.byPrefix.get(prefix);
        if (list) list.push(position);
        else index!.byPrefix.set(prefix, [position]);
      }
    }
  });
  prefixIndexes.set(config, index);
  return index;
}

/** The accounts whose globs may match the path, in their order in `accounts`: a lookup per folder of the path, not a test per account. */
function candidateAccounts(config: WorkspaceConfig, path: string): number[] {
  const index = accountsByPrefix(config);
  const found = [...index.anywhere];
  for (let slash = path.indexOf('/'); ; slash = path.indexOf('/', slash + 1)) {
    const prefix = slash < 0 ? path : path.slice(0, slash);
    const accounts = index.byPrefix.get(prefix);
    if (accounts) for (const position of accounts) found.push(position);
    if (slash < 0) break;
  }
  return [...new Set(found)].sort((a, b) => a - b);
}

/**
 * The file's path relative to the workspace root, with forward slashes; undefined when the file is
 * not under the root (or either is missing).
 */
export function relativeToRoot(filePath: string | undefined, root: string | undefined): string | undefined {
  if (!filePath || !root) return undefined;
  const file = filePath.replace(/\\/g, '/');
  const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!file.startsWith(base + '/')) return undefined;
  return file.slice(base.length + 1);
}

/** The first account whose `paths` globs match the file's path (relative to the workspace root). */
export function accountOfFile(config: WorkspaceConfig, filePath: string | undefined, root: string | undefined): AccountConfig | undefined {
  const relative = relativeToRoot(filePath, root);
  return relative === undefined ? undefined : accountOfRelativePath(config, relative);
}

/** Per configuration, the account of each path seen: a workspace of many accounts asks for every file at each graph build. */
const accountsByPath = new WeakMap<WorkspaceConfig, Map<string, AccountConfig | null>>();

/** The first account whose `paths` globs match a path already relative to the workspace root. */
export function accountOfRelativePath(config: WorkspaceConfig, relativePath: string): AccountConfig | undefined {
  let known = accountsByPath.get(config);
  if (!known) accountsByPath.set(config, (known = new Map()));
  const cached = known.get(relativePath);
  if (cached !== undefined) return cached ?? undefined;
  const relative = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const accounts = config.accounts ?? [];
  const position = candidateAccounts(config, relative).find((candidate) => accounts[candidate]!.paths?.some((glob) => mayMatch(glob, relative) && globMatcher(glob)(relative)));
  const account = position === undefined ? undefined : accounts[position];
  known.set(relativePath, account ?? null);
  return account;
}

/**
 * How an account named in a policy relates to the file's own account:
 * - same: the file's own account;
 * - organization: another account listed in `accounts`;
 * - vendor: an account of `trustedExternalAccounts`;
 * - outside: not listed anywhere, while `accounts` lists the organisation;
 * - unknown: no `accounts` configured, so inside cannot be told from outside.
 */
export type AccountRelation =
  | { readonly kind: 'same'; readonly account: AccountConfig }
  | { readonly kind: 'organization'; readonly account: AccountConfig }
  | { readonly kind: 'vendor'; readonly vendor: ExternalAccountConfig }
  | { readonly kind: 'outside' }
  | { readonly kind: 'unknown' };

export function accountRelation(config: WorkspaceConfig, own: AccountConfig | undefined, accountId: string): AccountRelation {
  if (own && own.id === accountId) return { kind: 'same', account: own };
  const member = config.accounts?.find((account) => account.id === accountId);
  if (member) return { kind: 'organization', account: member };
  const vendor = config.trustedExternalAccounts?.find((account) => account.id === accountId);
  if (vendor) return { kind: 'vendor', vendor };
  return config.accounts?.length ? { kind: 'outside' } : { kind: 'unknown' };
}

/** `444444444444 (dev)` when the account has a name, else the id. */
export function accountLabel(config: WorkspaceConfig, accountId: string): string {
  const name =
    config.accounts?.find((a) => a.id === accountId)?.name ?? config.trustedExternalAccounts?.find((a) => a.id === accountId)?.name;
  return name ? `${accountId} (${name})` : accountId;
}
