/** A fuzz worker thread: runs the cases it is given and reports each one's start, time and failures. */
import { parentPort, workerData } from 'node:worker_threads';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { FuzzCase, generateCase, runCase } from './engine';
import { readFixtures, runFixture } from './fixtures';
import { Failure } from './oracle';

export type ToWorker =
  | { readonly type: 'run'; readonly from: number; readonly to: number }
  /** Replay the fixtures `from` … `to - 1` (in name order); their indexes are reported as -1, -2, … */
  | { readonly type: 'fixtures'; readonly from: number; readonly to: number };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'start'; readonly index: number }
  | {
      readonly type: 'done';
      readonly index: number;
      readonly ms: number;
      readonly caseType: string;
      readonly mutations: readonly string[];
      readonly length: number;
      readonly failures: readonly Failure[];
    }
  | { readonly type: 'chunk-done' };

const seed = (workerData as { seed: number }).seed;
const port = parentPort!;

function send(message: FromWorker): void {
  port.postMessage(message);
}

/** The characters a case reads: its longest version, or all the files a workspace case changes. */
function caseLength(testCase: FuzzCase): number {
  if (testCase.type === 'document') return testCase.document.versions.reduce((longest, text) => Math.max(longest, text.length), 0);
  const texts = testCase.type === 'workspace' ? Object.values(testCase.workspace.files) : Object.values(testCase.changes);
  return texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'fixtures') {
    const fixtures = readFixtures();
    for (let i = message.from; i < message.to; i++) {
      send({ type: 'start', index: -(i + 1) });
      const started = performance.now();
      const failures = runFixture(fixtures[i]!);
      const length = fixtures[i]!.document?.versions.reduce((longest, text) => Math.max(longest, text.length), 0) ?? 0;
      send({ type: 'done', index: -(i + 1), ms: performance.now() - started, caseType: 'fixture', mutations: [], length, failures });
    }
    send({ type: 'chunk-done' });
    return;
  }
  for (let index = message.from; index < message.to; index++) {
    send({ type: 'start', index });
    const testCase = generateCase(seed, index);
    const started = performance.now();
    const failures = runCase(testCase);
    const ms = performance.now() - started;
    const length = caseLength(testCase);
    send({ type: 'done', index, ms, caseType: testCase.type, mutations: testCase.mutations, length, failures });
  }
  send({ type: 'chunk-done' });
});

void initTerraform().then(() => send({ type: 'ready' }));
