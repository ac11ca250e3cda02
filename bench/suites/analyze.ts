/**
 * Server time without the protocol: `analyze()` (parse + every rule) called in-process from the
 * compiled core in out/, on the documents the LSP benchmarks send. The difference to the LSP round
 * trip is what the protocol, the settings request and the diagnostics conversion cost.
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core/analyze';
import { BenchDocument, jsonDocuments, terraformDocuments, terraformModule } from '../generate/standard-inputs';
import { BUDGETS } from '../harness/budgets';
import { Budget, Suite, SuiteContext } from '../harness/types';

function budgetFor(document: BenchDocument): Budget | undefined {
  if (document.id === '500') return BUDGETS.diagnostics500;
  if (document.id === '1mb') return BUDGETS.diagnostics1MB;
  if (document.id === 'tf-module') return BUDGETS.terraformCold;
  return undefined;
}

async function measureDocument(context: SuiteContext, document: BenchDocument): Promise<void> {
  const uri = `file:///bench/workspace/${document.fileName}`;
  const options = { languageId: document.languageId, path: `/bench/workspace/${document.fileName}` };
  const check = analyze(uri, document.text, options);
  const statements = check.file.documents.reduce((sum, doc) => sum + doc.statements.length, 0);
  if (statements !== document.statements) {
    throw new Error(`${document.fileName}: analyze() read ${statements} statements, the generator wrote ${document.statements}`);
  }
  await context.measure(
    { id: `analyze.${document.id}`, label: `analyze() in-process, ${document.label}`, budget: budgetFor(document), runs: document.id === '1mb' ? 15 : undefined },
    async () => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      analyze(uri, document.text, options);
      const ms = performance.now() - started;
      const { user, system } = process.cpuUsage(cpu);
      return { ms, cpuMs: (user + system) / 1000 };
    },
  );
}

export const analyzeSuite: Suite = {
  name: 'analyze',
  title: 'Analysis in-process (server time, no protocol)',
  defaults: { warmup: 5, runs: 30 },
  available: async () => ({ available: true }),
  async run(context) {
    for (const document of jsonDocuments()) await measureDocument(context, document);
    const terraform = await context.capabilities.terraformInProcess();
    if (terraform.available) {
      for (const document of [...terraformDocuments(), terraformModule()]) await measureDocument(context, document);
    } else {
      const module = terraformModule();
      context.unavailable({ id: 'analyze.tf', label: 'analyze() in-process, .tf of 10, 100, 1,000 statements' }, terraform.reason);
      context.unavailable({ id: `analyze.${module.id}`, label: `analyze() in-process, ${module.label}, cold`, budget: BUDGETS.terraformCold }, terraform.reason);
    }
    context.note('Each run calls analyze(uri, text) from out/server/src/core/analyze.js: parse and every rule, as the server does for one document version.');
    context.note('CPU median is the CPU time of the benchmark process during each run (all its threads, the garbage collector included): on a shared machine it moves far less than wall time. Budgets are judged on wall time.');
  },
};
