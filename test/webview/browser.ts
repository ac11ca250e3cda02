/**
 * Headless Chromium for the webview tests: Debian's chromium (apt-get install chromium), driven by
 * playwright-core, with a fresh profile per run. Nothing is downloaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** IAM_ATLAS_CHROMIUM may point at another Chromium build. */
export const CHROMIUM = process.env.IAM_ATLAS_CHROMIUM ?? '/usr/bin/chromium';

/** Nothing reaches out of the machine: no sync, no component or safe-browsing updates, no QUIC probes. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The webview tests need Chromium at ${CHROMIUM}. On Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(CI does this in .ci/run), or set IAM_ATLAS_CHROMIUM to a Chromium executable.',
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'iam-atlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
