/** The built CLI on .tf files: findings on the exact token, kinds across the module folder, file() links. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'terraform');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iam-atlas check on Terraform', () => {
  it('reports every policy of a module folder, one finding a line', () => {
    const { code, stdout, stderr } = run(['check', 'module']);
    assert.equal(stderr, '');
    assert.deepEqual(stdout.trim().split('\n'), [
      'module/broken.tf:4:77 error IAM016 Unterminated string: add the closing double quote (") on this line; Terraform strings cannot span lines. Until it is fixed, IAM Atlas cannot check the policies of aws_iam_policy.half.',
      'module/broken.tf:11:26 error IAM011 Sid "read-all" may only contain letters A-Z, a-z and digits 0-9.',
      'module/policies/deny-leaving.json:4:87 error IAM009 A service control policy cannot name a Principal: it applies to the principals it is attached to. Remove it.',
      'module/roles.tf:12:21 error IAM006 Effect "allow" must be written "Allow": AWS matches it case-sensitively.',
      'module/trust.tf:4:5 error IAM008 A role trust policy cannot have resources: the resource is the role itself. Remove it.',
      '5 problems (5 errors, 0 warnings, 0 info) in 4 files; 5 policy files of 6 read.',
    ]);
    assert.equal(code, 1);
  });

  it('reads the rest of the module folder when given one file', () => {
    const { stdout } = run(['check', 'module/trust.tf', 'module/policies/deny-leaving.json']);
    assert.deepEqual(stdout.trim().split('\n'), [
      'module/policies/deny-leaving.json:4:87 error IAM009 A service control policy cannot name a Principal: it applies to the principals it is attached to. Remove it.',
      'module/trust.tf:4:5 error IAM008 A role trust policy cannot have resources: the resource is the role itself. Remove it.',
      '2 problems (2 errors, 0 warnings, 0 info) in 2 files; 2 policy files of 2 read.',
    ]);
  });

  it('gives computed values no finding', () => {
    const { code, stdout } = run(['check', 'module/unknown.tf']);
    assert.equal(stdout, 'No problems found (1 policy file of 1 read).\n');
    assert.equal(code, 0);
  });

  it('writes Terraform findings to SARIF with their regions', () => {
    const { stdout } = run(['check', 'module/roles.tf', '--format', 'sarif']);
    const [result] = JSON.parse(stdout).runs[0].results;
    assert.equal(result.ruleId, 'IAM006');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 12, startColumn: 21, endLine: 12, endColumn: 28 });
  });
});
