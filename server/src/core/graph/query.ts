/** Questions a reviewer asks of the trust graph: who can reach this role, and by which paths. */
import { isNonProd, isProd } from './environments';
import { GraphEdge, GraphNode, TrustGraph } from './types';

export interface GraphPath {
  /** Node ids from the start to the end. */
  readonly nodes: readonly string[];
  readonly edges: readonly GraphEdge[];
}

export class GraphQueries {
  private readonly incoming = new Map<string, GraphEdge[]>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly nodes = new Map<string, GraphNode>();

  constructor(readonly graph: TrustGraph) {
    for (const node of graph.nodes) this.nodes.set(node.id, node);
    for (const edge of graph.edges) {
      push(this.incoming, edge.to, edge);
      push(this.outgoing, edge.from, edge);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** A role by node id, ARN or name (the first match, ids first). */
  findRole(text: string): GraphNode | undefined {
    return (
      this.nodes.get(text) ??
      this.graph.nodes.find((n) => (n.kind === 'role' || n.kind === 'permission-set') && (n.arn === text || n.label === text))
    );
  }

  /** Every node that can reach `target`, each with its shortest path (start → … → target). */
  whoCanReach(target: string): GraphPath[] {
    return this.shortestPaths(target, 'backward').map((edges) => ({ nodes: [edges[0]!.from, ...edges.map((e) => e.to)], edges }));
  }

  /** Every node `start` can reach, each with its shortest path. */
  reachableFrom(start: string): GraphPath[] {
    return this.shortestPaths(start, 'forward').map((edges) => ({ nodes: [start, ...edges.map((e) => e.to)], edges }));
  }

  /**
   * Breadth-first from `origin`, along edges (forward) or against them (backward): for each node
   * reached, in the order reached, the edges of its shortest path, written in the edges' direction.
   */
  private shortestPaths(origin: string, direction: 'forward' | 'backward'): GraphEdge[][] {
    const forward = direction === 'forward';
    const links = forward ? this.outgoing : this.incoming;
    const via = new Map<string, GraphEdge>();
    const queue = [origin];
    const seen = new Set([origin]);
    for (let i = 0; i < queue.length; i++) {
      for (const edge of links.get(queue[i]!) ?? []) {
        const next = forward ? edge.to : edge.from;
        if (seen.has(next)) continue;
        seen.add(next);
        via.set(next, edge);
        queue.push(next);
      }
    }
    return queue.slice(1).map((reached) => {
      const edges: GraphEdge[] = [];
      for (let at = reached; at !== origin; ) {
        const edge = via.get(at)!;
        edges.push(edge);
        at = forward ? edge.from : edge.to;
      }
      return forward ? edges.reverse() : edges;
    });
  }

  /** Paths that start outside the organisation: from anyone, an outside account, or a principal in one. */
  pathsFromOutside(): GraphPath[] {
    const starts = this.graph.nodes.filter((n) => n.kind === 'anyone' || n.kind === 'external-account' || this.isInOutsideAccount(n));
    return starts.flatMap((n) => this.reachableFrom(n.id));
  }

  /** Paths from a principal of a non-prod account into a prod account. */
  nonProdToProdPaths(): GraphPath[] {
    const envOf = (node: GraphNode | undefined): string | undefined => (node?.parent ? this.nodes.get(node.parent)?.environment : node?.environment);
    const starts = this.graph.nodes.filter((n) => isNonProd(envOf(n)));
    return starts.flatMap((n) => this.reachableFrom(n.id).filter((path) => isProd(envOf(this.nodes.get(path.nodes[path.nodes.length - 1]!)))));
  }

  private isInOutsideAccount(node: GraphNode): boolean {
    return node.parent !== undefined && this.nodes.get(node.parent)?.kind === 'external-account';
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
