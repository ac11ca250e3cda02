/** The trust graph as Graphviz DOT: accounts as clusters, edges styled by risk and by whether conditions apply. */
import { GraphNode, NodeKind, RiskLevel, TrustGraph } from '../core/graph/types';

const SHAPES: Record<NodeKind, string> = {
  account: 'box',
  'external-account': 'box',
  role: 'ellipse',
  user: 'house',
  group: 'folder',
  service: 'hexagon',
  'oidc-provider': 'cds',
  'saml-provider': 'cds',
  'sso-group': 'folder',
  'sso-user': 'house',
  'permission-set': 'component',
  anyone: 'doubleoctagon',
};

const EDGE_STYLE: Record<RiskLevel, string> = {
  high: 'color="#c62828", penwidth=3',
  medium: 'color="#ef6c00", penwidth=2',
  low: 'color="#1565c0"',
  none: 'color="#616161"',
};

export function renderDot(graph: TrustGraph): string {
  const lines = ['digraph trust {', '  rankdir=LR;', '  node [fontname="Helvetica"]; edge [fontname="Helvetica", fontsize=10];'];
  const children = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  const accounts = graph.nodes.filter((node) => node.kind === 'account' || node.kind === 'external-account');
  accounts.forEach((account, i) => {
    const members = children.get(account.id) ?? [];
    if (members.length === 0) {
      lines.push(`  ${nodeLine(account)}`);
      return;
    }
    lines.push(`  subgraph cluster_${i} {`, `    label=${quote(account.label + (account.environment ? ` [${account.environment}]` : ''))};`);
    lines.push(`    style=${account.kind === 'external-account' ? 'dashed' : 'rounded'};`);
    lines.push(`    ${quote(account.id)} [shape=point, style=invis];`);
    for (const member of members) lines.push(`    ${nodeLine(member)}`);
    lines.push('  }');
  });
  for (const node of graph.nodes) {
    if (!node.parent && node.kind !== 'account' && node.kind !== 'external-account') lines.push(`  ${nodeLine(node)}`);
  }
  for (const edge of graph.edges) {
    const style = [EDGE_STYLE[edge.risk], edge.conditions.length ? 'style=dashed' : 'style=solid', `label=${quote(edge.kind)}`];
    const tooltip = edge.reasons.map((r) => `${r.level}: ${r.message}`).join('\n');
    if (tooltip) style.push(`tooltip=${quote(tooltip)}`);
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [${style.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeLine(node: GraphNode): string {
  const attributes = [`label=${quote(node.label)}`, `shape=${SHAPES[node.kind]}`];
  if (node.adminEquivalent) attributes.push('peripheries=2');
  return `${quote(node.id)} [${attributes.join(', ')}];`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
