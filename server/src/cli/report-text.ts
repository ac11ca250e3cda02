import { CheckResult } from './check';

/** `file:line:col severity rule-id message`, one finding a line, then a summary. */
export function renderText(result: CheckResult): string {
  const lines = result.findings.map(
    (f) => `${f.file}:${f.start.line}:${f.start.column} ${f.severity} ${f.ruleId} ${f.message}`,
  );
  lines.push(summary(result));
  return lines.join('\n') + '\n';
}

export function summary(result: CheckResult): string {
  const count = (severity: string): number => result.findings.filter((f) => f.severity === severity).length;
  const files = new Set(result.findings.map((f) => f.file)).size;
  const parts = [
    `${count('error')} ${plural(count('error'), 'error')}`,
    `${count('warning')} ${plural(count('warning'), 'warning')}`,
    `${count('info') + count('hint')} info`,
  ];
  const checked = `${result.policyFiles} policy ${plural(result.policyFiles, 'file')} of ${result.filesChecked} read`;
  if (result.findings.length === 0) return `No problems found (${checked}).`;
  return `${result.findings.length} ${plural(result.findings.length, 'problem')} (${parts.join(', ')}) in ${files} ${plural(files, 'file')}; ${checked}.`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
