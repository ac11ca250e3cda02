/** The language server: wires the LSP connection to the analysis. Each feature lives in its own file. */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCatalog } from '../core/catalog/data-source';
import { initTerraform } from '../core/parse/terraform-runtime';
import { packageVersion, ruleDocsUrl } from '../package-root';
import { AnalysisCache, inModuleOf } from './analysis-cache';
import { FIX_ALL_KIND, codeActions } from './code-actions';
import { completions } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { hoverAt } from './hover';
import { SettingsReader } from './settings';
import { GraphRequest, WhoCanAssumeRequest } from '../protocol';
import { trustCodeLenses } from './code-lens';
import { graphRequest, whoCanAssumeRequest } from './graph-requests';
import { CONFIG_FILE_NAME, WorkspaceConfigs } from './workspace-config';
import { WorkspaceGraphs } from './workspace-graph';
import { DiagnosticStore } from './diagnostic-store';
import { WorkspaceDiagnostics } from './workspace-diagnostics';
import { readTestHooks } from './test-hooks';
import { BudgetStop } from '../core/analyze';
import { pathOfUri } from '../core/parse';

/**
 * Milliseconds the rules of one analysis may take before the rest are skipped (checked between
 * rules and between documents): ten times the budget for a 1 MB file, so only a pathological
 * file reaches it, and the server answers other requests again soon after.
 */
const ANALYSIS_TIME_BUDGET_MS = 2000;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let clientAnswersConfiguration = false;
let clientWantsConfigurationChanges = false;
let clientShowsProgress = false;
let clientRefreshesLenses = false;
let clientSupportsSnippets = false;
let folderUris: string[] = [];
let terraformFailure: Error | undefined;
const reportedRuleErrors = new Set<string>();
const reportedBudgetStops = new Set<string>();
const testHooks = readTestHooks();
const analysisBudgetMs = testHooks.timeBudgetMs ?? ANALYSIS_TIME_BUDGET_MS;

// A promise nobody awaited failed (a client that refused a request, a file that vanished): log it
// and keep serving, instead of letting Node end the process.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unexpected error, the server keeps running: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

/** Once per file: the rules of its analysis stopped at the time budget. */
function reportBudgetStop(uri: string, stop: BudgetStop): void {
  if (reportedBudgetStops.has(uri)) return;
  reportedBudgetStops.add(uri);
  const rules = stop.unfinished.map((rule) => `${rule.id} ${rule.name}`);
  const shown = rules.length > 5 ? `${rules.slice(0, 5).join(', ')} and ${rules.length - 5} more` : rules.join(', ');
  connection.console.warn(
    `Analysis of ${pathOfUri(uri)} stopped after ${Math.round(stop.elapsedMs)} ms, past its budget of ${stop.budgetMs} ms: ${rules.length} rule${rules.length === 1 ? '' : 's'} did not run to the end (${shown}). Its diagnostics are incomplete.`,
  );
}

const settings = new SettingsReader(connection, () => clientAnswersConfiguration);
const configs = new WorkspaceConfigs((message) => connection.console.warn(message));
const cache = new AnalysisCache((rule, error) => {
  // Once per rule: a rule that fails on every keystroke must not flood the log.
  if (reportedRuleErrors.has(rule.id)) return;
  reportedRuleErrors.add(rule.id);
  connection.console.error(`Rule ${rule.id} ${rule.name} failed and was skipped: ${(error as Error).stack ?? String(error)}`);
}, (changedUri) => {
  // A .tf file changed what it tells its module (which argument uses which policy): re-check the others.
  for (const document of documents.all()) if (document.uri !== changedUri && inModuleOf(changedUri, document.uri)) void diagnostics.later(document.uri);
}, { timeBudgetMs: analysisBudgetMs, onBudgetExceeded: reportBudgetStop, extraRules: testHooks.rules });
const graphs = new WorkspaceGraphs(connection, configs, () => clientShowsProgress, () => clientRefreshesLenses, {
  maxFileSize: async (uri) => (await settings.read(uri)).maxFileSize,
  timeBudgetMs: analysisBudgetMs,
  onBudgetExceeded: reportBudgetStop,
});
const diagnosticStore = new DiagnosticStore(connection);
const diagnostics = new DiagnosticsPublisher(connection, documents, cache, settings, configs, ruleDocsUrl, (uri, text, analysis) =>
  graphs.documentAnalysed(uri, text, analysis),
  diagnosticStore,
);
const workspaceDiagnostics = new WorkspaceDiagnostics(connection, graphs, settings, diagnosticStore, ruleDocsUrl);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientAnswersConfiguration = params.capabilities.workspace?.configuration === true;
  clientWantsConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientShowsProgress = params.capabilities.window?.workDoneProgress === true;
  clientRefreshesLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  clientSupportsSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setFolders(folderUris);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      // `"` opens a value or key, `:` follows a service prefix (`s3:`) or a set operator.
      completionProvider: { triggerCharacters: ['"', ':'] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'iam-atlas', version: packageVersion() },
  };
});

