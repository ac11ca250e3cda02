/**
 * Runs one fuzz case through what the language server and the CLI run, and says what went wrong:
 * an exception anywhere (a rule's included: the runner catches those, the fuzzer must not), or a
 * span outside the text it points into.
 *
 * A document case is an editing session: successive versions of one document, each analysed as the
 * server does it (parse, every rule, diagnostics, code actions, applying the fixes), then
 * completion and hover at a few offsets. A workspace case is a set of files and an iam-atlas.json,
 * indexed into the trust graph and queried.
 */
import { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCatalog } from '../../server/src/core/catalog/data-source';
import { complete } from '../../server/src/core/complete/complete';
import { EMPTY_CONFIG, WorkspaceConfig, readWorkspaceConfig } from '../../server/src/core/config';
import { GraphQueries, TrustGraph, WorkspaceIndex } from '../../server/src/core/graph';
import { hover } from '../../server/src/core/hover/hover';
import { locateForCompletion, locateForHover } from '../../server/src/core/locate';
import { Span } from '../../server/src/core/model';
import { renderDot } from '../../server/src/cli/graph-dot';
import { renderMermaid } from '../../server/src/cli/graph-mermaid';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import { FIX_ALL_KIND, codeActions } from '../../server/src/lsp/code-actions';
import { toDiagnostic, toRange } from '../../server/src/lsp/convert';
import { locateInput } from '../../server/src/lsp/locate-input';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { MAX_DIAGNOSTICS } from '../../server/src/lsp/skipped';

export type FailureKind = 'exception' | 'bad-span' | 'slow' | 'hang';

export interface Failure {
  readonly kind: FailureKind;
  /** Where: `analyze`, `rule IAM012`, `completion`, `graph`, … */
  readonly stage: string;
  readonly message: string;
  readonly stack?: string;
}

export interface DocumentCase {
  readonly uri: string;
  readonly languageId: string;
  /** The document's text, version after version, as an editor sends it. */
  readonly versions: readonly string[];
  /** Per version, the offsets where completion and hover are asked (clamped to the text). */
  readonly offsets: readonly (readonly number[])[];
  /** The text of iam-atlas.json, when the case has one. */
  readonly config?: string;
}

export interface WorkspaceCase {
  /** The text of iam-atlas.json; none when absent. */
  readonly config?: string;
  /** Relative path → text. */
  readonly files: Readonly<Record<string, string>>;
}

/** Where fuzz workspaces pretend to live: a folder that does not exist, so nothing is read from disk. */
export const FUZZ_ROOT = '/nonexistent-iam-atlas-fuzz';

const DOCS_URL = (name: string): string => `file:///docs/rules/${name}.md`;
const MAX_FIXES_APPLIED = 200;

