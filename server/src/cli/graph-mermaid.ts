/** The trust graph as a Mermaid flowchart, for pasting into a pull request or a wiki page. */
import { GraphNode, TrustGraph } from '../core/graph/types';

export function renderMermaid(graph: TrustGraph): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  const children = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  for (const node of graph.nodes) {
    if (node.parent) continue;
    const members = children.get(node.id);
    if (members?.length) {
      lines.push(`  subgraph ${ids.get(node.id)}[${label(node.label + (node.environment ? ` · ${node.environment}` : ''))}]`);
      for (const member of members) lines.push(`    ${ids.get(member.id)}${shape(member)}`);
      lines.push('  end');
    } else {
      lines.push(`  ${ids.get(node.id)}${shape(node)}`);
    }
  }
  graph.edges.forEach((edge) => {
    const arrow = edge.conditions.length ? '-.->' : edge.risk === 'high' ? '==>' : '-->';
    lines.push(`  ${ids.get(edge.from)} ${arrow}|${label(`${edge.kind}${edge.risk !== 'none' ? ` · ${edge.risk}` : ''}`)}| ${ids.get(edge.to)}`);
  });
  const risky = graph.edges.map((edge, i) => [edge, i] as const).filter(([edge]) => edge.risk === 'high' || edge.risk === 'medium');
  for (const [edge, i] of risky) lines.push(`  linkStyle ${i} stroke:${edge.risk === 'high' ? '#c62828' : '#ef6c00'},stroke-width:${edge.risk === 'high' ? 3 : 2}px`);
  return lines.join('\n') + '\n';
}

function shape(node: GraphNode): string {
  const text = label(node.label + (node.adminEquivalent ? ' (admin)' : ''));
  switch (node.kind) {
    case 'role':
    case 'permission-set':
      return `(${text})`;
    case 'anyone':
      return `{{${text}}}`;
    case 'service':
    case 'oidc-provider':
    case 'saml-provider':
      return `[/${text}/]`;
    default:
      return `[${text}]`;
  }
}

/** Mermaid labels in double quotes; quotes inside become the HTML entity Mermaid accepts. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
