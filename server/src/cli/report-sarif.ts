/** SARIF 2.1.0, as code-scanning services read it: one run, every rule described, results located. */
import { pathToFileURL } from 'node:url';
import { Severity } from '../core/findings';
import { Rule } from '../core/rules/types';
import { packageVersion, ruleDocsUrl } from '../package-root';
import { CheckResult } from './check';
import { CliIo } from './io';
import { summaryData } from './report-summary';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function renderSarif(result: CheckResult, rules: readonly Rule[], cwd: string, io?: CliIo): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'IAM Atlas',
            version: packageVersion(),
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.summary },
              helpUri: ruleDocsUrl(rule.name),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { category: rule.category, policyKinds: rule.kinds },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
        results: [
          ...result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: 'SRCROOT' },
                region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
              },
            },
          ],
        })),
          // About the workspace as a whole, with no iam-atlas.json to place them on: SARIF allows a result without a location.
          ...(result.unlocated ?? []).map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
          })),
        ],
        ...(result.summary && io ? { properties: { organizationSummary: summaryData(result, io) } } : {}),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
