/**
 * A minimal LSP client for protocol tests: starts the built server (dist/server.js) over stdio,
 * answers its configuration requests, and lets tests wait for the notifications they expect.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

interface Waiter {
  readonly uri: string;
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly versions = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  readonly stderr: string[] = [];
  /** Every window/logMessage the server sent (what the IAM Atlas output channel shows). */
  readonly logs: string[] = [];
  private readonly logWaiters: { readonly pattern: RegExp; readonly resolve: (line: string) => void }[] = [];
  settings: Record<string, unknown> = {};
  /** Resolves with the server's exit code when its process ends. */
  readonly exited: Promise<number | null>;

  private constructor(child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.logs.push(message);
      for (const waiter of [...this.logWaiters]) {
        if (!waiter.pattern.test(message)) continue;
        this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'iamAtlas' ? this.settings : null)),
    );
    this.connection.listen();
  }

  /**
   * `env` is added to this process's environment for the server (test hooks, a preload), `execArgv`
   * goes to Node before the server, and `wrap` runs it all under another command (`unshare --net`).
   */
  static async start(
    workspaceFolder?: string,
    options: { env?: NodeJS.ProcessEnv; execArgv?: readonly string[]; wrap?: readonly string[] } = {},
  ): Promise<TestClient> {
    const command = [...(options.wrap ?? []), process.execPath, ...(options.execArgv ?? []), SERVER, '--stdio'];
    const child = spawn(command[0]!, command.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const client = new TestClient(child);
    const folders = workspaceFolder ? [{ uri: fileUri(workspaceFolder), name: path.basename(workspaceFolder) }] : null;
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown'] },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the first log line (already sent, or to come) that matches. */
  log(pattern: RegExp): Promise<string> {
    const sent = this.logs.find((line) => pattern.test(line));
    if (sent !== undefined) return Promise.resolve(sent);
    return new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
  }

  /** Resolves with the params of the next `method` notification that `accept` takes. */
  notification<P>(method: string, accept: (params: P) => boolean = () => true): Promise<P> {
    return new Promise((resolve) => {
      const disposable = this.connection.onNotification(method, (params: P) => {
        if (!accept(params)) return;
        disposable.dispose();
        resolve(params);
      });
    });
  }

  /** Resolves with the next diagnostics published for `uri` that `accept` takes (the current version's, by default). */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const version = this.versions.get(uri);
    const test = accept ?? ((params: PublishDiagnosticsParams) => params.version === undefined || params.version === version);
    return new Promise((resolve) => this.waiters.push({ uri, accept: test, resolve }));
  }

  async open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const published = this.diagnostics(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Replaces the whole text, as one edit; resolves with the diagnostics of the new version. */
  async replace(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.diagnostics(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return published;
  }

  /** Sends edits as ranges, as an editor does while typing; resolves with the diagnostics of the new version. */
  async edit(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.diagnostics(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const cleared = this.diagnostics(uri, (params) => params.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return cleared;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      await this.exited;
      this.connection.dispose();
    }
  }
}
