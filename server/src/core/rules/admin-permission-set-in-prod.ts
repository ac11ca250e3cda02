import { isAdminNode } from '../governance/callers';
import { blockAt, resourceAnchor } from '../governance/terraform-resources';
import { isProd } from '../graph/environments';
import { attributeOf } from '../parse/terraform-syntax';
import { WorkspaceReport, WorkspaceRule } from './types';

export const adminPermissionSetInProd: WorkspaceRule = {
  id: 'IAM511',
  name: 'admin-permission-set-in-prod',
  severity: 'warning',
  kinds: [],
  category: 'governance',
  summary: 'An IAM Identity Center permission set with AdministratorAccess is assigned in a prod account.',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const { graph, queries } = workspace;
    const reports: WorkspaceReport[] = [];
    for (const edge of graph.edges) {
      if (edge.kind !== 'sso-assignment' || !edge.source) continue;
      const set = queries.node(edge.to);
      const account = set?.parent ? queries.node(set.parent) : undefined;
      if (!set || set.kind !== 'permission-set' || !isAdminNode(set) || !account || !isProd(account.environment)) continue;
      const found = blockAt(workspace, edge.source.uri, { start: edge.source.start, end: edge.source.end });
      if (!found) continue;
      const target = attributeOf(found.block, 'target_id')?.value;
      const principal = queries.node(edge.from);
      const who = principal ? `${principal.kind === 'sso-user' ? 'user' : 'group'} ${principal.label}` : 'a group';
      reports.push({
        uri: edge.source.uri,
        span: target?.span ?? resourceAnchor(found.block),
        message: `Permission set "${set.label}" grants AdministratorAccess and is assigned to ${who} in account ${account.label}, a ${account.environment} account: everyone it reaches is an administrator of production. Assign a permission set scoped to their work, and keep administrator access for break-glass.`,
      });
    }
    return reports;
  },
};
