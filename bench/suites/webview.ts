/**
 * The trust graph webview in headless Chromium: layout and first draw of graphs of about 200, 1,000
 * and 2,000 nodes, from generated organisations through `iam-atlas graph --format json`. The page is
 * the real panel (its HTML, its Content-Security-Policy, the built bundle) as the webview tests open
 * it: this suite loads their page harness (test/webview/panel-page.ts, compiled to out/) at run time
 * and reads the draw report the page itself measures (graph message received → every node placed →
 * first paint). It runs once that harness, the `graph` command and a Chromium are there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeFiles } from '../generate/files';
import { generateOrganisation } from '../generate/organisation';
import { organisationAsJson } from '../generate/organisation-files';
import { BUDGETS } from '../harness/budgets';
import { summarize } from '../harness/stats';
import { formatMs } from '../harness/table';
import { runNodeScript } from '../harness/processes';
import { BenchPaths } from '../harness/paths';
import { Availability, Suite } from '../harness/types';

/** Organisation shapes whose graphs have about 200, 1,000 and 2,000 nodes (accounts, roles, principals). */
const SIZES = [
  { nodes: 200, accounts: 10, rolesPerAccount: 17 },
  { nodes: 1000, accounts: 20, rolesPerAccount: 47 },
  { nodes: 2000, accounts: 20, rolesPerAccount: 96 },
] as const;

/** Everything is drawn: accounts start collapsed above 2,000 elements in the panel as shipped. */
const NEVER_COLLAPSE = Number.MAX_SAFE_INTEGER;

/** What the webview tests' page harness offers (test/webview/panel-page.ts and browser.ts). */
interface DrawReport {
  readonly nodes: number;
  readonly edges: number;
  readonly layoutMs: number;
  readonly drawMs: number;
}
interface PanelPage {
  readonly page: { close(): Promise<void> };
  postGraph(graph: unknown, options?: { version?: number; collapseAbove?: number }): Promise<DrawReport>;
}
interface PageHarness {
  openPanel(context: unknown): Promise<PanelPage>;
}
interface BrowserHarness {
  launchChromium(): Promise<{ readonly context: unknown; close(): Promise<void> }>;
  readonly CHROMIUM: string;
}

function harnessFiles(paths: BenchPaths): { page: string; browser: string } {
  const folder = path.join(paths.root, 'out', 'test', 'webview');
  return { page: path.join(folder, 'panel-page.js'), browser: path.join(folder, 'browser.js') };
}

function loadHarness(paths: BenchPaths): { page: PageHarness; browser: BrowserHarness } | string {
  const files = harnessFiles(paths);
  if (!existsSync(files.page) || !existsSync(files.browser)) return 'no webview page harness yet (out/test/webview/panel-page.js and browser.js)';
  /* eslint-disable @typescript-eslint/no-require-imports -- compiled test helpers, present only once the webview has landed */
  const page = require(files.page) as Partial<PageHarness>;
  const browser = require(files.browser) as Partial<BrowserHarness>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (typeof page.openPanel !== 'function' || typeof browser.launchChromium !== 'function') {
    return 'the webview page harness has no openPanel() / launchChromium(): update bench/suites/webview.ts';
  }
  if (!existsSync(path.join(paths.root, 'dist', 'webview', 'graph.js'))) return 'no webview bundle (dist/webview/graph.js)';
  if (browser.CHROMIUM && !existsSync(browser.CHROMIUM)) return `no Chromium at ${browser.CHROMIUM}`;
  return { page: page as PageHarness, browser: browser as BrowserHarness };
}

async function availability(paths: BenchPaths, commands: readonly string[]): Promise<Availability> {
  if (!commands.includes('graph')) return { available: false, reason: 'no `iam-atlas graph` command' };
  const harness = loadHarness(paths);
  return typeof harness === 'string' ? { available: false, reason: harness } : { available: true };
}

export const webviewSuite: Suite = {
  name: 'webview',
  title: 'Trust graph webview: layout and first draw (headless Chromium)',
  defaults: { warmup: 1, runs: 5 },
  available: async ({ paths, capabilities }) => availability(paths, await capabilities.cliCommands()),
  async run(context) {
    const harness = loadHarness(context.paths);
    if (typeof harness === 'string') throw new Error(harness);
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-webview-'));
    const browser = await harness.browser.launchChromium();
    try {
      for (const size of SIZES) {
        const organisation = generateOrganisation({ seed: 'bench-webview', accounts: size.accounts, rolesPerAccount: size.rolesPerAccount, trustStatementsPerRole: 2 });
        const workspace = path.join(folder, `org-${size.nodes}`);
        writeFiles(workspace, organisationAsJson(organisation));
        const graphFile = path.join(folder, `graph-${size.nodes}.json`);
        const run = await runNodeScript(context.paths.cli, ['graph', workspace, '--format', 'json', '--output', graphFile], { cwd: folder });
        if (run.exitCode !== 0) throw new Error(`iam-atlas graph exited with ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
        const graph: unknown = JSON.parse(readFileSync(graphFile, 'utf8'));
        let drawn = { nodes: 0, edges: 0 };
        const layouts: number[] = [];
        await context.measure(
          { id: `webview.draw.${size.nodes}`, label: `layout + first draw, ~${size.nodes.toLocaleString('en')} nodes`, budget: size.nodes === 2000 ? BUDGETS.webview2000 : undefined },
          async () => {
            const panel = await harness.page.openPanel(browser.context);
            try {
              const report = await panel.postGraph(graph, { collapseAbove: NEVER_COLLAPSE });
              drawn = { nodes: report.nodes, edges: report.edges };
              layouts.push(report.layoutMs);
              return report.drawMs;
            } finally {
              await panel.page.close();
            }
          },
        );
        context.note(
          `~${size.nodes.toLocaleString('en')} nodes: ${size.accounts} accounts of ${size.rolesPerAccount} roles drew ${drawn.nodes.toLocaleString('en')} nodes and ${drawn.edges.toLocaleString('en')} edges; layout alone took ${formatMs(summarize(layouts).median)} at the median (warm-up runs included).`,
        );
      }
      context.note('Each run opens the panel page afresh, posts the graph as the extension does (every account expanded) and reads the page\'s own draw report: from the graph message arriving to the first paint with every node placed.');
    } finally {
      await browser.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
