/** `iam-atlas check`: analyse files and folders, report findings, exit by severity. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { EMPTY_CONFIG, WorkspaceConfig, readWorkspaceConfig } from '../core/config';
import { Finding, SEVERITY_RANK, Severity } from '../core/findings';
import { TerraformModuleIndex, snapshotFolderReader } from '../core/parse/terraform-module';
import { initTerraform } from '../core/parse/terraform-runtime';
import { LineIndex } from '../core/text/lines';
import { RULES } from '../core/rules';
import { collectFiles } from './files';
import { CliIo, UsageError } from './io';
import { renderJson } from './report-json';
import { renderSarif } from './report-sarif';
import { renderText } from './report-text';

export type FailOn = 'error' | 'warning' | 'never';
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly configPath?: string;
  readonly outputPath?: string;
  readonly maxFileSize: number;
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
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const config = await loadConfig(options, io);
  const collected = await collectFiles(options.paths, { maxFileSize: options.maxFileSize });
  for (const missing of collected.missing) io.stderr(`iam-atlas: cannot read ${missing.path}: ${missing.reason}\n`);
  if (collected.missing.length) return 2;
  for (const skipped of collected.skipped) io.stderr(`iam-atlas: skipped ${relative(io, skipped.path)}: ${skipped.reason}\n`);

  const terraformFiles = collected.files.filter((source) => /\.tf$/i.test(source.path));
  const sources = await withTerraformParser(collected.files, terraformFiles.length > 0, io);
  // The .tf files of a folder tell each other which policy each argument uses; JSON files read with file() take their kind from it.
  const terraformModule = new TerraformModuleIndex(snapshotFolderReader(), options.maxFileSize);
  for (const source of terraformFiles) terraformModule.setText(slashed(path.resolve(io.cwd, source.path)), source.text);

  const findings: LocatedFinding[] = [];
  let policyFiles = 0;
  for (const source of sources) {
    const file = relative(io, source.path);
    const { file: parsed, findings: fileFindings } = analyze(path.resolve(io.cwd, source.path), source.text, {
      path: slashed(path.resolve(io.cwd, source.path)),
      config,
      terraformModule,
      onRuleError: (rule, error) => io.stderr(`iam-atlas: rule ${rule.id} ${rule.name} failed on ${file}: ${(error as Error).message}\n`),
    });
    if (parsed.isPolicyFile) policyFiles++;
    const lines = new LineIndex(source.text);
    for (const finding of fileFindings) {
      findings.push({ ...finding, file, start: lines.position(finding.span.start), end: lines.position(finding.span.end) });
    }
  }
  const result: CheckResult = { findings, filesChecked: sources.length, policyFiles };

  const output =
    options.format === 'sarif' ? renderSarif(result, RULES, io.cwd) : options.format === 'json' ? renderJson(result) : renderText(result);
  if (options.outputPath) await fs.writeFile(options.outputPath, output);
  else io.stdout(output);
  return exitCode(findings, options.failOn);
}

/** Starts the Terraform parser when there are .tf files; if it cannot start, they are skipped with a note. */
async function withTerraformParser<T extends { readonly path: string }>(files: readonly T[], needed: boolean, io: CliIo): Promise<readonly T[]> {
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

export function exitCode(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold: Severity = failOn;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) ? 1 : 0;
}

async function loadConfig(options: CheckOptions, io: CliIo): Promise<WorkspaceConfig> {
  const file = options.configPath ?? (await findConfig(path.resolve(io.cwd, options.paths[0] ?? '.')));
  if (!file) return EMPTY_CONFIG;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (options.configPath) throw new UsageError(`cannot read the configuration ${file}: ${(error as Error).message}`);
    return EMPTY_CONFIG;
  }
  const { config, problems } = readWorkspaceConfig(text);
  for (const problem of problems) io.stderr(`iam-atlas: ${relative(io, file)}: ${problem.path ? problem.path + ' ' : ''}${problem.message}\n`);
  return config;
}

/** The nearest `iam-atlas.json` in the folder of `start` or above it. */
async function findConfig(start: string): Promise<string | undefined> {
  let dir = start;
  try {
    if (!(await fs.stat(dir)).isDirectory()) dir = path.dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = path.join(dir, 'iam-atlas.json');
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}

function relative(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, path.resolve(io.cwd, file));
  return (rel.startsWith('..') ? path.resolve(io.cwd, file) : rel).split(path.sep).join('/');
}
