/**
 * The trust graph at organisation scale: 50 and 500 accounts (10 roles each, 4 trust statements per
 * role: 5,000 roles and 20,000 trust statements at 500). Cold index through `iam-atlas graph` with
 * the process's peak memory, and in-process cold index and one-file change through the engine.
 * Terraform organisations join once the CLI reads .tf files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GeneratedFile, totalBytes, writeFiles } from '../generate/files';
import { Organisation, generateOrganisation } from '../generate/organisation';
import { organisationAsJson, organisationAsTerraform } from '../generate/organisation-files';
import { BUDGETS } from '../harness/budgets';
import { runNodeScript } from '../harness/processes';
import { formatBytes } from '../harness/table';
import { Budget, Suite, SuiteContext } from '../harness/types';
import { graphEngine } from './graph-engine';

const ACCOUNT_COUNTS = [50, 500] as const;

interface Workspace {
  readonly label: string;
  readonly id: string;
  readonly files: GeneratedFile[];
  readonly organisation: Organisation;
}

/** The same file with its first Allow turned into a Deny, and back on the next run: the graph must change. */
function toggledFile(file: GeneratedFile): [string, string] {
  const allow = /("Effect"\s*:\s*"|Effect\s*=\s*")Allow"/;
  if (!allow.test(file.text)) throw new Error(`${file.path} has no Allow to toggle`);
  return [file.text, file.text.replace(allow, '$1Deny"')];
}

async function measureCli(context: SuiteContext, workspace: Workspace, budget: Budget | undefined): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-graph-'));
  try {
    writeFiles(path.join(folder, 'workspace'), workspace.files);
    await context.measure(
      { id: `graph.cli.${workspace.id}`, label: `iam-atlas graph (cold), ${workspace.label}`, budget, warmup: 1, runs: 3 },
      async () => {
        const run = await runNodeScript(context.paths.cli, ['graph', path.join(folder, 'workspace'), '--format', 'json', '--output', path.join(folder, 'graph.json')], { cwd: folder });
        if (run.exitCode !== 0) throw new Error(`iam-atlas graph exited with ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
        return { ms: run.ms, ...(run.peakMemoryBytes !== undefined ? { peakMemoryBytes: run.peakMemoryBytes } : {}) };
      },
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measureEngine(context: SuiteContext, workspace: Workspace, coldBudget: Budget | undefined, changeBudget: Budget | undefined): Promise<void> {
  const create = await graphEngine(workspace.files);
  let size = { nodes: 0, edges: 0 };
  await context.measure({ id: `graph.engine.cold.${workspace.id}`, label: `engine cold index, in-process, ${workspace.label}`, budget: coldBudget, warmup: 1, runs: 3 }, async () => {
    const engine = create();
    const started = performance.now();
    engine.index();
    const ms = performance.now() - started;
    size = engine.size();
    return ms;
  });
  context.note(`${workspace.label}: the graph has ${size.nodes.toLocaleString('en')} nodes and ${size.edges.toLocaleString('en')} edges.`);

  // A roles file of an account in the middle of the organisation, one Allow turned into a Deny and back.
  const middle = workspace.organisation.accounts[Math.floor(workspace.organisation.accounts.length / 2)]!;
  const changed = workspace.files.find((file) => file.path.startsWith(`accounts/${middle.name}/roles`) && /(\.tf|-trust\.json)$/.test(file.path));
  if (!changed) throw new Error(`no roles file for account ${middle.name}`);
  const [original, edited] = toggledFile(changed);
  const engine = create();
  engine.index();
  const before = engine.size();
  engine.change(changed.path, edited);
  const after = engine.size();
  engine.change(changed.path, original);
  context.note(`One file changed: ${changed.path}, its first Allow made a Deny and back in turn (${before.edges.toLocaleString('en')} edges before, ${after.edges.toLocaleString('en')} with the Deny).`);
  let toggled = false;
  await context.measure({ id: `graph.engine.change.${workspace.id}`, label: `one file changed, in-process, ${workspace.label}`, budget: changeBudget }, async () => {
    toggled = !toggled;
    const started = performance.now();
    engine.change(changed.path, toggled ? edited : original);
    return performance.now() - started;
  });
}

export const graphSuite: Suite = {
  name: 'graph',
  title: 'Trust graph: index and update',
  defaults: { warmup: 2, runs: 10 },
  available: async () => ({ available: true }),
  async run(context) {
    const hasCommand = (await context.capabilities.cliCommands()).includes('graph');
    const terraform = await context.capabilities.terraformInCli();
    for (const accounts of ACCOUNT_COUNTS) {
      const organisation = generateOrganisation({ seed: 'bench', accounts });
      const { counts } = organisation;
      const size = `${accounts} accounts, ${counts.roles.toLocaleString('en')} roles, ${counts.trustStatements.toLocaleString('en')} trust statements`;
      const workspaces: Workspace[] = [{ id: `json.${accounts}`, label: `JSON, ${size}`, files: organisationAsJson(organisation), organisation }];
      if (terraform.available) workspaces.push({ id: `tf.${accounts}`, label: `Terraform, ${size}`, files: organisationAsTerraform(organisation), organisation });
      for (const workspace of workspaces) {
        const big = accounts === 500;
        context.note(`${workspace.label}: ${workspace.files.length.toLocaleString('en')} files, ${formatBytes(totalBytes(workspace.files))}.`);
        if (hasCommand) await measureCli(context, workspace, big ? BUDGETS.graphColdIndex : undefined);
        else context.unavailable({ id: `graph.cli.${workspace.id}`, label: `iam-atlas graph (cold), ${workspace.label}` }, 'no `iam-atlas graph` command yet');
        await measureEngine(context, workspace, big ? BUDGETS.graphColdIndexInProcess : undefined, big ? BUDGETS.graphOneFileChange : undefined);
      }
    }
    if (!terraform.available) context.note(`Terraform organisations not measured: ${terraform.reason}.`);
    context.note('The CLI rows time spawn to exit of `iam-atlas graph <workspace> --format json` (Node start-up, reading the files, the graph, writing the JSON) with its peak memory. The engine rows feed the files to a WorkspaceIndex in-process and build the graph (bench/suites/graph-engine.ts); a one-file change updates one file and builds the graph again.');
  },
};
