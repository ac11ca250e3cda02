/**
 * The benchmark contract. A suite is one file under bench/suites/ that says whether what it measures
 * exists yet and, if it does, measures its cases through the context: the harness runs the warm-up
 * and the timed runs, computes the statistics and judges each figure against its budget.
 */
import { Capabilities } from './capabilities';
import { BenchPaths } from './paths';

/** A performance budget from ../shared/DESIGN.md (or the issue that set it). */
export interface Budget {
  /** The time the statistic must stay under, in milliseconds. */
  readonly ms?: number;
  /** Which statistic the time limit applies to. */
  readonly statistic?: 'median' | 'p95';
  /** The peak memory the case must stay under, in bytes. */
  readonly memoryBytes?: number;
  /** Where the budget is written, in words: `DESIGN.md: 500-statement policy under 20 ms`. */
  readonly source: string;
}

export interface CaseSpec {
  /** Stable, dotted: `lsp.didOpen.500`. Compared across runs in results/latest.json. */
  readonly id: string;
  /** What the figure is, in a reader's words; says round trip or in-process where it matters. */
  readonly label: string;
  readonly budget?: Budget;
  /** Runs thrown away before timing; the suite's default when absent. */
  readonly warmup?: number;
  /** Timed runs; the suite's default when absent. */
  readonly runs?: number;
}

/** One timed run: milliseconds, and the peak memory of the process measured, where it matters. */
export interface Sample {
  readonly ms: number;
  readonly peakMemoryBytes?: number;
  /**
   * CPU time of the measured process during the run, where it can be taken (in-process). Other
   * processes on a shared machine stretch wall time far more than CPU time.
   */
  readonly cpuMs?: number;
}

export type Verdict = 'holds' | 'over budget' | 'no budget' | 'not available yet' | 'failed';

export interface CaseResult {
  readonly id: string;
  readonly label: string;
  readonly verdict: Verdict;
  readonly runs: number;
  readonly warmup: number;
  readonly medianMs?: number;
  readonly p95Ms?: number;
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly meanMs?: number;
  /** Median CPU time, when the samples carry it. */
  readonly cpuMedianMs?: number;
  readonly peakMemoryBytes?: number;
  readonly budget?: Budget;
  /** Why the case did not run, or what failed. */
  readonly reason?: string;
}

export interface SuiteResult {
  readonly name: string;
  readonly title: string;
  readonly status: 'ran' | 'not available yet' | 'failed';
  readonly reason?: string;
  /** The machine's 1, 5 and 15 minute load averages when the suite started: the machine may be shared. */
  readonly loadAverage?: readonly number[];
  readonly notes: readonly string[];
  readonly cases: readonly CaseResult[];
}

export interface RunSettings {
  /** Fewer runs, for trying things out: figures are rougher. */
  readonly quick: boolean;
  /** Overrides every case's number of timed runs. */
  readonly runs?: number;
  /** Overrides every case's number of warm-up runs. */
  readonly warmup?: number;
}

export interface SuiteContext {
  readonly settings: RunSettings;
  readonly paths: BenchPaths;
  readonly capabilities: Capabilities;
  /** Runs `sample` for the warm-up and the timed runs and records the figures. */
  measure(spec: CaseSpec, sample: () => Promise<number | Sample>): Promise<CaseResult>;
  /** Records a case whose feature is missing, with the reason shown in the table. */
  unavailable(spec: CaseSpec, reason: string): void;
  /** A line printed under the table: what was measured and how, input sizes, caveats. */
  note(text: string): void;
  /** Progress on standard error. */
  log(text: string): void;
}

export type Availability = { readonly available: true } | { readonly available: false; readonly reason: string };

export interface Suite {
  /** Short, kebab-case; `npm run bench -- <name or prefix>` runs it alone. */
  readonly name: string;
  readonly title: string;
  /** Timed runs and warm-up for cases that do not say; the quick mode lowers them. */
  readonly defaults: { readonly warmup: number; readonly runs: number };
  /** Whether what the suite measures exists in this build. */
  available(context: Pick<SuiteContext, 'paths' | 'capabilities'>): Promise<Availability>;
  run(context: SuiteContext): Promise<void>;
}
