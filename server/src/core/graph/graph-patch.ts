/**
 * Patching the last graph instead of building it again, for the usual edit: policies change, but the
 * principals, the accounts, the SCPs and RCPs, the identity providers and Identity Center stay. Only
 * the roles whose trust, or whose candidate callers' policies, changed are read again, and their
 * edges, notes and nodes swapped in; scores are worked out again where an edge, its ends or the
 * chain length before it changed.
 *
 * The patched graph is the graph a full build makes. Where that cannot be guaranteed cheaply (two
 * principals sharing a node, two readings writing different things to one node, files whose other
 * facts change), `patch` declines and the caller builds in full.
 */
import { WorkspaceConfig } from '../config';
import { Finding } from '../findings';
import { Span } from '../model';
import { FileFacts, OrgPolicyFact, ProviderFact } from './facts';
import { GraphBuilder, NodeInput, PendingEdge } from './graph-builder';
import { Principal, PrincipalIndex } from './principals';
import { ScoreMemo, hopsAlong } from './risk';
import { Recording, askedPositions, recordTrustAside } from './trust-memo';
import { GraphEdge, GraphNode, SourceRef, TrustGraph } from './types';

/** What one role's trust added to the graph, taken apart. */
export interface RoleSlot {
  readonly recording: Recording;
  readonly nodeId: string;
  /** Its edges as the builder keeps them: of two with one id, the first with the fewest conditions. */
  readonly edges: ReadonlyMap<string, PendingEdge>;
  readonly notes: readonly string[];
  readonly unresolved: readonly string[];
  /** The other nodes it makes: id → what it writes (`account` for an account node, else the node as JSON). */
  readonly nodes: ReadonlyMap<string, string>;
  readonly inputs: ReadonlyMap<string, NodeInput>;
  /** It writes two different things to one node. */
  readonly conflicting: boolean;
}

export function roleSlot(recording: Recording, nodeId: string): RoleSlot {
  const edges = new Map<string, PendingEdge>();
  const notes: string[] = [];
  const unresolved: string[] = [];
  const nodes = new Map<string, string>();
  const inputs = new Map<string, NodeInput>();
  let conflicting = false;
  const wrote = (id: string, what: string): void => {
    const before = nodes.get(id);
    if (before === undefined) nodes.set(id, what);
    else if (before !== what) conflicting = true;
  };
  for (const write of recording.writes) {
    switch (write.kind) {
      case 'edge': {
        const existing = edges.get(write.id);
        if (!existing || write.edge.conditions.length < existing.conditions.length) edges.set(write.id, write.edge);
        break;
      }
      case 'note':
        notes.push(write.text);
        break;
      case 'unresolved':
        if (write.nodeId === nodeId) unresolved.push(write.text);
        else conflicting = true;
        break;
      case 'account':
        wrote(`account:${write.id}`, 'account');
        break;
      case 'node':
        wrote(write.node.id, JSON.stringify(write.node));
        if (!inputs.has(write.node.id)) inputs.set(write.node.id, write.node);
        if (write.node.accountId) wrote(`account:${write.node.accountId}`, 'account');
        break;
    }
  }
  return { recording, nodeId, edges, notes, unresolved, nodes, inputs, conflicting };
}

/** The graph as the last build left it, ready to be patched. */
export interface GraphSnapshot {
  readonly config: WorkspaceConfig;
  facts: readonly FileFacts[];
  principals: PrincipalIndex;
  readonly aliases: ReadonlyMap<string, string>;
  readonly orgPolicies: readonly OrgPolicyFact[];
  readonly providers: ReadonlyMap<string, ProviderFact>;
  readonly builder: GraphBuilder;
  /** By principal place: the role's trust reading, if it is a role with trust. */
  readonly slots: (RoleSlot | undefined)[];
  /** Principal place → the places of the roles whose reading asked about it. */
  readonly dependents: Map<number, Set<number>>;
  /** Nodes made before any trust was read, and by Identity Center: no trust reading removes them. */
  readonly fixed: ReadonlySet<string>;
  /** Nodes trust readings make: what they write, and how many readings write it. */
  readonly made: Map<string, Made>;
  readonly scored: Map<string, GraphEdge>;
  /** Each node's edges out: edge id → the node it goes to. */
  readonly outgoing: Map<string, Map<string, string>>;
  hops: Map<string, number>;
  readonly ssoNotes: readonly string[];
  graph: TrustGraph;
}

