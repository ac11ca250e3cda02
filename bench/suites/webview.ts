/**
 * The trust graph webview in headless Chromium: time from handing the page a graph of 200, 1,000 and
 * 2,000 nodes to the page saying it is laid out and drawn. The graph comes from `iam-atlas graph
 * --format json` over a generated organisation, the page is the built webview bundle with a stand-in
 * for the VS Code API. Runs once the bundle, the graph command, playwright-core and a Chromium exist.
 *
 * The page contract assumed until the webview lands (issue #7); adjust WEBVIEW below if it differs:
 * the bundle posts `{ type: 'ready' }` through `acquireVsCodeApi().postMessage`, takes the graph as a
 * window message `{ type: 'graph', graph }`, and posts `{ type: 'drawn' }` after the first draw.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFiles } from '../generate/files';
import { generateOrganisation } from '../generate/organisation';
import { organisationAsJson } from '../generate/organisation-files';
import { BUDGETS } from '../harness/budgets';
import { runNodeScript } from '../harness/processes';
import { BenchPaths } from '../harness/paths';
import { Availability, Suite } from '../harness/types';

const WEBVIEW = {
  bundle: path.join('dist', 'webview.js'),
  readyType: 'ready',
  graphType: 'graph',
  drawnType: 'drawn',
};

/** Organisation shapes whose graphs have about 200, 1,000 and 2,000 nodes (accounts, roles, principals). */
const SIZES = [
  { nodes: 200, accounts: 10, rolesPerAccount: 17 },
  { nodes: 1000, accounts: 20, rolesPerAccount: 47 },
  { nodes: 2000, accounts: 20, rolesPerAccount: 96 },
] as const;

const CHROMIUM_ARGUMENTS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The little of playwright-core this suite uses; it is loaded at run time, only when present. */
interface Page {
  exposeFunction(name: string, callback: (message: { type?: string }) => void): Promise<void>;
  setContent(html: string): Promise<void>;
  addScriptTag(options: { path: string }): Promise<unknown>;
  evaluate<A>(code: (argument: A) => void, argument: A): Promise<void>;
  close(): Promise<void>;
}
/** The page's window, typed here because the benchmarks compile without the DOM library. */
interface PageWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser> };
}

function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file): file is string => !!file && existsSync(file));
}

function loadPlaywright(root: string): Playwright | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional dependency, resolved from the repository
    return require(require.resolve('playwright-core', { paths: [root] })) as Playwright;
  } catch {
    return undefined;
  }
}

async function availability(paths: BenchPaths, commands: readonly string[]): Promise<Availability> {
  const missing: string[] = [];
  if (!existsSync(path.join(paths.root, WEBVIEW.bundle))) missing.push(`no webview bundle (${WEBVIEW.bundle})`);
  if (!commands.includes('graph')) missing.push('no `iam-atlas graph` command');
  if (!loadPlaywright(paths.root)) missing.push('playwright-core is not installed');
  if (!chromiumPath()) missing.push('no Chromium (/usr/bin/chromium or CHROMIUM_PATH)');
  return missing.length ? { available: false, reason: missing.join('; ') } : { available: true };
}

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;width:1600px;height:1000px}</style></head>
<body><script>
  window.acquireVsCodeApi = () => ({ postMessage: (message) => window.benchFromWebview(message), getState: () => undefined, setState: () => undefined });
</script></body></html>`;

export const webviewSuite: Suite = {
  name: 'webview',
  title: 'Trust graph webview: layout and first draw (headless Chromium)',
  defaults: { warmup: 1, runs: 5 },
  available: async ({ paths, capabilities }) => availability(paths, await capabilities.cliCommands()),
  async run(context) {
    const playwright = loadPlaywright(context.paths.root)!;
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-webview-'));
    const browser = await playwright.chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGUMENTS, headless: true });
    try {
      for (const size of SIZES) {
        const organisation = generateOrganisation({ seed: 'bench-webview', accounts: size.accounts, rolesPerAccount: size.rolesPerAccount, trustStatementsPerRole: 2 });
        const workspace = path.join(folder, `org-${size.nodes}`);
        writeFiles(workspace, organisationAsJson(organisation));
        const graphFile = path.join(folder, `graph-${size.nodes}.json`);
        const run = await runNodeScript(context.paths.cli, ['graph', workspace, '--format', 'json', '--output', graphFile], { cwd: folder });
        if (run.exitCode !== 0) throw new Error(`iam-atlas graph exited with ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
        const graph: unknown = JSON.parse(readFileSync(graphFile, 'utf8'));
        const nodes = (graph as { nodes?: unknown[] }).nodes?.length;
        await context.measure(
          { id: `webview.draw.${size.nodes}`, label: `layout + first draw, ~${size.nodes.toLocaleString('en')} nodes${nodes ? ` (${nodes.toLocaleString('en')} in the graph)` : ''}`, budget: size.nodes === 2000 ? BUDGETS.webview2000 : undefined },
          async () => {
            const page = await browser.newPage();
            try {
              let onMessage: (message: { type?: string }) => void = () => undefined;
              await page.exposeFunction('benchFromWebview', (message) => onMessage(message));
              const ready = new Promise<void>((resolve) => (onMessage = (message) => message.type === WEBVIEW.readyType && resolve()));
              await page.setContent(PAGE);
              await page.addScriptTag({ path: path.join(context.paths.root, WEBVIEW.bundle) });
              await ready;
              const drawn = new Promise<number>((resolve) => (onMessage = (message) => message.type === WEBVIEW.drawnType && resolve(performance.now())));
              const started = performance.now();
              await page.evaluate((message) => (globalThis as unknown as PageWindow).postMessage(message, '*'), { type: WEBVIEW.graphType, graph });
              return (await drawn) - started;
            } finally {
              await page.close();
            }
          },
        );
      }
      context.note('Each run opens a fresh page with the webview bundle, waits for it to say it is ready, then times from posting the graph to the page posting that it has drawn (1600×1000 viewport).');
    } finally {
      await browser.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
