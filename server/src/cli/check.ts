/** `iam-atlas check`: analyse files and folders, report findings, exit by severity. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { Finding, SEVERITY_RANK, Severity } from '../core/findings';
import { TerraformModuleIndex, snapshotFolderReader } from '../core/parse/terraform-module';
import { initTerraform } from '../core/parse/terraform-runtime';
import { LineIndex } from '../core/text/lines';
import { RULES } from '../core/rules';
import { loadConfig } from './config';
import { collectFiles } from './files';
import { CliIo } from './io';
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
  const terraformModule = new TerraformModuleIndex(snapshotFolderReader(), options.maxFileSize);
  for (const source of terraformFiles) terraformModule.setText(slashed(path.resolve(io.cwd, source.path)), source.text);

  const findings: LocatedFinding[] = [];
  let policyFiles = 0;
  for (const source of sources) {
    const file = relative(io, source.path);
    const { file: parsed, findings: fileFindings } = analyze(path.resolve(io.cwd, source.path), source.text, {
      path: slashed(path.resolve(io.cwd, source.path)),
      config,
      root,
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

export function exitCode(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold: Severity = failOn;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) ? 1 : 0;
}

export function relative(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, path.resolve(io.cwd, file));
  return (rel.startsWith('..') ? path.resolve(io.cwd, file) : rel).split(path.sep).join('/');
}
