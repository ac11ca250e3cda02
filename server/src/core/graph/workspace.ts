/**
 * The workspace index: per-file facts and findings, kept by content hash so an unchanged file is
 * never read twice, updated one file at a time, and the trust graph rebuilt from them on demand.
 * It holds texts given to it; finding and reading files is the caller's job (server or CLI).
 */
import { createHash } from 'node:crypto';
import * as posixPath from 'node:path/posix';
import { Analysis, BudgetStop, analyze } from '../analyze';
import { Catalog } from '../catalog/catalog';
import { EMPTY_CONFIG, WorkspaceConfig } from '../config';
import { Finding } from '../findings';
import { ParsedFile, Span } from '../model';
import { pathOfUri } from '../parse';
import { PolicyKindGlobs } from '../parse/kind';
import { LineIndex } from '../text/lines';
import { buildGraph } from './build';
import { isTerraformFile, TerraformFile } from '../parse/terraform';
import { FileFacts, emptyFacts } from './facts';
import { terraformFacts } from './facts-terraform';
import { terraformFolder } from './terraform-folder';
import { jsonFacts } from './facts-json';
import { GraphMemo } from './graph-memo';
import { PrincipalIndex } from './principals';
import { SourceRef, TrustGraph } from './types';
import { WorkspaceContext, WorkspaceFile } from '../rules/workspace-context';
import { RULES } from '../rules';
import { Rule } from '../rules/types';
import { isGraphRule } from './trust-edges';
import { createWorkspaceContext } from './workspace-context';

export interface IndexOptions {
  /** The workspace root folder: account `paths` in the configuration are relative to it. */
  readonly root?: string;
  readonly config?: WorkspaceConfig;
  readonly policyKinds?: PolicyKindGlobs;
  readonly catalog?: Catalog;
  /** The time budget of each file's rules (see analyze.ts); none by default. */
  readonly timeBudgetMs?: number;
  readonly onBudgetExceeded?: (uri: string, stop: BudgetStop) => void;
  /**
   * Whether a graph is built from what the last build kept (GraphMemo), true by default. Off, every
   * graph is built from scratch: the same graph, slower (tests compare the two).
   */
  readonly incremental?: boolean;
  /**
   * The rules each file is analysed with; all by default. The graph reads only the trust rules'
   * findings (IAM2xx, GRAPH_RULES): a caller that wants only the graph can run only those.
   */
  readonly rules?: readonly Rule[];
}

