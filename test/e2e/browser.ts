/** Debian's Chromium, headless, with a fresh profile, driven by playwright-core (which ships no browser). */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
// The same Chromium, and the same flags that keep it off the network, as the webview tests.
import { CHROMIUM, CHROMIUM_FLAGS } from '../webview/browser';

export async function launchBrowser(runDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (\`bash scripts/e2e-setup.sh\` does as root) or set IAM_ATLAS_CHROMIUM.`);
  }
  // launchPersistentContext gives the browser the --user-data-dir we choose: a fresh one per run.
  return chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
    // The workbench reads and writes the clipboard for some commands; allow it without a prompt.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}
