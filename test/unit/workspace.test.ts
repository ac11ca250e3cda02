/** Which account a file belongs to, and how another account relates to it. */
import * as assert from 'node:assert/strict';
import { WorkspaceConfig } from '../../server/src/core/config';
import { accountOfFile, accountRelation, relativeToRoot } from '../../server/src/core/workspace';

const CONFIG: WorkspaceConfig = {
  accounts: [
    { id: '111111111111', name: 'prod', paths: ['accounts/prod/**', 'terraform/prod/*.tf'] },
    { id: '222222222222', name: 'dev', paths: ['accounts/dev/**'] },
  ],
  trustedExternalAccounts: [{ id: '999988887777', name: 'Acme' }],
};

describe('workspace accounts', () => {
  it('resolves a file by the first account whose globs match its path relative to the root', () => {
    assert.equal(accountOfFile(CONFIG, '/repo/accounts/prod/roles/a.json', '/repo')?.name, 'prod');
    assert.equal(accountOfFile(CONFIG, '/repo/terraform/prod/main.tf', '/repo/')?.name, 'prod');
    assert.equal(accountOfFile(CONFIG, '/repo/terraform/prod/modules/x.tf', '/repo'), undefined, '* does not cross folders');
    assert.equal(accountOfFile(CONFIG, 'C:\\repo\\accounts\\dev\\a.json', 'C:\\repo')?.name, 'dev');
    assert.equal(accountOfFile(CONFIG, '/other/accounts/prod/a.json', '/repo'), undefined);
    assert.equal(accountOfFile(CONFIG, '/repo/accounts/prod/a.json', undefined), undefined);
    assert.equal(relativeToRoot('/repository/x.json', '/repo'), undefined, 'a sibling folder with a longer name is not inside');
  });

  it('matches globs whose leading folders are patterns, and does not take a folder for its longer-named sibling', () => {
    const config: WorkspaceConfig = {
      accounts: [
        { id: '111111111111', name: 'prod', paths: ['accounts/prod/**'] },
        { id: '222222222222', name: 'any-dev', paths: ['*/dev/**', 'envs/{qa,uat}/**', './shared/**', '**/sandbox/*.tf'] },
      ],
    };
    const nameOf = (path: string): string | undefined => accountOfFile(config, `/repo/${path}`, '/repo')?.name;
    assert.equal(nameOf('accounts/prod/a.json'), 'prod');
    assert.equal(nameOf('accounts/prod-eu/a.json'), undefined, 'prod-eu is not under accounts/prod');
    assert.equal(nameOf('accounts/dev/a.json'), 'any-dev');
    assert.equal(nameOf('envs/uat/main.tf'), 'any-dev');
    assert.equal(nameOf('envs/prod/main.tf'), undefined);
    assert.equal(nameOf('shared/roles/a.json'), 'any-dev');
    assert.equal(nameOf('teams/x/sandbox/main.tf'), 'any-dev');
  });

  it('gives the first account in the configuration when several match, whichever folder each glob starts in', () => {
    const config: WorkspaceConfig = {
      accounts: [
        { id: '111111111111', name: 'anywhere-shared', paths: ['**/shared/*.json'] },
        { id: '222222222222', name: 'prod-deep', paths: ['accounts/prod/roles/**'] },
        { id: '333333333333', name: 'prod', paths: ['accounts/prod/**'] },
        { id: '444444444444', name: 'accounts', paths: ['accounts/**'] },
      ],
    };
    const nameOf = (path: string): string | undefined => accountOfFile(config, `/repo/${path}`, '/repo')?.name;
    assert.equal(nameOf('accounts/prod/shared/a.json'), 'anywhere-shared', 'the first account wins though its glob starts with a pattern');
    assert.equal(nameOf('accounts/prod/roles/a.json'), 'prod-deep', 'the deeper glob comes first in the list');
    assert.equal(nameOf('accounts/prod/policies/a.json'), 'prod');
    assert.equal(nameOf('accounts/dev/a.json'), 'accounts');
    const reversed: WorkspaceConfig = { accounts: [...config.accounts!].reverse() };
    assert.equal(accountOfFile(reversed, '/repo/accounts/prod/roles/a.json', '/repo')?.name, 'accounts', 'order decides, not how deep a glob starts');
    assert.equal(accountOfFile(reversed, '/repo/accounts/prod/shared/a.json', '/repo')?.name, 'accounts', 'a glob starting with a pattern does not jump the queue');
  });

  it('relates accounts: same, organisation, vendor, outside, and unknown without accounts', () => {
    const prod = CONFIG.accounts![0];
    assert.equal(accountRelation(CONFIG, prod, '111111111111').kind, 'same');
    assert.equal(accountRelation(CONFIG, prod, '222222222222').kind, 'organization');
    assert.equal(accountRelation(CONFIG, prod, '999988887777').kind, 'vendor');
    assert.equal(accountRelation(CONFIG, prod, '555555555555').kind, 'outside');
    assert.equal(accountRelation({}, undefined, '555555555555').kind, 'unknown');
  });
});
