/**
 * Parse and analyse once per document version: diagnostics, code actions, completion and hover all
 * read the same result. Completion and hover need only the parse, so they never wait for the rules.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisOptions, analyzeParsed, parseForAnalysis } from '../core/analyze';
import { EMPTY_CONFIG, WorkspaceConfig } from '../core/config';
import { ParsedFile } from '../core/model';
import { pathOfUri } from '../core/parse';
import { Rule } from '../core/rules/types';
import { DEFAULT_SETTINGS, Settings } from './settings';

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

  analyze(document: TextDocument, settings: Settings, config: WorkspaceConfig): Analysis {
    const entry = this.entry(document, settings, config);
    entry.analysis ??= { file: entry.file, findings: analyzeParsed(entry.file, this.options(document, settings, config)) };
    return entry.analysis;
  }

  /**
   * The parsed file of this version, parsed now if need be, with the settings and configuration of
   * the last analysis of the document (they only decide policy kinds, which completion and hover
   * hardly depend on; the next analysis corrects them).
   */
  parsed(document: TextDocument): ParsedFile {
    const last = this.entries.get(document.uri);
    return this.entry(document, last?.settings ?? DEFAULT_SETTINGS, last?.config ?? EMPTY_CONFIG, true).file;
  }

  /** The last analysis of exactly this version, if there is one. */
  peek(uri: string, version: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.analysis : undefined;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(document: TextDocument, settings: Settings, config: WorkspaceConfig, anySettings = false): Entry {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && (anySettings || (cached.settings === settings && cached.config === config))) {
      return cached;
    }
    const options = this.options(document, settings, config);
    const entry: Entry = { version: document.version, settings, config, file: parseForAnalysis(document.uri, document.getText(), options) };
    this.entries.set(document.uri, entry);
    return entry;
  }

  private options(document: TextDocument, settings: Settings, config: WorkspaceConfig): AnalysisOptions {
    return {
      languageId: document.languageId,
      path: pathOfUri(document.uri),
      policyKinds: settings.policyKinds,
      severities: settings.rules,
      config,
      onRuleError: this.onRuleError,
    };
  }
}
