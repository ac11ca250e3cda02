/**
 * The failing cases the fuzzer found, kept in test/fuzz/cases/ once fixed: mocha replays them for
 * exceptions (fuzz.test.ts), the fuzz runner for time (main.ts), as it measures slow cases and hangs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentCase, Failure, WorkspaceCase, runDocumentCase, runWorkspaceCase } from './oracle';
import { REPO_ROOT } from './seeds';

export const CASES_FOLDER = path.join(REPO_ROOT, 'test', 'fuzz', 'cases');

/** A text as written in a fixture: itself, or pieces each repeated, so a 300 KB input stays a line. */
type TextSpec = string | { readonly repeat: readonly (readonly [string, number])[] };

interface FixtureFile {
  readonly found: string;
  readonly failed: string;
  readonly fixed: string;
  readonly document?: Omit<DocumentCase, 'versions' | 'config'> & { readonly versions: readonly TextSpec[]; readonly config?: TextSpec };
  readonly workspace?: { readonly config?: TextSpec; readonly files: Readonly<Record<string, TextSpec>> };
}

function documentCase(document: NonNullable<FixtureFile['document']>): DocumentCase {
  const { uri, languageId, offsets, versions, config } = document;
  return { uri, languageId, offsets, versions: versions.map(text), ...(config !== undefined ? { config: text(config) } : {}) };
}

function text(spec: TextSpec): string {
  return typeof spec === 'string' ? spec : spec.repeat.map(([piece, times]) => piece.repeat(times)).join('');
}

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
    .map((name) => {
      const file = JSON.parse(readFileSync(path.join(CASES_FOLDER, name), 'utf8')) as FixtureFile;
      const { document, workspace } = file;
      return {
        name,
        found: file.found,
        failed: file.failed,
        fixed: file.fixed,
        ...(document ? { document: documentCase(document) } : {}),
        ...(workspace
          ? {
              workspace: {
                ...(workspace.config !== undefined ? { config: text(workspace.config) } : {}),
                files: Object.fromEntries(Object.entries(workspace.files).map(([file, spec]) => [file, text(spec)])),
              },
            }
          : {}),
      };
    });
}

export function runFixture(fixture: Fixture): Failure[] {
  if (fixture.document) return runDocumentCase(fixture.document);
  if (fixture.workspace) return runWorkspaceCase(fixture.workspace);
  throw new Error(`${fixture.name} holds neither a document nor a workspace`);
}
