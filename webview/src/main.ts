/**
 * The entry point of the bundle (dist/webview/graph.js): picks the transport for where the page
 * runs and starts the app. In VS Code the page has `acquireVsCodeApi`; in the CLI's page the graph
 * is embedded in a JSON script tag.
 */
import { GraphApp } from './app';
import { VsCodeApi, embeddedGraph, staticTransport, vsCodeTransport } from './transport';

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const embedded = embeddedGraph(document);
  const transport = embedded
    ? staticTransport(embedded, window)
    : typeof acquireVsCodeApi === 'function'
      ? vsCodeTransport(acquireVsCodeApi(), window)
      : undefined;
  if (!transport) {
    root.textContent = 'This page shows the IAM Atlas trust graph inside VS Code, or as written by `iam-atlas graph --format html`.';
    return;
  }
  new GraphApp(root, transport, window).start();
}

boot();
