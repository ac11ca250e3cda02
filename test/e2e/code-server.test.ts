/**
 * The scenarios in a real VS Code: code-server with the packaged .vsix, driven through Chromium.
 * Run by `npm run test:e2e` (which installs code-server and packages the extension first).
 * Screenshots of every step go to test-output/e2e/<scenario>/.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { CodeServer, packagedExtension } from './code-server';
import { SCENARIOS } from './scenarios';
import { Workbench } from './workbench';
import { REPO_ROOT, prepareWorkspace, slug } from './workspace';

const OUTPUT = path.join(REPO_ROOT, 'test-output', 'e2e');

describe('in a real VS Code (code-server + Chromium)', function () {
  // Each scenario loads a workbench and starts an extension host; a shared 2-core machine is slow.
  this.timeout(240_000);

  let runDir: string;
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let workbench: Workbench | undefined;
  let failed = false;

  before(async function () {
    this.timeout(120_000);
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    // A short path: code-server puts a unix socket in its user data folder (108-byte limit).
    runDir = mkdtempSync(path.join(tmpdir(), 'iam-atlas-e2e-'));
    server = await CodeServer.start(runDir, packagedExtension(), path.join(OUTPUT, 'code-server.log'));
    browser = await launchBrowser(runDir);
  });

  after(async function () {
    this.timeout(60_000);
    const problems: unknown[] = [];
    for (const stop of [() => browser?.close(), () => server?.stop()]) {
      try {
        await stop();
      } catch (error) {
        problems.push(error);
      }
    }
    // The extension host's logs tell why a scenario failed; keep them beside the screenshots.
    if (failed && server) cpSync(path.join(server.userDataDir, 'logs'), path.join(OUTPUT, 'logs'), { recursive: true });
    rmSync(runDir, { recursive: true, force: true });
    if (problems.length) throw problems[0];
  });

  SCENARIOS.forEach((scenario, index) => {
    it(scenario.title, async () => {
      const name = `${String(index + 1).padStart(2, '0')}-${slug(scenario.title)}`;
      // A fresh folder per scenario: VS Code keeps unsaved edits per folder, so none leak between them.
      const folder = prepareWorkspace(path.join(runDir, 'workspaces', name), scenario.folder);
      workbench = await Workbench.open(browser!, server!.url(scenario.folder === 'none' ? undefined : folder), path.join(OUTPUT, name));
      await scenario.run(workbench);
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      await workbench?.screenshot('failure').catch(() => undefined);
    }
    await workbench?.close();
    workbench = undefined;
  });
});
