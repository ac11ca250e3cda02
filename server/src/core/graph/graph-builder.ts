/** Collects nodes and edges while the graph is built: one node per id, one edge per (from, to, kind). */
import { WorkspaceConfig } from '../config';
import { EdgeCondition, EdgeKind, GraphEdge, GraphNode, NodeKind, RiskReason, SourceRef } from './types';

export interface PendingEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  actions: string[];
  conditions: EdgeCondition[];
  source?: SourceRef;
  grant?: SourceRef;
  basis: GraphEdge['basis'];
  /** Reasons found while building (rule findings, a Deny that may apply); graph-level ones come later. */
  reasons: RiskReason[];
}

/** A node as a fact describes it: its account (when it has one) makes the parent. */
export type NodeInput = Omit<GraphNode, 'parent'> & { accountId?: string };

/**
 * What trust edges write and read while they are built. Everything they read is known before any
 * trust is read (the configuration, the accounts, the principals' nodes), so what one role's trust
 * writes depends only on its inputs: the trust memo (trust-memo.ts) can record it and write it again.
 */
export interface TrustBuilder {
  readonly config: WorkspaceConfig;
  isKnownAccount(id: string): boolean;
  knowsOrganisation(): boolean;
  /** The label of a node already made, for notes. */
  label(nodeId: string): string | undefined;
  account(id: string): string;
  node(node: NodeInput): string;
  simpleNode(id: string, kind: NodeKind, label: string, accountId?: string): string;
  addUnresolved(nodeId: string, text: string): void;
  edge(edge: PendingEdge): void;
  note(text: string): void;
}

export function edgeId(edge: Pick<PendingEdge, 'from' | 'to' | 'kind'>): string {
  return `${edge.from}->${edge.to}:${edge.kind}`;
}

export class GraphBuilder implements TrustBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, PendingEdge>();
  readonly notes: string[] = [];
  private readonly knownAccounts = new Map<string, { name?: string; environment?: string }>();

  constructor(readonly config: WorkspaceConfig) {
    for (const account of config.accounts ?? []) {
      this.knownAccounts.set(account.id, { name: account.name, environment: account.environment });
    }
  }

  /** Registers an account created by Terraform (its id, when the code holds it). */
  addKnownAccount(id: string, name?: string, environment?: string): void {
    const existing = this.knownAccounts.get(id);
    this.knownAccounts.set(id, { name: existing?.name ?? name, environment: existing?.environment ?? environment });
  }

  isKnownAccount(id: string): boolean {
    return this.knownAccounts.has(id);
  }

  /** Whether the configuration describes the organisation's accounts at all (else inside/outside is unknown). */
  knowsOrganisation(): boolean {
    return this.knownAccounts.size > 0;
  }

  environmentOf(accountId: string | undefined): string | undefined {
    return accountId ? this.knownAccounts.get(accountId)?.environment : undefined;
  }

  /** The account node for an id: inside the organisation when known, else an outside account. */
  account(id: string): string {
    const nodeId = `account:${id}`;
    if (!this.nodes.has(nodeId)) {
      const known = this.knownAccounts.get(id);
      const vendor = this.config.trustedExternalAccounts?.find((a) => a.id === id);
      const name = known?.name ?? vendor?.name;
      // Accounts Terraform creates have no id before they exist: their token is not shown.
      const shownId = id.startsWith('tf:') ? undefined : id;
      this.nodes.set(nodeId, {
        id: nodeId,
        kind: known ? 'account' : 'external-account',
        label: name ? (shownId ? `${name} (${shownId})` : name) : (shownId ?? id.replace(/^tf:(.*:)?aws_organizations_account\./, '')),
        ...(shownId ? { accountId: id } : {}),
        ...(known?.environment ? { environment: known.environment } : {}),
      });
    }
    return nodeId;
  }

  node(node: NodeInput): string {
    const existing = this.nodes.get(node.id);
    if (existing) {
      // A later fact may know more (a source location, admin equivalence): add what the node lacks,
      // copying it only when there is something to add (this runs once per trust candidate).
      let merged: Record<string, unknown> | undefined;
      for (const key in node) {
        const value = (node as Record<string, unknown>)[key];
        if (value !== undefined && (existing as unknown as Record<string, unknown>)[key] === undefined) (merged ??= { ...existing })[key] = value;
      }
      if (merged) this.nodes.set(node.id, merged as unknown as GraphNode);
      return node.id;
    }
    const parent = node.accountId ? this.account(node.accountId) : undefined;
    this.nodes.set(node.id, { ...node, ...(parent ? { parent } : {}) });
    return node.id;
  }

  simpleNode(id: string, kind: NodeKind, label: string, accountId?: string): string {
    return this.node({ id, kind, label, ...(accountId ? { accountId } : {}) });
  }

  label(nodeId: string): string | undefined {
    return this.nodes.get(nodeId)?.label;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  addUnresolved(nodeId: string, text: string): void {
    const node = this.nodes.get(nodeId);
    if (node) this.nodes.set(nodeId, { ...node, unresolved: [...(node.unresolved ?? []), text] });
  }

  /** Adds an edge; of two for the same pair and kind, the one with fewer conditions is kept. */
  edge(edge: PendingEdge, id = edgeId(edge)): void {
    const existing = this.edges.get(id);
    if (!existing || edge.conditions.length < existing.conditions.length) this.edges.set(id, edge);
  }
}
