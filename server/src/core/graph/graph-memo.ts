/**
 * What one build of a workspace's trust graph keeps for the next, so a change to one file costs in
 * proportion to what it touches: each role's trust reading (trust-memo.ts), the scored edges
 * (risk.ts), each file's facts with Terraform account tokens resolved, and the order of the nodes
 * and edges. The graph built with a memo is the graph built without one.
 */
import { FileFacts } from './facts';
import { resolveAccountTokens } from './organization';
import { GraphSnapshot } from './graph-patch';
import { Principal, PrincipalIndex } from './principals';
import { GraphNode, SourceRef } from './types';
import { Span } from '../model';
import { principalNode } from './principal-node';
import { ScoreMemo } from './risk';
import { TrustMemo } from './trust-memo';

export class GraphMemo {
  readonly trust = new TrustMemo();
  readonly scores = new ScoreMemo();
  readonly nodeOrder = new IdOrder();
  readonly edgeOrder = new IdOrder();
  private resolved = new WeakMap<FileFacts, FileFacts>();
  private aliasesKey = '';
  private principalIndex?: PrincipalIndex;
  /**
   * Each principal's node as the build makes it before any trust is read. A principal that stays the
   * same object (PrincipalIndex.refresh) has the same definition, policies and so node.
   */
  private readonly principalNodes = new WeakMap<Principal, GraphNode>();
  /** The last graph, ready to be patched (graph-patch.ts). */
  snapshot?: GraphSnapshot;
  readonly builds = { patched: 0, built: 0 };

  principalNode(principal: Principal, principals: PrincipalIndex, ref: (uri: string, span: Span) => SourceRef): GraphNode {
    let node = this.principalNodes.get(principal);
    if (!node) this.principalNodes.set(principal, (node = principalNode(principal, principals, ref)));
    return node;
  }

  usePrincipals(principals: PrincipalIndex): void {
    this.principalIndex = principals;
  }

  /** The principals of the last graph built. */
  get lastPrincipals(): PrincipalIndex | undefined {
    return this.principalIndex;
  }

  /** The principals of these facts: last build's index refreshed when only policies changed, else a new one. */
  principals(facts: readonly FileFacts[]): PrincipalIndex {
    this.principalIndex = this.principalIndex?.refresh(facts) ?? new PrincipalIndex(facts);
    return this.principalIndex;
  }

  /** As `resolveAccountTokens`, reusing each file's result while the file and the aliases are the same. */
  resolve(facts: readonly FileFacts[], aliases: ReadonlyMap<string, string>): FileFacts[] {
    if (aliases.size === 0) return [...facts];
    const key = JSON.stringify([...aliases]);
    if (key !== this.aliasesKey) {
      this.aliasesKey = key;
      this.resolved = new WeakMap();
    }
    return facts.map((file) => {
      let resolved = this.resolved.get(file);
      if (!resolved) this.resolved.set(file, (resolved = resolveAccountTokens([file], aliases)[0]!));
      return resolved;
    });
  }
}

/**
 * Items in code-unit order of their ids. A graph changes little between builds: the ids the last
 * build had keep their order, and only new ids are sorted and merged in.
 */
export class IdOrder {
  private ids: string[] = [];
  private readonly known = new Set<string>();

  sort<T extends { readonly id: string }>(items: readonly T[]): T[] {
    if (items.length === this.ids.length && this.ids.length > 0) {
      // The same ids as last time (the usual case after an edit): their order is known.
      const current = new Map<string, T>();
      for (const item of items) current.set(item.id, item);
      const sorted: T[] = [];
      for (const id of this.ids) {
        const item = current.get(id);
        if (!item) break;
        sorted.push(item);
      }
      if (sorted.length === items.length) return sorted;
    }
    const current = new Map<string, T>();
    const fresh: T[] = [];
    for (const item of items) {
      current.set(item.id, item);
      if (!this.known.has(item.id)) fresh.push(item);
    }
    fresh.sort(byId);
    const sorted: T[] = [];
    let next = 0;
    for (const id of this.ids) {
      const item = current.get(id);
      if (!item) {
        this.known.delete(id);
        continue;
      }
      while (next < fresh.length && fresh[next]!.id < id) sorted.push(fresh[next++]!);
      sorted.push(item);
    }
    while (next < fresh.length) sorted.push(fresh[next++]!);
    for (const item of fresh) this.known.add(item.id);
    this.ids = sorted.map((item) => item.id);
    return sorted;
  }
}

/** Ids in code-unit order: stable and cheap (a locale-aware compare costs much more on large graphs). */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
