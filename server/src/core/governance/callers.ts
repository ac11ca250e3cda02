/** Who can assume a role, as the governance rules describe it: callers by edge, with their accounts. */
import { GraphQueries } from '../graph/query';
import { GraphEdge, GraphNode, TrustGraph } from '../graph/types';

/** The edges into each node. */
export function incomingEdges(graph: TrustGraph): Map<string, GraphEdge[]> {
  const incoming = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const list = incoming.get(edge.to);
    if (list) list.push(edge);
    else incoming.set(edge.to, [edge]);
  }
  return incoming;
}

/** The account node a node sits in, or the node itself when it is an account. */
export function accountNodeOf(node: GraphNode, queries: GraphQueries): GraphNode | undefined {
  if (node.kind === 'account' || node.kind === 'external-account') return node;
  return node.parent ? queries.node(node.parent) : undefined;
}

const KIND_WORDS: Partial<Record<GraphNode['kind'], string>> = {
  role: 'role',
  user: 'IAM user',
  group: 'IAM group',
  service: 'service',
  'oidc-provider': 'OIDC provider',
  'saml-provider': 'SAML provider',
  'sso-group': 'Identity Center group',
  'sso-user': 'Identity Center user',
  'permission-set': 'permission set',
};

/** `role ci`, `IAM user alice`, `Identity Center group admins`. */
export function nodeWithKind(node: GraphNode): string {
  return `${KIND_WORDS[node.kind] ?? node.kind} ${node.label}`;
}

/** `role ci of account 444444444444 (dev)`, `account 999988887777`, `any AWS principal`. */
export function describeCaller(node: GraphNode, queries: GraphQueries): string {
  if (node.kind === 'anyone') return 'any AWS principal';
  if (node.kind === 'account' || node.kind === 'external-account') return `account ${node.label}`;
  const account = accountNodeOf(node, queries);
  return `${nodeWithKind(node)}${account ? ` of account ${account.label}` : ''}`;
}

/** Whether the node is admin-equivalent: a role or permission set that allows everything. */
export function isAdminNode(node: GraphNode | undefined): boolean {
  return node?.adminEquivalent === true && (node.kind === 'role' || node.kind === 'permission-set');
}
