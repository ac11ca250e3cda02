/**
 * `npm run fuzz -- --cases N --seed S`: replays the fixtures of test/fuzz/cases/ (their time is
 * checked here, their exceptions by npm test), then runs seeded fuzz cases on worker threads,
 * watches each case for hangs, and prints a summary (cases, time, failures by kind). Failing cases
 * are written, shrunk with --minimize, to test-output/fuzz/ for turning into fixtures once fixed.
 *
 * A case that runs longer than --slow-ms is a failure of kind `slow`; one still running after
 * --hang-ms is a `hang`: its worker is stopped and a new one takes the cases after it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { generateCase, standalone } from './engine';
import { readFixtures } from './fixtures';
import { minimizeDocument, minimizeWorkspace, signature } from './minimize';
import { Failure } from './oracle';
import { REPO_ROOT } from './seeds';
import type { FromWorker, ToWorker } from './worker';

interface Options {
  readonly cases: number;
  readonly seed: number;
  readonly from: number;
  readonly workers: number;
  readonly slowMs: number;
  readonly hangMs: number;
  readonly out: string;
  readonly json?: string;
  readonly minimize: boolean;
  readonly skipFixtures: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: '0' },
      workers: { type: 'string', default: String(Math.max(1, Math.min(2, cpus().length))) },
      'slow-ms': { type: 'string', default: '5000' },
      'hang-ms': { type: 'string', default: '60000' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'test-output', 'fuzz') },
      json: { type: 'string' },
      minimize: { type: 'boolean', default: false },
      'skip-fixtures': { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} takes a whole number (got "${value}")`);
    return parsed;
  };
  return {
    cases: number('cases', values.cases),
    seed: number('seed', values.seed),
    from: number('from', values.from),
    workers: Math.max(1, number('workers', values.workers)),
    slowMs: number('slow-ms', values['slow-ms']),
    hangMs: number('hang-ms', values['hang-ms']),
    out: values.out!,
    ...(values.json ? { json: values.json } : {}),
    minimize: values.minimize ?? false,
    skipFixtures: values['skip-fixtures'] ?? false,
  };
}

interface CaseFailure {
  readonly index: number;
  readonly failure: Failure;
}

interface Stats {
  done: number;
  readonly durations: number[];
  readonly byType: Map<string, number>;
  readonly byMutation: Map<string, number>;
  readonly failures: CaseFailure[];
  /** Milliseconds per fixture replayed. */
  readonly fixtureMs: number[];
  slowest: { index: number; ms: number; mutations: readonly string[]; length: number }[];
}

const CHUNK = 50;
/** Node's main thread has V8's default 984 KB, and a worker keeps 192 KB of its stack in reserve. */
const WORKER_STACK_MB = 1.15;

type Chunk = { readonly type: 'run' | 'fixtures'; readonly from: number; readonly to: number };

/** Fixture i is reported as case index -(i + 1). */
function chunkIndex(chunk: Chunk, reported: number): number {
  return chunk.type === 'fixtures' ? -reported - 1 : reported;
}

