/** Which account a file belongs to, from the `paths` globs of `accounts` in iam-atlas.json. */
import picomatch from 'picomatch';
import { AccountConfig, WorkspaceConfig } from '../config';

const matchers = new WeakMap<AccountConfig, (path: string) => boolean>();

/** The account whose `paths` match the path (relative to the workspace root, forward slashes). */
export function accountForPath(config: WorkspaceConfig, relativePath: string): AccountConfig | undefined {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const account of config.accounts ?? []) {
    if (!account.paths?.length) continue;
    let match = matchers.get(account);
    if (!match) {
      match = picomatch(account.paths as string[], { dot: true });
      matchers.set(account, match);
    }
    if (match(path)) return account;
  }
  return undefined;
}
