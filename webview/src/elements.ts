/**
 * The trust graph as Cytoscape elements: accounts become boxes holding their principals; nodes
 * outside any account go into areas of their own (outside the organisation, AWS services, Identity
 * Center, identity providers). A collapsed account is one summary node, its edges merged.
 * Pure: no DOM, no Cytoscape runtime; unit-tested in node.
 */
import type { ElementDefinition } from 'cytoscape';
import { EdgeKind, GraphEdge, GraphNode, NodeKind, RISK_RANK, RiskLevel, TrustGraph } from '../../server/src/core/graph/types';

export type AreaId = 'area:outside' | 'area:services' | 'area:identity-center' | 'area:providers' | 'area:other';

export const AREA_LABELS: Readonly<Record<AreaId, string>> = {
  'area:outside': 'Outside the organisation',
  'area:services': 'AWS services',
  'area:identity-center': 'IAM Identity Center',
  'area:providers': 'Identity providers',
  'area:other': 'Not in a known account',
};

/** Above this many elements (nodes + edges), accounts start collapsed. */
export const DEFAULT_COLLAPSE_ABOVE = 2000;

export type ElementKind = NodeKind | 'area' | 'summary';

export interface NodeElementData {
  readonly id: string;
  readonly label: string;
  readonly kind: ElementKind;
  readonly parent?: string;
  /** The graph nodes this element stands for: itself, or an account and everything in it. */
  readonly members: readonly string[];
}

export interface EdgeElementData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly risk: RiskLevel;
  readonly kinds: readonly EdgeKind[];
  /** The graph edges this element stands for: itself, or every edge merged into a summary edge. */
  readonly members: readonly string[];
  readonly label: string;
}

export interface NodeElement extends ElementDefinition {
  readonly group: 'nodes';
  readonly data: NodeElementData;
  readonly classes: string;
}

export interface EdgeElement extends ElementDefinition {
  readonly group: 'edges';
  readonly data: EdgeElementData;
  readonly classes: string;
}

export interface GraphElements {
  readonly nodes: readonly NodeElement[];
  readonly edges: readonly EdgeElement[];
}

/** The area a node without an account goes in. */
export function areaOf(kind: NodeKind): AreaId {
  switch (kind) {
    case 'anyone':
    case 'external-account':
      return 'area:outside';
    case 'service':
      return 'area:services';
    case 'sso-group':
    case 'sso-user':
      return 'area:identity-center';
    case 'oidc-provider':
    case 'saml-provider':
      return 'area:providers';
    default:
      return 'area:other';
  }
}

/** Accounts (and outside accounts) that hold nodes, so can be collapsed. */
export function collapsibleAccounts(graph: TrustGraph): Set<string> {
  const ids = new Set(graph.nodes.map((node) => node.id));
  return new Set(graph.nodes.flatMap((node) => (node.parent && ids.has(node.parent) ? [node.parent] : [])));
}

/** The accounts to collapse when a graph is first drawn: all of them, if it is too large to draw whole. */
export function initiallyCollapsed(graph: TrustGraph, collapseAbove = DEFAULT_COLLAPSE_ABOVE): Set<string> {
  return graph.nodes.length + graph.edges.length > collapseAbove ? collapsibleAccounts(graph) : new Set();
}

export function graphElements(graph: TrustGraph, collapsed: ReadonlySet<string> = new Set()): GraphElements {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const hasParent = (node: GraphNode): node is GraphNode & { parent: string } => node.parent !== undefined && byId.has(node.parent);
  const children = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) if (hasParent(node)) push(children, node.parent, node);

  /** The element a graph node is drawn as: itself, or its collapsed account. */
  const shownAs = (node: GraphNode): string => (hasParent(node) && collapsed.has(node.parent) ? node.parent : node.id);

  const areas = new Map<AreaId, string[]>();
  const containers: NodeElement[] = [];
  const leaves: NodeElement[] = [];
  for (const node of graph.nodes) {
    if (shownAs(node) !== node.id) continue;
    const inside = children.get(node.id);
    const parent = hasParent(node) ? node.parent : node.kind === 'account' ? undefined : areaOf(node.kind);
    if (parent?.startsWith('area:')) push(areas, parent as AreaId, node.id);
    const classes = nodeClasses(node, inside !== undefined, collapsed.has(node.id));
    if (inside && collapsed.has(node.id)) {
      const members = [node.id, ...inside.map((child) => child.id)];
      const memberSet = new Set(members);
      const internal = graph.edges.filter((edge) => memberSet.has(edge.from) && memberSet.has(edge.to)).length;
      leaves.push(nodeElement({ id: node.id, label: summaryLabel(node, inside, internal), kind: 'summary', parent, members }, classes));
    } else {
      const element = nodeElement({ id: node.id, label: nodeLabel(node), kind: node.kind, parent, members: [node.id] }, classes);
      (inside || node.kind === 'account' ? containers : leaves).push(element);
    }
  }
  const areaElements = [...areas.keys()]
    .sort()
    .map((area) => nodeElement({ id: area, label: AREA_LABELS[area], kind: 'area', members: [] }, 'area container'));

  return { nodes: [...areaElements, ...containers, ...leaves], edges: edgeElements(graph, byId, shownAs) };
}

