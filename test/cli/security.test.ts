/** The built CLI on examples/: the account of each file comes from the folder of iam-atlas.json. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function check(...args: string[]): string[] {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args, '--fail-on', 'never'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim().split('\n');
}

describe('iam-atlas check with the workspace configuration', () => {
  it('tells cross-account and outside accounts from the account paths of examples/iam-atlas.json', () => {
    const lines = check('examples/accounts/prod/roles/deploy-trust.json', 'examples/accounts/prod/roles/partner-trust.json');
    assert.deepEqual(
      lines.map((line) => line.split(' ').slice(0, 3).join(' ')).slice(0, 2),
      ['examples/accounts/prod/roles/deploy-trust.json:7:29 warning IAM202', 'examples/accounts/prod/roles/partner-trust.json:7:29 warning IAM203'],
    );
    assert.equal(lines[2], '2 problems (0 errors, 2 warnings, 0 info) in 2 files; 2 policy files of 2 read.');
    assert.match(lines[0]!, /in another account of the organisation, 444444444444 \(dev\),/);
  });

  it('an explicit --config without accounts knows no account: the cross-account rules stay quiet', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iam-atlas-config-'));
    try {
      writeFileSync(path.join(dir, 'iam-atlas.json'), '{ "organizationId": "o-a1b2c3d4e5" }');
      const lines = check('examples/accounts/prod/roles/deploy-trust.json', '--config', path.join(dir, 'iam-atlas.json'));
      assert.deepEqual(lines, ['No problems found (1 policy file of 1 read).']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
