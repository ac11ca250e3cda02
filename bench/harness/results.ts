/** results/latest.json: every figure of the last run, for comparing runs and for tools. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Machine } from './machine';
import { RunSettings, SuiteResult } from './types';

export interface ResultsFile {
  readonly schema: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly command: string;
  readonly settings: RunSettings;
  readonly machine: Machine;
  readonly suites: readonly SuiteResult[];
}

export function writeResults(file: string, results: ResultsFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
