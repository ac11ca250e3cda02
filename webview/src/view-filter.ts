/**
 * What the toolbar leaves visible: filters hide, search narrows to the matches and their
 * neighbours, focus fades everything that is not on a path into one role. Works on graph ids; the
 * app maps them onto elements (a summary element stands for many). Pure; unit-tested in node.
 */
import { GraphQueries } from '../../server/src/core/graph/query';
import { EdgeKind, GraphEdge, RISK_RANK, RiskLevel, TrustGraph } from '../../server/src/core/graph/types';
import type { GraphElements } from './elements';

export interface GraphFilter {
  readonly search: string;
  readonly hiddenRisks: readonly RiskLevel[];
  readonly hiddenKinds: readonly EdgeKind[];
  /** Environments (from iam-atlas.json) whose accounts are hidden; '' stands for "none given". */
  readonly hiddenEnvironments: readonly string[];
  /** Account and outside-account node ids hidden with everything in them. */
  readonly hiddenAccounts: readonly string[];
  /** Only edges on a path that has a medium or high risk edge, and their nodes. */
  readonly onlyRisky: boolean;
  /** A node whose incoming paths stay lit; the rest is faded. */
  readonly focus?: string;
}

export const NO_FILTER: GraphFilter = { search: '', hiddenRisks: [], hiddenKinds: [], hiddenEnvironments: [], hiddenAccounts: [], onlyRisky: false };

export function withoutFocus(filter: GraphFilter): GraphFilter {
  const copy = { ...filter };
  delete (copy as { focus?: string }).focus;
  return copy;
}

export interface Visibility {
  readonly hiddenNodes: ReadonlySet<string>;
  readonly hiddenEdges: ReadonlySet<string>;
  /** Nodes and edges drawn faint: not on a path into the focused node. */
  readonly faded: ReadonlySet<string>;
  /** Nodes the search matched. */
  readonly matches: ReadonlySet<string>;
}

export function isRisky(edge: { readonly risk: RiskLevel }): boolean {
  return RISK_RANK[edge.risk] >= RISK_RANK.medium;
}

export function visibility(graph: TrustGraph, filter: GraphFilter): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const hiddenAccounts = new Set(filter.hiddenAccounts);
  const hiddenEnvironments = new Set(filter.hiddenEnvironments);
  for (const node of graph.nodes) {
    if (node.kind === 'account' && hiddenEnvironments.has(node.environment ?? '')) hiddenAccounts.add(node.id);
  }
  for (const node of graph.nodes) {
    if (hiddenAccounts.has(node.id) || (node.parent !== undefined && hiddenAccounts.has(node.parent))) hiddenNodes.add(node.id);
  }
  const hiddenRisks = new Set(filter.hiddenRisks);
  const hiddenKinds = new Set(filter.hiddenKinds);
  for (const edge of graph.edges) {
    if (hiddenRisks.has(edge.risk) || hiddenKinds.has(edge.kind) || hiddenNodes.has(edge.from) || hiddenNodes.has(edge.to)) hiddenEdges.add(edge.id);
  }
  if (filter.onlyRisky) keepRiskyPaths(graph, hiddenNodes, hiddenEdges);
  const matches = filter.search.trim() ? searchMatches(graph, filter.search) : new Set<string>();
  if (filter.search.trim()) keepMatches(graph, matches, hiddenNodes, hiddenEdges);
  const faded = filter.focus !== undefined && graph.nodes.some((node) => node.id === filter.focus) ? fadedOutside(graph, filter.focus) : new Set<string>();
  return { hiddenNodes, hiddenEdges, faded, matches };
}

/** Nodes whose name, ARN, id or account id holds the text (any case). */
export function searchMatches(graph: TrustGraph, text: string): Set<string> {
  const needle = text.trim().toLowerCase();
  return new Set(
    graph.nodes
      .filter((node) => [node.label, node.arn, node.id, node.accountId].some((value) => value?.toLowerCase().includes(needle)))
      .map((node) => node.id),
  );
}

/**
 * The focus on a role: the nodes that can reach it (GraphQueries.whoCanReach, as the code lens and
 * "Who Can Assume" count them), the role itself, and every edge between them that leads on to it.
 * Everything else is faded.
 */
export function fadedOutside(graph: TrustGraph, target: string): Set<string> {
  const reach = new Set(new GraphQueries(graph).whoCanReach(target).map((path) => path.nodes[0]!));
  const lit = new Set([...reach, target]);
  for (const edge of graph.edges) if (reach.has(edge.from) && lit.has(edge.to)) lit.add(edge.id);
  const faded = new Set<string>();
  for (const node of graph.nodes) if (!lit.has(node.id)) faded.add(node.id);
  for (const edge of graph.edges) if (!lit.has(edge.id)) faded.add(edge.id);
  return faded;
}

