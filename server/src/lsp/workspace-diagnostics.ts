/**
 * The workspace rules in the editor: run over each folder's index once a burst of changes is over
 * (the same debounced moment the graph's change is announced, never per keystroke), published on the
 * files they are about, open or not. Findings about the workspace as a whole go on the folder's
 * iam-atlas.json; without one, they are written to the output channel.
 */
import * as path from 'node:path';
import { Connection, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { WorkspaceFinding, analyzeWorkspace } from '../core/analyze-workspace';
import { WorkspaceIndex } from '../core/graph';
import { WorkspaceContext } from '../core/rules/workspace-context';
import { toWorkspaceDiagnostic } from './convert';
import { DiagnosticStore } from './diagnostic-store';
import { SettingsReader, Settings } from './settings';
import { CONFIG_FILE_NAME } from './workspace-config';
import { WorkspaceGraphs } from './workspace-graph';

interface Computed {
  readonly context: WorkspaceContext;
  readonly rules: Settings['rules'];
  readonly unlocated: string;
}

export class WorkspaceDiagnostics {
  private readonly last = new Map<string, Computed>();
  private running: Promise<void> = Promise.resolve();
  private readonly reportedErrors = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly graphs: WorkspaceGraphs,
    private readonly settings: SettingsReader,
    private readonly store: DiagnosticStore,
    private readonly docsUrl: (ruleName: string) => string,
  ) {
    graphs.onDidChange(() => void this.refresh());
  }

  /** Runs the workspace rules where the index or the severities changed since the last run. */
  refresh(): Promise<void> {
    this.running = this.running.then(() => this.run()).catch((error: Error) => {
      this.connection.console.error(`Workspace rules failed: ${error.stack ?? String(error)}`);
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const indexes = this.graphs.indexes();
    for (const folder of this.last.keys()) {
      if (indexes.some((indexed) => indexed.path === folder)) continue;
      // A folder that left the workspace takes its findings with it.
      await this.store.setWorkspace(folder, new Map());
      this.last.delete(folder);
    }
    for (const { path: folder, index, scanned } of indexes) {
      // A half-scanned folder would report guardrails and owners missing that the rest of it has.
      if (!scanned) continue;
      const folderUri = URI.file(folder).toString();
      const { rules } = await this.settings.read(folderUri);
      const context = index.context();
      const previous = this.last.get(folder);
      if (previous && previous.context === context && JSON.stringify(previous.rules) === JSON.stringify(rules)) continue;
      const configUri = URI.file(path.join(folder, CONFIG_FILE_NAME)).toString();
      const configText = index.parsed(configUri)?.text;
      const findings = analyzeWorkspace(context, {
        severities: rules,
        ...(configText !== undefined ? { configFile: { uri: configUri, text: configText } } : {}),
        onRuleError: (rule, error) => {
          if (this.reportedErrors.has(rule.id)) return;
          this.reportedErrors.add(rule.id);
          this.connection.console.error(`Rule ${rule.id} ${rule.name} failed and was skipped: ${(error as Error).stack ?? String(error)}`);
        },
      });
      await this.store.setWorkspace(folder, this.diagnostics(findings, index));
      const unlocated = findings.filter((f) => !f.uri).map((f) => `${f.ruleId} ${f.message}`);
      const unlocatedText = unlocated.join('\n');
      if (unlocated.length && unlocatedText !== previous?.unlocated) {
        this.connection.console.info(`Workspace findings for ${folder} (add ${CONFIG_FILE_NAME} to see them in the Problems view):\n${unlocatedText}`);
      }
      this.last.set(folder, { context, rules, unlocated: unlocatedText });
    }
  }

  private diagnostics(findings: readonly WorkspaceFinding[], index: WorkspaceIndex): Map<string, Diagnostic[]> {
    const documents = new Map<string, TextDocument | undefined>();
    const documentOf = (uri: string): TextDocument | undefined => {
      if (!documents.has(uri)) {
        const file = index.parsed(uri);
        documents.set(uri, file ? TextDocument.create(uri, file.language, 0, file.text) : undefined);
      }
      return documents.get(uri);
    };
    const byUri = new Map<string, Diagnostic[]>();
    for (const finding of findings) {
      if (!finding.uri || !finding.span) continue;
      const document = documentOf(finding.uri);
      if (!document) continue;
      const diagnostic = toWorkspaceDiagnostic(document, { ...finding, span: finding.span }, this.docsUrl, documentOf);
      byUri.set(finding.uri, [...(byUri.get(finding.uri) ?? []), diagnostic]);
    }
    return byUri;
  }
}
