/**
 * Matching that workspace text controls, bounded: IAM wildcards (policies) and globs (iam-atlas.json,
 * iamAtlas.policyKinds). Patterns that made the old regular expressions backtrack for hours must
 * answer at once; a regression shows as this suite's timeout.
 */
import * as assert from 'node:assert/strict';
import { readWorkspaceConfig } from '../../server/src/core/config';
import { accountOfRelativePath } from '../../server/src/core/workspace';
import { MAX_GLOB_STARS, globMatcher, globProblem } from '../../server/src/core/text/glob';
import { wildcardMatcher } from '../../server/src/core/text/wildcard';

/** The old matcher, as a reference for short inputs: an anchored regular expression. */
function reference(pattern: string, name: string, caseSensitive: boolean): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*').replace(/\?/g, '[^]');
  return new RegExp(`^${body}$`, caseSensitive ? '' : 'i').test(name);
}

describe('wildcard matching', () => {
  it('matches as the regular expression did, on every pattern and name of a small alphabet', () => {
    const patterns = ['', '*', '?', 'a', 'a*', '*a', 'a?b', '*a*', 'a**b', '?*?', 'A*b?', '*ab*ab', 'a*b*a', 's3:Get*', '*:*'];
    const names = ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'AbAb', 'aXb', 'abba', 's3:GetObject', 'S3:getobject', 'x:y'];
    for (const pattern of patterns) {
      for (const name of names) {
        for (const caseSensitive of [false, true]) {
          assert.equal(wildcardMatcher(pattern, caseSensitive).test(name), reference(pattern, name, caseSensitive), `${pattern} on ${name} (case-sensitive: ${caseSensitive})`);
        }
      }
    }
  });

  it('matches ARNs case-sensitively and actions ignoring case', () => {
    assert.equal(wildcardMatcher('arn:aws:iam::*:role/Deploy*', true).test('arn:aws:iam::111122223333:role/DeployProd'), true);
    assert.equal(wildcardMatcher('arn:aws:iam::*:role/Deploy*', true).test('arn:aws:iam::111122223333:role/deployprod'), false);
    assert.equal(wildcardMatcher('IAM:passrole').test('iam:PassRole'), true);
  });

  it('answers at once for patterns that backtrack exponentially as regular expressions', () => {
    const name = 'a'.repeat(60);
    assert.equal(wildcardMatcher('*'.repeat(42) + 'x').test(name), false);
    assert.equal(wildcardMatcher('a*'.repeat(40) + 'b').test(name), false);
    assert.equal(wildcardMatcher('*?'.repeat(40) + 'b').test(name), false);
    assert.equal(wildcardMatcher('a*'.repeat(30)).test(name), true);
  });
});

describe('glob matching', () => {
  it('refuses globs that are empty, too long, or have more than three single stars, saying why', () => {
    assert.equal(MAX_GLOB_STARS, 3);
    assert.equal(globProblem(''), 'is an empty glob');
    assert.equal(globProblem('a/'.repeat(501)), 'is longer than 1000 characters');
    assert.equal(
      globProblem('*(*(*(*(a))))aaaa!'),
      'has 4 "*" wildcards besides "**" segments; IAM Atlas matches globs with at most 3, as more can take minutes to match',
    );
    // The default policy-kind globs stay within the bound; "**" segments do not count.
    assert.equal(globProblem('**/*boundar*/**/*.json'), undefined);
    assert.equal(globProblem('**/**/**/**/**/*.json'), undefined);
  });

  it('matches a refused glob against nothing, instead of throwing or hanging', () => {
    assert.equal(globMatcher('')('accounts/dev/x.json'), false);
    assert.equal(globMatcher('*a*a*a*b')('a'.repeat(255)), false);
    assert.equal(globMatcher('accounts/**')('accounts/dev/x.json'), true);
  });

  it('matches no path that no file system has: a segment over 255 characters, or over 4096 in all', () => {
    assert.equal(globMatcher('*a*a*b')('a'.repeat(4096)), false);
    assert.equal(globMatcher('**')(`x/${'a'.repeat(256)}`), false);
    assert.equal(globMatcher('**')(`x/${'a'.repeat(255)}`), true);
  });

  it('reads iam-atlas.json keeping the usable globs and naming each refused one', () => {
    const { config, problems } = readWorkspaceConfig(
      JSON.stringify({
        accounts: [{ id: '111111111111', name: 'dev', paths: ['', 'a*b*c*d*e', 'accounts/dev/**'] }],
        policyKinds: { '': 'scp', '**/*.scp.json': 'scp' },
      }),
    );
    assert.deepEqual(config.accounts, [{ id: '111111111111', name: 'dev', paths: ['accounts/dev/**'] }]);
    assert.deepEqual(config.policyKinds, { '**/*.scp.json': 'scp' });
    assert.deepEqual(problems, [
      { path: 'accounts[0].paths[0]', message: '"" is an empty glob' },
      {
        path: 'accounts[0].paths[1]',
        message: '"a*b*c*d*e" has 4 "*" wildcards besides "**" segments; IAM Atlas matches globs with at most 3, as more can take minutes to match',
      },
      { path: 'policyKinds[0]', message: '"" is an empty glob' },
    ]);
    assert.equal(accountOfRelativePath(config, 'accounts/dev/roles/x.json')?.name, 'dev');
  });
});
