/**
 * The failing cases the fuzzer found, kept in test/fuzz/cases/ once fixed: mocha replays them for
 * exceptions (fuzz.test.ts), the fuzz runner for time (main.ts), as it measures slow cases and hangs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentCase, Failure, WorkspaceCase, runDocumentCase, runWorkspaceCase } from './oracle';
import { REPO_ROOT } from './seeds';

export const CASES_FOLDER = path.join(REPO_ROOT, 'test', 'fuzz', 'cases');

export interface Fixture {
  readonly name: string;
  /** How it was found (the command that finds it again, before the fix). */
  readonly found: string;
  /** What failed, before the fix. */
  readonly failed: string;
  /** What the fix was. */
  readonly fixed: string;
  readonly document?: DocumentCase;
  readonly workspace?: WorkspaceCase;
}

export function readFixtures(): Fixture[] {
  return readdirSync(CASES_FOLDER)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ ...(JSON.parse(readFileSync(path.join(CASES_FOLDER, name), 'utf8')) as Omit<Fixture, 'name'>), name }));
}

export function runFixture(fixture: Fixture): Failure[] {
  if (fixture.document) return runDocumentCase(fixture.document);
  if (fixture.workspace) return runWorkspaceCase(fixture.workspace);
  throw new Error(`${fixture.name} holds neither a document nor a workspace`);
}
