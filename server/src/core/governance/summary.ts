/**
 * The organisation report an access review asks for: the accounts with their roles and users, the
 * outside accounts trusted, the trust edges by risk (the risky ones listed), and which SCP guardrails
 * are in place. Plain data; the CLI renders it as text or JSON.
 */
import { RISK_RANK, RiskLevel, SourceRef } from '../graph/types';
import { WorkspaceContext } from '../rules/workspace-context';
import { describesOrganisation, guardrailStatuses } from './guardrails';

export interface AccountSummary {
  /** The account id; absent for an account Terraform creates whose id is not known yet. */
  readonly id?: string;
  /** The account's name, from iam-atlas.json or Terraform. */
  readonly name?: string;
  readonly environment?: string;
  readonly roles: number;
  readonly adminRoles: number;
  readonly users: number;
  /** Identity Center permission sets assigned in the account. */
  readonly permissionSets: number;
}

export interface EdgeSummary {
  readonly from: string;
  readonly to: string;
  readonly risk: RiskLevel;
  readonly reasons: readonly string[];
  readonly source?: SourceRef;
}

export interface GuardrailSummary {
  readonly id: string;
  readonly title: string;
  readonly present: boolean;
  /** The files (uris) of the attached SCPs that provide it. */
  readonly sources: readonly string[];
}

export interface OrganizationSummary {
  readonly organizationId?: string;
  readonly accounts: readonly AccountSummary[];
  /** Accounts outside the organisation that some trust policy names. */
  readonly outsideAccounts: readonly string[];
  readonly roles: number;
  readonly adminRoles: number;
  readonly users: number;
  readonly permissionSets: number;
  /** Roles and users whose account is not known (no `paths` or provider places them). */
  readonly unplaced: number;
  readonly edges: { readonly total: number; readonly byRisk: Readonly<Record<RiskLevel, number>> };
  /** High and medium edges, riskiest first. */
  readonly riskyEdges: readonly EdgeSummary[];
  /** Absent when the workspace does not describe an organisation (no accounts, no Terraform organisation). */
  readonly guardrails?: readonly GuardrailSummary[];
}

export function organizationSummary(workspace: WorkspaceContext): OrganizationSummary {
  const { graph, queries } = workspace;
  // `deploy in prod`: the same role name may stand in several accounts.
  const label = (id: string): string => {
    const node = queries.node(id);
    if (!node) return id;
    const account = node.parent ? queries.node(node.parent) : undefined;
    if (!account) return node.label;
    return `${node.label} in ${nameOf(account.label, account.accountId).name ?? account.accountId ?? account.label}`;
  };
  const counts = new Map<string, number>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const key = `${node.parent}|${node.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (node.adminEquivalent) counts.set(`${key}|admin`, (counts.get(`${key}|admin`) ?? 0) + 1);
  }
  const inAccount = (accountId: string, kind: string, admin = false): number => counts.get(`${accountId}|${kind}${admin ? '|admin' : ''}`) ?? 0;
  const accounts = graph.nodes
    .filter((node) => node.kind === 'account')
    .map((node) => ({
      ...(node.accountId ? { id: node.accountId } : {}),
      ...nameOf(node.label, node.accountId),
      ...(node.environment ? { environment: node.environment } : {}),
      roles: inAccount(node.id, 'role'),
      adminRoles: inAccount(node.id, 'role', true),
      users: inAccount(node.id, 'user'),
      permissionSets: inAccount(node.id, 'permission-set'),
    }))
    .sort((a, b) => (a.id ?? '~' + (a.name ?? '')).localeCompare(b.id ?? '~' + (b.name ?? '')));
  const count = (kind: string): number => graph.nodes.filter((n) => n.kind === kind).length;
  const byRisk: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0, none: 0 };
  for (const edge of graph.edges) byRisk[edge.risk]++;
  const riskyEdges = graph.edges
    .filter((edge) => edge.risk === 'high' || edge.risk === 'medium')
    .map((edge) => ({
      from: label(edge.from),
      to: label(edge.to),
      risk: edge.risk,
      reasons: edge.reasons.filter((r) => r.level === edge.risk).map((r) => r.message),
      ...(edge.source ? { source: edge.source } : {}),
    }))
    .sort((a, b) => RISK_RANK[b.risk] - RISK_RANK[a.risk] || a.to.localeCompare(b.to) || a.from.localeCompare(b.from));
  const guardrails = guardrailSummary(workspace);
  return {
    ...(workspace.config.organizationId ? { organizationId: workspace.config.organizationId } : {}),
    accounts,
    outsideAccounts: graph.nodes.filter((n) => n.kind === 'external-account').map((n) => n.label).sort(),
    roles: count('role'),
    adminRoles: graph.nodes.filter((n) => n.kind === 'role' && n.adminEquivalent).length,
    users: count('user'),
    permissionSets: count('permission-set'),
    unplaced: graph.nodes.filter((n) => (n.kind === 'role' || n.kind === 'user') && !n.parent).length,
    edges: { total: graph.edges.length, byRisk },
    riskyEdges,
    ...(guardrails ? { guardrails } : {}),
  };
}

/** An account node's label is `name (id)`, the name alone, or the id alone. */
function nameOf(label: string, id: string | undefined): { name?: string } {
  if (!id) return { name: label };
  if (label === id) return {};
  return { name: label.endsWith(` (${id})`) ? label.slice(0, -(id.length + 3)) : label };
}

/** The SCP guardrails, present or missing; undefined when the workspace does not describe an organisation. */
export function guardrailSummary(workspace: WorkspaceContext): GuardrailSummary[] | undefined {
  if (!describesOrganisation(workspace)) return undefined;
  return guardrailStatuses(workspace).map((status) => ({
    id: status.guardrail.id,
    title: status.guardrail.title,
    present: status.present,
    sources: [...new Set(status.sources.map((place) => place.uri))],
  }));
}
