/**
 * The workspace index keeps what each graph build read and patches the next graph from it. Over
 * seeded random edits of a generated organisation (JSON and Terraform), the graph it gives after
 * each burst of edits is exactly the graph an index that builds from scratch gives for the same files.
 */
import * as assert from 'node:assert/strict';
import { readWorkspaceConfig } from '../../server/src/core/config';
import { TrustGraph, WorkspaceIndex } from '../../server/src/core/graph';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { GeneratedFile } from '../../bench/generate/files';
import { generateOrganisation } from '../../bench/generate/organisation';
import { organisationAsJson, organisationAsTerraform } from '../../bench/generate/organisation-files';
import { Random } from '../../bench/generate/random';

const OUTSIDE_ROLE = 'arn:aws:iam::999999999999:role/outside-auditor';
const ALLOW = /("Effect"\s*:\s*"|Effect\s*=\s*")Allow"/;
const DENY = /("Effect"\s*:\s*"|Effect\s*=\s*")Deny"/;
const ROLE_ARN = /arn:aws:iam::\d{12}:role\/[\w+=,.@-]+/;

const DENY_ASSUME_SCP = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/locked': 'true' } } }],
});

interface Workspace {
  readonly texts: Map<string, string>;
  readonly removed: Map<string, string>;
}

/** One random edit; returns what it did, for the assertion message. */
function edit(random: Random, workspace: Workspace, roleArns: readonly string[], terraform: boolean): string {
  const { texts, removed } = workspace;
  const paths = [...texts.keys()].filter((path) => path !== 'iam-atlas.json');
  const path = random.pick(paths);
  const text = texts.get(path)!;
  const change = (next: string, what: string): string => {
    texts.set(path, next);
    return `${what} in ${path}`;
  };
  switch (random.int(0, 9)) {
    case 0:
      return change(text.replace(ALLOW, '$1Deny"'), 'an Allow made a Deny');
    case 1:
      return change(text.replace(DENY, '$1Allow"'), 'a Deny made an Allow');
    case 2:
      return change(text.replace(ROLE_ARN, random.pick(roleArns)), 'a role ARN pointed at another role');
    case 3:
      return change(text.replace(ROLE_ARN, OUTSIDE_ROLE), 'a role ARN pointed outside the organisation');
    case 4:
      return change(text.replace(/"[\w-]+\.amazonaws\.com"/, '"batch.amazonaws.com"'), 'a service principal changed');
    case 5: {
      // The first role of the file may do anything: it becomes admin-equivalent.
      const admin = terraform
        ? text.replace(/("?Action"?\s*[=:]\s*)"sts:AssumeRole"(,\s*"?Resource"?\s*[=:]\s*)"arn:[^"]+"/, '$1"*"$2"*"')
        : text.replace(/"Action": "sts:AssumeRole",\n(\s*)"Resource": "arn:[^"]+"/, '"Action": "*",\n$1"Resource": "*"');
      return change(admin, 'a grant made an allow of everything');
    }
    case 6:
      texts.delete(path);
      removed.set(path, text);
      return `${path} removed`;
    case 7: {
      if (removed.size === 0) return 'nothing to restore';
      const [back, backText] = [...removed][0]!;
      removed.delete(back);
      texts.set(back, backText);
      return `${back} restored`;
    }
    case 8:
      if (texts.has('scps/deny-assume.json')) {
        texts.delete('scps/deny-assume.json');
        return 'the SCP removed';
      }
      texts.set('scps/deny-assume.json', DENY_ASSUME_SCP);
      return 'an SCP added';
    default:
      return change(`${text}\n`, 'a blank line added at the end');
  }
}

/** The graph of the same files from an index that builds every graph from scratch (given the live index's analyses). */
function fromScratch(live: WorkspaceIndex, workspace: Workspace, config: ReturnType<typeof readWorkspaceConfig>['config']): TrustGraph {
  const index = new WorkspaceIndex({ config, root: '/ws', incremental: false });
  for (const path of workspace.texts.keys()) {
    const uri = `file:///ws/${path}`;
    index.update(uri, workspace.texts.get(path)!, path, { file: live.parsed(uri)!, findings: [...live.findings(uri)] });
  }
  return index.graph();
}