function edgeElements(graph: TrustGraph, byId: ReadonlyMap<string, GraphNode>, shownAs: (node: GraphNode) => string): EdgeElement[] {
  const plain: EdgeElement[] = [];
  const merged = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) continue;
    const source = shownAs(from);
    const target = shownAs(to);
    if (source === edge.from && target === edge.to) {
      plain.push({
        group: 'edges',
        data: { id: edge.id, source, target, risk: edge.risk, kinds: [edge.kind], members: [edge.id], label: '' },
        classes: edgeClasses(edge.risk, [edge.kind], edge.conditions.length > 0, edge.basis === 'trust-only', false),
      });
    } else if (source !== target) {
      // Inside one collapsed account an edge has nowhere to go: the summary's label counts it.
      push(merged, `${source}\u0000${target}`, edge);
    }
  }
  const summaries = [...merged.entries()].map(([key, edges]): EdgeElement => {
    const [source, target] = key.split('\u0000') as [string, string];
    const risk = highestRisk(edges);
    const kinds = [...new Set(edges.map((edge) => edge.kind))].sort();
    const conditional = edges.every((edge) => edge.conditions.length > 0);
    const trustOnly = edges.every((edge) => edge.basis === 'trust-only');
    return {
      group: 'edges',
      data: { id: `summary:${source}->${target}`, source, target, risk, kinds, members: edges.map((edge) => edge.id), label: edges.length > 1 ? String(edges.length) : '' },
      classes: edgeClasses(risk, kinds, conditional, trustOnly, true),
    };
  });
  return [...plain, ...summaries];
}

export function highestRisk(edges: readonly { readonly risk: RiskLevel }[]): RiskLevel {
  return edges.reduce<RiskLevel>((risk, edge) => (RISK_RANK[edge.risk] > RISK_RANK[risk] ? edge.risk : risk), 'none');
}

/** The label of a node as drawn: an account box shows its name, id and environment. */
export function nodeLabel(node: GraphNode): string {
  if (node.kind !== 'account' && node.kind !== 'external-account') return node.label;
  const idShown = node.accountId && !node.label.includes(node.accountId) ? `${node.label} (${node.accountId})` : node.label;
  return node.environment ? `${idShown}\nenvironment: ${node.environment}` : idShown;
}

const KIND_NOUNS: Partial<Record<NodeKind, [string, string]>> = {
  role: ['role', 'roles'],
  user: ['user', 'users'],
  group: ['group', 'groups'],
  'permission-set': ['permission set', 'permission sets'],
  'oidc-provider': ['OIDC provider', 'OIDC providers'],
  'saml-provider': ['SAML provider', 'SAML providers'],
};

function summaryLabel(account: GraphNode, inside: readonly GraphNode[], internalEdges: number): string {
  const counts = new Map<NodeKind, number>();
  for (const node of inside) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  const parts = [...counts.entries()].map(([kind, count]) => {
    const [one, many] = KIND_NOUNS[kind] ?? [kind, `${kind}s`];
    return `${count} ${count === 1 ? one : many}`;
  });
  if (internalEdges) parts.push(`${internalEdges} inner edge${internalEdges === 1 ? '' : 's'}`);
  return `${nodeLabel(account)}\n${parts.join(' · ')}\n(collapsed: click to expand)`;
}

function nodeClasses(node: GraphNode, holdsNodes: boolean, collapsed: boolean): string {
  const classes = [`kind-${node.kind}`];
  // Style selectors go by class only: Cytoscape's :parent and :childless cost a walk per element.
  if (collapsed) classes.push('collapsed');
  else if (holdsNodes) classes.push('account-box', 'container');
  else if (node.kind === 'account') classes.push('account-box', 'empty-account');
  if (node.environment) classes.push(`env-${cssName(node.environment)}`);
  if (node.adminEquivalent) classes.push('admin');
  if (node.unresolved?.length) classes.push('unresolved');
  return classes.join(' ');
}

function edgeClasses(risk: RiskLevel, kinds: readonly EdgeKind[], conditional: boolean, trustOnly: boolean, summary: boolean): string {
  const classes = [`risk-${risk}`, ...kinds.map((kind) => `kind-${kind}`)];
  if (conditional) classes.push('conditional');
  if (trustOnly) classes.push('trust-only');
  if (summary) classes.push('summary');
  return classes.join(' ');
}

function nodeElement(data: NodeElementData, classes: string): NodeElement {
  return { group: 'nodes', data: data.parent === undefined ? omitParent(data) : data, classes };
}

function omitParent(data: NodeElementData): NodeElementData {
  const copy = { ...data };
  delete (copy as { parent?: string }).parent;
  return copy;
}

function cssName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
