/**
 * `npm run bench [-- <suite or prefix>…] [--quick] [--runs N] [--warmup N] [--list]`: runs the
 * benchmark suites, prints one Markdown table per suite with each figure judged against its budget,
 * and writes every figure to bench/results/latest.json.
 */
import { parseArgs } from 'node:util';
import { Capabilities } from './harness/capabilities';
import { describeMachine, loadAverage } from './harness/machine';
import { benchPaths } from './harness/paths';
import { writeResults } from './harness/results';
import { runSuites } from './harness/runner';
import { renderReport } from './harness/table';
import { RunSettings, Suite } from './harness/types';
import { SUITES } from './suites';

const USAGE = `Usage: npm run bench -- [suite or prefix…] [options]

Suites: ${SUITES.map((suite) => suite.name).join(', ')}
  "lsp" runs every suite whose name starts with "lsp-".

Options:
  --quick          at most one warm-up and three timed runs per case (rough figures, for trying)
  --runs <n>       timed runs per case, for every case
  --warmup <n>     warm-up runs per case, for every case
  --server <file>  the language server bundle to measure (default dist/server.js)
  --cli <file>     the command line bundle to measure (default dist/cli.js)
  --output <file>  where to write the results (default bench/results/latest.json)
  --list           list the suites and exit
  -h, --help       show this help
`;

function selectSuites(filters: readonly string[]): Suite[] {
  if (filters.length === 0) return [...SUITES];
  const selected = SUITES.filter((suite) => filters.some((filter) => suite.name === filter || suite.name.startsWith(`${filter}-`)));
  const unknown = filters.filter((filter) => !SUITES.some((suite) => suite.name === filter || suite.name.startsWith(`${filter}-`)));
  if (unknown.length) throw new Error(`no suite named ${unknown.map((name) => `"${name}"`).join(', ')}; suites: ${SUITES.map((s) => s.name).join(', ')}`);
  return selected;
}

function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${option} takes a whole number`);
  return parsed;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      server: { type: 'string' },
      cli: { type: 'string' },
      output: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.list) {
    for (const suite of SUITES) process.stdout.write(`${suite.name.padEnd(22)} ${suite.title}\n`);
    return 0;
  }
  const suites = selectSuites(positionals);
  const runs = count('--runs', values.runs);
  const warmup = count('--warmup', values.warmup);
  const settings: RunSettings = { quick: values.quick, ...(runs !== undefined ? { runs } : {}), ...(warmup !== undefined ? { warmup } : {}) };
  const paths = benchPaths({ server: values.server, cli: values.cli, resultsFile: values.output });
  const command = ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' ');

  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  const results = await runSuites(suites, { settings, paths, capabilities: new Capabilities(paths), log: (text) => process.stderr.write(`${text}\n`) });
  machine.loadAverageAtEnd = loadAverage();

  process.stdout.write(`\n${renderReport(results, machine, command)}`);
  writeResults(paths.resultsFile, { schema: 1, startedAt, finishedAt: new Date().toISOString(), command, settings, machine, suites: results });
  process.stdout.write(`\nResults written to ${paths.resultsFile}\n`);
  return results.some((suite) => suite.status === 'failed') ? 1 : 0;
}

let finished = false;
// Node exits quietly, with code 0, when nothing is left to wait for: a child process that died
// without answering would otherwise look like a clean run.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write('bench: stopped with a run still waiting (did a process it started end without answering?)\n');
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: Error) => {
    finished = true;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  },
);
