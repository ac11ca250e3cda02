/**
 * The trust graph panel in headless Chromium, as VS Code loads it (panel-page.ts): the graph of
 * examples/ drawn, clicked, filtered, searched, focused, exported, redrawn and restored.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { GraphEdge, TrustGraph } from '../../server/src/protocol';
import type { ElementSnapshot, Snapshot } from '../../webview/src/inspect';
import { FIXTURE } from '../unit/webview-fixture';
import { Browser, launchChromium } from './browser';
import { examplesFileCount, examplesGraph, liveExamplesGraph, outputFile } from './examples';
import { PanelPage, openPanel } from './panel-page';

const CI_TO_DEPLOY = 'role:444444444444:ci-runner->role:333333333333:deploy:assume-role';
const ANYONE_TO_BREAK_GLASS = 'anyone->role:222222222222:break-glass:assume-role';
const DEPLOY = 'role:333333333333:deploy';

describe('trust graph webview in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let graph: TrustGraph;
  let panel: PanelPage;

  before(async () => {
    graph = examplesGraph();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    panel = await openPanel(browser.context);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await panel.page.screenshot({ path: outputFile(`failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    assert.deepEqual(await panel.violations(), [], 'no Content-Security-Policy violation');
    await panel.page.close();
  });

  const shown = (elements: readonly ElementSnapshot[]): string[] => elements.filter((e) => e.visible).map((e) => e.id).sort();
  const edgeOf = (id: string): GraphEdge => graph.edges.find((e) => e.id === id)!;
  /**
   * Waits until the page's snapshot satisfies `test`, looking once per drawn frame. (The page's
   * Content-Security-Policy refuses the eval that waitForFunction would need.)
   */
  const until = async (test: (snapshot: Snapshot) => boolean): Promise<Snapshot> => {
    for (;;) {
      const snapshot = await panel.snapshot();
      if (test(snapshot)) return snapshot;
      await panel.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
  };
  const visibleEdges = (count: number) => (s: Snapshot) => s.edges.filter((e) => e.visible).length === count;

  it('draws every account as a box, every principal in it, and every edge with its risk class', async () => {
    const report = await panel.postGraph(graph);
    assert.deepEqual([report.reason, report.nodes, report.edges, report.layout], ['graph', 18, 6, 'fcose']);
    const snapshot = await panel.snapshot();
    assert.equal(snapshot.nodes.length, 18);
    assert.equal(snapshot.edges.length, 6);
    assert.deepEqual(
      snapshot.nodes.filter((n) => n.classes.includes('container')).map((n) => n.id).sort(),
      ['account:111111111111', 'account:222222222222', 'account:333333333333', 'account:444444444444', 'area:outside', 'area:services'],
    );
    assert.deepEqual(
      Object.fromEntries(snapshot.edges.map((e) => [e.id, e.classes.find((c) => c.startsWith('risk-'))])),
      Object.fromEntries(graph.edges.map((e) => [e.id, `risk-${e.risk}`])),
    );
    assert.ok(snapshot.edges.find((e) => e.id === ANYONE_TO_BREAK_GLASS)!.classes.includes('conditional'));
    assert.match(await panel.page.textContent('.status') ?? '', /^16 nodes, 6 edges, 2 risky · showing 12 nodes and 6 edges · 12 files read in examples$/);
    await panel.page.screenshot({ path: outputFile('webview-examples.png') });
  });

  it('draws the live examples graph: every node, area and edge of the data, with its risk class', async () => {
    const live = liveExamplesGraph();
    const report = await panel.postGraph(live, { fileCount: examplesFileCount() });
    const snapshot = await panel.snapshot();
    const areas = snapshot.nodes.filter((n) => n.id.startsWith('area:')).map((n) => n.id);
    assert.deepEqual([report.nodes, report.edges], [live.nodes.length + areas.length, live.edges.length]);
    assert.deepEqual(snapshot.nodes.filter((n) => !n.id.startsWith('area:')).map((n) => n.id).sort(), live.nodes.map((n) => n.id).sort());
    assert.deepEqual(
      Object.fromEntries(snapshot.edges.map((e) => [e.id, e.classes.find((c) => c.startsWith('risk-'))])),
      Object.fromEntries(live.edges.map((e) => [e.id, `risk-${e.risk}`])),
    );
    // The picture in the README (images/trust-graph.png): today's example organisation, fitted, the
    // edge from dev's CI runner into prod's deploy role selected, its reasons beside it.
    const crossing = snapshot.edges.find((e) => e.id === CI_TO_DEPLOY);
    assert.ok(crossing, 'the examples keep their dev → prod edge');
    await panel.page.mouse.click(crossing.x, crossing.y);
    await panel.page.waitForSelector('.details h2:text("ci-runner → deploy")');
    await panel.page.click('button[data-control="fit"]');
    await panel.page.screenshot({ path: outputFile('webview-examples-live.png') });
  });

  it('shows an edge\'s reasons, conditions and sources on click; its links post the trust and grant statements', async () => {
    await panel.postGraph(graph);
    const edge = (await panel.snapshot()).edges.find((e) => e.id === CI_TO_DEPLOY)!;
    await panel.page.mouse.click(edge.x, edge.y);
    await panel.page.waitForSelector('.details h2:text("ci-runner → deploy")');
    assert.match(await panel.page.textContent('.details') ?? '', /medium risk Crosses from a dev account into a prod account\./);
    // The picture in the README: the whole graph beside the details, with the legend.
    await panel.page.click('button[data-control="fit"]');
    await panel.page.click('button[data-control="legend"]');
    await panel.page.waitForSelector('.legend', { state: 'visible' });
    await panel.page.screenshot({ path: outputFile('webview-examples-details.png') });
    const before = (await panel.posted()).length;
    await panel.page.click('.details [data-source="trust"]');
    assert.deepEqual(await panel.nextPosted('openSource', before), { type: 'openSource', source: edgeOf(CI_TO_DEPLOY).source });
    await panel.page.click('.details [data-source="grant"]');
    assert.deepEqual(await panel.nextPosted('openSource', before + 1), { type: 'openSource', source: edgeOf(CI_TO_DEPLOY).grant });
    assert.match(edgeOf(CI_TO_DEPLOY).grant!.uri, /examples\/accounts\/dev\/roles\/ci-runner-policy\.json$/);
  });

  it('lists an edge\'s conditions and links a reason to its rule\'s page', async () => {
    await panel.postGraph(graph);
    const breakGlass = (await panel.snapshot()).edges.find((e) => e.id === ANYONE_TO_BREAK_GLASS)!;
    await panel.page.mouse.click(breakGlass.x, breakGlass.y);
    await panel.page.waitForSelector('.details table.conditions');
    const rows = await panel.page.$$eval('.details table.conditions tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(rows, [
      ['StringEquals', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5'],
      ['Bool', 'aws:MultiFactorAuthPresent', 'true'],
    ]);
    await panel.postGraph(FIXTURE, { version: 2 });
    const fixtureEdge = (await panel.snapshot()).edges.find((e) => e.id === 'role:111111111111:ci->role:222222222222:deploy:assume-role')!;
    await panel.page.mouse.click(fixtureEdge.x, fixtureEdge.y);
    const before = (await panel.posted()).length;
    await panel.page.click('.details button:text("IAM201 trust-admin-role")');
    assert.deepEqual(await panel.nextPosted('openRuleDocs', before), { type: 'openRuleDocs', ruleName: 'trust-admin-role' });
  });

  it('shows a node\'s details on click, and "Open definition" posts its source', async () => {
    await panel.postGraph(graph);
    const deploy = (await panel.snapshot()).nodes.find((n) => n.id === DEPLOY)!;
    await panel.page.mouse.click(deploy.x, deploy.y);
    await panel.page.waitForSelector('.details h2:text("deploy")');
    const text = (await panel.page.textContent('.details')) ?? '';
    assert.match(text, /IAM roleARNarn:aws:iam::333333333333:role\/deployAccountprod \(333333333333\) · environment: prod/);
    assert.match(text, /Can be assumed by \(1\)medium risk ci-runner/);
    const before = (await panel.posted()).length;
    await panel.page.click('.details button:text("Open definition")');
    assert.deepEqual(await panel.nextPosted('openSource', before), { type: 'openSource', source: graph.nodes.find((n) => n.id === DEPLOY)!.source });
  });

  it('hides edges by risk, environment and kind; "only risky paths" keeps the risky ones', async () => {
    await panel.postGraph(graph);
    await panel.page.click('details[data-control="risk"] > summary');
    await panel.page.click('details[data-control="risk"] input[value="medium"]');
    await until(visibleEdges(4));
    assert.equal(shown((await panel.snapshot()).edges).includes(CI_TO_DEPLOY), false);
    await panel.page.click('details[data-control="risk"] input[value="medium"]');
    await until(visibleEdges(6));
    await panel.page.click('details[data-control="risk"] > summary');

    await panel.page.click('details[data-control="environment"] > summary');
    await panel.page.click('details[data-control="environment"] input[value="prod"]');
    await until((s) => !s.nodes.find((n) => n.id === DEPLOY)!.visible);
    const withoutProd = await panel.snapshot();
    assert.deepEqual(shown(withoutProd.edges), [ANYONE_TO_BREAK_GLASS, 'role:111111111111:security-team->role:222222222222:audit:assume-role']);
    await panel.page.click('details[data-control="environment"] input[value="prod"]');
    await panel.page.click('details[data-control="environment"] > summary');

    await panel.page.click('details[data-control="kind"] > summary');
    await panel.page.click('details[data-control="kind"] input[value="web-identity"]');
    await until(visibleEdges(5));
    await panel.page.click('details[data-control="kind"] input[value="web-identity"]');
    await panel.page.click('details[data-control="kind"] > summary');

    await panel.page.check('input[data-control="only-risky"]');
    await until(visibleEdges(2));
    const risky = await panel.snapshot();
    assert.deepEqual(shown(risky.edges), [ANYONE_TO_BREAK_GLASS, CI_TO_DEPLOY]);
    assert.deepEqual(shown(risky.nodes.filter((n) => !n.classes.includes('container'))), ['anyone', 'role:222222222222:break-glass', DEPLOY, 'role:444444444444:ci-runner']);
  });

  it('searches by name or ARN: the matches and their neighbours stay', async () => {
    await panel.postGraph(graph);
    await panel.page.fill('input[data-control="search"]', 'arn:aws:iam::333333333333:role/deploy');
    await until(visibleEdges(1));
    const found = await panel.snapshot();
    assert.deepEqual(shown(found.nodes), ['account:333333333333', 'account:444444444444', DEPLOY, 'role:444444444444:ci-runner']);
    assert.deepEqual(found.nodes.filter((n) => n.classes.includes('match')).map((n) => n.id), [DEPLOY]);
    assert.equal(await panel.page.textContent('.match-count'), '1 match');
    await panel.page.fill('input[data-control="search"]', 'audit');
    await until((s) => s.nodes.filter((n) => n.classes.includes('match')).length === 2);
    await panel.page.fill('input[data-control="search"]', '');
    await until(visibleEdges(6));
  });

  it('focuses on a role (from the code lens): its paths stay, the rest fades', async () => {
    await panel.postGraph(graph);
    await panel.send({ type: 'focus', nodeId: DEPLOY });
    await panel.page.waitForSelector('[data-control="focus"]:text("Paths into deploy")');
    const focused = await panel.snapshot();
    const lit = (list: readonly ElementSnapshot[]) => list.filter((e) => !e.classes.includes('faded') && !e.classes.includes('container')).map((e) => e.id).sort();
    assert.deepEqual(lit(focused.nodes), [DEPLOY, 'role:444444444444:ci-runner']);
    assert.deepEqual(lit(focused.edges), [CI_TO_DEPLOY]);
    assert.equal(focused.nodes.find((n) => n.id === DEPLOY)!.selected, true);
    await panel.page.click('[data-control="focus"] button');
    await until((s) => s.nodes.every((n) => !n.classes.includes('faded')));
    // The toolbar's Focus works on the selected node.
    await panel.page.click('button[data-control="fit"]');
    const audit = (await panel.snapshot()).nodes.find((n) => n.id === 'role:222222222222:audit')!;
    await panel.page.mouse.click(audit.x, audit.y);
    await panel.page.click('button[data-control="focus-selection"]');
    await panel.page.waitForSelector('[data-control="focus"]:has-text("Paths into audit")');
    const auditPaths = await panel.snapshot();
    assert.deepEqual(lit(auditPaths.edges), ['role:111111111111:security-team->role:222222222222:audit:assume-role']);
  });

  it('exports a PNG image and an SVG holding every label, through the host', async () => {
    await panel.postGraph(graph);
    let before = (await panel.posted()).length;
    await panel.page.click('button[data-control="export-png"]');
    const png = await panel.nextPosted('saveImage', before);
    assert.equal(png.format, 'png');
    assert.equal(png.suggestedName, 'trust-graph.png');
    const bytes = Buffer.from(png.data, 'base64');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.ok(width > 400 && height > 300, `${width} x ${height}`);
    writeFileSync(outputFile('webview-export.png'), bytes);

    before = (await panel.posted()).length;
    await panel.page.click('button[data-control="export-svg"]');
    const svg = await panel.nextPosted('saveImage', before);
    assert.equal(svg.format, 'svg');
    writeFileSync(outputFile('webview-export.svg'), svg.data);
    const parsed = await panel.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('tspan')].map((t) => t.textContent),
        paths: doc.querySelectorAll('path').length,
      };
    }, svg.data);
    assert.equal(parsed.error, 0);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.paths, 6);
    for (const label of ['deploy', 'ci-runner', 'break-glass', 'lambda.amazonaws.com', 'prod (333333333333)', 'environment: prod', 'Outside the organisation']) {
      assert.ok(parsed.texts.includes(label), `${label} in ${parsed.texts.join(', ')}`);
    }
  });

  it('walks nodes and edges with the arrow keys; Enter shows the details', async () => {
    await panel.postGraph(graph);
    await panel.page.focus('.graph');
    await panel.page.keyboard.press('Home');
    const visited = new Set<string>();
    for (let i = 0; i < 24; i++) {
      visited.add((await panel.snapshot()).keyboardCursor!);
      await panel.page.keyboard.press('ArrowRight');
    }
    assert.equal(visited.size, 24, 'every node (boxes too) and edge once');
    const edgeId = [...visited].find((id) => id === CI_TO_DEPLOY)!;
    while ((await panel.snapshot()).keyboardCursor !== edgeId) await panel.page.keyboard.press('ArrowLeft');
    assert.match((await panel.page.textContent('.visually-hidden')) ?? '', /^Edge: ci-runner can assume deploy\. medium risk\. Enter for details\.$/);
    await panel.page.keyboard.press('Enter');
    await panel.page.waitForSelector('.details h2:text("ci-runner → deploy")');
    await panel.page.keyboard.press('Escape');
    await panel.page.waitForSelector('.details', { state: 'hidden' });
  });

  it('redraws a changed graph keeping the viewport and the selection', async () => {
    await panel.postGraph(graph);
    const deploy = (await panel.snapshot()).nodes.find((n) => n.id === DEPLOY)!;
    await panel.page.mouse.click(deploy.x, deploy.y);
    await panel.page.waitForSelector('.details h2:text("deploy")');
    await panel.page.focus('.graph');
    await panel.page.keyboard.press('-');
    const before = await panel.page.evaluate(() => ({ ...(window as unknown as { iamAtlas: { snapshot(): { zoom: number } } }).iamAtlas.snapshot() }));
    const added: TrustGraph = {
      ...graph,
      nodes: [...graph.nodes, { id: 'role:333333333333:new-role', kind: 'role', label: 'new-role', parent: 'account:333333333333', arn: 'arn:aws:iam::333333333333:role/new-role' }],
      edges: [...graph.edges, { ...edgeOf(CI_TO_DEPLOY), id: 'ci-to-new', to: 'role:333333333333:new-role', risk: 'high' }],
    };
    const report = await panel.postGraph(added, { version: 2 });
    assert.equal(report.layout, 'fcose-incremental');
    const after = await panel.snapshot();
    assert.equal(after.nodes.length, 19);
    assert.equal(after.zoom, before.zoom);
    assert.equal(after.nodes.find((n) => n.id === DEPLOY)!.selected, true);
    assert.equal(await panel.page.textContent('.details h2'), 'deploy');
    assert.match((await panel.page.textContent('.details')) ?? '', /Can be assumed by \(1\)/);
  });

  it('comes back as it was from its saved state (the panel hidden and shown again)', async () => {
    await panel.postGraph(graph);
    await panel.page.fill('input[data-control="search"]', 'break');
    await until(visibleEdges(1));
    const breakGlass = (await panel.snapshot()).nodes.find((n) => n.id === 'role:222222222222:break-glass')!;
    await panel.page.mouse.click(breakGlass.x, breakGlass.y);
    await panel.page.waitForSelector('.details h2:text("break-glass")');
    const drawn = await panel.snapshot();
    const state = await panel.savedState();
    await panel.page.close();

    panel = await openPanel(browser.context, { state });
    const report = await panel.postGraph(graph);
    assert.equal(report.layout, 'kept');
    const restored = await panel.snapshot();
    assert.equal(await panel.page.inputValue('input[data-control="search"]'), 'break');
    assert.equal(restored.zoom, drawn.zoom);
    // Every node where it was (positions are saved to the pixel), shown or hidden as it was.
    const leaves = (s: Snapshot) => s.nodes.filter((n) => !n.classes.includes('container'));
    assert.deepEqual(leaves(restored).map((n) => [n.id, n.visible]), leaves(drawn).map((n) => [n.id, n.visible]));
    for (const [i, node] of leaves(restored).entries()) {
      const was = leaves(drawn)[i]!;
      assert.ok(Math.abs(node.x - was.x) <= 1 && Math.abs(node.y - was.y) <= 1, `${node.id} at ${node.x},${node.y}, was ${was.x},${was.y}`);
    }
    assert.equal(await panel.page.textContent('.details h2'), 'break-glass');
  });

  it('starts large graphs with accounts collapsed, and expands one on click', async () => {
    const large = syntheticTen();
    const report = await panel.postGraph(large, { collapseAbove: 100 });
    assert.equal(report.nodes, 2 + 10 + 3, 'two areas (outside, services), ten account summaries, three nodes outside accounts');
    const summary = (await panel.snapshot()).nodes.find((n) => n.id === 'account:100000000003')!;
    assert.deepEqual(summary.classes, ['kind-account', 'collapsed', 'env-prod']);
    await panel.page.screenshot({ path: outputFile('webview-collapsed.png') });
    await panel.page.mouse.click(summary.x, summary.y);
    const expanded = await panel.drawn(2);
    assert.equal(expanded.reason, 'expand');
    const after = await panel.snapshot();
    const inside = large.nodes.filter((n) => n.parent === 'account:100000000003').map((n) => n.id);
    assert.ok(inside.length > 5);
    assert.deepEqual(inside.filter((id) => !after.nodes.some((n) => n.id === id)), []);
    assert.ok(after.nodes.find((n) => n.id === 'account:100000000003')!.classes.includes('container'));
  });

  it('opens a collapsed account to focus on a role in it (the code lens in a large organisation)', async () => {
    await panel.postGraph(syntheticTen(), { collapseAbove: 100 });
    await panel.send({ type: 'focus', nodeId: 'role:100000000004:r2' });
    assert.equal((await panel.drawn(2)).reason, 'expand');
    await panel.page.waitForSelector('[data-control="focus"]:has-text("Paths into r2")');
    const focused = await panel.snapshot();
    assert.equal(focused.nodes.find((n) => n.id === 'role:100000000004:r2')!.selected, true);
    assert.ok(focused.nodes.find((n) => n.id === 'account:100000000004')!.classes.includes('container'));
    // r9 of account 3 assumes r2 of account 4, r6 of account 2 assumes r9 of account 3, and so on round
    // the ring of accounts back to account 5: those edges stay lit, merged into the summaries' edges.
    const ring = [5, 6, 7, 8, 9, 0, 1, 2].map((a) => `summary:account:${100000000000 + a}->account:${100000000000 + ((a + 1) % 10)}`);
    assert.deepEqual(
      focused.edges.filter((e) => !e.classes.includes('faded')).map((e) => e.id).sort(),
      [...ring, 'summary:account:100000000003->role:100000000004:r2'].sort(),
    );
    assert.ok(focused.edges.find((e) => e.id === 'summary:role:100000000004:r2->account:100000000005')!.classes.includes('faded'));
  });

  it('says where the graph comes from when nothing is found, and links to the configuration docs', async () => {
    await panel.postGraph({ nodes: [], edges: [], notes: [] });
    await panel.page.waitForSelector('.overlay[data-state="empty"]');
    assert.match((await panel.page.textContent('.overlay')) ?? '', /No trust relationships found in examples.*iam-atlas\.json.*"accounts"/s);
    const before = (await panel.posted()).length;
    await panel.page.click('button[data-control="config-docs"]');
    assert.deepEqual(await panel.nextPosted('openConfigDocs', before), { type: 'openConfigDocs' });
  });

  it('shows indexing progress until the graph comes, and errors with a way to try again', async () => {
    await panel.send({ type: 'indexing', folderName: 'org', filesRead: 400 });
    await panel.page.waitForSelector('.overlay[data-state="indexing"]:has-text("Reading org: 400 files so far…")');
    await panel.postGraph(graph);
    await panel.page.waitForSelector('.overlay', { state: 'hidden' });
    await panel.send({ type: 'error', message: 'The IAM Atlas language server is not running.' });
    await panel.page.waitForSelector('.overlay[data-state="error"]:has-text("The IAM Atlas language server is not running.")');
    const before = (await panel.posted()).length;
    await panel.page.click('.overlay button:text("Try again")');
    assert.deepEqual(await panel.nextPosted('refresh', before), { type: 'refresh' });
  });

  it('takes its colours from the VS Code theme and follows a theme change', async () => {
    await panel.postGraph(FIXTURE);
    const high = 'role:111111111111:ci->role:222222222222:deploy:assume-role';
    assert.equal((await panel.snapshot()).edges.find((e) => e.id === high)!.colour, 'rgb(198,40,40)');
    await panel.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-editor-background', '#1e1e1e');
      document.documentElement.style.setProperty('--vscode-editor-foreground', '#d4d4d4');
      document.documentElement.style.setProperty('--vscode-charts-red', '#f14c4c');
      document.body.className = 'vscode-dark';
    });
    await until((s) => s.edges.find((e) => e.id === high)!.colour === 'rgb(241,76,76)');
    await panel.page.screenshot({ path: outputFile('webview-dark.png') });
    await panel.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-editor-background', '#000000');
      document.documentElement.style.setProperty('--vscode-charts-red', '#ff0000');
      document.body.className = 'vscode-high-contrast';
    });
    await until((s) => s.edges.find((e) => e.id === high)!.colour === 'rgb(255,0,0)');
    await panel.page.screenshot({ path: outputFile('webview-high-contrast.png') });
  });
});

