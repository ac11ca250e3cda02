import { packageVersion } from '../package-root';
import { CheckResult } from './check';

/** Machine-readable findings: positions are 1-based, as in the text output. */
export function renderJson(result: CheckResult): string {
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
  const count = (severity: string): number => result.findings.filter((f) => f.severity === severity).length;
  return (
    JSON.stringify(
      {
        tool: 'iam-atlas',
        version: packageVersion(),
        filesChecked: result.filesChecked,
        policyFiles: result.policyFiles,
        summary: { errors: count('error'), warnings: count('warning'), info: count('info') + count('hint') },
        findings,
      },
      null,
      2,
    ) + '\n'
  );
}
