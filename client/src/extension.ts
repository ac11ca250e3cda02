/** The extension host side: starts the language server and gives it a face in the editor. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CrashDecision, ServerCrashes } from './server-crashes';
import { registerFirstRunCommands } from './first-run';
import { FindingsStatus } from './status';
import { showWhoCanAssume } from './who-can-assume';
import { GraphEvents } from './graph-events';
import { GraphPanel, PanelServices, TRUST_GRAPH_VIEW_TYPE, showTargetOf } from './graph-panel';
import { PolicyContextKey } from './policy-context';

let client: LanguageClient | undefined;
const crashes = new ServerCrashes();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('IAM Atlas', { log: true });
  context.subscriptions.push(output);

  client = createClient(context, output);
  context.subscriptions.push(new FindingsStatus());
  const graphEvents = new GraphEvents(client);
  const panelServices: PanelServices = { context, client: () => client, events: graphEvents, log: output };
  context.subscriptions.push(
    graphEvents,
    new PolicyContextKey(),
    vscode.commands.registerCommand('iamAtlas.showTrustGraph', (...args: unknown[]) => GraphPanel.show(panelServices, showTargetOf(args))),
    vscode.window.registerWebviewPanelSerializer(TRUST_GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => GraphPanel.revive(panel, panelServices, state),
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('iamAtlas.restartServer', async () => {
      output.info('Restarting the IAM Atlas language server.');
      crashes.reset();
      await client?.restart();
      void vscode.window.setStatusBarMessage('IAM Atlas: language server restarted', 3000);
    }),
    vscode.commands.registerCommand('iamAtlas.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('iamAtlas.showWhoCanAssume', (role?: string, uri?: string) =>
      client ? showWhoCanAssume(client, role, uri) : undefined,
    ),
    ...registerFirstRunCommands(context),
  );
  await client.start();
  output.info(`IAM Atlas ${String(context.extension.packageJSON.version)}: language server started.`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'terraform' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'terraform' },
    ],
    synchronize: {
      // Policies and iam-atlas.json: the workspace graph follows files that are not open too.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,jsonc,tf}'),
    },
    outputChannel: output,
    errorHandler: crashHandler(output),
  };
  return new LanguageClient('iamAtlas', 'IAM Atlas', serverOptions, clientOptions);
}

/**
 * When the server's process ends unexpectedly: restart it (up to four times in three minutes) and
 * say so, with a button to the output channel, instead of the language client's generic message.
 */
function crashHandler(output: vscode.LogOutputChannel): ErrorHandler {
  return {
    // Errors reading or writing the connection: carry on unless they keep coming, as the default handler does.
    error: (_error, _message, count): ErrorHandlerResult => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      const decision = crashes.ended();
      if (decision.restart) output.warn(decision.message);
      else output.error(decision.message);
      void tellUser(decision, output);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.message, handled: true };
    },
  };
}

async function tellUser(decision: CrashDecision, output: vscode.LogOutputChannel): Promise<void> {
  const showOutput = 'Show Output';
  const restart = 'Restart Language Server';
  const choice = decision.restart
    ? await vscode.window.showWarningMessage(decision.message, showOutput)
    : await vscode.window.showErrorMessage(decision.message, showOutput, restart);
  if (choice === showOutput) output.show(true);
  if (choice === restart) await vscode.commands.executeCommand('iamAtlas.restartServer');
}
