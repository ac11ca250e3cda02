import { isAdminNode } from '../governance/callers';
import { blockAt, describeResource } from '../governance/terraform-resources';
import { attributeOf } from '../parse/terraform-syntax';
import { WorkspaceReport, WorkspaceRule } from './types';

const ONE_HOUR = 3600;

export const adminSessionDuration: WorkspaceRule = {
  id: 'IAM508',
  name: 'admin-session-duration',
  severity: 'info',
  kinds: [],
  category: 'governance',
  summary: 'An admin-equivalent role allows sessions longer than one hour (max_session_duration over 3600).',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const reports: WorkspaceReport[] = [];
    for (const principal of workspace.principals.principals()) {
      const role = principal.role;
      if (!role?.maxSessionDuration || role.maxSessionDuration <= ONE_HOUR) continue;
      if (!isAdminNode(workspace.queries.node(principal.nodeId))) continue;
      const found = blockAt(workspace, role.uri, role.span);
      const value = found && attributeOf(found.block, 'max_session_duration')?.value;
      if (!found || !value) continue;
      reports.push({
        uri: role.uri,
        span: value.span,
        message: `Role ${describeResource(found.block)} is admin-equivalent and its sessions may last ${duration(role.maxSessionDuration)} (max_session_duration = ${role.maxSessionDuration}): a leaked session stays an administrator that long. Keep administrator sessions to one hour, the default: remove max_session_duration or set it to 3600.`,
      });
    }
    return reports;
  },
};

function duration(seconds: number): string {
  if (seconds % ONE_HOUR === 0) return `${seconds / ONE_HOUR} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}
