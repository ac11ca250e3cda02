/**
 * "IAM Atlas: Show Trust Graph": one webview panel per window, reused. The page keeps its own view
 * state (getState/setState), so a hidden panel costs nothing and comes back as it was; the graph
 * itself is sent by postMessage each time the page says it is ready, and again when it changes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { FromWebviewMessage, GraphRequest, SourceRef, ToWebviewMessage, TrustGraph } from '../../server/src/protocol';
import { GraphEvents } from './graph-events';
import { panelHtml } from './panel-html';
import { checkWebviewMessage } from './panel-messages';
import { WEBVIEW_BUNDLE_PATH, panelOptions } from './panel-options';

export const TRUST_GRAPH_VIEW_TYPE = 'iamAtlas.trustGraph';

export interface ShowTarget {
  /** A file or folder: the panel shows the graph of the workspace folder that holds it. */
  readonly uri?: vscode.Uri;
  /** A node (a role) to focus on: every path into it, the rest faded. */
  readonly focus?: string;
}

export interface PanelServices {
  readonly context: vscode.ExtensionContext;
  readonly client: () => LanguageClient | undefined;
  readonly events: GraphEvents;
  readonly log: vscode.LogOutputChannel;
}

export class GraphPanel implements vscode.Disposable {
  private static current: GraphPanel | undefined;

  private ready = false;
  private pendingFocus: string | undefined;
  private requestCount = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Opens the panel (or brings it forward) on the target's workspace folder. */
  static show(services: PanelServices, target: ShowTarget): void {
    const folder = workspaceFolderFor(target.uri);
    if (!folder) {
      void vscode.window.showWarningMessage('IAM Atlas: open a folder to see its trust graph.');
      return;
    }
    const existing = GraphPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      existing.retarget(folder, target.focus);
      return;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(TRUST_GRAPH_VIEW_TYPE, panelTitle(folder), column, webviewOptions(services.context));
    GraphPanel.current = new GraphPanel(panel, services, folder, target.focus);
  }

