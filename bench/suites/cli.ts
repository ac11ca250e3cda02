/**
 * CLI throughput: `iam-atlas check` over a generated repository of 2,000 files, as CI runs it, timed
 * from spawn to exit with the process's peak memory. Terraform files join the repository once the
 * CLI finds policies in them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { totalBytes, writeFiles } from '../generate/files';
import { generateRepository } from '../generate/repository';
import { formatBytes } from '../harness/table';
import { runNodeScript } from '../harness/processes';
import { Suite } from '../harness/types';

const FILES = 2000;

interface JsonReport {
  readonly filesChecked: number;
  readonly policyFiles: number;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly info: number };
}

export const cliSuite: Suite = {
  name: 'cli',
  title: 'Command line: iam-atlas check',
  defaults: { warmup: 1, runs: 10 },
  available: async () => ({ available: true }),
  async run(context) {
    const terraform = await context.capabilities.terraformInCli();
    const repository = generateRepository({ seed: 'bench', files: FILES, terraform: terraform.available });
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-repo-'));
    const output = path.join(folder, '.report');
    try {
      writeFiles(path.join(folder, 'repo'), repository.files);
      const repo = path.join(folder, 'repo');
      let report: JsonReport | undefined;
      const perSecond: string[] = [];
      for (const format of ['json', 'sarif'] as const) {
        const result = await context.measure(
          { id: `cli.check.${FILES}.${format}`, label: `check ${FILES.toLocaleString('en')} files, --format ${format}` },
          async () => {
            const run = await runNodeScript(context.paths.cli, ['check', repo, '--format', format, '--fail-on', 'never', '--output', output], { cwd: folder });
            if (run.exitCode !== 0) throw new Error(`iam-atlas check exited with ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
            if (format === 'json') report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
            return { ms: run.ms, ...(run.peakMemoryBytes !== undefined ? { peakMemoryBytes: run.peakMemoryBytes } : {}) };
          },
        );
        if (result.medianMs) perSecond.push(`${Math.round((FILES * 1000) / result.medianMs).toLocaleString('en')} files/s with --format ${format}`);
      }
      if (report && report.filesChecked !== FILES) throw new Error(`the CLI checked ${report.filesChecked} files, the repository has ${FILES}`);
      const { counts } = repository;
      context.note(
        `The repository: ${counts.policyJson} policy JSON files (identity, trust, resource, SCP; ${counts.withMistake} with a deliberate mistake), ${counts.otherJson} other JSON files, ${counts.terraform} .tf files; ${formatBytes(totalBytes(repository.files))} in all.`,
      );
      if (report) {
        context.note(
          `The CLI read ${report.filesChecked} files, ${report.policyFiles} of them policy files, and reported ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.info} info.`,
        );
      }
      context.note(`Throughput at the median: ${perSecond.join(', ')}.`);
      context.note('Time is spawn to exit of `node dist/cli.js check <repo> --format <f> --fail-on never --output <file>` (Node start-up included); peak memory is the CLI process\'s maxRSS.');
      if (!terraform.available) context.note(`No .tf files in the repository: ${terraform.reason}.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
