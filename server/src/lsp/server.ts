/** The language server: wires the LSP connection to the analysis. Each feature lives in its own file. */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initTerraform } from '../core/parse/terraform-runtime';
import { packageVersion, ruleDocsUrl } from '../package-root';
import { AnalysisCache, inModuleOf } from './analysis-cache';
import { codeActions } from './code-actions';
import { DiagnosticsPublisher } from './diagnostics';
import { SettingsReader } from './settings';
import { CONFIG_FILE_NAME, WorkspaceConfigs } from './workspace-config';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let clientAnswersConfiguration = false;
let clientWantsConfigurationChanges = false;
let terraformFailure: Error | undefined;
const reportedRuleErrors = new Set<string>();

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
});
const diagnostics = new DiagnosticsPublisher(connection, documents, cache, settings, configs, ruleDocsUrl);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientAnswersConfiguration = params.capabilities.workspace?.configuration === true;
  clientWantsConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
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
  connection.workspace.onDidChangeWorkspaceFolders(async () => {
    const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    configs.setFolders(folders.map((folder) => folder.uri));
    diagnostics.all();
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
  // Its text on disk may tell the module something else than the editor's did.
  if (document.uri.toLowerCase().endsWith('.tf')) {
    cache.terraformFilesChanged();
    diagnostics.all();
  }
});

connection.onDidChangeConfiguration(() => diagnostics.all());
connection.onDidChangeWatchedFiles(({ changes }) => {
  if (changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
    configs.invalidate();
    diagnostics.all();
  }
  if (changes.some((change) => change.uri.toLowerCase().endsWith('.tf'))) {
    cache.terraformFilesChanged();
    diagnostics.all();
  }
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActions(document, params, cache) : [];
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
