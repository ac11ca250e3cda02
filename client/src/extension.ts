/** The extension host side: starts the language server and gives it a face in the editor. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerFirstRunCommands } from './first-run';
import { FindingsStatus } from './status';
import { showWhoCanAssume } from './who-can-assume';
import { GraphEvents } from './graph-events';
import { GraphPanel, PanelServices, TRUST_GRAPH_VIEW_TYPE, showTargetOf } from './graph-panel';
import { PolicyContextKey } from './policy-context';

let client: LanguageClient | undefined;

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
  };
  return new LanguageClient('iamAtlas', 'IAM Atlas', serverOptions, clientOptions);
}
