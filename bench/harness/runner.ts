/** Runs suites: checks each is available, runs its cases (warm-up, then timed runs) and judges them. */
import { Capabilities } from './capabilities';
import { loadAverage } from './machine';
import { BenchPaths } from './paths';
import { Summary, summarize } from './stats';
import { Budget, CaseResult, CaseSpec, RunSettings, Sample, Suite, SuiteContext, SuiteResult, Verdict } from './types';

/** A safety net against a hung server, not a measurement: no case should come near it. */
const SAMPLE_TIMEOUT_MS = 5 * 60 * 1000;

export interface RunnerOptions {
  readonly settings: RunSettings;
  readonly paths: BenchPaths;
  readonly capabilities: Capabilities;
  readonly log: (text: string) => void;
}

export async function runSuites(suites: readonly Suite[], options: RunnerOptions): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  for (const suite of suites) results.push(await runSuite(suite, options));
  return results;
}

async function runSuite(suite: Suite, options: RunnerOptions): Promise<SuiteResult> {
  const { settings, paths, capabilities, log } = options;
  const availability = await suite.available({ paths, capabilities });
  if (!availability.available) {
    log(`[${suite.name}] not available yet: ${availability.reason}`);
    return { name: suite.name, title: suite.title, status: 'not available yet', reason: availability.reason, notes: [], cases: [] };
  }
  const cases: CaseResult[] = [];
  const notes: string[] = [];
  const context: SuiteContext = {
    settings,
    paths,
    capabilities,
    log: (text) => log(`[${suite.name}] ${text}`),
    note: (text) => notes.push(text),
    unavailable: (spec, reason) => {
      cases.push({ id: spec.id, label: spec.label, verdict: 'not available yet', runs: 0, warmup: 0, budget: spec.budget, reason });
      log(`[${suite.name}] ${spec.id}: not available yet (${reason})`);
    },
    measure: async (spec, sample) => {
      const result = await measureCase(spec, sample, counts(suite, spec, settings), (text) => log(`[${suite.name}] ${text}`));
      cases.push(result);
      if (result.verdict === 'failed') throw new Error(`${spec.id}: ${result.reason}`);
      return result;
    },
  };
  log(`[${suite.name}] ${suite.title}`);
  const load = loadAverage();
  try {
    await suite.run(context);
    return { name: suite.name, title: suite.title, status: 'ran', loadAverage: load, notes, cases };
  } catch (error) {
    const reason = (error as Error).message;
    log(`[${suite.name}] failed: ${(error as Error).stack ?? reason}`);
    return { name: suite.name, title: suite.title, status: 'failed', reason, loadAverage: load, notes, cases };
  }
}

function counts(suite: Suite, spec: CaseSpec, settings: RunSettings): { warmup: number; runs: number } {
  let warmup = settings.warmup ?? spec.warmup ?? suite.defaults.warmup;
  let runs = settings.runs ?? spec.runs ?? suite.defaults.runs;
  if (settings.quick) {
    if (settings.warmup === undefined) warmup = Math.min(warmup, 1);
    if (settings.runs === undefined) runs = Math.min(runs, 3);
  }
  return { warmup, runs: Math.max(1, runs) };
}

async function measureCase(
  spec: CaseSpec,
  sample: () => Promise<number | Sample>,
  { warmup, runs }: { warmup: number; runs: number },
  log: (text: string) => void,
): Promise<CaseResult> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peakMemoryBytes: number | undefined;
  try {
    for (let i = 0; i < warmup; i++) await withTimeout(sample());
    for (let i = 0; i < runs; i++) {
      const taken = await withTimeout(sample());
      const { ms, peakMemoryBytes: memory, cpuMs }: Sample = typeof taken === 'number' ? { ms: taken } : taken;
      times.push(ms);
      if (cpuMs !== undefined) cpuTimes.push(cpuMs);
      if (memory !== undefined) peakMemoryBytes = Math.max(peakMemoryBytes ?? 0, memory);
    }
  } catch (error) {
    return { id: spec.id, label: spec.label, verdict: 'failed', runs: times.length, warmup, budget: spec.budget, reason: (error as Error).message };
  }
  const summary = summarize(times);
  const { verdict, reason } = judge(summary, peakMemoryBytes, spec.budget);
  log(`${spec.id}: median ${summary.median.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms (${runs} runs) — ${verdict}`);
  return {
    id: spec.id,
    label: spec.label,
    verdict,
    runs,
    warmup,
    medianMs: summary.median,
    p95Ms: summary.p95,
    minMs: summary.min,
    maxMs: summary.max,
    meanMs: summary.mean,
    ...(cpuTimes.length === times.length ? { cpuMedianMs: summarize(cpuTimes).median } : {}),
    ...(peakMemoryBytes !== undefined ? { peakMemoryBytes } : {}),
    ...(spec.budget ? { budget: spec.budget } : {}),
    ...(reason ? { reason } : {}),
  };
}

export function judge(summary: Summary, peakMemoryBytes: number | undefined, budget: Budget | undefined): { verdict: Verdict; reason?: string } {
  if (!budget) return { verdict: 'no budget' };
  let holds = true;
  let reason: string | undefined;
  if (budget.ms !== undefined) {
    const value = budget.statistic === 'p95' ? summary.p95 : summary.median;
    holds &&= value < budget.ms;
  }
  if (budget.memoryBytes !== undefined) {
    if (peakMemoryBytes === undefined) reason = 'peak memory not measured on this platform';
    else holds &&= peakMemoryBytes < budget.memoryBytes;
  }
  return { verdict: holds ? 'holds' : 'over budget', ...(reason ? { reason } : {}) };
}

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a run took longer than ${SAMPLE_TIMEOUT_MS / 1000} s`)), SAMPLE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
