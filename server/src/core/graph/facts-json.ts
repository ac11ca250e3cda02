/**
 * Facts from JSON policy files, by where they sit. A JSON policy does not say which role it belongs
 * to, so the graph reads the layout:
 *
 * - the account is the one whose `paths` in iam-atlas.json match the file;
 * - a trust policy in a `roles/` folder is the trust policy of the role named by the file:
 *   `roles/deploy-trust.json` or `roles/deploy.trust.json` → role `deploy`;
 * - an identity policy in a `roles/`, `users/` or `groups/` folder is attached to the principal named
 *   by the file: `roles/deploy-policy.json`, `roles/deploy.policy.json` or `roles/deploy.json` → `deploy`;
 * - SCPs and RCPs (by kind: iamAtlas.policyKinds globs) apply to every member account.
 *
 * Other JSON policies stay out of the graph (they still get every rule's findings).
 */
import { WorkspaceConfig } from '../config';
import { ParsedFile } from '../model';
import { accountOfRelativePath } from '../workspace';
import { FileFacts, IdentityPolicyFact, OrgPolicyFact, PrincipalKind, RoleFact, emptyFacts } from './facts';

const FOLDER_KINDS: Readonly<Record<string, PrincipalKind>> = { roles: 'role', users: 'user', groups: 'group' };

export function jsonFacts(file: ParsedFile, relativePath: string, config: WorkspaceConfig): FileFacts {
  const facts = emptyFacts(file.uri);
  const document = file.documents[0];
  if (!document) return facts;
  const segments = relativePath.replace(/\\/g, '/').split('/');
  const baseName = segments[segments.length - 1]!.replace(/\.jsonc?$/i, '');
  const folderKind = segments.slice(0, -1).reverse().map((segment) => FOLDER_KINDS[segment]).find((kind) => kind !== undefined);
  const accountId = accountOfRelativePath(config, relativePath)?.id;
  const located = { uri: file.uri, span: document.span };

  if (document.kind === 'scp' || document.kind === 'rcp') {
    const policy: OrgPolicyFact = { ...located, kind: document.kind, document, targets: ['*'] };
    return { ...facts, orgPolicies: [policy] };
  }
  if (!folderKind) return facts;
  if (document.kind === 'trust' && folderKind === 'role') {
    const role: RoleFact = { ...located, name: stripSuffix(baseName, 'trust'), accountId, trust: document };
    return { ...facts, roles: [role] };
  }
  if (document.kind === 'identity') {
    const policy: IdentityPolicyFact = {
      ...located,
      target: { kind: folderKind, name: stripSuffix(baseName, 'policy'), accountId },
      document,
    };
    return { ...facts, identityPolicies: [policy] };
  }
  return facts;
}

function stripSuffix(name: string, suffix: string): string {
  for (const separator of ['-', '.', '_']) {
    if (name.toLowerCase().endsWith(`${separator}${suffix}`)) return name.slice(0, -(suffix.length + 1));
  }
  return name;
}
