/**
 * The trust graph of each workspace folder: a first scan of its .json and .tf files (with
 * progress), then kept current from the editor's analyses of open documents and from file events.
 * Files over `iamAtlas.maxFileSize` and binary files are left out; the scan gives the event loop a
 * turn between files, so requests are answered while a large workspace is read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CodeLensRefreshRequest, Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Analysis, BudgetStop } from '../core/analyze';
import { WorkspaceIndex } from '../core/graph';
import { TrustGraph } from '../core/graph/types';
import { GuardrailSummary, guardrailSummary } from '../core/governance/summary';
import { collectFiles } from '../cli/files';
import { DEFAULT_MAX_FILE_SIZE, skipReason } from '../core/limits';
import { GraphChangedNotification, IndexingProgressNotification } from '../protocol';
import { CONFIG_FILE_NAME, WorkspaceConfigs } from './workspace-config';

/** How long the scan analyses files before it lets other work run. */
const SCAN_SLICE_MS = 20;
const POLICY_FILE = /\.(json|jsonc|tf)$/i;

export interface ScanLimits {
  /** `iamAtlas.maxFileSize` for a file or folder. */
  readonly maxFileSize?: (uri: string) => Promise<number>;
  /** The time budget of each file's rules, as for open documents. */
  readonly timeBudgetMs?: number;
  readonly onBudgetExceeded?: (uri: string, stop: BudgetStop) => void;
}

interface Folder {
  readonly path: string;
  readonly index: WorkspaceIndex;
  scanning: Promise<void>;
  scanned: boolean;
}

