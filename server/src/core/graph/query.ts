/** Questions a reviewer asks of the trust graph: who can reach this role, and by which paths. */
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
    const paths: GraphPath[] = [];
    const via = new Map<string, GraphEdge>();
    const queue = [target];
    const seen = new Set([target]);
    for (let i = 0; i < queue.length; i++) {
      for (const edge of this.incoming.get(queue[i]!) ?? []) {
        if (seen.has(edge.from)) continue;
        seen.add(edge.from);
        via.set(edge.from, edge);
        queue.push(edge.from);
      }
    }
    for (const start of queue.slice(1)) {
      const edges: GraphEdge[] = [];
      for (let at = start; at !== target; ) {
        const edge = via.get(at)!;
        edges.push(edge);
        at = edge.to;
      }
      paths.push({ nodes: [start, ...edges.map((e) => e.to)], edges });
    }
    return paths;
  }

  /** Every node `start` can reach, each with its shortest path. */
  reachableFrom(start: string): GraphPath[] {
    const via = new Map<string, GraphEdge>();
    const queue = [start];
    const seen = new Set([start]);
    for (let i = 0; i < queue.length; i++) {
      for (const edge of this.outgoing.get(queue[i]!) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
    return queue.slice(1).map((end) => {
      const edges: GraphEdge[] = [];
      for (let at = end; at !== start; ) {
        const edge = via.get(at)!;
        edges.unshift(edge);
        at = edge.from;
      }
      return { nodes: [start, ...edges.map((e) => e.to)], edges };
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
    const isProd = (env: string | undefined): boolean => env !== undefined && /^prod(uction)?$/i.test(env);
    const starts = this.graph.nodes.filter((n) => {
      const env = envOf(n);
      return env !== undefined && !isProd(env);
    });
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
