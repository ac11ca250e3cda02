/**
 * The trust graph panel as VS Code shows it, in headless Chromium: the HTML from
 * client/src/panel-html.ts (its Content-Security-Policy enforced), the built bundle from
 * dist/webview/, and a stand-in for the VS Code API that records what the page posts.
 * Benchmarks can use it too: `openPanel`, then `postGraph` and read the draw report.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { panelHtml } from '../../client/src/panel-html';
import type { FromWebviewMessage, ToWebviewMessage, TrustGraph } from '../../server/src/protocol';
import type { DrawReport } from '../../webview/src/instrumentation';
import type { Snapshot } from '../../webview/src/inspect';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** A made-up origin the test routes serve; it plays the part of `webview.cspSource`. */
export const ORIGIN = 'https://iam-atlas.test';

export interface PanelPage {
  readonly page: Page;
  /** Posts a message to the page as the extension does. */
  send(message: ToWebviewMessage): Promise<void>;
  /** Sends a graph and resolves with the report of the draw it causes. */
  postGraph(graph: TrustGraph, options?: { version?: number; collapseAbove?: number; fileCount?: number }): Promise<DrawReport>;
  /** Resolves when the page has drawn `count` times in all. */
  drawn(count: number): Promise<DrawReport>;
  /** Everything the page has posted so far. */
  posted(): Promise<FromWebviewMessage[]>;
  /** Resolves with the first posted message of this type after `after` messages. */
  nextPosted<T extends FromWebviewMessage['type']>(type: T, after: number): Promise<Extract<FromWebviewMessage, { type: T }>>;
  snapshot(): Promise<Snapshot>;
  /** Content-Security-Policy violations the page reported. */
  violations(): Promise<string[]>;
  /** What the page last saved with setState. */
  savedState(): Promise<unknown>;
}

export interface PanelOptions {
  /** State the page finds with getState, as after being hidden and shown again. */
  readonly state?: unknown;
  readonly nonce?: string;
}

export async function openPanel(context: BrowserContext, options: PanelOptions = {}): Promise<PanelPage> {
  const page = await context.newPage();
  const bundle = path.join(REPO_ROOT, 'dist', 'webview');
  const html = panelHtml({
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/dist/webview/graph.js`,
    styleUri: `${ORIGIN}/dist/webview/graph.css`,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/panel.html') return route.fulfill({ contentType: 'text/html', body: html });
    const file = path.join(bundle, path.basename(url.pathname));
    if (url.pathname.startsWith('/dist/webview/')) {
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript((state: unknown) => {
    const w = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    const violations: string[] = [];
    w.__posted = posted;
    w.__violations = violations;
    w.__state = state;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    w.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => w.__state,
      setState: (next: unknown) => {
        w.__state = JSON.parse(JSON.stringify(next));
      },
    });
  }, options.state);
  await page.goto(`${ORIGIN}/panel.html`);
  const panel: PanelPage = {
    page,
    send: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message);
    },
    postGraph: async (graph, { version = 1, collapseAbove, fileCount = 12 } = {}) => {
      const before = await page.evaluate(() => Number(document.body.dataset.draws ?? '0'));
      await panel.send({
        type: 'graph',
        graph,
        version,
        fileCount,
        folderName: 'examples',
        folderUri: 'file:///work/examples',
        ...(collapseAbove !== undefined ? { collapseAbove } : {}),
      });
      return panel.drawn(before + 1);
    },
    drawn: async (count) => {
      await page.waitForSelector(`body[data-draws="${count}"]`, { state: 'attached' });
      return page.evaluate((n) => (window as unknown as { iamAtlas: { draws: DrawReport[] } }).iamAtlas.draws[n - 1]!, count);
    },
    posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebviewMessage[] }).__posted),
    nextPosted: async (type, after) => {
      const handle = await page.waitForFunction(
        ([t, n]) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(n as number).find((m) => m.type === t),
        [type, after] as const,
      );
      return (await handle.jsonValue()) as never;
    },
    snapshot: () => page.evaluate(() => (window as unknown as { iamAtlas: { snapshot(): Snapshot } }).iamAtlas.snapshot()),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
  };
  await panel.nextPosted('ready', 0);
  return panel;
}
