/**
 * Runs the workspace rules over the whole workspace: the second half of the analysis, after each
 * file's own (analyze.ts). Shared by the language server (when the workspace index changes) and the
 * CLI (once per check).
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { SeveritySetting } from './config';
import { Severity } from './findings';
import { Span } from './model';
import { RULES } from './rules';
import { Rule, WorkspaceReport, WorkspaceRule } from './rules/types';
import { WorkspaceContext } from './rules/workspace-context';

/** A finding of a workspace rule: in a file, or (no uri) about the workspace as a whole. */
export interface WorkspaceFinding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  readonly uri?: string;
  /** Present with `uri`. */
  readonly span?: Span;
  readonly related?: readonly { readonly uri: string; readonly span: Span; readonly message: string }[];
}

export interface WorkspaceAnalysisOptions {
  /** Rule name or id → severity or `off`; wins over the configuration file's `rules`. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run (the workspace ones among them); all registered rules by default. */
  readonly rules?: readonly Rule[];
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  /**
   * `iam-atlas.json`, when the workspace has one: findings about the workspace as a whole are
   * placed on it (on its `governance` key, else its first character), so editors and code-scanning
   * services can show them.
   */
  readonly configFile?: { readonly uri: string; readonly text: string };
}

export function analyzeWorkspace(workspace: WorkspaceContext, options: WorkspaceAnalysisOptions = {}): WorkspaceFinding[] {
  const config = workspace.config;
  const findings: WorkspaceFinding[] = [];
  const configAnchor = options.configFile ? { uri: options.configFile.uri, span: configFileAnchor(options.configFile.text) } : undefined;
  for (const rule of (options.rules ?? RULES).filter((r): r is WorkspaceRule => r.scope === 'workspace')) {
    const setting = options.severities?.[rule.name] ?? options.severities?.[rule.id] ?? config.rules?.[rule.name] ?? config.rules?.[rule.id];
    if (setting === 'off') continue;
    let reports: WorkspaceReport[];
    try {
      reports = rule.checkWorkspace(workspace);
    } catch (error) {
      options.onRuleError?.(rule, error);
      continue;
    }
    for (const report of reports) {
      const place = report.uri && report.span ? { uri: report.uri, span: report.span } : configAnchor;
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        severity: setting ?? report.severity ?? rule.severity,
        message: report.message,
        ...(place ? { uri: place.uri, span: place.span } : {}),
        ...(report.related?.length ? { related: report.related } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      Number(a.uri === undefined) - Number(b.uri === undefined) ||
      (a.uri ?? '').localeCompare(b.uri ?? '') ||
      (a.span?.start ?? 0) - (b.span?.start ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** The `"governance"` key of iam-atlas.json, else its first character. */
export function configFileAnchor(text: string): Span {
  const root = parseTree(text);
  const key = root ? findNodeAtLocation(root, ['governance'])?.parent?.children?.[0] : undefined;
  if (key) return { start: key.offset, end: key.offset + key.length };
  const first = text.search(/\S/);
  return first < 0 ? { start: 0, end: 0 } : { start: first, end: first + 1 };
}
