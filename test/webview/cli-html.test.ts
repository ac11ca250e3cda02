/**
 * `iam-atlas graph examples --format html`: the page opens from disk in Chromium with nothing
 * fetched, draws the graph, and shows file:line where the panel would open an editor.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DrawReport } from '../../webview/src/instrumentation';
import type { Snapshot } from '../../webview/src/inspect';
import { Browser, launchChromium } from './browser';
import { liveExamplesGraph, outputFile } from './examples';
import { REPO_ROOT } from './panel-page';

describe('iam-atlas graph --format html in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  const page = outputFile('examples-graph.html');

  before(async () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'graph', 'examples', '--format', 'html', '--output', page], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('is one self-contained file: the bundle inlined under a nonce, the graph as inert JSON', () => {
    const html = readFileSync(page, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-([^']+)'; style-src 'nonce-\1'">/.exec(html);
    assert.ok(csp, 'a CSP with one nonce for the inlined script and style');
    const tags = [...html.matchAll(/<(script|style|link)\b[^>]*>/g)].map((m) => m[0].replace(csp[1]!, 'N'));
    assert.deepEqual(tags, ['<style nonce="N">', '<script type="application/json" id="iam-atlas-data">', '<script nonce="N">']);
    const data = JSON.parse(/<script type="application\/json" id="iam-atlas-data">(.*?)<\/script>/s.exec(html)![1]!);
    assert.equal(data.title, 'examples');
    assert.deepEqual(data.graph, liveExamplesGraph(), 'the graph iam-atlas graph prints as JSON');
    assert.equal(data.root, pathToFileURL(path.join(REPO_ROOT, 'examples')).href + '/');
  });

  it('opens offline, draws the graph, and shows a source as file:line', async () => {
    const tab = await browser.context.newPage();
    const fetched: string[] = [];
    const violations: string[] = [];
    tab.on('request', (request) => fetched.push(request.url()));
    tab.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('body[data-draws="1"]', { state: 'attached' });
    assert.deepEqual(fetched, [pathToFileURL(page).href], 'nothing but the page itself');
    const report = await tab.evaluate(() => (window as unknown as { iamAtlas: { draws: DrawReport[] } }).iamAtlas.draws[0]!);
    const snapshot = await tab.evaluate(() => (window as unknown as { iamAtlas: { snapshot(): Snapshot } }).iamAtlas.snapshot());
    // Every node of the graph, plus the areas that hold what sits in no account; every edge.
    const graph = liveExamplesGraph();
    const areas = snapshot.nodes.filter((n) => n.id.startsWith('area:')).length;
    assert.deepEqual([report.nodes, report.edges], [graph.nodes.length + areas, graph.edges.length]);
    const edge = snapshot.edges.find((e) => e.id === 'role:444444444444:ci-runner->role:333333333333:deploy:assume-role')!;
    await tab.mouse.click(edge.x, edge.y);
    await tab.waitForSelector('.details h2:text("ci-runner → deploy")');
    assert.deepEqual(await tab.$$eval('.details .source-text', (codes) => codes.map((code) => code.textContent)), [
      'accounts/prod/roles/deploy-trust.json:4',
      'accounts/dev/roles/ci-runner-policy.json:4',
    ]);
    assert.equal(await tab.$$eval('.details [data-source]', (links) => links.length), 0, 'no editor links in the static page');
    await tab.screenshot({ path: outputFile('cli-examples-graph.png') });
    assert.deepEqual(violations, []);
    await tab.close();
  });
});
