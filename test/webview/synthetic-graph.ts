/**
 * A made-up organisation of any size, for the webview tests (collapsed accounts) and for
 * benchmarks: `accounts` accounts, each with roles and a user, edges across them with every risk
 * level, an outside vendor, "anyone" and a GitHub OIDC provider. Deterministic: the same arguments
 * give the same graph.
 */
import type { EdgeKind, GraphEdge, GraphNode, RiskLevel, TrustGraph } from '../../server/src/core/graph/types';

export interface SyntheticOptions {
  readonly nodes: number;
  readonly edges: number;
  readonly accounts: number;
}

export function syntheticGraph({ nodes: nodeCount, edges: edgeCount, accounts }: SyntheticOptions): TrustGraph {
  let seed = 42;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const nodes: GraphNode[] = [];
  const environments = ['prod', 'staging', 'dev', 'shared'];
  for (let a = 0; a < accounts; a++) {
    const accountId = String(100000000000 + a);
    nodes.push({ id: `account:${accountId}`, kind: 'account', label: `account-${a} (${accountId})`, accountId, environment: environments[a % environments.length]! });
  }
  nodes.push({ id: 'account:999988887777', kind: 'external-account', label: 'Vendor (999988887777)', accountId: '999988887777' });
  nodes.push({ id: 'anyone', kind: 'anyone', label: 'Anyone (any AWS principal)' });
  nodes.push({ id: 'service:lambda.amazonaws.com', kind: 'service', label: 'lambda.amazonaws.com' });
  const principals: GraphNode[] = [];
  for (let i = 0; nodes.length + principals.length < nodeCount; i++) {
    const a = i % accounts;
    const accountId = String(100000000000 + a);
    const kind = i % 10 === 9 ? 'user' : 'role';
    const name = `${kind}-${i}`;
    principals.push({
      id: `${kind}:${accountId}:${name}`,
      kind,
      label: name,
      arn: `arn:aws:iam::${accountId}:${kind}/${name}`,
      accountId,
      parent: `account:${accountId}`,
      ...(kind === 'role' ? { adminEquivalent: i % 37 === 0 } : {}),
      source: { uri: `file:///org/accounts/${a}/roles/${name}-trust.json`, start: 0, end: 200, line: 1 },
    });
  }
  nodes.push(...principals);
  const roles = principals.filter((node) => node.kind === 'role');
  const risks: RiskLevel[] = ['none', 'none', 'none', 'low', 'medium', 'high'];
  const edges = new Map<string, GraphEdge>();
  const sources = [...principals, nodes.find((n) => n.kind === 'external-account')!, nodes.find((n) => n.kind === 'anyone')!];
  while (edges.size < edgeCount) {
    const from = sources[Math.floor(random() * sources.length)]!;
    const to = roles[Math.floor(random() * roles.length)]!;
    if (from.id === to.id) continue;
    const kind: EdgeKind = 'assume-role';
    const id = `${from.id}->${to.id}:${kind}`;
    if (edges.has(id)) continue;
    const risk = risks[Math.floor(random() * risks.length)]!;
    edges.set(id, {
      id,
      from: from.id,
      to: to.id,
      kind,
      actions: ['sts:AssumeRole'],
      conditions: random() < 0.2 ? [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-example'] }] : [],
      risk,
      reasons: risk === 'none' ? [] : [{ level: risk, message: `A ${risk} risk made up for the test.` }],
      source: { uri: to.source!.uri, start: 50, end: 180, line: 4 },
      basis: 'granted',
    });
  }
  return { nodes, edges: [...edges.values()], notes: [] };
}
