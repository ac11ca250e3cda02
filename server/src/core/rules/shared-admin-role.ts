import { DEFAULT_TEAM_TAG } from '../governance/config';
import { compileNamingPattern } from '../governance/naming';
import { accountNodeOf, incomingEdges, isAdminNode, nodeWithKind } from '../governance/callers';
import { blockAt, describeResource, resourceAnchor } from '../governance/terraform-resources';
import { Principal } from '../graph/principals';
import { GraphEdge, GraphNode } from '../graph/types';
import { listAnd } from '../governance/words';
import { Span } from '../model';
import { WorkspaceContext } from './workspace-context';
import { WorkspaceReport, WorkspaceRule } from './types';

/** Callers that stand for people or workloads of a team; services and "anyone" are other rules' business. */
const TEAM_CALLERS: ReadonlySet<GraphNode['kind']> = new Set([
  'account',
  'external-account',
  'role',
  'user',
  'group',
  'oidc-provider',
  'saml-provider',
  'sso-group',
  'sso-user',
]);

interface CallerGroup {
  readonly label: string;
  readonly members: string[];
  readonly edge: GraphEdge;
}

export const sharedAdminRole: WorkspaceRule = {
  id: 'IAM509',
  name: 'shared-admin-role',
  severity: 'warning',
  kinds: ['trust'],
  category: 'governance',
  summary: 'An admin-equivalent role or permission set can be assumed by principals of several teams or accounts (from the trust graph).',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const { graph, queries } = workspace;
    const incoming = incomingEdges(graph);
    const teamOf = teamReader(workspace);
    const reports: WorkspaceReport[] = [];
    for (const node of graph.nodes) {
      if (!isAdminNode(node) || !node.source) continue;
      const groups = new Map<string, CallerGroup>();
      for (const edge of incoming.get(node.id) ?? []) {
        const caller = queries.node(edge.from);
        if (!caller || !TEAM_CALLERS.has(caller.kind)) continue;
        const team = teamOf(caller);
        const account = accountNodeOf(caller, queries);
        const [key, label] = team ? [`team:${team}`, `team ${team}`] : account ? [account.id, `account ${account.label}`] : [caller.id, nodeWithKind(caller)];
        const group = groups.get(key) ?? { label, members: [], edge };
        const member = caller.id === account?.id ? 'the whole account' : nodeWithKind(caller);
        if ((team || account) && !group.members.includes(member)) group.members.push(member);
        groups.set(key, group);
      }
      if (groups.size < 2) continue;
      const anchor = anchorOf(workspace, node);
      if (!anchor) continue;
      const listed = [...groups.values()].map((group) => (group.members.length ? `${group.label}: ${listAnd(group.members)}` : group.label));
      const what = node.kind === 'permission-set' ? 'permission set' : 'role';
      reports.push({
        ...anchor,
        message: `Admin-equivalent ${what} ${anchor.name} is shared by ${groups.size} teams or accounts: ${listed.join('; ')}. Give each its own role, scoped to what it needs, so reviews and CloudTrail tell them apart.`,
        related: [...groups.values()].flatMap((group) =>
          group.edge.source ? [{ uri: group.edge.source.uri, span: { start: group.edge.source.start, end: group.edge.source.end }, message: `${group.label} can assume it here` }] : [],
        ),
      });
    }
    return reports;
  },
};

/** Where to point at a role or permission set: its resource's name label, or a JSON trust policy's opening brace. */
function anchorOf(workspace: WorkspaceContext, node: GraphNode): { uri: string; span: Span; name: string } | undefined {
  const source = node.source!;
  const span = { start: source.start, end: source.end };
  const found = blockAt(workspace, source.uri, span);
  if (found) return { uri: source.uri, span: resourceAnchor(found.block), name: describeResource(found.block) };
  if (workspace.file(source.uri)?.file.language !== 'json') return undefined;
  return { uri: source.uri, span: { start: source.start, end: Math.min(source.start + 1, source.end) }, name: `"${node.label}"` };
}

/**
 * A caller's team: its team tag (governance.teamTag), else the {team} part of its name under the
 * role naming convention. Unknown for callers that are not workspace roles.
 */
function teamReader(workspace: WorkspaceContext): (node: GraphNode) => string | undefined {
  const governance = workspace.config.governance;
  const tagKey = (governance?.teamTag ?? DEFAULT_TEAM_TAG).toLowerCase();
  const rolePattern = governance?.naming?.role;
  const pattern = rolePattern?.includes('{team}') || rolePattern?.includes('(?<team>') ? compileNamingPattern(rolePattern, governance?.naming?.values) : undefined;
  const byNode = new Map<string, Principal>(workspace.principals.principals().map((p) => [p.nodeId, p]));
  return (node) => {
    if (node.kind !== 'role') return undefined;
    const tags = byNode.get(node.id)?.role?.tags ?? {};
    const tagged = Object.entries(tags).find(([key]) => key.toLowerCase() === tagKey)?.[1];
    return tagged || (pattern ? pattern.parts(node.label)?.team : undefined);
  };
}
