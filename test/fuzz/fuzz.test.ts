/**
 * The fuzz sample `npm test` runs (the same cases every time), and the failing cases the fuzzer
 * found, each kept in test/fuzz/cases/ after its fix. Time is the fuzz runner's business
 * (`npm run fuzz`), not these tests'.
 */
import * as assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { runRange } from './engine';
import { CASES_FOLDER, readFixtures, runFixture } from './fixtures';
import { Failure } from './oracle';

/** The sample's seed and size: `npm run fuzz -- --seed 20260601 --cases 2000` runs the same cases. */
export const SAMPLE_SEED = 20260601;
export const SAMPLE_CASES = 2000;

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
    const fixtures = readFixtures();

    it('has fixtures to replay', () => {
      assert.ok(fixtures.length > 0, `no fixtures in ${CASES_FOLDER}`);
    });

    for (const fixture of fixtures) {
      it(`${fixture.name}: ${fixture.fixed}`, () => {
        assert.deepEqual(runFixture(fixture).map(describeFailure), []);
      });
    }
  });
});
