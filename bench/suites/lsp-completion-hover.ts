/**
 * Completion and hover latency through the real protocol: request to response on loopback stdio, on
 * an action near the middle of policies of 10, 100 and 1,000 statements. Runs once the server
 * announces completionProvider / hoverProvider; until then each case says "not available yet".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BenchDocument, jsonDocuments, terraformDocuments } from '../generate/standard-inputs';
import { BUDGETS } from '../harness/budgets';
import { actionNearMiddle, positionAt } from '../harness/document-points';
import { BenchClient, fileUri } from '../harness/lsp-client';
import { Suite, SuiteContext } from '../harness/types';

const SIZES = new Set(['10', '100', '1000', 'tf-10', 'tf-100', 'tf-1000']);

function itemCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)) return (value as { items: unknown[] }).items.length;
  return 0;
}

async function measureDocument(context: SuiteContext, client: BenchClient, folder: string, document: BenchDocument, features: { completion: boolean; hover: boolean }): Promise<void> {
  const uri = fileUri(path.join(folder, document.fileName));
  await client.open(uri, document.languageId, document.text);
  try {
    const point = actionNearMiddle(document.text);
    // Completion inside the action name, three characters in (`s3:Get|Object`); hover on its middle.
    const completionAt = positionAt(document.text, point.nameStart + 3);
    const nameLength = point.action.length - point.action.indexOf(':') - 1;
    const hoverAt = positionAt(document.text, point.nameStart + Math.floor(nameLength / 2));
    const completionSpec = { id: `lsp.completion.${document.id}`, label: `completion in an action, ${document.label}`, budget: BUDGETS.completionHover };
    const hoverSpec = { id: `lsp.hover.${document.id}`, label: `hover on an action, ${document.label}`, budget: BUDGETS.completionHover };
    // An empty answer is not a figure: ask once first, and time only what gives an answer.
    if (!features.completion) context.unavailable(completionSpec, 'the server does not announce completionProvider');
    else if (itemCount((await client.completion(uri, completionAt)).value) === 0) context.unavailable(completionSpec, `no completion items in ${point.action} here`);
    else await context.measure(completionSpec, async () => (await client.completion(uri, completionAt)).ms);
    if (!features.hover) context.unavailable(hoverSpec, 'the server does not announce hoverProvider');
    else if (!(await client.hover(uri, hoverAt)).value) context.unavailable(hoverSpec, `no hover on ${point.action} here`);
    else await context.measure(hoverSpec, async () => (await client.hover(uri, hoverAt)).ms);
  } finally {
    await client.close(uri);
  }
}

export const lspCompletionHoverSuite: Suite = {
  name: 'lsp-completion-hover',
  title: 'Completion and hover through the language server (round trip over stdio)',
  defaults: { warmup: 5, runs: 40 },
  available: async () => ({ available: true }),
  async run(context) {
    const capabilities = await context.capabilities.serverCapabilities();
    const features = { completion: capabilities.completionProvider !== undefined, hover: Boolean(capabilities.hoverProvider) };
    const terraform = await context.capabilities.terraformInProcess();
    const documents = [...jsonDocuments(), ...(terraform.available ? terraformDocuments() : [])].filter((d) => SIZES.has(d.id));
    if (!features.completion && !features.hover) {
      for (const document of documents) {
        context.unavailable({ id: `lsp.completion.${document.id}`, label: `completion in an action, ${document.label}`, budget: BUDGETS.completionHover }, 'the server does not announce completionProvider');
        context.unavailable({ id: `lsp.hover.${document.id}`, label: `hover on an action, ${document.label}`, budget: BUDGETS.completionHover }, 'the server does not announce hoverProvider');
      }
      return;
    }
    const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-completion-'));
    const client = await BenchClient.start({ serverPath: context.paths.server, workspaceFolder: folder, settings: { diagnosticsDelay: 0 } });
    try {
      for (const document of documents) await measureDocument(context, client, folder, document, features);
      if (!terraform.available) context.unavailable({ id: 'lsp.completion-hover.tf', label: 'completion and hover in .tf files' }, terraform.reason);
      context.note('Round trip on loopback stdio from sending the request to its response; the document is open and analysed first. Completion is asked three characters into an action name, hover on its middle.');
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
