import { packageVersion } from '../package-root';
import { CheckResult } from './check';
import { CliIo } from './io';
import { summaryData } from './report-summary';

/** Machine-readable findings: positions are 1-based, as in the text output. */
export function renderJson(result: CheckResult, io?: CliIo): string {
  const findings = result.findings.map((f) => ({
    file: f.file,
    line: f.start.line,
    column: f.start.column,
    endLine: f.end.line,
    endColumn: f.end.column,
    severity: f.severity,
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    message: f.message,
    fixes: f.fixes.map((fix) => fix.title),
  }));
  // About the workspace as a whole: no file to place them in.
  const unlocated = (result.unlocated ?? []).map((f) => ({
    file: null,
    line: null,
    column: null,
    endLine: null,
    endColumn: null,
    severity: f.severity,
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    message: f.message,
    fixes: [],
  }));
  const all = [...result.findings, ...(result.unlocated ?? [])];
  const count = (severity: string): number => all.filter((f) => f.severity === severity).length;
  const counts = { errors: count('error'), warnings: count('warning'), info: count('info') + count('hint') };
  return (
    JSON.stringify(
      {
        tool: 'iam-atlas',
        version: packageVersion(),
        filesChecked: result.filesChecked,
        policyFiles: result.policyFiles,
        summary: result.summary && io ? { ...counts, ...summaryData(result, io) } : counts,
        findings: [...findings, ...unlocated],
      },
      null,
      2,
    ) + '\n'
  );
}