function runEdits(files: readonly GeneratedFile[], seed: string, steps: number, terraform: boolean, roleArns: readonly string[]): WorkspaceIndex {
  const { config } = readWorkspaceConfig(files.find((file) => file.path === 'iam-atlas.json')!.text);
  const live = new WorkspaceIndex({ config, root: '/ws' });
  const workspace: Workspace = { texts: new Map(files.map((file) => [file.path, file.text])), removed: new Map() };
  const sync = (): void => {
    for (const [path, text] of workspace.texts) live.update(`file:///ws/${path}`, text, path);
    for (const path of workspace.removed.keys()) live.remove(`file:///ws/${path}`);
    if (!workspace.texts.has('scps/deny-assume.json')) live.remove('file:///ws/scps/deny-assume.json');
  };
  sync();
  live.graph();
  const random = new Random(seed);
  const done: string[] = [];
  for (let step = 0; step < steps; step++) {
    done.push(edit(random, workspace, roleArns, terraform));
    // Bursts of one to three edits between two graphs, as an editor debounces them.
    if (random.chance(0.4)) continue;
    sync();
    const graph = live.graph();
    assert.deepEqual(graph, fromScratch(live, workspace, config), `after step ${step}: ${done.slice(-3).join('; ')}`);
  }
  return live;
}

describe('trust graph: incremental builds give the graph a full build gives', () => {
  before(() => initTerraform());

  it('over random edits of a JSON organisation', () => {
    const organisation = generateOrganisation({ seed: 'incremental-json', accounts: 12, rolesPerAccount: 4 });
    const live = runEdits(organisationAsJson(organisation), 'edits-json', 200, false, organisation.roles.map((role) => role.arn));
    // Both ways were taken: patched from the last graph, and built in full after a change of shape.
    assert.ok(live.graphBuilds.patched >= 10, `patched ${live.graphBuilds.patched} times`);
    assert.ok(live.graphBuilds.built >= 3, `built ${live.graphBuilds.built} times`);
  });

  it('over random edits of a sparse JSON organisation, whose role chains grow and shrink', () => {
    // Two trust statements a role: fewer direct callers, so longer chains whose risk follows their length.
    const organisation = generateOrganisation({ seed: 'incremental-chains', accounts: 16, rolesPerAccount: 4, trustStatementsPerRole: 2, grantRate: 1 });
    const live = runEdits(organisationAsJson(organisation), 'edits-chains', 200, false, organisation.roles.map((role) => role.arn));
    assert.ok(live.graphBuilds.patched >= 10, `patched ${live.graphBuilds.patched} times`);
  });

  it('over random edits of a Terraform organisation', () => {
    const organisation = generateOrganisation({ seed: 'incremental-tf', accounts: 10, rolesPerAccount: 4 });
    const live = runEdits(organisationAsTerraform(organisation), 'edits-tf', 120, true, organisation.roles.map((role) => role.arn));
    assert.ok(live.graphBuilds.patched >= 5, `patched ${live.graphBuilds.patched} times`);
    assert.ok(live.graphBuilds.built >= 3, `built ${live.graphBuilds.built} times`);
  });

  it('patches after a change of policy, and gives a new graph object only when something changed', () => {
    const organisation = generateOrganisation({ seed: 'incremental-small', accounts: 3, rolesPerAccount: 2 });
    const files = organisationAsJson(organisation);
    const { config } = readWorkspaceConfig(files.find((file) => file.path === 'iam-atlas.json')!.text);
    const index = new WorkspaceIndex({ config, root: '/ws' });
    for (const file of files) index.update(`file:///ws/${file.path}`, file.text, file.path);
    const first = index.graph();
    assert.deepEqual(index.graphBuilds, { patched: 0, built: 1 });
    const trust = files.find((file) => file.path.endsWith('-trust.json') && ALLOW.test(file.text))!;
    index.update(`file:///ws/${trust.path}`, trust.text.replace(ALLOW, '$1Deny"'), trust.path);
    const second = index.graph();
    assert.deepEqual(index.graphBuilds, { patched: 1, built: 1 });
    assert.notEqual(second, first);
    assert.notDeepEqual(second.edges, first.edges, 'the Deny removed an edge');
    assert.equal(index.graph(), second, 'nothing changed: the same graph');
  });
});