/** A path is risky when one of its edges is: keep the risky edges and every edge before or after one. */
function keepRiskyPaths(graph: TrustGraph, hiddenNodes: Set<string>, hiddenEdges: Set<string>): void {
  const shown = graph.edges.filter((edge) => !hiddenEdges.has(edge.id));
  const risky = shown.filter(isRisky);
  const upstream = closure(
    risky.map((edge) => edge.from),
    shown,
    (edge) => [edge.to, edge.from],
  );
  const downstream = closure(
    risky.map((edge) => edge.to),
    shown,
    (edge) => [edge.from, edge.to],
  );
  const onPath = new Set<string>();
  for (const edge of shown) {
    if (isRisky(edge) || upstream.has(edge.to) || downstream.has(edge.from)) {
      onPath.add(edge.from);
      onPath.add(edge.to);
    } else hiddenEdges.add(edge.id);
  }
  hideNodesNotIn(graph, onPath, hiddenNodes);
}

/** Every node reachable from `starts` along `shown` edges, walking from `step(edge)[0]` to `step(edge)[1]`. */
function closure(starts: readonly string[], shown: readonly GraphEdge[], step: (edge: GraphEdge) => [string, string]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of shown) {
    const [from, to] = step(edge);
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const seen = new Set(starts);
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    for (const to of next.get(queue[i]!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** The matches stay, with their edges and the nodes at the other ends; an account that matches keeps what it holds. */
function keepMatches(graph: TrustGraph, matches: ReadonlySet<string>, hiddenNodes: Set<string>, hiddenEdges: Set<string>): void {
  const keep = new Set(matches);
  for (const node of graph.nodes) if (node.parent !== undefined && matches.has(node.parent)) keep.add(node.id);
  for (const edge of graph.edges) {
    if (hiddenEdges.has(edge.id)) continue;
    if (keep.has(edge.from) || keep.has(edge.to)) {
      keep.add(edge.from);
      keep.add(edge.to);
    } else hiddenEdges.add(edge.id);
  }
  hideNodesNotIn(graph, keep, hiddenNodes);
  for (const edge of graph.edges) if (hiddenNodes.has(edge.from) || hiddenNodes.has(edge.to)) hiddenEdges.add(edge.id);
}

/** Hides the nodes not kept; an account stays while it holds a kept node. */
function hideNodesNotIn(graph: TrustGraph, keep: ReadonlySet<string>, hiddenNodes: Set<string>): void {
  const holding = new Set(graph.nodes.filter((node) => keep.has(node.id) && node.parent !== undefined).map((node) => node.parent!));
  for (const node of graph.nodes) if (!keep.has(node.id) && !holding.has(node.id)) hiddenNodes.add(node.id);
}

/** Element ids hidden, faded and matched, from the graph-level answer: an element stands for its members. */
export interface ElementVisibility {
  readonly hidden: ReadonlySet<string>;
  readonly faded: ReadonlySet<string>;
  readonly matched: ReadonlySet<string>;
}

export function elementVisibility(elements: GraphElements, view: Visibility): ElementVisibility {
  const hidden = new Set<string>();
  const faded = new Set<string>();
  const matched = new Set<string>();
  const all = (members: readonly string[], set: ReadonlySet<string>): boolean => members.length > 0 && members.every((id) => set.has(id));
  const withShownEdge = new Set<string>();
  for (const { data } of elements.edges) {
    if (all(data.members, view.hiddenEdges)) {
      hidden.add(data.id);
      continue;
    }
    withShownEdge.add(data.source).add(data.target);
    if (all(data.members, view.faded)) faded.add(data.id);
  }
  const containers = new Set(elements.nodes.flatMap(({ data }) => (data.parent === undefined ? [] : [data.parent])));
  /** Containers holding at least one shown child, and those holding a shown child that is not faded. */
  const holdsShown = new Set<string>();
  const holdsLit = new Set<string>();
  // Children come after their containers: walking backwards, a box knows what it holds when reached.
  for (const { data } of [...elements.nodes].reverse()) {
    const own = data.kind === 'summary' ? data.members : data.members.slice(0, 1);
    const isHidden = containers.has(data.id)
      ? all(own, view.hiddenNodes) || (!holdsShown.has(data.id) && !withShownEdge.has(data.id))
      : all(own, view.hiddenNodes) || own.length === 0;
    if (isHidden) {
      hidden.add(data.id);
      continue;
    }
    const isFaded = (own.length === 0 || all(own, view.faded)) && !holdsLit.has(data.id);
    if (isFaded) faded.add(data.id);
    if (data.parent !== undefined) {
      holdsShown.add(data.parent);
      if (!isFaded) holdsLit.add(data.parent);
    }
    if (data.members.some((id) => view.matches.has(id))) matched.add(data.id);
  }
  return { hidden, faded, matched };
}
