/**
 * The fuzz sample `npm test` runs (the same cases every time), and the failing cases the fuzzer
 * found, each kept in test/fuzz/cases/ after its fix. Time is the fuzz runner's business
 * (`npm run fuzz`), not these tests'.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { runRange } from './engine';
import { DocumentCase, Failure, WorkspaceCase, runDocumentCase, runWorkspaceCase } from './oracle';
import { REPO_ROOT } from './seeds';

/** The sample's seed and size: `npm run fuzz -- --seed 20260601 --cases 2000` runs the same cases. */
export const SAMPLE_SEED = 20260601;
export const SAMPLE_CASES = 2000;

const CASES_FOLDER = path.join(REPO_ROOT, 'test', 'fuzz', 'cases');

interface Fixture {
  /** How it was found (the command that finds it again, before the fix). */
  readonly found: string;
  /** What failed, before the fix. */
  readonly failed: string;
  /** What the fix was. */
  readonly fixed: string;
  readonly document?: DocumentCase;
  readonly workspace?: WorkspaceCase;
}

function describeFailure(failure: Failure): string {
  return `${failure.kind} in ${failure.stage}: ${failure.message}${failure.stack ? `\n${failure.stack.split('\n').slice(1, 4).join('\n')}` : ''}`;
}

describe('fuzz', function () {
  this.timeout(180_000);
  before(() => initTerraform());

  it(`runs ${SAMPLE_CASES} seeded cases (parse, every rule, fixes, completion, hover, the graph) without an exception or a span outside its text`, () => {
    const result = runRange(SAMPLE_SEED, 0, SAMPLE_CASES);
    assert.equal(result.cases, SAMPLE_CASES);
    assert.deepEqual(result.failures.map(({ index, failure }) => `case ${index}: ${describeFailure(failure)}`), []);
  });

  describe('cases found by the fuzzer, replayed after their fix', () => {
    const files = readdirSync(CASES_FOLDER).filter((name) => name.endsWith('.json')).sort();

    it('has fixtures to replay', () => {
      assert.ok(files.length > 0, `no fixtures in ${CASES_FOLDER}`);
    });

    for (const name of files) {
      const fixture = JSON.parse(readFileSync(path.join(CASES_FOLDER, name), 'utf8')) as Fixture;
      it(`${name}: ${fixture.fixed}`, () => {
        assert.ok(fixture.document || fixture.workspace, `${name} holds neither a document nor a workspace`);
        const failures = fixture.document ? runDocumentCase(fixture.document) : runWorkspaceCase(fixture.workspace!);
        assert.deepEqual(failures.map(describeFailure), []);
      });
    }
  });
});
