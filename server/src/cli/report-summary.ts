/**
 * `iam-atlas check --summary`: the organisation report an access review asks for, as text, and the
 * same data for the `summary` object of the JSON report.
 */
import { SEVERITY_RANK } from '../core/findings';
import { CheckResult, relative } from './check';
import { CliIo } from './io';
import { plural, summary as countsLine } from './report-text';

const TOP_FINDINGS = 10;
const RISKY_EDGES_SHOWN = 20;

interface TopFinding {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly severity: string;
  readonly ruleId: string;
  readonly message: string;
}

/** The findings a reviewer reads first: the most severe, in report order within a severity. */
function topFindings(result: CheckResult): TopFinding[] {
  const located = result.findings.map((f) => ({ file: f.file, line: f.start.line, column: f.start.column, severity: f.severity, ruleId: f.ruleId, message: f.message }));
  const unlocated = (result.unlocated ?? []).map((f) => ({ file: null, line: null, column: null, severity: f.severity, ruleId: f.ruleId, message: f.message }));
  return [...located, ...unlocated]
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_RANK[b.finding.severity as keyof typeof SEVERITY_RANK] - SEVERITY_RANK[a.finding.severity as keyof typeof SEVERITY_RANK] || a.index - b.index)
    .slice(0, TOP_FINDINGS)
    .map(({ finding }) => finding);
}

/** The organisation report as plain data, paths relative to the current folder. */
export function summaryData(result: CheckResult, io: CliIo): Record<string, unknown> {
  const org = result.summary!;
  return {
    ...(org.organizationId ? { organizationId: org.organizationId } : {}),
    accounts: org.accounts,
    outsideAccounts: org.outsideAccounts,
    roles: org.roles,
    adminRoles: org.adminRoles,
    users: org.users,
    permissionSets: org.permissionSets,
    unplaced: org.unplaced,
    edges: { total: org.edges.total, ...org.edges.byRisk },
    riskyEdges: org.riskyEdges.map((edge) => ({
      risk: edge.risk,
      from: edge.from,
      to: edge.to,
      reasons: edge.reasons,
      ...(edge.source ? { file: relative(io, edge.source.uri), line: edge.source.line } : {}),
    })),
    ...(org.guardrails ? { guardrails: org.guardrails.map((g) => ({ ...g, sources: g.sources.map((uri) => relative(io, uri)) })) } : {}),
    topFindings: topFindings(result),
  };
}

export function renderSummaryText(result: CheckResult, io: CliIo): string {
  const org = result.summary!;
  const out: string[] = [];
  const heading = org.organizationId ? `Organisation ${org.organizationId}` : 'Organisation';
  out.push(
    `${heading}: ${org.accounts.length} ${plural(org.accounts.length, 'account')}, ${org.roles} ${plural(org.roles, 'role')} (${org.adminRoles} admin-equivalent), ${org.users} IAM ${plural(org.users, 'user')}, ${org.permissionSets} permission set ${plural(org.permissionSets, 'assignment')}`,
  );

  out.push('', 'Accounts');
  const rows = [
    ['account', 'name', 'environment', 'roles', 'admin', 'users', 'permission sets'],
    ...org.accounts.map((a) => [a.id ?? '(created by Terraform)', a.name ?? '', a.environment ?? '', `${a.roles}`, `${a.adminRoles}`, `${a.users}`, `${a.permissionSets}`]),
  ];
  out.push(...table(rows, [false, false, false, true, true, true, true]).map((line) => `  ${line}`));
  if (org.unplaced) out.push(`  ${org.unplaced} ${plural(org.unplaced, 'role or user', 'roles or users')} in no known account`);
  out.push(`  Outside the organisation: ${org.outsideAccounts.length ? org.outsideAccounts.join(', ') : 'none'}`);

  const { byRisk } = org.edges;
  out.push('', `Trust edges: ${org.edges.total} (${byRisk.high} high, ${byRisk.medium} medium, ${byRisk.low} low, ${byRisk.none} none)`);
  for (const edge of org.riskyEdges.slice(0, RISKY_EDGES_SHOWN)) {
    const where = edge.source ? `  ${relative(io, edge.source.uri)}:${edge.source.line}` : '';
    out.push(`  ${edge.risk.padEnd(6)}  ${edge.from} > ${edge.to}${where}`);
    for (const reason of edge.reasons) out.push(`          ${reason}`);
  }
  if (org.riskyEdges.length > RISKY_EDGES_SHOWN) out.push(`  … and ${org.riskyEdges.length - RISKY_EDGES_SHOWN} more (iam-atlas graph lists every edge)`);

  out.push('', 'Guardrails (SCPs)');
  if (!org.guardrails) out.push('  not checked: the workspace does not describe an organisation (accounts in iam-atlas.json, or Terraform that manages it)');
  for (const guardrail of org.guardrails ?? []) {
    const where = guardrail.sources.length ? `  ${guardrail.sources.map((uri) => relative(io, uri)).join(', ')}` : '';
    out.push(`  ${guardrail.present ? 'present' : 'missing'}  ${guardrail.title}${where}`);
  }

  const top = topFindings(result);
  out.push('', top.length ? `Top findings` : 'Findings: none');
  for (const f of top) out.push(`  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.file ? `${f.file}:${f.line}:${f.column}` : '(workspace)'}  ${f.message}`);
  out.push('', countsLine(result));
  return out.join('\n') + '\n';
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(rows: readonly (readonly string[])[], numeric: readonly boolean[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
}
