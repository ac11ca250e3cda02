/**
 * The workspace index: per-file facts and findings, kept by content hash so an unchanged file is
 * never read twice, updated one file at a time, and the trust graph rebuilt from them on demand.
 * It holds texts given to it; finding and reading files is the caller's job (server or CLI).
 */
import { createHash } from 'node:crypto';
import { Analysis, BudgetStop, analyze } from '../analyze';
import { Catalog } from '../catalog/catalog';
import { EMPTY_CONFIG, WorkspaceConfig } from '../config';
import { Finding } from '../findings';
import { ParsedFile, Span } from '../model';
import { pathOfUri } from '../parse';
import { PolicyKindGlobs } from '../parse/kind';
import { LineIndex } from '../text/lines';
import { buildGraph } from './build';
import { FileFacts, emptyFacts } from './facts';
import { jsonFacts } from './facts-json';
import { SourceRef, TrustGraph } from './types';

export interface IndexOptions {
  /** The workspace root folder: account `paths` in the configuration are relative to it. */
  readonly root?: string;
  readonly config?: WorkspaceConfig;
  readonly policyKinds?: PolicyKindGlobs;
  readonly catalog?: Catalog;
  /** The time budget of each file's rules (see analyze.ts); none by default. */
  readonly timeBudgetMs?: number;
  readonly onBudgetExceeded?: (uri: string, stop: BudgetStop) => void;
}

interface Entry {
  readonly hash: string;
  readonly relativePath: string;
  readonly file: ParsedFile;
  readonly facts: FileFacts;
  readonly findings: readonly Finding[];
  readonly lines: LineIndex;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private graphCache?: TrustGraph;
  private config: WorkspaceConfig;

  constructor(private readonly options: IndexOptions = {}) {
    this.config = options.config ?? EMPTY_CONFIG;
  }

  get size(): number {
    return this.entries.size;
  }

  /** New configuration: account placement and rules depend on it, so every file is read again. */
  setConfig(config: WorkspaceConfig): void {
    this.config = config;
    const texts = [...this.entries.entries()].map(([uri, entry]) => [uri, entry.file.text, entry.relativePath] as const);
    this.entries.clear();
    for (const [uri, text, relativePath] of texts) this.update(uri, text, relativePath);
    this.graphCache = undefined;
  }

  /**
   * Adds or replaces a file; returns false (and does nothing) when its content is unchanged. An
   * analysis already made of this exact text (the editor's) is reused instead of analysing again.
   */
  update(uri: string, text: string, relativePath: string, analysis?: Analysis): boolean {
    const hash = createHash('sha1').update(text).digest('hex');
    const existing = this.entries.get(uri);
    if (existing && existing.hash === hash && existing.relativePath === relativePath) return false;
    const { file, findings } = analysis ?? analyze(uri, text, {
      path: pathOfUri(uri),
      ...(this.options.root ? { root: this.options.root } : {}),
      config: this.config,
      ...(this.options.policyKinds ? { policyKinds: this.options.policyKinds } : {}),
      ...(this.options.catalog ? { catalog: this.options.catalog } : {}),
      ...(this.options.timeBudgetMs !== undefined ? { timeBudgetMs: this.options.timeBudgetMs } : {}),
      ...(this.options.onBudgetExceeded ? { onBudgetExceeded: (stop: BudgetStop) => this.options.onBudgetExceeded?.(uri, stop) } : {}),
    });
    const facts = file.language === 'json' ? jsonFacts(file, relativePath, this.config) : emptyFacts(uri);
    this.entries.set(uri, { hash, relativePath, file, facts, findings, lines: new LineIndex(text) });
    this.graphCache = undefined;
    return true;
  }

  remove(uri: string): boolean {
    const removed = this.entries.delete(uri);
    if (removed) this.graphCache = undefined;
    return removed;
  }

  findings(uri: string): readonly Finding[] {
    return this.entries.get(uri)?.findings ?? [];
  }

  parsed(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.file;
  }

  graph(): TrustGraph {
    this.graphCache ??= buildGraph({
      facts: [...this.entries.values()].map((entry) => entry.facts),
      config: this.config,
      findings: (uri) => this.findings(uri),
      ref: (uri, span) => this.ref(uri, span),
    });
    return this.graphCache;
  }

  ref(uri: string, span: Span): SourceRef {
    const lines = this.entries.get(uri)?.lines;
    return { uri, start: span.start, end: span.end, line: lines ? lines.position(span.start).line : 1 };
  }
}
