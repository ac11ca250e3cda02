/**
 * Fuzz cases, each made from (seed, index) alone: the runner can spread them over workers, and any
 * case can be made again to replay or shrink it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mutate } from './mutate';
import { DocumentCase, Failure, WorkspaceCase, WorkspaceRunner, fileUri, runDocumentCase, runWorkspaceCase } from './oracle';
import { Random } from './random';
import { REPO_ROOT, Seed, folderSeeds, seeds } from './seeds';

export type FuzzCase =
  | { readonly index: number; readonly type: 'document'; readonly seed: string; readonly mutations: readonly string[]; readonly document: DocumentCase }
  /** Changes to the example organisation, run on the shared index. */
  | { readonly index: number; readonly type: 'workspace-change'; readonly mutations: readonly string[]; readonly changes: Readonly<Record<string, string | null>> }
  /** A workspace of its own, with a damaged iam-atlas.json. */
  | { readonly index: number; readonly type: 'workspace'; readonly mutations: readonly string[]; readonly workspace: WorkspaceCase };

export interface BaseWorkspace {
  readonly config: string;
  readonly files: Readonly<Record<string, string>>;
}

let base: BaseWorkspace | undefined;

/** The example organisation: the workspace the workspace cases damage. */
export function baseWorkspace(): BaseWorkspace {
  if (!base) {
    const folder = path.join(REPO_ROOT, 'examples');
    const files: Record<string, string> = {};
    for (const seed of folderSeeds(folder)) if (seed.path !== 'iam-atlas.json') files[seed.path] = seed.text;
    base = { config: readFileSync(path.join(folder, 'iam-atlas.json'), 'utf8'), files };
  }
  return base;
}

export function generateCase(seed: number, index: number): FuzzCase {
  const random = new Random(seed, index);
  const all = seeds();
  const other = (): string => random.pick(all).text;
  const roll = random.next();
  if (roll < 0.1) return workspaceChange(index, random, other);
  if (roll < 0.13) return ownWorkspace(index, random, other);
  return documentCase(index, random, all, other);
}

function documentCase(index: number, random: Random, all: readonly Seed[], other: () => string): FuzzCase {
  const seed = random.pick(all);
  const { uri, languageId } = placement(seed, random);
  const versions: string[] = [];
  const mutations: string[] = [];
  // Sometimes the session starts from the intact text, so a broken edit has a readable version to fall back on.
  if (random.chance(0.25)) versions.push(seed.text);
  const first = mutate(seed.text, random, other);
  versions.push(first.text);
  mutations.push(...first.mutations);
  if (random.chance(0.4)) {
    const second = mutate(first.text, random, other);
    versions.push(second.text);
    mutations.push(...second.mutations);
  }
  const offsets = versions.map((text) => cursorOffsets(text, random));
  const config = random.chance(0.3) ? baseWorkspace().config : undefined;
  return { index, type: 'document', seed: seed.name, mutations, document: { uri, languageId, versions, offsets, ...(config !== undefined ? { config } : {}) } };
}

function placement(seed: Seed, random: Random): { uri: string; languageId: string } {
  if (seed.language === 'terraform') {
    return random.chance(0.85) ? { uri: fileUri(seed.path), languageId: 'terraform' } : { uri: `untitled:Untitled-${random.int(9)}`, languageId: 'terraform' };
  }
  return random.weighted([
    [70, { uri: fileUri(seed.path), languageId: 'json' }],
    [10, { uri: fileUri(seed.path.replace(/\.json$/, '.jsonc')), languageId: 'jsonc' }],
    [10, { uri: `untitled:Untitled-${random.int(9)}`, languageId: 'json' }],
    [10, { uri: fileUri('scps/guardrails.scp.json'), languageId: 'json' }],
  ] as const);
}

function cursorOffsets(text: string, random: Random): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < 3; i++) {
    const choice = random.int(10);
    if (choice === 0) offsets.push(0);
    else if (choice === 1) offsets.push(text.length);
    else if (choice < 5) {
      // Just inside a quoted word: where completion and hover have the most to do.
      const quote = text.indexOf('"', random.int(text.length + 1));
      offsets.push(quote < 0 ? random.int(text.length + 1) : Math.min(text.length, quote + 1 + random.int(6)));
    } else offsets.push(random.int(text.length + 1));
  }
  return offsets;
}

const ACCOUNTS = ['dev', 'prod', 'security', 'management'];