export function fileUri(relativePath: string): string {
  return `file://${FUZZ_ROOT}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

/** Collects failures; `guard` runs a stage and records what it throws. */
class Recorder {
  readonly failures: Failure[] = [];

  guard<T>(stage: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      this.exception(stage, error);
      return undefined;
    }
  }

  exception(stage: string, error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.failures.push({ kind: 'exception', stage, message: message.slice(0, 500), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
  }

  span(stage: string, span: Span | undefined, length: number, what: string): void {
    if (!span) return;
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
    if (!ok) this.failures.push({ kind: 'bad-span', stage, message: `${what} span ${span.start}-${span.end} outside 0-${length}` });
  }
}

function configOf(text: string | undefined, recorder: Recorder): WorkspaceConfig {
  if (text === undefined) return EMPTY_CONFIG;
  return recorder.guard('config', () => readWorkspaceConfig(text).config) ?? EMPTY_CONFIG;
}

export function runDocumentCase(testCase: DocumentCase): Failure[] {
  const recorder = new Recorder();
  const config = configOf(testCase.config, recorder);
  const cache = new AnalysisCache((rule, error) => recorder.exception(`rule ${rule.id}`, error));
  const catalog = defaultCatalog();
  testCase.versions.forEach((text, index) => {
    const document = TextDocument.create(testCase.uri, testCase.languageId, index + 1, text);
    checkVersion(document, testCase.offsets[index] ?? [], cache, config, recorder, catalog);
  });
  return recorder.failures;
}

function checkVersion(document: TextDocument, offsets: readonly number[], cache: AnalysisCache, config: WorkspaceConfig, recorder: Recorder, catalog: ReturnType<typeof defaultCatalog>): void {
  const text = document.getText();
  const analysis = recorder.guard('analyze', () => cache.analyze(document, DEFAULT_SETTINGS, config, FUZZ_ROOT));
  if (analysis) {
    const diagnostics: Diagnostic[] = [];
    analysis.findings.forEach((finding, index) => {
      const stage = `finding ${finding.ruleId}`;
      recorder.span(stage, finding.span, text.length, 'finding');
      for (const related of finding.related ?? []) recorder.span(stage, related.span, text.length, 'related');
      for (const fix of finding.fixes) for (const edit of fix.edits) recorder.span(stage, edit.span, text.length, `fix "${fix.title}" edit`);
      // The server publishes the first MAX_DIAGNOSTICS, as this does.
      if (index >= MAX_DIAGNOSTICS) return;
      const diagnostic = recorder.guard('diagnostics', () => toDiagnostic(document, finding, index, DOCS_URL));
      if (diagnostic) diagnostics.push(diagnostic);
    });
    const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    recorder.guard('code-actions', () => codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics } }, cache));
    const fixAll = recorder.guard('code-actions', () =>
      codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } }, cache),
    );
    // Every fix applies as VS Code would apply it (overlapping edits are refused), and the result reads again.
    // Each application copies the text: a few hundred of them are enough to find a bad edit, and keep a huge case from being slow for the oracle's sake.
    const fixes = analysis.findings.flatMap((finding) => finding.fixes.map((fix) => ({ rule: finding.ruleId, fix }))).slice(0, MAX_FIXES_APPLIED);
    let applied: string | undefined;
    for (const { rule, fix } of fixes) {
      const edits = fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
      const result = recorder.guard(`fix ${rule}`, () => TextDocument.applyEdits(document, edits));
      applied ??= result;
    }
    const fixAllEdits = fixAll?.[0]?.edit?.changes?.[document.uri];
    if (fixAllEdits) applied = recorder.guard('fix all', () => TextDocument.applyEdits(document, fixAllEdits)) ?? applied;
    if (applied !== undefined && applied.length < 300_000) {
      const fixed = TextDocument.create(document.uri, document.languageId, document.version + 1000, applied);
      const fixedCache = new AnalysisCache((rule, error) => recorder.exception(`rule ${rule.id} (after a fix)`, error));
      recorder.guard('analyze (after a fix)', () => fixedCache.analyze(fixed, DEFAULT_SETTINGS, config, FUZZ_ROOT));
    }
  }

  for (const raw of offsets) {
    const offset = Math.min(Math.max(0, raw), text.length);
    const input = recorder.guard('locate', () => locateInput(document, cache));
    if (!input) continue;
    const completion = recorder.guard('completion', () => {
      const context = locateForCompletion(input, offset);
      return context && complete(context, catalog);
    });
    if (completion) {
      recorder.span('completion', completion.span, text.length, 'completion');
      recorder.guard('completion', () => toRange(document, completion.span));
    }
    const hovered = recorder.guard('hover', () => {
      const context = locateForHover(input, offset);
      return context && hover(context, catalog);
    });
    if (hovered) recorder.span('hover', hovered.span, text.length, 'hover');
  }
}

/** Indexes the files, builds the graph, asks it who can reach each role, renders it as the CLI does. */
export function runWorkspaceCase(testCase: WorkspaceCase): Failure[] {
  const recorder = new Recorder();
  const config = configOf(testCase.config, recorder);
  const index = new WorkspaceIndex({ root: FUZZ_ROOT, config });
  for (const [relativePath, text] of Object.entries(testCase.files)) {
    recorder.guard('index', () => index.update(fileUri(relativePath), text, relativePath));
  }
  checkGraph(index, testCase.files, recorder);
  return recorder.failures;
}

/**
 * An index kept between workspace cases: the base files are analysed once, each case changes a few
 * files and puts them back afterwards. The index keeps nothing else, so a case's result is the
 * same as on a fresh index holding the base files with the case's changes.
 */
export class WorkspaceRunner {
  private readonly index: WorkspaceIndex;

  constructor(
    private readonly baseConfig: string | undefined,
    private readonly baseFiles: Readonly<Record<string, string>>,
  ) {
    this.index = new WorkspaceIndex({ root: FUZZ_ROOT, config: baseConfig === undefined ? EMPTY_CONFIG : readWorkspaceConfig(baseConfig).config });
    for (const [relativePath, text] of Object.entries(baseFiles)) this.index.update(fileUri(relativePath), text, relativePath);
  }

  /** `changes`: relative path → new text, or null to delete the file. */
  run(changes: Readonly<Record<string, string | null>>): Failure[] {
    const recorder = new Recorder();
    const files: Record<string, string> = { ...this.baseFiles };
    for (const [relativePath, text] of Object.entries(changes)) {
      const uri = fileUri(relativePath);
      if (text === null) {
        delete files[relativePath];
        recorder.guard('index', () => this.index.remove(uri));
      } else {
        files[relativePath] = text;
        recorder.guard('index', () => this.index.update(uri, text, relativePath));
      }
    }
    checkGraph(this.index, files, recorder);
    for (const relativePath of Object.keys(changes)) {
      const base = this.baseFiles[relativePath];
      if (base === undefined) this.index.remove(fileUri(relativePath));
      else this.index.update(fileUri(relativePath), base, relativePath);
    }
    return recorder.failures;
  }

  /** The whole workspace a change set makes: for saving a failing case on its own. */
  workspaceOf(changes: Readonly<Record<string, string | null>>): WorkspaceCase {
    const files: Record<string, string> = { ...this.baseFiles };
    for (const [relativePath, text] of Object.entries(changes)) {
      if (text === null) delete files[relativePath];
      else files[relativePath] = text;
    }
    return { ...(this.baseConfig !== undefined ? { config: this.baseConfig } : {}), files };
  }
}

function checkGraph(index: WorkspaceIndex, files: Readonly<Record<string, string>>, recorder: Recorder): void {
  const graph = recorder.guard('graph', () => index.graph());
  if (!graph) return;
  const lengths = new Map(Object.entries(files).map(([relativePath, text]) => [fileUri(relativePath), text.length]));
  const checkRef = (what: string, ref: { uri: string; start: number; end: number } | undefined): void => {
    if (!ref) return;
    const length = lengths.get(ref.uri);
    if (length === undefined) recorder.failures.push({ kind: 'bad-span', stage: 'graph', message: `${what} points into ${ref.uri}, not a file of the workspace` });
    else recorder.span('graph', ref, length, what);
  };
  for (const node of graph.nodes) checkRef('node source', node.source);
  for (const edge of graph.edges) {
    checkRef('edge source', edge.source);
    checkRef('edge grant', edge.grant);
  }
  queryGraph(graph, recorder);
}

function queryGraph(graph: TrustGraph, recorder: Recorder): void {
  recorder.guard('graph queries', () => {
    const queries = new GraphQueries(graph);
    for (const node of graph.nodes.filter((n) => n.kind === 'role').slice(0, 6)) queries.whoCanReach(node.id);
    queries.pathsFromOutside();
    queries.nonProdToProdPaths();
  });
  recorder.guard('graph output', () => {
    renderDot(graph);
    renderMermaid(graph);
    JSON.stringify(graph);
  });
}