async function run(opts: Options, fixtureCount: number): Promise<Stats> {
  const stats: Stats = { done: 0, durations: [], byType: new Map(), byMutation: new Map(), failures: [], fixtureMs: [], slowest: [] };
  /**
   * A case is slow past --slow-ms and 5 ms more per thousand characters it reads: the work is linear
   * in the text (a 600 KB policy can have a million findings), and what the bound catches is worse.
   */
  const slowFailure = (ms: number, length: number): Failure | undefined => {
    const bound = Math.round(opts.slowMs + length / 200);
    return ms > bound ? { kind: 'slow', stage: 'case', message: `took ${Math.round(ms)} ms (bound ${bound} ms)` } : undefined;
  };
  const queue: Chunk[] = fixtureCount ? [{ type: 'fixtures', from: 0, to: fixtureCount }] : [];
  for (let from = opts.from; from < opts.from + opts.cases; from += CHUNK) queue.push({ type: 'run', from, to: Math.min(from + CHUNK, opts.from + opts.cases) });
  const started = Date.now();
  let lastReport = started;

  await new Promise<void>((resolve) => {
    let live = 0;
    const startWorker = (): void => {
      // A worker's stack is 4 MB by default, four times the main thread's, where the server and the CLI
      // run: with less, the fuzzer finds the recursion and spread limits they would hit.
      const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { seed: opts.seed }, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
      live++;
      let chunk: Chunk | undefined;
      let current: { index: number; since: number } | undefined;
      let stopped = false;
      const next = (): void => {
        chunk = queue.shift();
        if (!chunk) {
          stopped = true;
          clearInterval(watchdog);
          void worker.terminate();
          return;
        }
        worker.postMessage({ type: chunk.type, from: chunk.from, to: chunk.to } satisfies ToWorker);
      };
      /** The rest of the chunk after the case that hung or killed the worker, for the next worker. */
      const requeueAfter = (index: number): void => {
        if (!chunk) return;
        const next = chunkIndex(chunk, index) + 1;
        if (next < chunk.to) queue.unshift({ type: chunk.type, from: next, to: chunk.to });
      };
      const watchdog = setInterval(() => {
        if (!current || Date.now() - current.since < opts.hangMs) return;
        // The case never returned: record it, stop this worker, and give the rest of its chunk to a new one.
        const { index } = current;
        stats.failures.push({ index, failure: { kind: 'hang', stage: 'case', message: `still running after ${opts.hangMs} ms; the worker was stopped` } });
        stats.done++;
        requeueAfter(index);
        current = undefined;
        stopped = true;
        clearInterval(watchdog);
        void worker.terminate();
        startWorker();
      }, 500);
      worker.on('message', (message: FromWorker) => {
        if (stopped) return;
        switch (message.type) {
          case 'ready':
            next();
            break;
          case 'start':
            current = { index: message.index, since: Date.now() };
            break;
          case 'done': {
            current = undefined;
            if (message.caseType === 'fixture') {
              stats.fixtureMs.push(message.ms);
              for (const failure of message.failures) stats.failures.push({ index: message.index, failure });
              const slow = slowFailure(message.ms, message.length);
              if (slow) stats.failures.push({ index: message.index, failure: slow });
              break;
            }
            stats.done++;
            stats.durations.push(message.ms);
            stats.byType.set(message.caseType, (stats.byType.get(message.caseType) ?? 0) + 1);
            for (const mutation of new Set(message.mutations)) stats.byMutation.set(mutation, (stats.byMutation.get(mutation) ?? 0) + 1);
            for (const failure of message.failures) stats.failures.push({ index: message.index, failure });
            const slow = slowFailure(message.ms, message.length);
            if (slow) stats.failures.push({ index: message.index, failure: slow });
            stats.slowest.push({ index: message.index, ms: message.ms, mutations: message.mutations, length: message.length });
            if (stats.slowest.length > 40) stats.slowest = stats.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
            if (Date.now() - lastReport > 30_000) {
              lastReport = Date.now();
              process.stderr.write(`  ${stats.done} / ${opts.cases} cases, ${stats.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
            }
            break;
          }
          case 'chunk-done':
            next();
            break;
        }
      });
      worker.on('error', (error) => {
        // A worker that dies (out of memory, a crash in WebAssembly) fails the case it was running.
        if (stopped) return;
        stopped = true;
        clearInterval(watchdog);
        const index = current?.index ?? (chunk ? chunkIndex(chunk, chunk.from) : 0);
        stats.failures.push({ index, failure: { kind: 'exception', stage: 'worker', message: `the worker died: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) } });
        stats.done++;
        requeueAfter(index);
        startWorker();
      });
      worker.on('exit', () => {
        live--;
        if (live === 0 && queue.length === 0) resolve();
      });
    };
    for (let i = 0; i < Math.min(opts.workers, queue.length); i++) startWorker();
    if (queue.length === 0) resolve();
  });
  stats.slowest = stats.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  return stats;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const KINDS = ['exception', 'bad-span', 'slow', 'hang'] as const;

async function main(): Promise<number> {
  const opts = options();
  const fixtures = opts.skipFixtures ? [] : readFixtures();
  const started = Date.now();
  const stats = await run(opts, fixtures.length);
  const caseName = (index: number): string => (index < 0 ? (fixtures[-index - 1]?.name ?? `fixture ${-index}`) : String(index));
  const seconds = (Date.now() - started) / 1000;
  const sorted = [...stats.durations].sort((a, b) => a - b);
  const bySignature = new Map<string, CaseFailure[]>();
  for (const entry of stats.failures) {
    const key = signature(entry.failure);
    bySignature.set(key, [...(bySignature.get(key) ?? []), entry]);
  }

  const lines = [
    `IAM Atlas fuzz: seed ${opts.seed}, cases ${opts.from}-${opts.from + opts.cases - 1}`,
    `fixtures: ${stats.fixtureMs.length} replayed from test/fuzz/cases/${stats.fixtureMs.length ? `, slowest ${Math.max(...stats.fixtureMs).toFixed(0)} ms` : ''}`,
    `cases:    ${stats.done.toLocaleString('en')} (${[...stats.byType].map(([type, count]) => `${count.toLocaleString('en')} ${type}`).join(', ')})`,
    `time:     ${seconds.toFixed(1)} s on ${opts.workers} worker${opts.workers === 1 ? '' : 's'}; per case median ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms`,
    `failures: ${stats.failures.length}`,
    ...KINDS.map((kind) => {
      const bound = kind === 'slow' ? ` (over ${opts.slowMs} ms and 5 ms per 1,000 characters)` : kind === 'hang' ? ` (over ${opts.hangMs} ms, worker stopped)` : '';
      return `  ${kind.padEnd(10)} ${stats.failures.filter((f) => f.failure.kind === kind).length}${bound}`;
    }),
  ];
  if (bySignature.size) {
    lines.push('distinct failures:');
    for (const [key, entries] of bySignature) lines.push(`  ${entries.length} × ${key}  (cases ${entries.slice(0, 5).map((e) => caseName(e.index)).join(', ')})`);
  }
  lines.push(`mutations: ${[...stats.byMutation].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ')}`);
  lines.push(`slowest:  ${stats.slowest.slice(0, 5).map((s) => `#${s.index} ${s.ms.toFixed(0)} ms (${s.mutations.join('+')}, ${s.length.toLocaleString('en')} chars)`).join('; ')}`);
  process.stdout.write(lines.join('\n') + '\n');

  if (bySignature.size) await saveFailures(opts, bySignature);
  if (opts.json) {
    const summary = {
      seed: opts.seed,
      from: opts.from,
      cases: stats.done,
      seconds,
      workers: opts.workers,
      medianMs: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1] ?? 0,
      failures: Object.fromEntries(KINDS.map((kind) => [kind, stats.failures.filter((f) => f.failure.kind === kind).length])),
      distinct: [...bySignature].map(([key, entries]) => ({ signature: key, count: entries.length, cases: entries.slice(0, 20).map((e) => e.index) })),
    };
    writeFileSync(opts.json, JSON.stringify(summary, null, 2) + '\n');
  }
  return stats.failures.length ? 1 : 0;
}

/** Writes the first case of each distinct failure, shrunk when asked, for a fixture once it is fixed. */
async function saveFailures(opts: Options, bySignature: Map<string, CaseFailure[]>): Promise<void> {
  mkdirSync(opts.out, { recursive: true });
  await initTerraform();
  let n = 0;
  for (const [key, entries] of bySignature) {
    const { index, failure } = entries[0]!;
    if (index < 0) continue;
    const testCase = generateCase(opts.seed, index);
    let input = standalone(testCase);
    // Slow cases and hangs are not shrunk in-process: a shrinking step could hang too.
    if (opts.minimize && (failure.kind === 'exception' || failure.kind === 'bad-span')) {
      input = 'document' in input ? { document: minimizeDocument(input.document, key) } : { workspace: minimizeWorkspace(input.workspace, key) };
    }
    const file = path.join(opts.out, `seed${opts.seed}-case${index}.json`);
    const record = {
      found: `npm run fuzz -- --seed ${opts.seed} --from ${index} --cases 1`,
      failed: key,
      ...(failure.stack ? { stack: failure.stack.split('\n').slice(0, 8) } : {}),
      mutations: testCase.mutations,
      ...input,
    };
    writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
    n++;
  }
  process.stdout.write(`${n} failing case${n === 1 ? '' : 's'} written to ${path.relative(process.cwd(), opts.out) || opts.out}/\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`fuzz: ${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  },
);
