/** The trust graph of examples/, as the built CLI prints it: the real data the webview tests draw. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { TrustGraph } from '../../server/src/protocol';
import { REPO_ROOT } from './panel-page';

export const OUTPUT = path.join(REPO_ROOT, 'test-output');

export function examplesGraph(): TrustGraph {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'graph', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`iam-atlas graph examples failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as TrustGraph;
}

/** test-output/ (git-ignored) keeps screenshots and exports for a person to look at. */
export function outputFile(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}