/** Everything a snapshot is made from, as the full build has it. */
export interface SnapshotParts {
  readonly config: WorkspaceConfig;
  readonly facts: readonly FileFacts[];
  readonly principals: PrincipalIndex;
  readonly aliases: ReadonlyMap<string, string>;
  readonly orgPolicies: readonly OrgPolicyFact[];
  readonly providers: ReadonlyMap<string, ProviderFact>;
  readonly builder: GraphBuilder;
  readonly recordings: ReadonlyMap<number, Recording>;
  readonly fixed: ReadonlySet<string>;
  readonly edges: readonly GraphEdge[];
  readonly hops: Map<string, number>;
  readonly ssoNotes: readonly string[];
  readonly graph: TrustGraph;
}

/** A snapshot of a full build, or undefined when this graph cannot be patched later. */
export function takeSnapshot(parts: SnapshotParts): GraphSnapshot | undefined {
  const { principals } = parts;
  const nodeIds = new Set<string>();
  for (const principal of principals.principals()) {
    if (nodeIds.has(principal.nodeId)) return undefined;
    nodeIds.add(principal.nodeId);
  }
  const slots: (RoleSlot | undefined)[] = [];
  const dependents = new Map<number, Set<number>>();
  const made = new Map<string, Made>();
  for (const [position, recording] of parts.recordings) {
    const slot = roleSlot(recording, principals.principals()[position]!.nodeId);
    if (slot.conflicting || !countMade(slot, 1, made, parts.fixed)) return undefined;
    slots[position] = slot;
    addDependents(dependents, position, askedPositions(recording, principals));
  }
  const scored = new Map<string, GraphEdge>();
  for (const edge of parts.edges) scored.set(edge.id, edge);
  const outgoing = new Map<string, Map<string, string>>();
  for (const [id, edge] of parts.builder.edges) addOutgoing(outgoing, id, edge);
  return { ...parts, slots, dependents, made, scored, outgoing };
}

function addOutgoing(outgoing: Map<string, Map<string, string>>, id: string, edge: PendingEdge): void {
  let edges = outgoing.get(edge.from);
  if (!edges) outgoing.set(edge.from, (edges = new Map()));
  edges.set(id, edge.to);
}

function addDependents(dependents: Map<number, Set<number>>, role: number, asked: readonly number[]): void {
  for (const position of asked) {
    let roles = dependents.get(position);
    if (!roles) dependents.set(position, (roles = new Set()));
    roles.add(role);
  }
}

interface Made {
  readonly what: string;
  readonly input?: NodeInput;
  count: number;
}

/** Counts a slot's nodes in (or out, with -1); false if it writes a fixed node, or differs from another writer. */
function countMade(slot: RoleSlot, by: 1 | -1, made: Map<string, Made>, fixed: ReadonlySet<string>): boolean {
  for (const [id, what] of slot.nodes) {
    if (fixed.has(id)) {
      if (what !== 'account') return false;
      continue;
    }
    const known = made.get(id);
    if (by === 1) {
      if (known && known.what !== what) return false;
      if (known) known.count++;
      else made.set(id, { what, ...(slot.inputs.has(id) ? { input: slot.inputs.get(id) } : {}), count: 1 });
    } else if (known) {
      known.count--;
    }
  }
  return true;
}

/** What a patch needs besides the snapshot: the new facts, and the index's views of its files. */
export interface PatchInput {
  readonly config: WorkspaceConfig;
  readonly facts: readonly FileFacts[];
  readonly findings: (uri: string) => readonly Finding[];
  readonly ref: (uri: string, span: Span) => SourceRef;
  readonly folderOf: (uri: string) => string;
  /** The facts with Terraform account tokens resolved (GraphMemo.resolve). */
  readonly resolve: (facts: readonly FileFacts[], aliases: ReadonlyMap<string, string>) => FileFacts[];
  /** A principal's node as the full build makes it before trust is read. */
  readonly principalNode: (principal: Principal, principals: PrincipalIndex) => GraphNode;
  readonly scores: ScoreMemo;
}

