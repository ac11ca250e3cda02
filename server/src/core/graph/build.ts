/** Builds the trust graph from the facts of every file of a workspace. */
import { WorkspaceConfig } from '../config';
import { Finding } from '../findings';
import { Span } from '../model';
import { FileFacts, ProviderFact } from './facts';
import { GraphBuilder } from './graph-builder';
import { accountAliases, attachedOrgPolicies, resolveAccountTokens } from './organization';
import { PrincipalIndex } from './principals';
import { isAdminEquivalent } from './principal-node';
import { GraphMemo, byId } from './graph-memo';
import { GraphSnapshot, patchGraph, takeSnapshot } from './graph-patch';
import { hopCounts, scoreEdges } from './risk';
import { addSsoEdges } from './sso-edges';
import { addTrustEdges, nodeFor } from './trust-edges';
import { Recording, objectId } from './trust-memo';
import { SourceRef, TrustGraph } from './types';

export interface GraphInput {
  readonly facts: readonly FileFacts[];
  readonly config: WorkspaceConfig;
  /** A file's findings (for the rule reasons of each trust statement). */
  readonly findings: (uri: string) => readonly Finding[];
  /** Turns a span of a file into a reference with its line. */
  readonly ref: (uri: string, span: Span) => SourceRef;
  /** The module folder of a file (relative to the workspace root), for Terraform references. */
  readonly folderOf?: (uri: string) => string;
  /**
   * What the previous build of the same workspace kept (GraphMemo): roles whose inputs did not change
   * are not read again. The graph is the same with or without it.
   */
  readonly memo?: GraphMemo;
}

export function buildGraph(input: GraphInput): TrustGraph {
  const { memo } = input;
  if (memo?.snapshot) {
    const patched = patch(memo, memo.snapshot, input);
    if (patched) {
      memo.builds.patched++;
      return patched;
    }
  }
  if (memo) memo.builds.built++;
  const builder = new GraphBuilder(input.config);
  const aliases = accountAliases(input.facts, input.config);
  const facts = memo ? memo.resolve(input.facts, aliases) : resolveAccountTokens(input.facts, aliases);
  for (const account of input.config.accounts ?? []) builder.account(account.id);
  const accountsRead: unknown[] = [];
  for (const file of facts) {
    for (const account of file.accounts) {
      const token = account.id ?? (account.address ? aliases.get(`tf:${account.address}`) ?? `tf:${account.address}` : undefined);
      if (!token) continue;
      accountsRead.push([token, account.name, account.environment]);
      builder.addKnownAccount(token, account.name, account.environment);
      const id = builder.account(token);
      builder.nodes.set(id, { ...builder.nodes.get(id)!, source: input.ref(account.uri, account.span) });
    }
  }

  const principals = memo ? memo.principals(facts) : new PrincipalIndex(facts);
  for (const principal of principals.principals()) {
    if (memo && !builder.nodes.has(principal.nodeId)) {
      // What nodeFor and the lines below make of a principal whose node is new.
      if (principal.accountId) builder.account(principal.accountId);
      builder.nodes.set(principal.nodeId, memo.principalNode(principal, principals, input.ref));
      continue;
    }
    const id = nodeFor(principal, builder);
    const definedAt = principal.definedAt;
    builder.nodes.set(id, {
      ...builder.nodes.get(id)!,
      adminEquivalent: isAdminEquivalent(principal, principals),
      ...(definedAt ? { source: input.ref(definedAt.uri, definedAt.span) } : {}),
    });
  }
  const fixed = memo ? new Set(builder.nodes.keys()) : undefined;

  const orgPolicies = attachedOrgPolicies(facts, aliases);
  const providers = new Map<string, ProviderFact>();
  for (const file of facts) for (const provider of file.providers) if (provider.address) providers.set(provider.address, provider);
  const context = {
    builder,
    principals,
    orgPolicies,
    ref: input.ref,
    findings: input.findings,
    folderOf: input.folderOf ?? (() => ''),
    providerByAddress: (address: string) => providers.get(address),
  };
  // What every role's edges and every score depend on besides their own inputs: when it changes, the memo starts afresh.
  const epoch = JSON.stringify([
    objectId(input.config),
    accountsRead,
    [...aliases],
    orgPolicies.map((policy) => [policy.kind, policy.uri, objectId(policy.document), policy.targets]),
  ]);
  const trustMemo = memo?.trust.begin(epoch, principals, context.providerByAddress);
  const recordings = new Map<number, Recording>();
  principals.principals().forEach((principal, position) => {
    const trust = principal.role?.trust;
    if (principal.kind !== 'role' || !trust) return;
    if (trustMemo) recordings.set(position, trustMemo.addTrustEdges(principal, trust, context, builder));
    else addTrustEdges(principal, trust, context);
  });
  trustMemo?.finish();
  const beforeSso = { nodes: new Set(builder.nodes.keys()), notes: builder.notes.length };
  addSsoEdges(builder, { ...input, facts });

  memo?.scores.begin(epoch);
  const pending = [...builder.edges.values()];
  const hops = hopCounts(builder, pending);
  const edges = scoreEdges(builder, pending, memo?.scores, hops);
  const nodes = [...builder.nodes.values()];
  const graph = {
    nodes: memo ? memo.nodeOrder.sort(nodes) : nodes.sort(byId),
    edges: memo ? memo.edgeOrder.sort(edges) : edges.sort(byId),
    ...(input.config.organizationId ? { organizationId: input.config.organizationId } : {}),
    notes: memo ? [...builder.notes] : builder.notes,
  };
  if (memo && fixed) {
    // Identity Center's nodes, and the accounts they sit in, stay whatever trust readings do.
    for (const [id, node] of builder.nodes) {
      if (beforeSso.nodes.has(id)) continue;
      fixed.add(id);
      if (node.parent) fixed.add(node.parent);
    }
    memo.snapshot = takeSnapshot({
      config: input.config,
      facts: input.facts,
      principals,
      aliases,
      orgPolicies,
      providers,
      builder,
      recordings,
      fixed,
      edges,
      hops,
      ssoNotes: builder.notes.slice(beforeSso.notes),
      graph,
    });
  }
  return graph;
}

/** The graph patched from the last build's snapshot, or undefined when it must be built in full. */
function patch(memo: GraphMemo, snapshot: GraphSnapshot, input: GraphInput): TrustGraph | undefined {
  memo.snapshot = undefined;
  const patched = patchGraph(snapshot, {
    config: input.config,
    facts: input.facts,
    findings: input.findings,
    ref: input.ref,
    folderOf: input.folderOf ?? (() => ''),
    resolve: (facts, aliases) => memo.resolve(facts, aliases),
    principalNode: (principal, principals) => memo.principalNode(principal, principals, input.ref),
    scores: memo.scores,
  });
  if (!patched) return undefined;
  // Kept only once the patch is whole: one that failed half-way leaves nothing to patch next time.
  memo.snapshot = snapshot;
  memo.usePrincipals(snapshot.principals);
  return patched;
}
