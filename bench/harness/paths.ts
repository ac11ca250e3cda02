/** Where the benchmarks find the built code and write their results. */
import * as path from 'node:path';

export interface BenchPaths {
  readonly root: string;
  /** The language server bundle, started with `--stdio`. */
  readonly server: string;
  /** The command line bundle. */
  readonly cli: string;
  /** The compiled benchmarks (tsc output), where the peak-memory preload lives. */
  readonly benchOut: string;
  readonly resultsFile: string;
}

/** The repository root, from out/bench/harness/ where this file runs. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function benchPaths(overrides: { server?: string; cli?: string; resultsFile?: string } = {}): BenchPaths {
  return {
    root: REPO_ROOT,
    server: path.resolve(overrides.server ?? path.join(REPO_ROOT, 'dist', 'server.js')),
    cli: path.resolve(overrides.cli ?? path.join(REPO_ROOT, 'dist', 'cli.js')),
    benchOut: path.join(REPO_ROOT, 'out', 'bench'),
    resultsFile: path.resolve(overrides.resultsFile ?? path.join(REPO_ROOT, 'bench', 'results', 'latest.json')),
  };
}