function workspaceChange(index: number, random: Random, other: () => string): FuzzCase {
  const { files } = baseWorkspace();
  const paths = Object.keys(files);
  const changes: Record<string, string | null> = {};
  const mutations: string[] = [];
  const count = random.between(1, 3);
  for (let i = 0; i < count; i++) {
    const action = random.int(10);
    if (action < 6) {
      const target = random.pick(paths);
      const result = mutate(changes[target] ?? files[target]!, random, other);
      changes[target] = result.text;
      mutations.push(...result.mutations);
    } else if (action < 9) {
      const seed = random.pick(seeds());
      const name = `fuzz-${random.int(5)}`;
      const where =
        seed.language === 'terraform'
          ? `accounts/${random.pick(ACCOUNTS)}/terraform/${name}.tf`
          : `accounts/${random.pick(ACCOUNTS)}/${random.pick(['roles', 'users', 'groups', 'policies'])}/${name}-${random.pick(['trust', 'policy'])}.json`;
      const result = mutate(seed.text, random, other);
      changes[where] = result.text;
      mutations.push(...result.mutations);
    } else {
      changes[random.pick(paths)] = null;
      mutations.push('remove-file');
    }
  }
  return { index, type: 'workspace-change', mutations, changes };
}

/** Configuration values that have hurt glob and schema readers: backtracking globs, odd types, many accounts. */
function damagedConfig(random: Random, other: () => string): { text: string; mutations: string[] } {
  const { config } = baseWorkspace();
  if (random.chance(0.5)) return mutate(config, random, other);
  const parsed = JSON.parse(config) as { accounts: { paths?: unknown; id?: unknown; name?: unknown }[]; [key: string]: unknown };
  const account = random.pick(parsed.accounts);
  const glob = random.pick([
    '**/'.repeat(random.between(5, 60)) + '*.json',
    '+(a|aa)'.repeat(random.between(3, 30)) + 'b',
    '*(*(*(*(a))))' + 'a'.repeat(random.between(5, 40)) + '!',
    '{' + 'a,'.repeat(random.between(10, 2000)) + 'b}/**',
    '[' + '!'.repeat(random.between(1, 50)),
    '\u0000/**',
    '../../../../**',
    '/etc/**',
    '',
  ]);
  const damage = random.int(6);
  if (damage === 0) account.paths = [glob];
  else if (damage === 1) account.paths = glob;
  else if (damage === 2) account.id = random.pick([12, null, '', 'x'.repeat(100_000), ['111111111111']]);
  else if (damage === 3) parsed.accounts = Array.from({ length: random.pick([100, 5_000]) }, (_, i) => ({ id: String(100000000000 + i), name: `a${i}`, paths: [`accounts/a${i}/**`] }));
  else if (damage === 4) parsed.policyKinds = { [glob]: random.pick(['scp', 'rcp', 'trust', 'nonsense', 7]) };
  else parsed.rules = random.pick([{ '*': 'off' }, { IAM001: 'fatal' }, [], 'off', { ['x'.repeat(10_000)]: 'error' }]);
  return { text: JSON.stringify(parsed), mutations: [`config-${['glob', 'glob-string', 'account-id', 'many-accounts', 'policy-kinds', 'rules'][damage]}`] };
}

function ownWorkspace(index: number, random: Random, other: () => string): FuzzCase {
  const { files } = baseWorkspace();
  const paths = Object.keys(files);
  const chosen: Record<string, string> = {};
  for (let i = 0; i < 6; i++) {
    const target = random.pick(paths);
    chosen[target] = files[target]!;
  }
  const damaged = random.pick(Object.keys(chosen));
  const result = mutate(chosen[damaged]!, random, other);
  chosen[damaged] = result.text;
  const config = damagedConfig(random, other);
  return { index, type: 'workspace', mutations: [...config.mutations, ...result.mutations], workspace: { config: config.text, files: chosen } };
}

let sharedRunner: WorkspaceRunner | undefined;

function workspaceRunner(): WorkspaceRunner {
  const { config, files } = baseWorkspace();
  sharedRunner ??= new WorkspaceRunner(config, files);
  return sharedRunner;
}

export function runCase(testCase: FuzzCase): Failure[] {
  switch (testCase.type) {
    case 'document':
      return runDocumentCase(testCase.document);
    case 'workspace-change':
      return workspaceRunner().run(testCase.changes);
    case 'workspace':
      return runWorkspaceCase(testCase.workspace);
  }
}

/** A failing case in a form that stands on its own (no reference to the shared index). */
export function standalone(testCase: FuzzCase): { document: DocumentCase } | { workspace: WorkspaceCase } {
  switch (testCase.type) {
    case 'document':
      return { document: testCase.document };
    case 'workspace-change':
      return { workspace: workspaceRunner().workspaceOf(testCase.changes) };
    case 'workspace':
      return { workspace: testCase.workspace };
  }
}

export interface RangeResult {
  readonly cases: number;
  readonly failures: readonly { readonly index: number; readonly failure: Failure }[];
}

/** Runs cases `from` … `from + count - 1` of `seed` in this process. */
export function runRange(seed: number, from: number, count: number): RangeResult {
  const failures: { index: number; failure: Failure }[] = [];
  for (let index = from; index < from + count; index++) {
    for (const failure of runCase(generateCase(seed, index))) failures.push({ index, failure });
  }
  return { cases: count, failures };
}
