/**
 * Diagnostics latency through the real protocol: the built server over stdio, timed from the
 * didOpen / didChange notification leaving the client to the publishDiagnostics of that version
 * arriving. Round trip on loopback stdio, so it includes the server's `workspace/configuration`
 * request to the client and the JSON-RPC encoding both ways.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BenchDocument, jsonDocuments, terraformDocuments, terraformModule } from '../generate/standard-inputs';
import { BUDGETS } from '../harness/budgets';
import { positionAt, sidEditOffset } from '../harness/document-points';
import { BenchClient, fileUri } from '../harness/lsp-client';
import { Budget, Suite, SuiteContext } from '../harness/types';

function budgetFor(document: BenchDocument): Budget | undefined {
  if (document.id === '500') return BUDGETS.diagnostics500;
  if (document.id === '1mb') return BUDGETS.diagnostics1MB;
  if (document.id === 'tf-module') return BUDGETS.terraformIncremental;
  return undefined;
}

/** The default of `iamAtlas.diagnosticsDelay`, as the manifest declares it. */
function defaultDiagnosticsDelay(root: string): number {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
  };
  const value = manifest.contributes?.configuration?.properties?.['iamAtlas.diagnosticsDelay']?.default;
  return typeof value === 'number' ? value : 150;
}

/**
 * The generated policies have no findings, so an empty publish would also come from a server that
 * skipped them: first check that a mistake put into one is reported.
 */
async function checkServerAnalyses(client: BenchClient, folder: string, document: BenchDocument): Promise<void> {
  const broken = document.text.replace('"Effect": "Allow"', '"Effect": "allow"');
  const uri = fileUri(path.join(folder, `check-${document.fileName}`));
  const { value } = await client.open(uri, document.languageId, broken);
  await client.close(uri);
  const codes = value.diagnostics.map((diagnostic) => diagnostic.code);
  if (!codes.includes('IAM006')) throw new Error(`the server did not report the lower-case Effect in ${document.fileName}: got ${JSON.stringify(codes)}`);
}

class DocumentCases {
  constructor(
    private readonly context: SuiteContext,
    private readonly client: BenchClient,
    private readonly folder: string,
  ) {}

  /**
   * didOpen, then closed again after, untimed: the same URI each run, as a user opening one file
   * again (the analysis cache forgets a closed document; the workspace index keeps one entry).
   */
  async open(document: BenchDocument, withMemory: boolean): Promise<void> {
    const budget = document.id === 'tf-module' ? undefined : budgetFor(document);
    await this.context.measure(
      { id: `lsp.didOpen.${document.id}`, label: `didOpen → diagnostics, ${document.label}`, budget, runs: document.id === '1mb' ? 15 : undefined },
      async () => {
        const uri = fileUri(path.join(this.folder, `open-${document.fileName}`));
        const { ms } = await this.client.open(uri, document.languageId, document.text);
        const peakMemoryBytes = withMemory ? this.client.peakMemoryBytes() : undefined;
        await this.client.close(uri);
        return { ms, ...(peakMemoryBytes !== undefined ? { peakMemoryBytes } : {}) };
      },
    );
  }

  /**
   * One character typed into a Sid near the middle, then taken out again on the next run, as
   * incremental changes (what VS Code sends): every run analyses the whole new version.
   */
  async type(document: BenchDocument, delayLabel: string, budget: Budget | undefined, idSuffix = ''): Promise<void> {
    const uri = fileUri(path.join(this.folder, `edit-${document.fileName}`));
    await this.client.open(uri, document.languageId, document.text);
    const position = positionAt(document.text, sidEditOffset(document.text));
    const insert = { range: { start: position, end: position }, text: 'X' };
    const remove = { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
    let inserted = false;
    try {
      await this.context.measure(
        { id: `lsp.didChange.${document.id}${idSuffix}`, label: `didChange (one character) → diagnostics, ${document.label}, ${delayLabel}`, budget, runs: document.id === '1mb' ? 15 : undefined },
        async () => {
          const { ms } = await this.client.change(uri, [inserted ? remove : insert]);
          inserted = !inserted;
          return ms;
        },
      );
    } finally {
      await this.client.close(uri);
    }
  }
}

export const lspDiagnosticsSuite: Suite = {
  name: 'lsp-diagnostics',
  title: 'Diagnostics through the language server (round trip over stdio)',
  defaults: { warmup: 3, runs: 30 },
  available: async () => ({ available: true }),
  async run(context) {
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-lsp-'));
    const client = await BenchClient.start({ serverPath: context.paths.server, workspaceFolder: folder, settings: { diagnosticsDelay: 0 } });
    const cases = new DocumentCases(context, client, folder);
    const defaultDelay = defaultDiagnosticsDelay(context.paths.root);
    try {
      const json = jsonDocuments();
      // The smallest document, so the peak memory of the first rows stays theirs.
      await checkServerAnalyses(client, folder, json[0]!);
      const terraform = await context.capabilities.terraformInProcess();
      const tf = terraform.available ? [...terraformDocuments(), terraformModule()] : [];

      // Smallest first: the peak memory column reads the server's peak so far.
      for (const document of [...json, ...tf.filter((d) => d.id !== 'tf-module')]) await cases.open(document, true);

      client.settings = { diagnosticsDelay: 0 };
      for (const document of [...json, ...tf]) await cases.type(document, 'diagnosticsDelay 0', budgetFor(document));

      // What the user sees while typing: the pause after the last keystroke, then the analysis.
      client.settings = {};
      for (const document of json.filter((d) => d.id === '500' || d.id === '1mb')) {
        await cases.type(document, `default diagnosticsDelay (${defaultDelay} ms): user-visible`, undefined, '.defaultDelay');
      }

      if (!terraform.available) {
        context.unavailable({ id: 'lsp.tf', label: 'didOpen / didChange → diagnostics, .tf of 10, 100, 1,000 statements' }, terraform.reason);
        const module = terraformModule();
        context.unavailable({ id: `lsp.didChange.${module.id}`, label: `didChange (one character) → diagnostics, ${module.label}`, budget: BUDGETS.terraformIncremental }, terraform.reason);
      }
      context.note('Times are round trips on loopback stdio from the client sending the notification to the matching publishDiagnostics arriving; they include the server asking the client for its settings (workspace/configuration) before each analysis.');
      context.note(`"diagnosticsDelay 0" rows set the setting to 0 through the workspace/configuration answer: analysis plus protocol. The "user-visible" rows keep the default pause of ${defaultDelay} ms, which the server waits after the last keystroke on purpose.`);
      context.note("Peak memory is the server's peak resident set (VmHWM) so far, read after each didOpen; rows are run smallest first.");
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
