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

export function scoreEdges(builder: GraphBuilder, pending: readonly PendingEdge[]): GraphEdge[] {
  const hops = hopCounts(builder, pending);
  return pending.map((edge) => {
    const reasons = [...edge.reasons, ...graphReasons(builder, edge, hops.get(edge.from) ?? 0)];
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
  });
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
function hopCounts(builder: GraphBuilder, edges: readonly PendingEdge[]): Map<string, number> {
  const hops = new Map<string, number>();
  const queue: string[] = [];
  for (const node of builder.nodes.values()) {
    if (node.kind !== 'role' && node.kind !== 'permission-set') {
      hops.set(node.id, 0);
      queue.push(node.id);
    }
  }
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge.to);
    else outgoing.set(edge.from, [edge.to]);
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of outgoing.get(id) ?? []) {
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
