/** The results as Markdown tables, one per suite, ready to paste into the README. */
import { describeBudget } from './budgets';
import { Machine } from './machine';
import { CaseResult, SuiteResult } from './types';

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number | undefined): string {
  return bytes === undefined ? '' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!;
}

function verdictText(result: CaseResult): string {
  switch (result.verdict) {
    case 'holds':
      return 'holds';
    case 'over budget':
      return '**over budget**';
    case 'no budget':
      return '–';
    case 'not available yet':
      return `not available yet: ${result.reason}`;
    case 'failed':
      return `**failed**: ${firstLine(result.reason)}`;
  }
}

const HEADER = ['benchmark', 'runs', 'median', 'p95', 'min', 'max', 'peak memory', 'budget', 'verdict'];
/** Suites whose runs carry CPU time get a column for it after the median. */
const HEADER_WITH_CPU = ['benchmark', 'runs', 'median', 'CPU median', 'p95', 'min', 'max', 'peak memory', 'budget', 'verdict'];

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}

export function renderSuite(suite: SuiteResult): string {
  const lines = [`### ${suite.title} (\`${suite.name}\`)`, ''];
  if (suite.status === 'not available yet') {
    lines.push(`Not available yet: ${suite.reason}`, '');
    return lines.join('\n');
  }
  const withCpu = suite.cases.some((result) => result.cpuMedianMs !== undefined);
  const header = withCpu ? HEADER_WITH_CPU : HEADER;
  if (suite.cases.length) lines.push(row(header), row(header.map(() => '---')));
  for (const result of suite.cases) {
    lines.push(
      row([
        result.label,
        result.runs ? String(result.runs) : '',
        formatMs(result.medianMs),
        ...(withCpu ? [formatMs(result.cpuMedianMs)] : []),
        formatMs(result.p95Ms),
        formatMs(result.minMs),
        formatMs(result.maxMs),
        formatBytes(result.peakMemoryBytes),
        result.budget ? describeBudget(result.budget) : '',
        verdictText(result),
      ]),
    );
  }
  if (suite.cases.length) lines.push('');
  if (suite.status === 'failed') lines.push(`**The suite failed:** ${firstLine(suite.reason)} (the log above has the rest)`, '');
  for (const note of suite.notes) lines.push(`- ${note}`);
  if (suite.loadAverage) lines.push(`- Load average when the suite started: ${suite.loadAverage.join(' / ')}.`);
  if (suite.notes.length || suite.loadAverage) lines.push('');
  return lines.join('\n');
}

export function renderMachine(machine: Machine): string {
  const load = (values: readonly number[] | undefined): string => (values ? values.join(' / ') : '?');
  return [
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${Math.round(machine.memoryBytes / 1024 ** 3)} GiB memory, Node.js ${machine.node}, ${machine.platform}.`,
    `Load average (1 / 5 / 15 min): ${load(machine.loadAverageAtStart)} at the start, ${load(machine.loadAverageAtEnd)} at the end; nice ${machine.niceness}.`,
  ].join('\n');
}

export function renderReport(suites: readonly SuiteResult[], machine: Machine, command: string): string {
  return [`## IAM Atlas benchmarks`, '', `Command: \`${command}\``, renderMachine(machine), '', ...suites.map(renderSuite)].join('\n');
}
