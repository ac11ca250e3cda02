import { CheckResult } from './check';

/** `file:line:col severity rule-id message`, one finding a line, then a summary. */
export function renderText(result: CheckResult): string {
  const lines = result.findings.map(
    (f) => `${f.file}:${f.start.line}:${f.start.column} ${f.severity} ${f.ruleId} ${f.message}`,
  );
  // Findings about the workspace as a whole, when there was no iam-atlas.json to place them on.
  for (const f of result.unlocated ?? []) lines.push(`(workspace) ${f.severity} ${f.ruleId} ${f.message}`);
  lines.push(summary(result));
  return lines.join('\n') + '\n';
}

export function summary(result: CheckResult): string {
  const all = [...result.findings, ...(result.unlocated ?? [])];
  const count = (severity: string): number => all.filter((f) => f.severity === severity).length;
  const files = new Set(result.findings.map((f) => f.file)).size + (result.unlocated?.length ? 1 : 0);
  const parts = [
    `${count('error')} ${plural(count('error'), 'error')}`,
    `${count('warning')} ${plural(count('warning'), 'warning')}`,
    `${count('info') + count('hint')} info`,
  ];
  const checked = `${result.policyFiles} policy ${plural(result.policyFiles, 'file')} of ${result.filesChecked} read`;
  if (all.length === 0) return `No problems found (${checked}).`;
  const where = result.unlocated?.length ? `${files - 1} ${plural(files - 1, 'file')} and the workspace` : `${files} ${plural(files, 'file')}`;
  return `${all.length} ${plural(all.length, 'problem')} (${parts.join(', ')}) in ${where}; ${checked}.`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