connection.onInitialized(() => {
  if (terraformFailure) connection.console.error(`Terraform files will not be analysed: ${terraformFailure.message}`);
  if (clientWantsConfigurationChanges) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamAtlas' });
  }
  void graphs.setFolders(folderUris);
  connection.workspace.onDidChangeWorkspaceFolders(async () => {
    const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    folderUris = folders.map((folder) => folder.uri);
    configs.setFolders(folderUris);
    diagnostics.all();
    void graphs.setFolders(folderUris);
  });
});

// Opening fires onDidOpen and then onDidChangeContent: analyse an opened document at once, an
// edited one after the pause.
const justOpened = new Set<string>();
documents.onDidOpen(({ document }) => justOpened.add(document.uri));
documents.onDidChangeContent(({ document }) => {
  if (justOpened.delete(document.uri)) diagnostics.now(document.uri);
  else void diagnostics.later(document.uri);
});
documents.onDidClose(({ document }) => {
  diagnostics.clear(document.uri);
  // The workspace graph goes back to the file on disk (or forgets a file never saved).
  void graphs.documentClosed(document.uri);
  reportedBudgetStops.delete(document.uri);
  // Its text on disk may tell the module something else than the editor's did.
  if (document.uri.toLowerCase().endsWith('.tf')) {
    cache.terraformFilesChanged();
    diagnostics.all();
  }
});

connection.onDidChangeConfiguration(() => {
  diagnostics.all();
  void workspaceDiagnostics.refresh();
});
connection.onDidChangeWatchedFiles(({ changes }) => {
  if (changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
    configs.invalidate();
    diagnostics.all();
    void graphs.reloadConfig();
  }
  if (changes.some((change) => change.uri.toLowerCase().endsWith('.tf'))) {
    cache.terraformFilesChanged();
    diagnostics.all();
  }
  for (const change of changes) {
    // An open document's text is the editor's, not the disk's.
    if (documents.get(change.uri) || change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
    void graphs.fileEvent(change.uri, change.type === FileChangeType.Deleted);
  }
});

connection.onRequest(GraphRequest.method, (params: GraphRequest.Params) => graphRequest(graphs, params ?? {}));
connection.onRequest(WhoCanAssumeRequest.method, (params: WhoCanAssumeRequest.Params) => whoCanAssumeRequest(graphs, params));
connection.onCodeLens(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const graph = document && graphs.graphIfReady(document.uri);
  return document && graph ? trustCodeLenses(document, graph) : [];
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActions(document, params, cache) : [];
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return completions(document, params.position, cache, defaultCatalog(), clientSupportsSnippets);
  } catch (error) {
    connection.console.error(`Completion in ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    return null;
  }
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return hoverAt(document, params.position, cache, defaultCatalog());
  } catch (error) {
    connection.console.error(`Hover in ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    return null;
  }
});

// The Terraform parser loads WebAssembly: start listening once it is ready, so every .tf document is
// parsed with it. If it fails, JSON still works and the reason is logged once the client is there.
void initTerraform()
  .catch((error: Error) => {
    terraformFailure = error;
  })
  .finally(() => {
    documents.listen(connection);
    connection.listen();
  });
