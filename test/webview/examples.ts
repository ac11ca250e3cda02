/**
 * The trust graphs the webview tests draw. examples/ grows with the product, so the behaviour tests
 * draw a frozen copy of its graph (test/fixtures/webview/examples-graph.json, made by the CLI from
 * examples/ when these tests were written); one test draws the live graph, checked against its own
 * data, and makes the README's picture.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { TrustGraph } from '../../server/src/protocol';
import { REPO_ROOT } from './panel-page';

export const OUTPUT = path.join(REPO_ROOT, 'test-output');

/** The frozen copy: 16 nodes, 6 edges, the accounts and roles the behaviour tests name. */
export function examplesGraph(): TrustGraph {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'webview', 'examples-graph.json'), 'utf8')) as TrustGraph;
}

/** The graph of examples/ as the built CLI prints it now. */
export function liveExamplesGraph(): TrustGraph {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'graph', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`iam-atlas graph examples failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as TrustGraph;
}

/** test-output/ (git-ignored) keeps screenshots and exports for a person to look at. */
export function outputFile(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}

/** How many files the CLI reads in examples/ (its .json and .tf files). */
export function examplesFileCount(): number {
  const walk = (folder: string): number =>
    readdirSync(folder, { withFileTypes: true }).reduce(
      (count, entry) => count + (entry.isDirectory() ? walk(path.join(folder, entry.name)) : /\.(json|jsonc|tf)$/i.test(entry.name) ? 1 : 0),
      0,
    );
  return walk(path.join(REPO_ROOT, 'examples'));
}
