/**
 * The graph the panel shows: the data from the host, its elements for the current set of
 * collapsed accounts, which element draws each graph node and edge, and the counts the toolbar
 * and status line show. No DOM, no Cytoscape.
 */
import type { GraphEdge, GraphNode, TrustGraph } from '../../server/src/protocol';
import { GraphElements, collapsibleAccounts, graphElements } from './elements';
import type { ToolbarOptions } from './toolbar';
import { ElementVisibility, GraphFilter, isRisky } from './view-filter';

export class DrawnGraph {
  graph: TrustGraph = { nodes: [], edges: [], notes: [] };
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  elements: GraphElements = { nodes: [], edges: [] };
  /** Graph node or edge id → the element drawing it (itself, or a collapsed account's summary). */
  private elementOf = new Map<string, string>();

  take(graph: TrustGraph): void {
    this.graph = graph;
    this.nodes.clear();
    this.edges.clear();
    for (const node of graph.nodes) this.nodes.set(node.id, node);
    for (const edge of graph.edges) this.edges.set(edge.id, edge);
  }

  /** Builds the elements; collapsed ids that are no longer accounts with something in them are dropped. */
  build(collapsed: Set<string>): GraphElements {
    const accounts = collapsibleAccounts(this.graph);
    for (const id of collapsed) if (!accounts.has(id)) collapsed.delete(id);
    this.elements = graphElements(this.graph, collapsed);
    this.elementOf = new Map(
      [...this.elements.nodes, ...this.elements.edges].flatMap((element) => element.data.members.map((member): [string, string] => [member, element.data.id])),
    );
    return this.elements;
  }

  /** The element drawing a graph node or edge (an element id is its own answer). */
  elementFor(id: string): string | undefined {
    return this.elementOf.get(id);
  }

  /** The graph edges behind an edge element. */
  edgesOf(members: readonly string[]): GraphEdge[] {
    return members.flatMap((member) => this.edges.get(member) ?? []);
  }

  toolbarOptions(filter: GraphFilter, collapsed: number, matches: number): ToolbarOptions {
    const focus = filter.focus !== undefined ? this.nodes.get(filter.focus) : undefined;
    const nodes = this.graph.nodes;
    return {
      environments: [...new Set(nodes.filter((node) => node.kind === 'account').map((node) => node.environment ?? ''))].sort(),
      accounts: nodes.filter((node) => node.kind === 'account' || node.kind === 'external-account').map((node) => ({ id: node.id, label: node.label })),
      collapsible: collapsibleAccounts(this.graph).size,
      collapsed,
      notes: this.graph.notes.length,
      matches,
      ...(focus ? { focusLabel: focus.label } : {}),
    };
  }

  /** `16 nodes, 6 edges, 2 risky · showing 12 nodes and 6 edges · 12 files read in examples` */
  statusText(visible: ElementVisibility, files: { readonly fileCount: number; readonly folderName: string } | undefined): string {
    const shownNodes = this.elements.nodes.filter(({ data, classes }) => !visible.hidden.has(data.id) && !classes.includes('container')).length;
    const shownEdges = this.elements.edges.filter(({ data }) => !visible.hidden.has(data.id)).length;
    return [
      `${this.graph.nodes.length} nodes, ${this.graph.edges.length} edges, ${this.graph.edges.filter(isRisky).length} risky`,
      `showing ${shownNodes} nodes and ${shownEdges} edges`,
      files && files.fileCount > 0 ? `${files.fileCount} files read in ${files.folderName}` : '',
    ]
      .filter(Boolean)
      .join(' \u00b7 ');
  }
}