/** Files whose facts name no account, policy of the organisation, provider or Identity Center item. */
function onlyPrincipals(file: FileFacts): boolean {
  return (
    file.accounts.length === 0 &&
    file.orgPolicies.length === 0 &&
    file.providers.length === 0 &&
    file.permissionSets.length === 0 &&
    file.ssoGroups.length === 0 &&
    file.assignments.length === 0 &&
    !file.orgPolicyAttachments?.length &&
    !file.units?.length &&
    !file.permissionSetPolicies?.length
  );
}

/** The graph for new facts, patched from the snapshot (which then holds it); undefined when only a full build will do. */
export function patchGraph(snapshot: GraphSnapshot, input: PatchInput): TrustGraph | undefined {
  if (input.config !== snapshot.config || input.facts.length !== snapshot.facts.length) return undefined;
  for (let index = 0; index < input.facts.length; index++) {
    const before = snapshot.facts[index]!;
    const after = input.facts[index]!;
    if (before !== after && (!onlyPrincipals(before) || !onlyPrincipals(after))) return undefined;
  }
  const principals = snapshot.principals.refresh(input.resolve(input.facts, snapshot.aliases));
  if (!principals || !principals.sameStructure(snapshot.principals)) return undefined;
  const before = snapshot.principals.principals();
  const after = principals.principals();
  const changed: number[] = [];
  for (let position = 0; position < after.length; position++) if (after[position] !== before[position]) changed.push(position);

  // The roles to read again: those changed themselves, and those that asked about a changed principal.
  const dirty = new Set<number>();
  for (const position of changed) {
    if (after[position]!.kind === 'role') dirty.add(position);
    for (const role of snapshot.dependents.get(position) ?? []) dirty.add(role);
  }
  const { builder, providers } = snapshot;
  const context = {
    builder,
    principals,
    orgPolicies: snapshot.orgPolicies,
    ref: input.ref,
    findings: input.findings,
    folderOf: input.folderOf,
    providerByAddress: (address: string) => providers.get(address),
  };
  const renewed = new Map<number, RoleSlot | undefined>();
  for (const position of [...dirty].sort((a, b) => a - b)) {
    const role = after[position]!;
    const trust = role.kind === 'role' ? role.role?.trust : undefined;
    if (!trust) {
      renewed.set(position, undefined);
      continue;
    }
    const recording = recordTrustAside(role, trust, context, builder, principals);
    const slot = roleSlot(recording, role.nodeId);
    if (slot.conflicting) return undefined;
    renewed.set(position, slot);
  }
  // Every node a new reading writes must read as its other writers write it.
  const trial = new Map<string, string>();
  for (const slot of renewed.values()) {
    for (const [id, what] of slot?.nodes ?? []) {
      if (snapshot.fixed.has(id)) {
        if (what !== 'account') return undefined;
        continue;
      }
      const known = trial.get(id) ?? snapshot.made.get(id)?.what;
      if (known !== undefined && known !== what) return undefined;
      trial.set(id, what);
    }
  }

  // From here on the snapshot is changed: nothing declines any more.
  const changedNodes = new Set<string>();
  const changedEdges = new Set<string>();
  for (const [position, slot] of renewed) {
    const old = snapshot.slots[position];
    if (old) {
      for (const [id, edge] of old.edges) {
        builder.edges.delete(id);
        snapshot.outgoing.get(edge.from)?.delete(id);
        changedEdges.add(id);
      }
      countMade(old, -1, snapshot.made, snapshot.fixed);
      for (const id of old.nodes.keys()) changedNodes.add(id);
      for (const asked of askedPositions(old.recording, snapshot.principals)) snapshot.dependents.get(asked)?.delete(position);
    }
    if (slot) {
      for (const [id, edge] of slot.edges) {
        builder.edges.set(id, edge);
        addOutgoing(snapshot.outgoing, id, edge);
        changedEdges.add(id);
      }
      countMade(slot, 1, snapshot.made, snapshot.fixed);
      for (const id of slot.nodes.keys()) changedNodes.add(id);
      addDependents(snapshot.dependents, position, askedPositions(slot.recording, principals));
    }
    snapshot.slots[position] = slot;
  }
  // Principal nodes: made again for changed principals and for roles whose unresolved principals changed.
  const renodes = new Set(changed);
  for (const position of renewed.keys()) renodes.add(position);
  for (const position of renodes) {
    const principal = after[position]!;
    const base = input.principalNode(principal, principals);
    const unresolved = snapshot.slots[position]?.unresolved ?? [];
    builder.nodes.set(principal.nodeId, unresolved.length ? { ...base, unresolved: [...unresolved] } : base);
    changedNodes.add(principal.nodeId);
  }
  // Nodes trust readings make: gone when no reading writes them any more, made when one starts to.
  const gone: string[] = [];
  const madeNow: Made[] = [];
  for (const id of changedNodes) {
    if (snapshot.fixed.has(id)) continue;
    const made = snapshot.made.get(id);
    if (!made || made.count <= 0) gone.push(id);
    else if (!builder.nodes.has(id)) madeNow.push(made);
  }
  for (const id of gone) {
    snapshot.made.delete(id);
    builder.nodes.delete(id);
  }
  for (const made of madeNow) {
    if (made.input) builder.node(made.input);
  }
  for (const id of changedNodes) {
    if (!snapshot.fixed.has(id) && snapshot.made.get(id)?.what === 'account' && !builder.nodes.has(id)) builder.account(id.slice('account:'.length));
  }
  builder.notes.length = 0;
  for (const slot of snapshot.slots) if (slot) builder.notes.push(...slot.notes);
  builder.notes.push(...snapshot.ssoNotes);

  // Scores: again where the edge, its ends, or the chain before it changed.
  const hops = hopsAlong(builder, (id) => snapshot.outgoing.get(id)?.values());
  const toScore = new Set<string>();
  for (const id of changedEdges) {
    if (builder.edges.has(id)) toScore.add(id);
    else snapshot.scored.delete(id);
  }
  const edgesOf = (nodeId: string): void => {
    for (const id of snapshot.outgoing.get(nodeId)?.keys() ?? []) toScore.add(id);
  };
  for (const id of changedNodes) edgesOf(id);
  for (const position of renodes) for (const id of snapshot.slots[position]?.edges.keys() ?? []) toScore.add(id);
  for (const [id, count] of hops) if (snapshot.hops.get(id) !== count) edgesOf(id);
  for (const id of snapshot.hops.keys()) if (!hops.has(id)) edgesOf(id);
  const rescored = new Set(changedEdges);
  for (const id of toScore) {
    const edge = builder.edges.get(id)!;
    const scored = input.scores.score(builder, edge, hops.get(edge.from) ?? 0);
    if (scored !== snapshot.scored.get(id)) rescored.add(id);
    snapshot.scored.set(id, scored);
  }
  snapshot.hops = hops;
  snapshot.facts = input.facts;
  snapshot.principals = principals;
  snapshot.graph = {
    nodes: patchSorted(snapshot.graph.nodes, changedNodes, (id) => builder.nodes.get(id)),
    edges: patchSorted(snapshot.graph.edges, rescored, (id) => snapshot.scored.get(id)),
    ...(input.config.organizationId ? { organizationId: input.config.organizationId } : {}),
    notes: [...builder.notes],
  };
  return snapshot.graph;
}

/** The sorted list with the items of `changed` ids as `current` has them now (gone, new or replaced). */
function patchSorted<T extends { readonly id: string }>(sorted: readonly T[], changed: ReadonlySet<string>, current: (id: string) => T | undefined): T[] {
  const result = sorted.slice();
  for (const id of changed) {
    const now = current(id);
    const at = indexOf(result, id);
    if (at >= 0) {
      if (now) result[at] = now;
      else result.splice(at, 1);
    } else if (now) {
      result.splice(-at - 1, 0, now);
    }
  }
  return result;
}

/** Where `id` is in the list sorted by id, or -(where it would go) - 1. */
function indexOf(sorted: readonly { readonly id: string }[], id: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!.id;
    if (at < id) low = middle + 1;
    else if (at > id) high = middle - 1;
    else return middle;
  }
  return -low - 1;
}
