/**
 * Parse and analyse once per document version: diagnostics, code actions and (later) completion and
 * hover all read the same result.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze } from '../core/analyze';
import { WorkspaceConfig } from '../core/config';
import { pathOfUri } from '../core/parse';
import { Rule } from '../core/rules/types';
import { Settings } from './settings';

interface Entry {
  readonly version: number;
  readonly settings: Settings;
  readonly config: WorkspaceConfig;
  readonly analysis: Analysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly onRuleError: (rule: Rule, error: unknown) => void) {}

  /** `root` is the workspace folder holding the document, for the configuration's account paths. */
  analyze(document: TextDocument, settings: Settings, config: WorkspaceConfig, root?: string): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && cached.config === config) {
      return cached.analysis;
    }
    const analysis = analyze(document.uri, document.getText(), {
      languageId: document.languageId,
      path: pathOfUri(document.uri),
      policyKinds: settings.policyKinds,
      severities: settings.rules,
      config,
      root,
      onRuleError: this.onRuleError,
    });
    this.entries.set(document.uri, { version: document.version, settings, config, analysis });
    return analysis;
  }

  /** The last analysis of exactly this version, if there is one. */
  peek(uri: string, version: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.analysis : undefined;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
