/** `iam-atlas check`: analyse files and folders, report findings, exit by severity. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { Finding, SEVERITY_RANK, Severity } from '../core/findings';
import { TerraformModuleIndex, snapshotFolderReader } from '../core/parse/terraform-module';
import { TerraformParseState, parseTerraformFile } from '../core/parse/terraform';
import { initTerraform } from '../core/parse/terraform-runtime';
import { LineIndex } from '../core/text/lines';
import { RULES } from '../core/rules';
import { loadConfig } from './config';
import { collectFiles } from './files';
import { CliIo } from './io';
import { renderJson } from './report-json';
import { renderSarif } from './report-sarif';
import { renderText } from './report-text';
import { CheckedFile, checkWorkspace } from './check-workspace';
import { WorkspaceFinding } from '../core/analyze-workspace';
import { OrganizationSummary, organizationSummary } from '../core/governance/summary';
import { renderSummaryText } from './report-summary';

export type FailOn = 'error' | 'warning' | 'never';
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly configPath?: string;
  readonly outputPath?: string;
  readonly maxFileSize: number;
  /** Print the organisation report (accounts, roles, risky edges, guardrails, top findings). */
  readonly summary?: boolean;
}

/** A finding with the file it is in and its 1-based position. */
export interface LocatedFinding extends Finding {
  readonly file: string;
  readonly start: { line: number; column: number };
  readonly end: { line: number; column: number };
}

export interface CheckResult {
  readonly findings: LocatedFinding[];
  readonly filesChecked: number;
  readonly policyFiles: number;
  /** Findings about the workspace as a whole, when there is no iam-atlas.json to place them on. */
  readonly unlocated?: readonly WorkspaceFinding[];
  /** The organisation report, with --summary. */
  readonly summary?: OrganizationSummary;
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const loaded = await loadConfig(options.configPath, options.paths[0] ?? '.', io);
  const { config } = loaded;
  // Account `paths` are relative to the folder of iam-atlas.json, else to the current folder.
  const root = (loaded.root ?? io.cwd).split(path.sep).join('/');
  const collected = await collectFiles(options.paths, { maxFileSize: options.maxFileSize });
  for (const missing of collected.missing) io.stderr(`iam-atlas: cannot read ${missing.path}: ${missing.reason}\n`);
  if (collected.missing.length) return 2;
  for (const skipped of collected.skipped) io.stderr(`iam-atlas: skipped ${relative(io, skipped.path)}: ${skipped.reason}\n`);

  const terraformFiles = collected.files.filter((source) => /\.tf$/i.test(source.path));
  const sources = await withTerraformParser(collected.files, terraformFiles.length > 0, io);
  // The .tf files of a folder tell each other which policy each argument uses; JSON files read with file() take their kind from it.
  // Each .tf file is parsed once: what it tells its folder comes from that parse, and its analysis
  // below reuses the parse's items (kept in a TerraformParseState) instead of parsing it again.
  const terraformModule = new TerraformModuleIndex(snapshotFolderReader(), options.maxFileSize);
  const parseStates = new Map<string, TerraformParseState>();
  const terraformReady = sources.some((source) => /\.tf$/i.test(source.path));
  for (const source of terraformFiles) {
    const file = slashed(path.resolve(io.cwd, source.path));
    if (!terraformReady) {
      terraformModule.setText(file, source.text);
      continue;
    }
    const state = new TerraformParseState();
    const parsed = parseTerraformFile(path.resolve(io.cwd, source.path), source.text, { path: file, state });
    terraformModule.setText(file, source.text, { uses: parsed.uses, links: parsed.fileLinks });
    parseStates.set(source.path, state);
  }

  const findings: LocatedFinding[] = [];
  const checked: CheckedFile[] = [];
  let policyFiles = 0;
  for (const source of sources) {
    const file = relative(io, source.path);
    const analysis = analyze(path.resolve(io.cwd, source.path), source.text, {
      path: slashed(path.resolve(io.cwd, source.path)),
      config,
      root,
      terraformModule,
      terraformState: parseStates.get(source.path),
      onRuleError: (rule, error) => io.stderr(`iam-atlas: rule ${rule.id} ${rule.name} failed on ${file}: ${(error as Error).message}\n`),
    });
    parseStates.delete(source.path);
    const { file: parsed, findings: fileFindings } = analysis;
    checked.push({ uri: path.resolve(io.cwd, source.path), text: source.text, analysis });
    if (parsed.isPolicyFile) policyFiles++;
    const lines = new LineIndex(source.text);
    for (const finding of fileFindings) {
      findings.push({ ...finding, file, start: lines.position(finding.span.start), end: lines.position(finding.span.end) });
    }
  }
  const workspace = await checkWorkspace(checked, loaded, options, io);
  findings.push(...workspace.findings);
  // Each workspace finding goes among its file's own, in the order the file's findings have.
  const order = new Map(sources.map((source, index) => [relative(io, source.path), index]));
  findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  const result: CheckResult = {
    findings,
    filesChecked: sources.length,
    policyFiles,
    ...(workspace.unlocated.length ? { unlocated: workspace.unlocated } : {}),
    ...(options.summary ? { summary: organizationSummary(workspace.workspace) } : {}),
  };

  const output =
    options.format === 'sarif'
      ? renderSarif(result, RULES, io.cwd, io)
      : options.format === 'json'
        ? renderJson(result, io)
        : options.summary
          ? renderSummaryText(result, io)
          : renderText(result);
  if (options.outputPath) await fs.writeFile(options.outputPath, output);
  else io.stdout(output);
  return exitCode([...findings, ...workspace.unlocated], options.failOn);
}

/** Starts the Terraform parser when there are .tf files; if it cannot start, they are skipped with a note. */
/** Starts the Terraform parser when there are .tf files; if it cannot start, they are skipped with a note. */
export async function withTerraformParser<T extends { readonly path: string }>(files: readonly T[], needed: boolean, io: CliIo): Promise<readonly T[]> {
  if (!needed) return files;
  try {
    await initTerraform();
    return files;
  } catch (error) {
    io.stderr(`iam-atlas: cannot start the Terraform parser, .tf files skipped: ${(error as Error).message}\n`);
    return files.filter((file) => !/\.tf$/i.test(file.path));
  }
}

function slashed(file: string): string {
  return file.split(path.sep).join('/');
}

export function exitCode(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold: Severity = failOn;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) ? 1 : 0;
}

export function relative(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, path.resolve(io.cwd, file));
  return (rel.startsWith('..') ? path.resolve(io.cwd, file) : rel).split(path.sep).join('/');
}
