/** The governance section of iam-atlas.json, and naming patterns. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceConfig } from '../../server/src/core/config';
import { compileNamingPattern } from '../../server/src/core/governance/naming';

const root = path.resolve(__dirname, '..', '..', '..');

describe('governance configuration', () => {
  it('reads every key of the example whole', () => {
    const { config, problems } = readWorkspaceConfig(readFileSync(path.join(root, 'examples', 'iam-atlas.json'), 'utf8'));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.governance, {
      identityCenterAccounts: ['prod', 'dev'],
      naming: {
        role: '^[a-z][a-z0-9-]*$',
        permissionSet: '{team}{access}',
        values: { team: ['Platform', 'Payments', 'Data'], access: ['Admin', 'Developer', 'ReadOnly'] },
      },
      ownerTag: 'owner',
      permissionsBoundary: { accounts: ['dev'] },
    });
  });

  it('drops malformed keys with a reason and keeps the rest', () => {
    const { config, problems } = readWorkspaceConfig(
      JSON.stringify({
        governance: {
          identityCenterAccounts: 'prod',
          naming: { role: '{env-{team}', policy: '^(unclosed', permissionSet: '{team}', values: { team: ['a'], env: [] }, roles: 'x' },
          ownerTag: '',
          teamTag: 'Team',
          permissionsBoundary: { accounts: ['dev'], rolePaths: ['teams/'], where: [] },
          guardrails: ['cloudtrail', 'vpc'],
          extra: true,
        },
      }),
    );
    assert.deepEqual(
      problems.map((p) => `${p.path}: ${p.message}`),
      [
        'governance.identityCenterAccounts: must be an array of non-empty strings',
        'governance.ownerTag: must be a non-empty tag key',
        'governance.naming.values: must be an object of placeholder to a non-empty array of allowed values',
        'governance.naming.role: has a brace that is not part of a {placeholder} (letters, digits and _ between braces)',
        'governance.naming.policy: is not a valid regular expression: Invalid regular expression: /^(unclosed/: Unterminated group',
        'governance.naming.roles: is not a known key (role, policy, permissionSet, values)',
        'governance.permissionsBoundary.rolePaths: each IAM path must start and end with "/", such as "/teams/"',
        'governance.permissionsBoundary.where: is not a known key (accounts, paths, rolePaths)',
        'governance.guardrails: must be an array of: leave-organization, root-user, iam-users, cloudtrail',
        'governance.extra: is not a known key (identityCenterAccounts, naming, ownerTag, teamTag, permissionsBoundary, guardrails)',
      ],
    );
    assert.deepEqual(config.governance, { teamTag: 'Team', naming: { permissionSet: '{team}' }, permissionsBoundary: { accounts: ['dev'] } });
    assert.deepEqual(readWorkspaceConfig('{"governance": []}').problems, [{ path: 'governance', message: 'must be an object' }]);
    assert.equal(readWorkspaceConfig('{"accounts": []}').config.governance, undefined, 'absent stays absent');
  });

  it('the JSON schema lists the same governance keys the reader knows', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'iam-atlas.schema.json'), 'utf8'));
    const governance = schema.properties.governance;
    assert.deepEqual(Object.keys(governance.properties), ['identityCenterAccounts', 'naming', 'ownerTag', 'teamTag', 'permissionsBoundary', 'guardrails']);
    assert.deepEqual(Object.keys(governance.properties.naming.properties), ['role', 'policy', 'permissionSet', 'values']);
    assert.deepEqual(Object.keys(governance.properties.permissionsBoundary.properties), ['accounts', 'paths', 'rolePaths']);
    assert.deepEqual(governance.properties.guardrails.items.enum, ['leave-organization', 'root-user', 'iam-users', 'cloudtrail']);
  });
});

describe('naming patterns', () => {
  const pattern = compileNamingPattern('{env}-{team}-{function}', { env: ['prod', 'dev'], team: ['payments'] });

  it('placeholders take their listed values, or IAM name characters', () => {
    assert.equal(pattern.test('prod-payments-deploy-api'), true);
    assert.equal(pattern.test('dev-payments-x'), true);
    assert.equal(pattern.test('staging-payments-deploy'), false);
    assert.equal(pattern.test('prod-search-deploy'), false);
    assert.equal(pattern.test('prod-payments-'), false);
    assert.equal(pattern.test('Prod-payments-deploy'), false, 'values match case-sensitively');
    assert.deepEqual(pattern.parts('prod-payments-deploy-api'), { env: 'prod', team: 'payments', function: 'deploy-api' });
    assert.equal(pattern.shape, '{env}-{team}-{function} (env: prod, dev; team: payments)');
    assert.equal(pattern.example, 'prod-payments-function');
  });

  it('literal text is literal, a placeholder used twice takes one value, and ^ starts a regular expression', () => {
    assert.equal(compileNamingPattern('svc.{name}+{name}').test('svc.a+a'), true);
    assert.equal(compileNamingPattern('svc.{name}+{name}').test('svcXa+b'), false);
    const regex = compileNamingPattern('^(?<team>[a-z]+)-ci$');
    assert.deepEqual(regex.parts('payments-ci'), { team: 'payments' });
    assert.equal(regex.test('Payments-ci'), false);
    assert.equal(regex.example, undefined);
  });
});
