/** `iam-atlas graph`: the trust graph of a folder as JSON, DOT, Mermaid or an HTML page, or who can assume one role. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GRAPH_RULES, GraphQueries, WorkspaceIndex } from '../core/graph';
import { RISK_RANK, RiskLevel, TrustGraph } from '../core/graph/types';
import { WorkspaceConfig } from '../core/config';
import { relative, withTerraformParser } from './check';
import { loadConfig } from './config';
import { SourceFile, collectFiles } from './files';
import { batched, jsonChunks } from './json-chunks';
import { renderDot } from './graph-dot';
import { renderMermaid } from './graph-mermaid';
import { readWebviewAssets, renderGraphHtml } from './graph-html';
import { packageRoot } from '../package-root';
import { CliIo } from './io';

export type GraphFormat = 'json' | 'dot' | 'mermaid' | 'html';

export interface GraphOptions {
  readonly folder: string;
  readonly format: GraphFormat;
  readonly whoCanAssume?: string;
  readonly configPath?: string;
  readonly outputPath?: string;
  readonly maxFileSize: number;
}

export async function runGraph(options: GraphOptions, io: CliIo): Promise<number> {
  const { config, root } = await loadConfig(options.configPath, options.folder, io);
  const collected = await collectFiles([options.folder], { maxFileSize: options.maxFileSize });
  for (const missing of collected.missing) io.stderr(`iam-atlas: cannot read ${missing.path}: ${missing.reason}\n`);
  if (collected.missing.length) return 2;
  for (const skipped of collected.skipped) io.stderr(`iam-atlas: skipped ${relative(io, skipped.path)}: ${skipped.reason}\n`);

  const sources = await withTerraformParser(collected.files, collected.files.some((file) => /\.tf$/i.test(file.path)), io);
  const base = root ?? path.resolve(io.cwd, options.folder);
  // The index is not kept past this line: the output of a large organisation needs the memory.
  const graph = buildWorkspaceGraph(sources, config, base, io);

  let output: Iterable<string>;
  if (options.whoCanAssume !== undefined) {
    const text = whoCanAssumeText(graph, options.whoCanAssume, io);
    if (text === undefined) {
      io.stderr(`iam-atlas: no role "${options.whoCanAssume}" in the trust graph of ${options.folder}\n`);
      return 1;
    }
    output = [text];
  } else {
    output =
      options.format === 'dot'
        ? [renderDot(graph)]
        : options.format === 'mermaid'
          ? [renderMermaid(graph)]
          : options.format === 'html'
            ? [
                renderGraphHtml(graph, readWebviewAssets(), {
                  title: path.basename(base),
                  root: pathToFileURL(base).href + '/',
                  docsBaseUrl: pathToFileURL(path.join(packageRoot(), 'docs', 'rules')).href + '/',
                }),
              ]
            : // Tens of megabytes for a large organisation: written in pieces, never whole.
              batched(jsonText(graph));
  }
  if (options.outputPath) {
    const file = await fs.open(options.outputPath, 'w');
    try {
      for (const piece of output) await file.write(piece);
    } finally {
      await file.close();
    }
  } else {
    for (const piece of output) io.stdout(piece);
  }
  return 0;
}

function* jsonText(graph: TrustGraph): Generator<string> {
  yield* jsonChunks(graph);
  yield '\n';
}

/** Every file into one index, and its graph. Only the rules whose findings the graph reads run, once. */
function buildWorkspaceGraph(sources: readonly SourceFile[], config: WorkspaceConfig, base: string, io: CliIo): TrustGraph {
  const index = new WorkspaceIndex({ config, root: base.split(path.sep).join('/'), rules: GRAPH_RULES, incremental: false });
  for (const source of sources) {
    const absolute = path.resolve(io.cwd, source.path);
    index.update(pathToFileURL(absolute).href, source.text, path.relative(base, absolute).split(path.sep).join('/'));
  }
  return index.graph();
}

/** One line a path, riskiest first: `high  anyone > deploy  (reasons)  file:line`. */
function whoCanAssumeText(graph: TrustGraph, role: string, io: CliIo): string | undefined {
  const queries = new GraphQueries(graph);
  const target = queries.findRole(role);
  if (!target) return undefined;
  const paths = queries.whoCanReach(target.id).map((path) => ({
    path,
    risk: path.edges.reduce<RiskLevel>((risk, edge) => (RISK_RANK[edge.risk] > RISK_RANK[risk] ? edge.risk : risk), 'none'),
  }));
  paths.sort((a, b) => RISK_RANK[b.risk] - RISK_RANK[a.risk]);
  const label = (id: string): string => queries.node(id)?.label ?? id;
  const lines = [`${paths.length} principal${paths.length === 1 ? '' : 's'} can assume ${target.label}${target.arn ? ` (${target.arn})` : ''}:`];
  for (const { path, risk } of paths) {
    const reasons = [...new Set(path.edges.flatMap((edge) => edge.reasons.map((reason) => reason.message)))];
    const last = path.edges[path.edges.length - 1]!;
    const where = last.source ? `  ${relative(io, new URL(last.source.uri).pathname)}:${last.source.line}` : '';
    lines.push(`${risk.padEnd(6)} ${path.nodes.map(label).join(' > ')}${where}`);
    for (const reason of reasons) lines.push(`         ${reason}`);
  }
  return lines.join('\n') + '\n';
}