/** The rules whose findings the graph reads: its edges' rule reasons. */
export const GRAPH_RULES: readonly Rule[] = RULES.filter((rule) => isGraphRule(rule.id));

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
  private readonly graphMemo = new GraphMemo();
  private readonly terraformFolderFacts = new Map<string, { stamp: string; config: WorkspaceConfig; facts: FileFacts[] }>();
  private factsCache?: FileFacts[];
  private contextCache?: WorkspaceContext;
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
    this.invalidate();
  }

  get workspaceConfig(): WorkspaceConfig {
    return this.config;
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
      ...(this.options.rules ? { rules: this.options.rules } : {}),
    });
    // Terraform facts are read when the graph is built: they depend on the other files of the module folder.
    const facts = file.language === 'json' ? jsonFacts(file, relativePath, this.config) : emptyFacts(uri);
    this.entries.set(uri, { hash, relativePath, file, facts, findings, lines: new LineIndex(text) });
    this.invalidate();
    return true;
  }

  remove(uri: string): boolean {
    const removed = this.entries.delete(uri);
    if (removed) this.invalidate();
    return removed;
  }

  private invalidate(): void {
    this.graphCache = undefined;
    this.factsCache = undefined;
    this.contextCache = undefined;
  }

  /** Every file, by relative path. */
  files(): WorkspaceFile[] {
    return [...this.entries.entries()]
      .map(([uri, entry]) => ({ uri, relativePath: entry.relativePath, file: entry.file }))
      .sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  /** The facts of every file (Terraform ones read per module folder), as the graph is built from them. */
  facts(): readonly FileFacts[] {
    this.factsCache ??= this.jsonFacts().concat(this.terraformFacts());
    return this.factsCache;
  }

  /** What workspace rules read: files, facts, principals and the graph, each built on first use. */
  context(catalog?: Catalog): WorkspaceContext {
    if (!this.contextCache || (catalog && this.contextCache.catalog !== catalog)) {
      this.contextCache = createWorkspaceContext(this, this.config, catalog ?? this.options.catalog);
    }
    return this.contextCache;
  }

  findings(uri: string): readonly Finding[] {
    return this.entries.get(uri)?.findings ?? [];
  }

  parsed(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.file;
  }

  graphPrincipals(): PrincipalIndex | undefined {
    return this.graphCache && this.options.incremental !== false ? this.graphMemo.lastPrincipals : undefined;
  }

  /** How many graphs were patched from the last one, and how many built in full (for tests and logs). */
  get graphBuilds(): { readonly patched: number; readonly built: number } {
    return this.graphMemo.builds;
  }

  graph(): TrustGraph {
    const t0 = performance.now(); const f = this.facts(); if (process.env.GRAPH_TIMING && !this.graphCache) console.log('facts', (performance.now() - t0).toFixed(1));
    this.graphCache ??= buildGraph({
      facts: f,
      config: this.config,
      findings: (uri) => this.findings(uri),
      ref: (uri, span) => this.ref(uri, span),
      folderOf: (uri) => folderOfPath(this.entries.get(uri)?.relativePath ?? ''),
      ...(this.options.incremental === false ? {} : { memo: this.graphMemo }),
    });
    return this.graphCache;
  }

  /**
   * Facts of every JSON file, except the roles of files a .tf file reads with `file()`: those are
   * the policy of the Terraform resource, not a role of their own.
   */
  private jsonFacts(): FileFacts[] {
    const linked = new Set<string>();
    for (const entry of this.entries.values()) {
      if (!isTerraformFile(entry.file)) continue;
      const folder = folderOfPath(entry.relativePath);
      for (const link of entry.file.fileLinks) {
        if (link.relativePath) linked.add(posixPath.normalize(folder ? `${folder}/${link.relativePath}` : link.relativePath));
      }
    }
    return [...this.entries.values()]
      .filter((entry) => !isTerraformFile(entry.file))
      .map((entry) => (linked.has(entry.relativePath) ? { ...entry.facts, roles: [], identityPolicies: [] } : entry.facts));
  }

  /** Facts of every .tf file, read per module folder (a role's trust may be a data source in another file). */
  private terraformFacts(): FileFacts[] {
    const byFolder = new Map<string, { file: TerraformFile; relativePath: string; hash: string }[]>();
    for (const entry of this.entries.values()) {
      if (!isTerraformFile(entry.file)) continue;
      const folder = folderOfPath(entry.relativePath);
      const files = byFolder.get(folder);
      const item = { file: entry.file, relativePath: entry.relativePath, hash: entry.hash };
      if (files) files.push(item);
      else byFolder.set(folder, [item]);
    }
    // A folder's facts change only when one of its files does: the others are read from the cache.
    const facts: FileFacts[] = [];
    const seen = new Set<string>();
    let byPath: Map<string, Entry> | undefined;
    const entryAt = (path: string): Entry | undefined => {
      if (!byPath) {
        byPath = new Map();
        for (const entry of this.entries.values()) if (!byPath.has(entry.relativePath)) byPath.set(entry.relativePath, entry);
      }
      return byPath.get(path);
    };
    for (const [folder, files] of byFolder) {
      seen.add(folder);
      // file() reads JSON files of the workspace too: the contents of those it reads count in the stamp.
      const linked = files.flatMap((f) => f.file.fileLinks.flatMap((link) => (link.relativePath ? [posixPath.normalize(folder ? `${folder}/${link.relativePath}` : link.relativePath)] : [])));
      const stamp = files.map((f) => `${f.relativePath}:${f.hash}`).sort().join('|') + `|json:${linked.map((path) => `${path}:${entryAt(path)?.hash ?? '-'}`).join('|')}`;
      let cached = this.terraformFolderFacts.get(folder);
      if (!cached || cached.stamp !== stamp || cached.config !== this.config) {
        const context = terraformFolder(folder, files.map((f) => f.file), (path) => entryAt(path)?.file.documents[0]);
        cached = { stamp, config: this.config, facts: files.map((f) => terraformFacts(f.file, f.relativePath, this.config, context)) };
        this.terraformFolderFacts.set(folder, cached);
      }
      facts.push(...cached.facts);
    }
    for (const folder of this.terraformFolderFacts.keys()) if (!seen.has(folder)) this.terraformFolderFacts.delete(folder);
    return facts;
  }

  ref(uri: string, span: Span): SourceRef {
    const lines = this.entries.get(uri)?.lines;
    return { uri, start: span.start, end: span.end, line: lines ? lines.position(span.start).line : 1 };
  }
}

/** The folder part of a relative path (`envs/prod` for `envs/prod/main.tf`, `` at the root). */
function folderOfPath(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}
