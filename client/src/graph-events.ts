/**
 * The language server's graph notifications, received once and handed to whoever listens (a
 * JSON-RPC connection keeps one handler per method, so features must not register their own).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { GraphChangedNotification, IndexingProgressNotification } from '../../server/src/protocol';

export class GraphEvents implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<GraphChangedNotification.Params>();
  private readonly indexing = new vscode.EventEmitter<IndexingProgressNotification.Params>();
  private readonly latestIndexing = new Map<string, IndexingProgressNotification.Params>();
  private readonly subscriptions: vscode.Disposable[] = [];

  readonly onGraphChanged = this.changed.event;
  readonly onIndexing = this.indexing.event;

  constructor(client: LanguageClient) {
    this.subscriptions.push(
      client.onNotification(GraphChangedNotification.method, (params: GraphChangedNotification.Params) => this.changed.fire(params)),
      client.onNotification(IndexingProgressNotification.method, (params: IndexingProgressNotification.Params) => {
        this.latestIndexing.set(params.folderUri, params);
        this.indexing.fire(params);
      }),
    );
  }

  /** The last progress report of a folder's first scan, if it has not finished. */
  indexingOf(folderUri: string): IndexingProgressNotification.Params | undefined {
    const latest = this.latestIndexing.get(folderUri);
    return latest && !latest.done ? latest : undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.indexing.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
