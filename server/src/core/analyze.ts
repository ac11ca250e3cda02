/** Runs the rules over a parsed file: the one analysis the language server and the CLI share. */
import { Catalog } from './catalog/catalog';
import { defaultCatalog } from './catalog/data-source';
import { EMPTY_CONFIG, SeveritySetting, WorkspaceConfig } from './config';
import { Finding } from './findings';
import { embedReports } from './fixes/embedding';
import { ParsedFile } from './model';
import { ParseOptions, parse, pathOfUri } from './parse';
import { RULES } from './rules';
import { Report, Rule, RuleContext } from './rules/types';
import { accountOfFile } from './workspace';
import { pushAll } from './text/push-all';

export interface AnalysisOptions extends ParseOptions {
  readonly config?: WorkspaceConfig;
  /** Rule name or id → severity or `off`; wins over the configuration file's `rules`. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** Called when a rule throws: the other rules still report. */
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  /** The rules to run; all registered rules by default. */
  readonly rules?: readonly Rule[];
  /** The reference data; the shared one read from disk by default. */
  readonly catalog?: Catalog;
  /**
   * The workspace root (a folder path): the configuration's account `paths` globs are relative to
   * it. Without it, the file's account is unknown.
   */
  readonly root?: string;
  /**
   * Milliseconds the rules may take; past them the remaining rules do not run. Checked between
   * rules and between the documents of a file (rules are synchronous: one cannot be stopped half-way).
   * No budget by default.
   */
  readonly timeBudgetMs?: number;
  /** Called when the budget stopped the rules, with the ones that did not run to the end. */
  readonly onBudgetExceeded?: (stop: BudgetStop) => void;
  /** The budget's clock in milliseconds; `performance.now` by default. */
  readonly clock?: () => number;
}

export interface BudgetStop {
  readonly elapsedMs: number;
  readonly budgetMs: number;
  /** The rule stopped between two documents (its findings on the first ones are kept), then the rules not started. */
  readonly unfinished: readonly Rule[];
}

export interface Analysis {
  readonly file: ParsedFile;
  readonly findings: Finding[];
}

export function analyze(uri: string, text: string, options: AnalysisOptions = {}): Analysis {
  const file = parseForAnalysis(uri, text, options);
  return { file, findings: analyzeParsed(file, options) };
}

/** The parse `analyze` does (policy-kind globs from the configuration and the options), on its own. */
export function parseForAnalysis(uri: string, text: string, options: AnalysisOptions = {}): ParsedFile {
  const policyKinds = { ...options.config?.policyKinds, ...options.policyKinds };
  return parse(uri, text, { ...options, policyKinds: Object.keys(policyKinds).length ? policyKinds : undefined });
}

function withoutFixes(report: Report): Report {
  return report.fixes?.length ? { ...report, fixes: [] } : report;
}

export function analyzeParsed(file: ParsedFile, options: AnalysisOptions = {}): Finding[] {
  // Workspace rules run over the whole index (analyze-workspace.ts); a file with no policy gets only the file rules that ask for it.
  const rules = (options.rules ?? RULES).filter((rule) => rule.scope !== 'workspace' && (file.isPolicyFile || (rule.scope === 'file' && rule.readsEveryFile)));
  if (rules.length === 0) return [];
  const config = options.config ?? EMPTY_CONFIG;
  const account = accountOfFile(config, options.path ?? pathOfUri(file.uri), options.root);
  const settingOf = (rule: Rule): SeveritySetting | undefined =>
    options.severities?.[rule.name] ?? options.severities?.[rule.id] ?? config.rules?.[rule.name] ?? config.rules?.[rule.id];
  const context: RuleContext = { text: file.text, file, config, catalog: options.catalog ?? defaultCatalog(), ...(account ? { account } : {}) };
  const findings: Finding[] = [];
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const budget = options.timeBudgetMs;
  const overBudget = (): boolean => budget !== undefined && clock() - started > budget;
  const stop = (from: number): void => {
    const unfinished = rules.slice(from).filter((rule) => settingOf(rule) !== 'off');
    options.onBudgetExceeded?.({ elapsedMs: clock() - started, budgetMs: budget ?? 0, unfinished });
  };
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    const setting = settingOf(rule);
    if (setting === 'off') continue;
    if (overBudget()) {
      stop(index);
      break;
    }
    let reports: Report[];
    let stoppedWithin = false;
    try {
      if (rule.scope === 'workspace') {
        continue;
      } else if (rule.scope === 'file') {
        reports = rule.checkFile(file, context);
      } else {
        reports = [];
        let checked = 0;
        for (const document of file.documents) {
          if (!rule.kinds.includes(document.kind)) continue;
          if (checked++ > 0 && overBudget()) {
            stoppedWithin = true;
            break;
          }
          const found = rule.check(document, context);
          // A policy carried over from the last readable text has no text of its own to fix.
          pushAll(reports, embedReports(document, document.origin.carriedOver ? found.map(withoutFixes) : found));
        }
      }
    } catch (error) {
      options.onRuleError?.(rule, error);
      continue;
    }
    for (const report of reports) {
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        severity: setting ?? report.severity ?? rule.severity,
        message: report.message,
        span: report.span,
        fixes: report.fixes ?? [],
        ...(report.related ? { related: report.related } : {}),
      });
    }
    if (stoppedWithin) {
      stop(index);
      break;
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}
