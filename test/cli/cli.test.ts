/** The built CLI (dist/cli.js) run as a user runs it: output, exit codes, SARIF. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

function run(args: string[], cwd = FIXTURES): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iam-atlas check', () => {
  it('prints file:line:col severity rule-id message, and a summary', () => {
    const { code, stdout, stderr } = run(['check', 'risky']);
    assert.equal(stderr, '');
    assert.deepEqual(stdout.trim().split('\n'), [
      'risky/nested/broken.json:4:51 error IAM001 Expected a comma (,) between elements.',
      'risky/old.json:2:14 warning IAM004 Version "2008-10-17" is the outdated policy language: policy variables such as ${aws:username} are not replaced. Use "2012-10-17".',
      'risky/scps/principal.json:4:25 error IAM009 A service control policy cannot name a Principal: it applies to the principals it is attached to. Remove it.',
      '3 problems (2 errors, 1 warning, 0 info) in 3 files; 3 policy files of 3 read.',
    ]);
    assert.equal(code, 1);
  });

  it('exits by --fail-on', () => {
    assert.equal(run(['check', 'risky/old.json']).code, 0, 'a warning does not fail by default');
    assert.equal(run(['check', 'risky/old.json', '--fail-on', 'warning']).code, 1);
    assert.equal(run(['check', 'risky', '--fail-on', 'never']).code, 0);
    const clean = run(['check', 'clean', '--fail-on', 'warning']);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, 'No problems found (1 policy file of 2 read).\n');
  });

  it('writes SARIF 2.1.0 with rules, help links and locations', () => {
    const { code, stdout } = run(['check', 'risky', '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'IAM Atlas');
    const rules = run0.tool.driver.rules as { id: string; name: string; helpUri: string }[];
    const outdated = rules.find((r) => r.id === 'IAM004')!;
    assert.equal(outdated.name, 'version-outdated');
    assert.match(outdated.helpUri, /docs\/rules\/version-outdated\.md$/);
    assert.deepEqual(
      run0.results.map((r: { ruleId: string; level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => [
        r.ruleId,
        r.level,
        rules[r.ruleIndex]!.id,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.locations[0]!.physicalLocation.region.startLine,
        r.locations[0]!.physicalLocation.region.startColumn,
      ]),
      [
        ['IAM001', 'error', 'IAM001', 'risky/nested/broken.json', 4, 51],
        ['IAM004', 'warning', 'IAM004', 'risky/old.json', 2, 14],
        ['IAM009', 'error', 'IAM009', 'risky/scps/principal.json', 4, 25],
      ],
    );
  });

  it('writes JSON with positions and a summary, to a file when asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iam-atlas-cli-'));
    try {
      const out = path.join(dir, 'report.json');
      const { code, stdout } = run(['check', 'risky', '--format', 'json', '--output', out]);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      const report = JSON.parse(readFileSync(out, 'utf8'));
      assert.deepEqual(report.summary, { errors: 2, warnings: 1, info: 0 });
      assert.deepEqual(
        report.findings.map((f: { file: string; line: number; column: number; ruleName: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleName}`),
        ['risky/nested/broken.json:4:51 json-syntax', 'risky/old.json:2:14 version-outdated', 'risky/scps/principal.json:4:25 principal-element'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when a path cannot be read, and exits 2', () => {
    const { code, stderr, stdout } = run(['check', 'no-such-folder']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'iam-atlas: cannot read no-such-folder: no such file or folder\n');
  });

  it('skips binary, oversized and unreadable files with a logged reason', function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'iam-atlas-cli-'));
    try {
      writeFileSync(path.join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
      writeFileSync(path.join(dir, 'large.json'), `{"Statement": [], "pad": "${'x'.repeat(3000)}"}`);
      writeFileSync(path.join(dir, 'locked.json'), '{"Statement": []}');
      chmodSync(path.join(dir, 'locked.json'), 0o000);
      const { code, stderr } = run(['check', dir, '--max-file-size', '2048'], dir);
      const lines = stderr.trim().split('\n').sort();
      assert.deepEqual(lines.slice(0, 2), ['iam-atlas: skipped binary.json: binary file', 'iam-atlas: skipped large.json: larger than 2 KB (3 KB)']);
      // root reads any file; other users are refused
      if (process.getuid?.() !== 0) assert.equal(lines[2], 'iam-atlas: skipped locked.json: permission denied');
      assert.equal(code, process.getuid?.() === 0 ? 1 : 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown options and formats with the usage', () => {
    const { code, stderr } = run(['check', '--format', 'xml']);
    assert.equal(code, 2);
    assert.match(stderr, /^iam-atlas: --format takes one of: text, json, sarif \(got "xml"\)\n\nUsage: iam-atlas/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['--version']).stdout.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