/** Ten accounts of ten roles each, with edges across them: over the collapse threshold the test sets. */
function syntheticTen(): TrustGraph {
  // Built here rather than by synthetic-graph.ts so the test reads its own numbers.
  const nodes: TrustGraph['nodes'][number][] = [];
  const edges: GraphEdge[] = [];
  const environments = ['prod', 'dev'];
  for (let a = 0; a < 10; a++) {
    const id = String(100000000000 + a);
    nodes.push({ id: `account:${id}`, kind: 'account', label: `account-${a} (${id})`, accountId: id, environment: environments[a % 2 === 1 ? 0 : 1]! });
    for (let r = 0; r < 10; r++) nodes.push({ id: `role:${id}:r${r}`, kind: 'role', label: `r${r}`, parent: `account:${id}`, accountId: id });
  }
  nodes.push({ id: 'anyone', kind: 'anyone', label: 'Anyone' }, { id: 'account:999999999999', kind: 'external-account', label: 'Vendor (999999999999)' });
  nodes.push({ id: 'service:ec2.amazonaws.com', kind: 'service', label: 'ec2.amazonaws.com' });
  for (let a = 0; a < 10; a++) {
    for (let r = 0; r < 10; r++) {
      const from = `role:${100000000000 + a}:r${r}`;
      const to = `role:${100000000000 + ((a + 1) % 10)}:r${(r + 3) % 10}`;
      edges.push({ id: `${from}->${to}`, from, to, kind: 'assume-role', actions: ['sts:AssumeRole'], conditions: [], risk: r % 4 === 0 ? 'high' : 'none', reasons: [], basis: 'granted' });
    }
  }
  return { nodes, edges, notes: [] };
}
