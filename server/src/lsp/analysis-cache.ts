/**
 * Parse and analyse once per document version: diagnostics and code actions read the same result.
 * Completion and hover read the text of each new version themselves (a statement at a time), and
 * take from here only what an earlier parse knew about the file, such as its policy kind.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisOptions, analyzeParsed, parseForAnalysis } from '../core/analyze';
import { WorkspaceConfig } from '../core/config';
import { ParsedFile } from '../core/model';
import { pathOfUri } from '../core/parse';
import { Rule } from '../core/rules/types';
import { Settings } from './settings';

interface Entry {
  readonly version: number;
  readonly settings: Settings;
  readonly config: WorkspaceConfig;
  readonly file: ParsedFile;
  analysis?: Analysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly onRuleError: (rule: Rule, error: unknown) => void) {}

  /** `root` is the workspace folder holding the document, for the configuration's account paths. */
  analyze(document: TextDocument, settings: Settings, config: WorkspaceConfig, root?: string): Analysis {
    const entry = this.entry(document, settings, config, root);
    entry.analysis ??= { file: entry.file, findings: analyzeParsed(entry.file, this.options(document, settings, config, root)) };
    return entry.analysis;
  }

  /** The last parse of the document, of whatever version: for what edits rarely change, like its kind. */
  lastParsed(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.file;
  }

  /** The last analysis of exactly this version, if there is one. */
  peek(uri: string, version: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.analysis : undefined;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(document: TextDocument, settings: Settings, config: WorkspaceConfig, root: string | undefined): Entry {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && cached.config === config) {
      return cached;
    }
    const options = this.options(document, settings, config, root);
    const entry: Entry = { version: document.version, settings, config, file: parseForAnalysis(document.uri, document.getText(), options) };
    this.entries.set(document.uri, entry);
    return entry;
  }

  private options(document: TextDocument, settings: Settings, config: WorkspaceConfig, root: string | undefined): AnalysisOptions {
    return {
      languageId: document.languageId,
      path: pathOfUri(document.uri),
      policyKinds: settings.policyKinds,
      severities: settings.rules,
      config,
      ...(root ? { root } : {}),
      onRuleError: this.onRuleError,
    };
  }
}
