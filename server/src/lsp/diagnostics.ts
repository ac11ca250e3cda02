/**
 * Publishes diagnostics: at once when a document opens, after a short pause while it is edited.
 * A run whose document changed meanwhile is dropped: the newer version's run publishes instead.
 * A document over `iamAtlas.maxFileSize`, or binary, is not analysed: skipped.ts says so.
 */
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../core/analyze';
import { skipReason } from '../core/limits';
import { languageOf, pathOfUri } from '../core/parse';
import { limitsDocsUrl } from '../package-root';
import { AnalysisCache } from './analysis-cache';
import { toDiagnostic } from './convert';
import { DiagnosticStore } from './diagnostic-store';
import { SettingsReader } from './settings';
import { MAX_DIAGNOSTICS, skipDiagnostics, skipLogLine, tooManyDiagnostic } from './skipped';
import { WorkspaceConfigs } from './workspace-config';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** `uri kind` of each skip already logged: once per file, until it is analysed again. */
  private readonly loggedSkips = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly settings: SettingsReader,
    private readonly configs: WorkspaceConfigs,
    private readonly docsUrl: (ruleName: string) => string,
    /** Told of every analysis, so the workspace graph follows the editor's text. */
    private readonly onAnalysed: (uri: string, text: string, analysis: Analysis) => void = () => undefined,
    /** Where diagnostics go: published together with the workspace rules' ones for the same file. */
    private readonly store: DiagnosticStore = new DiagnosticStore(connection),
  ) {}

  /** Analyse now (a document opened, or the configuration changed). */
  now(uri: string): void {
    this.cancel(uri);
    void this.run(uri);
  }

  /** Analyse after the configured pause; a newer edit restarts the pause. */
  async later(uri: string): Promise<void> {
    this.cancel(uri);
    const { diagnosticsDelay } = await this.settings.read(uri);
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, diagnosticsDelay),
    );
  }

  all(): void {
    for (const document of this.documents.all()) this.now(document.uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.forgetSkips(uri);
    this.cache.forget(uri);
    void this.store.clearDocument(uri);
  }

  private forgetSkips(uri: string): void {
    for (const key of [...this.loggedSkips]) if (key.startsWith(`${uri} `)) this.loggedSkips.delete(key);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const [settings, config] = await Promise.all([this.settings.read(uri), this.configs.forDocument(uri)]);
      const current = this.documents.get(uri);
      if (!current || current.version !== version) return;
      const language = languageOf(uri, current.languageId);
      const skip = language ? skipReason(current.getText(), settings.maxFileSize) : undefined;
      if (language && skip) {
        this.cache.skip(uri, skip);
        const key = `${uri} ${skip.kind}`;
        if (!this.loggedSkips.has(key)) {
          this.loggedSkips.add(key);
          this.connection.console.info(skipLogLine(pathOfUri(uri), skip));
        }
        await this.store.setDocument(uri, version, skipDiagnostics(current, language, skip, limitsDocsUrl()));
        return;
      }
      this.forgetSkips(uri);
      const analysis = this.cache.analyze(current, settings, config, this.configs.folderOf(uri));
      const { findings } = analysis;
      this.onAnalysed(uri, current.getText(), analysis);
      const diagnostics = findings.slice(0, MAX_DIAGNOSTICS).map((finding, index) => toDiagnostic(current, finding, index, this.docsUrl));
      if (findings.length > MAX_DIAGNOSTICS) diagnostics.push(tooManyDiagnostic(current, findings.length, limitsDocsUrl()));
      await this.store.setDocument(uri, version, diagnostics);
    } catch (error) {
      this.connection.console.error(`Analysis of ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
