/**
 * An LSP client for benchmarks: starts a built server over stdio, answers its configuration
 * requests from `settings`, and times the round trip from a notification or request to the answer
 * the user waits for. Times are taken where the message arrives, before any promise hop.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

interface DiagnosticsWaiter {
  readonly uri: string;
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (arrival: { params: PublishDiagnosticsParams; at: number }) => void;
  readonly reject: (error: Error) => void;
}

export interface Timed<T> {
  readonly ms: number;
  readonly value: T;
}

export interface StartOptions {
  readonly serverPath: string;
  readonly workspaceFolder?: string;
  readonly settings?: Record<string, unknown>;
  /** Extra arguments for node before the server script, e.g. `--require` a preload. */
  readonly nodeArguments?: readonly string[];
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult: InitializeResult | undefined;
  /** The answer to `workspace/configuration` for the `iamAtlas` section; change it between cases. */
  settings: Record<string, unknown>;
  private readonly versions = new Map<string, number>();
  private readonly waiters: DiagnosticsWaiter[] = [];
  private readonly stderr: string[] = [];
  private exited = false;
  /** Rejects when the server exits: every request races it, so a crashed server fails the run instead of hanging it. */
  private readonly exit: Promise<never>;

  private constructor(
    private readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exit = new Promise<never>((_, reject) => {
      child.once('exit', (code) => {
        this.exited = true;
        const error = new Error(`the server exited (code ${code})\n${this.errorOutput()}`);
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        reject(error);
      });
    });
    // Handled where it matters (in each race); an exit after the last request is not an error.
    this.exit.catch(() => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve({ params, at });
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'iamAtlas' ? this.settings : null)));
    this.connection.listen();
  }

  /** Spawns the server; call `initialize` next (kept apart so a benchmark can time the two). */
  static spawn(options: StartOptions): BenchClient {
    const child = spawn(process.execPath, [...(options.nodeArguments ?? []), options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new BenchClient(child, options.settings ?? {});
  }

  static async start(options: StartOptions): Promise<BenchClient> {
    const client = BenchClient.spawn(options);
    await client.initialize(options.workspaceFolder);
    return client;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(workspaceFolder?: string): Promise<InitializeResult> {
    const folders = workspaceFolder ? [{ uri: fileUri(workspaceFolder), name: 'bench' }] : null;
    this.initializeResult = await this.whileRunning(this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    }));
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Opens a document; resolves when the diagnostics of that version arrive. */
  async open(uri: string, languageId: string, text: string): Promise<Timed<PublishDiagnosticsParams>> {
    this.versions.set(uri, 1);
    const arrival = this.nextDiagnostics(uri, 1);
    const sent = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    const { params, at } = await arrival;
    return { ms: at - sent, value: params };
  }

  /** Sends one change (incremental or whole text); resolves when the new version's diagnostics arrive. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Timed<PublishDiagnosticsParams>> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const arrival = this.nextDiagnostics(uri, version);
    const sent = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    const { params, at } = await arrival;
    return { ms: at - sent, value: params };
  }

  /** Closes a document and waits for its diagnostics to be cleared, so the next case starts clean. */
  async close(uri: string): Promise<void> {
    const cleared = this.nextDiagnostics(uri, undefined, (params) => params.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
    this.versions.delete(uri);
  }

  async completion(uri: string, position: Position): Promise<Timed<unknown>> {
    const sent = performance.now();
    const value: unknown = await this.whileRunning(this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    return { ms: performance.now() - sent, value };
  }

  async hover(uri: string, position: Position): Promise<Timed<unknown>> {
    const sent = performance.now();
    const value: unknown = await this.whileRunning(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
    return { ms: performance.now() - sent, value };
  }

  /** The server's peak resident memory so far (Linux `VmHWM`); undefined elsewhere. */
  peakMemoryBytes(): number | undefined {
    return this.child.pid === undefined ? undefined : peakMemoryOfProcess(this.child.pid);
  }

  /** What the server wrote to standard error, for error messages. */
  errorOutput(): string {
    return this.stderr.join('');
  }

  async stop(): Promise<void> {
    if (this.exited) {
      this.connection.dispose();
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }

  private whileRunning<T>(request: Promise<T>): Promise<T> {
    return Promise.race([request, this.exit]);
  }

  private nextDiagnostics(uri: string, version: number | undefined, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    const test = accept ?? ((params: PublishDiagnosticsParams) => params.version === undefined || params.version === version);
    if (this.exited) return Promise.reject(new Error(`the server has exited\n${this.errorOutput()}`));
    return new Promise((resolve, reject) => this.waiters.push({ uri, accept: test, resolve, reject }));
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** `VmHWM` of a live process, in bytes, from /proc (Linux only). */
export function peakMemoryOfProcess(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
