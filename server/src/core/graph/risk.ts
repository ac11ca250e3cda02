/**
 * Risk per edge: the trust rules' findings on its statement (gathered while building) plus what
 * only the whole graph shows — the caller is anyone or outside the organisation, the edge crosses
 * from a non-prod into a prod account, it reaches an admin-equivalent role, it ends a long chain.
 */
import { isNonProd, isProd } from './environments';
import { GraphBuilder, PendingEdge } from './graph-builder';
import { EdgeCondition, GraphEdge, RISK_RANK, RiskLevel, RiskReason } from './types';

/** Condition keys that narrow who the caller can be. */
const BOUNDING_KEYS = [
  /^aws:principalorgid$/i,
  /^aws:principalorgpaths$/i,
  /^aws:principalaccount$/i,
  /^aws:principalarn$/i,
  /^aws:sourceaccount$/i,
  /^aws:sourcearn$/i,
  /^aws:sourceorgid$/i,
  /^aws:sourceorgpaths$/i,
  /^sts:externalid$/i,
];

/**
 * Whether a condition narrows the caller: a bounding key tested positively (not a Not… operator)
 * against values that are not a bare wildcard.
 */
export function isBounded(conditions: readonly EdgeCondition[]): boolean {
  return conditions.some(
    (c) => BOUNDING_KEYS.some((key) => key.test(c.key)) && !/Not/.test(c.operator) && c.values.length > 0 && !c.values.includes('*'),
  );
}

/** What an edge's score was worked out from, besides the edge itself and the epoch: what graphReasons reads. */
interface Scored {
  readonly hopsBefore: number;
  readonly fromKind: string | undefined;
  readonly fromAccount: string | undefined;
  readonly toKind: string | undefined;
  readonly toAccount: string | undefined;
  readonly toAdmin: boolean | undefined;
  readonly edge: GraphEdge;
}

/**
 * Scored edges kept between builds: an edge of the same trust statement, between nodes that read the
 * same and at the same distance from a starting point, scores the same. `epoch` stands for the
 * configuration and the accounts, which every score depends on.
 */
export class ScoreMemo {
  private epoch?: string;
  private scored = new WeakMap<PendingEdge, Scored>();

  begin(epoch: string): void {
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    this.scored = new WeakMap();
  }

  score(builder: GraphBuilder, edge: PendingEdge, hopsBefore: number): GraphEdge {
    const from = builder.nodes.get(edge.from);
    const to = builder.nodes.get(edge.to);
    const kept = this.scored.get(edge);
    if (
      kept &&
      kept.hopsBefore === hopsBefore &&
      kept.fromKind === from?.kind &&
      kept.fromAccount === from?.accountId &&
      kept.toKind === to?.kind &&
      kept.toAccount === to?.accountId &&
      kept.toAdmin === to?.adminEquivalent
    ) {
      return kept.edge;
    }
    const scored = scoreEdge(builder, edge, hopsBefore);
    this.scored.set(edge, {
      hopsBefore,
      fromKind: from?.kind,
      fromAccount: from?.accountId,
      toKind: to?.kind,
      toAccount: to?.accountId,
      toAdmin: to?.adminEquivalent,
      edge: scored,
    });
    return scored;
  }
}

export function scoreEdges(builder: GraphBuilder, pending: readonly PendingEdge[], memo?: ScoreMemo, hops = hopCounts(builder, pending)): GraphEdge[] {
  return pending.map((edge) => {
    const hopsBefore = hops.get(edge.from) ?? 0;
    return memo ? memo.score(builder, edge, hopsBefore) : scoreEdge(builder, edge, hopsBefore);
  });
}

function scoreEdge(builder: GraphBuilder, edge: PendingEdge, hopsBefore: number): GraphEdge {
  const reasons = [...edge.reasons, ...graphReasons(builder, edge, hopsBefore)];
  const risk = reasons.reduce<RiskLevel>((level, reason) => (RISK_RANK[reason.level] > RISK_RANK[level] ? reason.level : level), 'none');
  return {
    id: `${edge.from}->${edge.to}:${edge.kind}`,
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    actions: edge.actions,
    conditions: edge.conditions,
    risk,
    reasons: dedupe(reasons),
    basis: edge.basis,
    ...(edge.source ? { source: edge.source } : {}),
    ...(edge.grant ? { grant: edge.grant } : {}),
  };
}

function graphReasons(builder: GraphBuilder, edge: PendingEdge, hopsBefore: number): RiskReason[] {
  const reasons: RiskReason[] = [];
  const from = builder.nodes.get(edge.from);
  const to = builder.nodes.get(edge.to);
  if (!from || !to) return reasons;
  let crossesBoundary = false;

  if (from.kind === 'anyone') {
    crossesBoundary = true;
    reasons.push(
      isBounded(edge.conditions)
        ? { level: 'medium', message: 'Any AWS principal that meets the conditions can assume this role.' }
        : { level: 'high', message: 'Any AWS principal, in any account, can assume this role: nothing bounds the caller.' },
    );
  }
  const fromAccount = from.accountId;
  if (fromAccount && builder.knowsOrganisation() && !builder.isKnownAccount(fromAccount)) {
    crossesBoundary = true;
    const vendor = builder.config.trustedExternalAccounts?.find((a) => a.id === fromAccount);
    reasons.push(
      vendor
        ? { level: 'low', message: `Comes from ${vendor.name ?? 'a trusted external account'} (${fromAccount}), outside the organisation, trusted on purpose.` }
        : { level: 'medium', message: `Comes from account ${fromAccount}, outside the organisation.` },
    );
  }
  const fromEnv = builder.environmentOf(fromAccount);
  const toEnv = builder.environmentOf(to.accountId);
  if (isNonProd(fromEnv) && isProd(toEnv) && fromAccount !== to.accountId) {
    crossesBoundary = true;
    reasons.push({ level: 'medium', message: `Crosses from a ${fromEnv} account into a prod account.` });
  }
  if (to.adminEquivalent) {
    reasons.push({
      level: crossesBoundary ? 'high' : 'medium',
      message: crossesBoundary ? 'Reaches an admin-equivalent role from outside its trust boundary.' : 'Reaches an admin-equivalent role.',
    });
  }
  if (hopsBefore >= 2) {
    reasons.push({ level: 'low', message: `Ends a chain of ${hopsBefore + 1} hops: access through role chaining is hard to review.` });
  }
  return reasons;
}

/**
 * For each node, the fewest edges from a starting point (anything that is not a role or
 * permission set: users, services, providers, accounts, anyone) to reach it.
 */
export function hopCounts(builder: GraphBuilder, edges: readonly PendingEdge[]): Map<string, number> {
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge.to);
    else outgoing.set(edge.from, [edge.to]);
  }
  return hopsAlong(builder, (id) => outgoing.get(id));
}

/** As hopCounts, along edges given as: node → the nodes its edges go to. */
export function hopsAlong(builder: GraphBuilder, outgoing: (id: string) => Iterable<string> | undefined): Map<string, number> {
  const hops = new Map<string, number>();
  const queue: string[] = [];
  for (const node of builder.nodes.values()) {
    if (node.kind !== 'role' && node.kind !== 'permission-set') {
      hops.set(node.id, 0);
      queue.push(node.id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of outgoing(id) ?? []) {
      if (hops.has(next)) continue;
      hops.set(next, hops.get(id)! + 1);
      queue.push(next);
    }
  }
  return hops;
}

function dedupe(reasons: RiskReason[]): RiskReason[] {
  if (reasons.length < 2) return reasons;
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = `${reason.level}|${reason.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
