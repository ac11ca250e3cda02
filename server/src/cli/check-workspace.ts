/**
 * The workspace half of `iam-atlas check`: the workspace rules, which need every file of the
 * organisation, not only the ones checked. The workspace is the folder of iam-atlas.json (else the
 * paths checked); findings are reported for the files checked, and those about the workspace as a
 * whole (on iam-atlas.json) when iam-atlas.json is among them.
 */
import * as path from 'node:path';
import { Analysis } from '../core/analyze';
import { WorkspaceFinding, analyzeWorkspace } from '../core/analyze-workspace';
import { WorkspaceIndex } from '../core/graph';
import { WorkspaceContext } from '../core/rules/workspace-context';
import { LineIndex } from '../core/text/lines';
import { LocatedFinding, relative, withTerraformParser } from './check';
import { LoadedConfig } from './config';
import { SourceFile, collectFiles } from './files';
import { CliIo } from './io';

export interface CheckedFile {
  /** The absolute path: the uri the analysis used. */
  readonly uri: string;
  readonly text: string;
  readonly analysis: Analysis;
}

export interface WorkspaceCheck {
  readonly findings: LocatedFinding[];
  /** Findings about the workspace as a whole, when it has no iam-atlas.json to place them on. */
  readonly unlocated: WorkspaceFinding[];
  readonly workspace: WorkspaceContext;
}

export async function checkWorkspace(
  checked: readonly CheckedFile[],
  loaded: LoadedConfig,
  options: { readonly maxFileSize: number; readonly paths: readonly string[] },
  io: CliIo,
): Promise<WorkspaceCheck> {
  const root = loaded.root ?? io.cwd;
  const index = new WorkspaceIndex({ config: loaded.config, root: slashed(root) });
  const byUri = new Map(checked.map((file) => [file.uri, file]));
  for (const file of checked) index.update(file.uri, file.text, relativeTo(root, file.uri), file.analysis);
  // A check of the configuration's folder (or one above it) has read the whole workspace already.
  const coversRoot = options.paths.some((given) => {
    const from = path.relative(path.resolve(io.cwd, given), root);
    return from === '' || (!from.startsWith('..') && !path.isAbsolute(from));
  });
  if (loaded.root && !coversRoot) {
    // The rest of the organisation: read, not reported on. Its unreadable files were not asked for.
    const collected = await collectFiles([loaded.root], { maxFileSize: options.maxFileSize });
    const others = collected.files.filter((source: SourceFile) => !byUri.has(path.resolve(io.cwd, source.path)));
    for (const source of await withTerraformParser(others, others.some((s) => /\.tf$/i.test(s.path)), silent(io))) {
      const uri = path.resolve(io.cwd, source.path);
      index.update(uri, source.text, relativeTo(root, uri));
    }
  }
  const configUri = loaded.file ? path.resolve(io.cwd, loaded.file) : undefined;
  const configText = configUri ? index.parsed(configUri)?.text : undefined;
  const workspace = index.context();
  const all = analyzeWorkspace(workspace, {
    ...(configUri && configText !== undefined ? { configFile: { uri: configUri, text: configText } } : {}),
    onRuleError: (rule, error) => io.stderr(`iam-atlas: rule ${rule.id} ${rule.name} failed: ${(error as Error).message}\n`),
  });
  const findings: LocatedFinding[] = [];
  const unlocated: WorkspaceFinding[] = [];
  const lines = new Map<string, LineIndex>();
  for (const finding of all) {
    if (!finding.uri || !finding.span) {
      unlocated.push(finding);
      continue;
    }
    const file = byUri.get(finding.uri);
    if (!file) continue;
    let lineIndex = lines.get(file.uri);
    if (!lineIndex) lines.set(file.uri, (lineIndex = new LineIndex(file.text)));
    findings.push({
      ruleId: finding.ruleId,
      ruleName: finding.ruleName,
      severity: finding.severity,
      message: finding.message,
      span: finding.span,
      fixes: [],
      file: relative(io, file.uri),
      start: lineIndex.position(finding.span.start),
      end: lineIndex.position(finding.span.end),
    });
  }
  return { findings, unlocated, workspace };
}

/** The parser was started (or its failure noted) for the files checked: no second note. */
function silent(io: CliIo): CliIo {
  return { cwd: io.cwd, stdout: io.stdout, stderr: () => undefined };
}

function relativeTo(root: string, file: string): string {
  return slashed(path.relative(root, file));
}

function slashed(file: string): string {
  return file.split(path.sep).join('/');
}