  /** After a window reload, VS Code hands back the panel it had; the page restores its own state. */
  static revive(panel: vscode.WebviewPanel, services: PanelServices, state: unknown): void {
    const saved = typeof state === 'object' && state !== null ? (state as { folderUri?: unknown }).folderUri : undefined;
    const folder =
      vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.toString() === saved) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(services.context);
    GraphPanel.current?.dispose();
    GraphPanel.current = new GraphPanel(panel, services, folder, undefined);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    private folder: vscode.WorkspaceFolder,
    focus: string | undefined,
  ) {
    this.pendingFocus = focus;
    const bundle = bundleFolder(services.context);
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'graph.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'graph.css')).toString(),
    });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      // A hidden webview is unloaded; when shown again the page loads anew and says it is ready.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      services.events.onGraphChanged(() => {
        if (this.ready) void this.sendGraph();
      }),
      services.events.onIndexing((progress) => {
        if (this.ready && progress.folderUri === this.folder.uri.toString() && !progress.done) {
          this.post({ type: 'indexing', folderName: this.folder.name, filesRead: progress.filesRead });
        }
      }),
    );
  }

  private retarget(folder: vscode.WorkspaceFolder, focus: string | undefined): void {
    const changedFolder = folder.uri.toString() !== this.folder.uri.toString();
    this.folder = folder;
    this.panel.title = panelTitle(folder);
    this.pendingFocus = focus;
    if (!this.ready) return;
    if (changedFolder) void this.sendGraph();
    else this.sendPendingFocus();
  }

  private receive(data: unknown): void {
    const checked = checkWebviewMessage(data, vscode.workspace.workspaceFolders?.map((folder) => folder.uri.fsPath) ?? []);
    if (!checked.ok) {
      this.services.log.warn(`Trust graph panel: ignored a message (${checked.reason}).`);
      return;
    }
    void this.handle(checked.message).catch((error: unknown) => {
      this.services.log.error(`Trust graph panel: ${(error as Error).message}`);
      void vscode.window.showErrorMessage(`IAM Atlas: ${(error as Error).message}`);
    });
  }

  private async handle(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.sendGraph();
      case 'refresh':
        return this.sendGraph();
      case 'openSource':
        return this.openSource(message.source);
      case 'openRuleDocs':
        return this.openRuleDocs(message.ruleName);
      case 'openConfigDocs':
        await vscode.commands.executeCommand(
          'markdown.showPreview',
          vscode.Uri.joinPath(this.services.context.extensionUri, 'README.md').with({ fragment: 'workspace-configuration' }),
        );
        return;
      case 'saveImage':
        return this.saveImage(message.format, message.data, message.suggestedName);
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private async sendGraph(): Promise<void> {
    const client = this.services.client();
    if (!client) {
      this.post({ type: 'error', message: 'The IAM Atlas language server is not running. Run "IAM Atlas: Restart Language Server".' });
      return;
    }
    const folderUri = this.folder.uri.toString();
    const progress = this.services.events.indexingOf(folderUri);
    if (progress) this.post({ type: 'indexing', folderName: this.folder.name, filesRead: progress.filesRead });
    const request = ++this.requestCount;
    try {
      const result = await client.sendRequest<GraphRequest.Result>(GraphRequest.method, { uri: folderUri } satisfies GraphRequest.Params);
      // A later request (the graph changed again, another folder) wins over this one.
      if (request !== this.requestCount || !this.ready) return;
      const graph: TrustGraph = {
        nodes: result.nodes,
        edges: result.edges,
        notes: result.notes,
        ...(result.organizationId ? { organizationId: result.organizationId } : {}),
      };
      this.post({ type: 'graph', graph, version: result.version, fileCount: result.fileCount, folderName: this.folder.name, folderUri });
      this.sendPendingFocus();
    } catch (error) {
      if (request === this.requestCount) this.post({ type: 'error', message: `The trust graph could not be built: ${(error as Error).message}` });
    }
  }

  private sendPendingFocus(): void {
    if (this.pendingFocus === undefined) return;
    this.post({ type: 'focus', nodeId: this.pendingFocus });
    this.pendingFocus = undefined;
  }

  private async openSource(source: SourceRef): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(source.uri));
    const selection = new vscode.Range(document.positionAt(source.start), document.positionAt(source.end));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { selection, viewColumn: column });
  }

  private async openRuleDocs(ruleName: string): Promise<void> {
    const page = vscode.Uri.joinPath(this.services.context.extensionUri, 'docs', 'rules', `${ruleName}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      throw new Error(`no documentation page for rule ${ruleName}`);
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  }

  private async saveImage(format: 'png' | 'svg', data: string, suggestedName: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      title: `Export the trust graph as ${format.toUpperCase()}`,
      defaultUri: vscode.Uri.joinPath(this.folder.uri, suggestedName),
      filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] },
    });
    if (!target) return;
    const bytes = format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`IAM Atlas: saved the trust graph to ${path.basename(target.fsPath)}.`);
  }

  private post(message: ToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
  }
}

/**
 * The command's arguments, by where it was run: none (palette), a Uri (editor title, explorer),
 * or a role's node id and its document's URI (the code lens).
 */
export function showTargetOf(args: readonly unknown[]): ShowTarget {
  const [first, second] = args;
  if (first instanceof vscode.Uri) return { uri: first };
  if (typeof first === 'string') return { focus: first, ...(typeof second === 'string' ? { uri: vscode.Uri.parse(second) } : {}) };
  return {};
}

function workspaceFolderFor(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  const context = uri ?? vscode.window.activeTextEditor?.document.uri;
  return (context && vscode.workspace.getWorkspaceFolder(context)) ?? vscode.workspace.workspaceFolders?.[0];
}

function panelTitle(folder: vscode.WorkspaceFolder): string {
  return `Trust Graph: ${folder.name}`;
}

function bundleFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, ...WEBVIEW_BUNDLE_PATH);
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  const options = panelOptions(context.extensionUri, vscode.Uri.joinPath);
  return { enableScripts: options.enableScripts, localResourceRoots: [...options.localResourceRoots] };
}