export class WorkspaceGraphs {
  private readonly folders = new Map<string, Folder>();
  private changeTimer?: NodeJS.Timeout;
  /** File events still being read: a graph request waits for them. */
  private pending: Promise<void> = Promise.resolve();
  private version = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly configs: WorkspaceConfigs,
    private readonly canReportProgress: () => boolean,
    private readonly canRefreshLenses: () => boolean,
    private readonly limits: ScanLimits = {},
  ) {}

  /** Starts (or restarts) indexing of these folders; resolves when every first scan is done. */
  async setFolders(folderUris: readonly string[]): Promise<void> {
    this.folders.clear();
    for (const uri of folderUris) {
      const folderPath = URI.parse(uri).fsPath;
      const { timeBudgetMs, onBudgetExceeded } = this.limits;
      const index = new WorkspaceIndex({ root: folderPath, ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}), ...(onBudgetExceeded ? { onBudgetExceeded } : {}) });
      const folder: Folder = { path: folderPath, index, scanning: Promise.resolve(), scanned: false };
      this.folders.set(folderPath, folder);
      folder.scanning = this.scan(folder);
    }
    await Promise.all([...this.folders.values()].map((folder) => folder.scanning));
  }

  /** Called once a burst of changes is over (the same moment the client is told). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Every folder's index, and whether its first scan is done. */
  indexes(): { readonly path: string; readonly index: WorkspaceIndex; readonly scanned: boolean }[] {
    return [...this.folders.values()].map((folder) => ({ path: folder.path, index: folder.index, scanned: folder.scanned }));
  }

  /** The configuration changed on disk: every folder is read again. */
  async reloadConfig(): Promise<void> {
    for (const folder of this.folders.values()) {
      folder.index.setConfig(await this.configs.forDocument(URI.file(folder.path).toString()));
      // The file itself is indexed too: findings about the workspace as a whole are placed on it.
      const configFile = path.join(folder.path, CONFIG_FILE_NAME);
      const configUri = URI.file(configFile).toString();
      try {
        folder.index.update(configUri, await fs.readFile(configFile, 'utf8'), CONFIG_FILE_NAME);
      } catch {
        folder.index.remove(configUri);
      }
    }
    this.changed();
  }

  /** An open document was analysed: the index takes that analysis instead of reading the disk. */
  documentAnalysed(uri: string, text: string, analysis: Analysis): void {
    const folder = this.folderOf(uri);
    if (!folder) return;
    if (folder.index.update(uri, text, this.relative(folder, uri), analysis)) this.changed();
  }

  /** A file changed, appeared or went away on disk. */
  fileEvent(uri: string, deleted: boolean): Promise<void> {
    this.pending = this.pending.then(() => this.applyFileEvent(uri, deleted));
    return this.pending;
  }

  /**
   * A document closed: the index goes back to what the disk holds (the file as saved, or nothing
   * for a file that was never saved), so unsaved text and files that never existed do not stay.
   */
  documentClosed(uri: string): Promise<void> {
    return this.fileEvent(uri, false);
  }

  private async applyFileEvent(uri: string, deleted: boolean): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder || !POLICY_FILE.test(uri)) return;
    // Deleted, gone, never saved, too large, binary or not a regular file: nothing of it stays in the index.
    const text = deleted ? undefined : await this.readIndexable(uri);
    const changed = text === undefined ? folder.index.remove(uri) : folder.index.update(uri, text, this.relative(folder, uri));
    if (changed) this.changed();
  }

  /** The file's text, or undefined when there is none to index (see applyFileEvent). */
  private async readIndexable(uri: string): Promise<string | undefined> {
    try {
      const file = URI.parse(uri).fsPath;
      const stat = await fs.stat(file);
      const limit = await this.limitFor(uri);
      if (!stat.isFile() || stat.size > limit) return undefined;
      const text = await fs.readFile(file, 'utf8');
      return skipReason(text, limit) ? undefined : text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.connection.console.warn(`Could not read ${uri}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The graph of the folder holding `uri` (the first folder by default), after its first scan. */
  async graph(
    uri?: string,
  ): Promise<{ graph: TrustGraph; indexing: boolean; fileCount: number; version: number; guardrails?: GuardrailSummary[] } | undefined> {
    const folder = uri ? this.folderOf(uri) : this.folders.values().next().value;
    if (!folder) return undefined;
    await folder.scanning;
    await this.pending;
    const guardrails = guardrailSummary(folder.index.context());
    return { graph: folder.index.graph(), indexing: !folder.scanned, fileCount: folder.index.size, version: this.version, ...(guardrails ? { guardrails } : {}) };
  }

  /** The graph for a document, if its folder is scanned (code lenses do not wait for a scan). */
  graphIfReady(uri: string): TrustGraph | undefined {
    const folder = this.folderOf(uri);
    return folder?.scanned ? folder.index.graph() : undefined;
  }

  private async scan(folder: Folder): Promise<void> {
    const config = await this.configs.forDocument(URI.file(folder.path).toString());
    folder.index.setConfig(config);
    const progress = this.canReportProgress() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('IAM Atlas', 0, `Indexing ${path.basename(folder.path)}`, false);
    this.reportIndexing(folder, 0, false);
    try {
      const collected = await collectFiles([folder.path], {
        maxFileSize: await this.limitFor(URI.file(folder.path).toString()),
        onFile: (count) => {
          if (count % 200 !== 0) return;
          progress?.report(`Indexing ${path.basename(folder.path)}: ${count} files read`);
          this.reportIndexing(folder, count, false);
        },
      });
      for (const skipped of collected.skipped) this.connection.console.info(`Skipped ${skipped.path}: ${skipped.reason}`);
      let slice = performance.now();
      for (const source of collected.files) {
        const uri = URI.file(source.path).toString();
        folder.index.update(uri, source.text, this.relative(folder, uri));
        if (performance.now() - slice > SCAN_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      folder.scanned = true;
      this.connection.console.info(`Indexed ${folder.index.size} files in ${folder.path}.`);
    } catch (error) {
      this.connection.console.error(`Indexing ${folder.path} failed: ${(error as Error).message}`);
    } finally {
      progress?.done();
      this.reportIndexing(folder, folder.index.size, true);
      this.changed();
    }
  }

  /** The graph panel shows how far the first scan is (work-done progress is only for VS Code's own UI). */
  private reportIndexing(folder: Folder, filesRead: number, done: boolean): void {
    const params: IndexingProgressNotification.Params = { folderUri: URI.file(folder.path).toString(), filesRead, done };
    void this.connection.sendNotification(IndexingProgressNotification.method, params);
  }

  /** The size limit for a file or folder; the default when the client cannot say. */
  private async limitFor(uri: string): Promise<number> {
    try {
      return this.limits.maxFileSize ? await this.limits.maxFileSize(uri) : DEFAULT_MAX_FILE_SIZE;
    } catch {
      return DEFAULT_MAX_FILE_SIZE;
    }
  }

  private folderOf(uri: string): Folder | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    let best: Folder | undefined;
    for (const folder of this.folders.values()) {
      if ((file === folder.path || file.startsWith(folder.path + path.sep)) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  private relative(folder: Folder, uri: string): string {
    return path.relative(folder.path, URI.parse(uri).fsPath).split(path.sep).join('/');
  }

  /** Tells the client, once the burst of changes is over, that the graph changed. */
  private changed(): void {
    this.version++;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      const fileCount = [...this.folders.values()].reduce((sum, folder) => sum + folder.index.size, 0);
      const params: GraphChangedNotification.Params = { fileCount, version: this.version };
      void this.connection.sendNotification(GraphChangedNotification.method, params);
      if (this.canRefreshLenses()) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      for (const listener of this.listeners) listener();
    }, 250);
  }
}
