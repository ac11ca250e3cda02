/**
 * Server start to first diagnostics, as a user opening a policy in a fresh window waits for it:
 * spawn the built server, initialize, open a 10-statement policy, until its diagnostics arrive.
 * Reference data is loaded lazily, so this includes whatever the first analysis loads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { jsonDocuments } from '../generate/standard-inputs';
import { BUDGETS } from '../harness/budgets';
import { BenchClient, fileUri } from '../harness/lsp-client';
import { Suite } from '../harness/types';

export const lspStartSuite: Suite = {
  name: 'lsp-start',
  title: 'Language server start (spawn over stdio)',
  defaults: { warmup: 1, runs: 10 },
  available: async () => ({ available: true }),
  async run(context) {
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-start-'));
    const document = jsonDocuments().find((d) => d.id === '10')!;
    const uri = fileUri(path.join(folder, document.fileName));
    try {
      let initializeMs = 0;
      await context.measure(
        { id: 'lsp.start.firstDiagnostics', label: `spawn → first diagnostics, ${document.label}`, budget: BUDGETS.serverStart },
        async () => {
          const started = performance.now();
          const client = BenchClient.spawn({ serverPath: context.paths.server, settings: { diagnosticsDelay: 0 } });
          try {
            await client.initialize(folder);
            initializeMs = performance.now() - started;
            await client.open(uri, document.languageId, document.text);
            const ms = performance.now() - started;
            const peakMemoryBytes = client.peakMemoryBytes();
            return { ms, ...(peakMemoryBytes !== undefined ? { peakMemoryBytes } : {}) };
          } finally {
            await client.stop();
          }
        },
      );
      context.note(`Each run spawns \`node dist/server.js --stdio\` and times until the first publishDiagnostics; the last run's initialize answer came after ${initializeMs.toFixed(0)} ms. Peak memory is the server's VmHWM after its first diagnostics.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
