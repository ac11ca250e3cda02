/**
 * Runs the scenarios in VS Code through @vscode/test-electron: `npm run test:vscode`.
 *
 * With IAM_ATLAS_VSCODE_EXECUTABLE set to a VS Code binary, that one runs; otherwise
 * @vscode/test-electron downloads VS Code 1.100.3 (the oldest version package.json accepts), which
 * needs the network. Offline, the code-server suite (`npm run test:e2e`) runs the same scenarios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT, prepareWorkspace } from '../e2e/workspace';

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'iam-atlas-vscode-'));
  try {
    const workspace = prepareWorkspace(path.join(scratch, 'workspace'));
    const executable = process.env.IAM_ATLAS_VSCODE_EXECUTABLE;
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: '1.100.3' }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [
        workspace,
        '--user-data-dir',
        path.join(scratch, 'user-data'),
        '--extensions-dir',
        path.join(scratch, 'extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
