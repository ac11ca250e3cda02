import picomatch from 'picomatch';
import { accountListed, describeAccount, terraformAccountNames } from '../governance/accounts';
import { blockAt, describeResource, resourceAnchor } from '../governance/terraform-resources';
import { WorkspaceReport, WorkspaceRule } from './types';

export const roleWithoutPermissionsBoundary: WorkspaceRule = {
  id: 'IAM505',
  name: 'role-without-permissions-boundary',
  severity: 'warning',
  kinds: [],
  category: 'governance',
  summary: 'A role created in Terraform has no permissions_boundary where governance.permissionsBoundary requires one (by account, file path or IAM path).',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const { config } = workspace;
    const requirement = config.governance?.permissionsBoundary;
    if (!requirement) return [];
    const names = terraformAccountNames(workspace.facts);
    const globs = (requirement.paths ?? []).map((glob) => ({ glob, match: picomatch(glob, { dot: true }) }));
    const reports: WorkspaceReport[] = [];
    for (const role of workspace.facts.flatMap((file) => file.roles)) {
      if (role.permissionsBoundary !== undefined) continue;
      const found = blockAt(workspace, role.uri, role.span);
      if (!found) continue;
      const relativePath = workspace.file(role.uri)?.relativePath ?? '';
      const iamPath = role.path ?? '/';
      const glob = globs.find(({ match }) => match(relativePath))?.glob;
      const rolePath = requirement.rolePaths?.find((prefix) => iamPath.startsWith(prefix));
      const where =
        role.accountId && accountListed(requirement.accounts, role.accountId, config, names)
          ? `account ${describeAccount(role.accountId, config, names)}`
          : glob
            ? `files matching ${glob}`
            : rolePath
              ? `roles under the IAM path ${rolePath}`
              : undefined;
      if (!where) continue;
      reports.push({
        uri: role.uri,
        span: resourceAnchor(found.block),
        message: `Role ${describeResource(found.block)} is created without a permissions boundary, and governance.permissionsBoundary requires one for ${where}. Set permissions_boundary to the boundary policy that caps what delegated roles can do.`,
      });
    }
    return reports;
  },
};
