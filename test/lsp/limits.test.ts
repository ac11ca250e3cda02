/**
 * The built server over stdio, at its limits: documents over iamAtlas.maxFileSize and binary ones
 * are skipped with one logged line and one diagnostic saying why; a rule that throws is logged once
 * and the other rules still report; rules past the time budget stop with a logged message; a
 * failed request the server did not wait for does not end it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  Hover,
  HoverRequest,
  PublishDiagnosticsParams,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/core/rules';
import { GraphRequest } from '../../server/src/protocol';
import { TestClient, fileUri } from './client';

/** A policy of `statements` statements, each `"Effect": "allow"` (IAM006 on each). */
function policy(statements: number): string {
  const statement = '    { "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" }';
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${Array.from({ length: statements }, () => statement).join(',\n')}\n  ]\n}\n`;
}

function codes(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

const HOOKS = 'IAM_ATLAS_TEST_HOOKS';

describe('language server limits', function () {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-limits-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  describe('iamAtlas.maxFileSize and binary documents', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start(folder);
    });
    after(() => client.stop());

    it('skips a policy over the size limit with one Information diagnostic and one log line, and analyses it once the limit is raised', async () => {
      client.settings = { maxFileSize: 1024 };
      const uri = fileUri(path.join(folder, 'big.json'));
      const text = policy(30);
      assert.equal(Buffer.byteLength(text), 2151);
      const skipped = await client.open(uri, 'json', text);
      assert.deepEqual(codes(skipped), ['file-too-large 0:0-0:1']);
      const [notice] = skipped.diagnostics;
      assert.equal(notice!.severity, 3);
      assert.equal(notice!.source, 'iam-atlas');
      assert.equal(notice!.message, 'IAM Atlas did not check this file: it is 2 KB, over the limit of 1 KB set by iamAtlas.maxFileSize. Raise that setting to check it.');
      assert.match(notice!.codeDescription!.href, /^file:\/\/.*\/docs\/limits\.md$/);

      const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 30 } });
      assert.equal(completion, null, 'no completion in a document too large to analyse');

      // Typing in it logs nothing more.
      const again = await client.replace(uri, policy(31));
      assert.deepEqual(codes(again), ['file-too-large 0:0-0:1']);
      const line = `Skipped ${path.join(folder, 'big.json')}: it is 2 KB, over the limit of 1 KB (iamAtlas.maxFileSize); raise that setting to analyse it.`;
      assert.deepEqual(client.logs.filter((l) => l.startsWith('Skipped ')), [line]);

      client.settings = { maxFileSize: 4096 };
      const analysed = client.diagnostics(uri, (p) => p.diagnostics.length > 1);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      assert.deepEqual([...new Set((await analysed).diagnostics.map((d) => d.code))], ['IAM006']);
      assert.equal((await analysed).diagnostics.length, 31);
    });

    it('skips a large file that is not a policy with a log line only', async () => {
      client.settings = { maxFileSize: 1024 };
      const uri = fileUri(path.join(folder, 'data.json'));
      const text = JSON.stringify({ items: Array.from({ length: 600 }, (_, i) => i) });
      assert.equal(Buffer.byteLength(text), 2301);
      const published = await client.open(uri, 'json', text);
      assert.deepEqual(published.diagnostics, []);
      await client.log(/^Skipped .*data\.json: it is 2 KB, over the limit of 1 KB/);
    });

    it('publishes the first 1,000 findings of a file, and one diagnostic saying how many there are', async () => {
      client.settings = {};
      const uri = fileUri(path.join(folder, 'many.json'));
      // 1,200 statements with Effect "allow" (IAM006), and a policy over the size quota (IAM403).
      const published = await client.open(uri, 'json', policy(1200));
      assert.equal(published.diagnostics.length, 1001);
      assert.deepEqual(codes({ ...published, diagnostics: published.diagnostics.slice(998) }), ['IAM006 1000:16-1000:23', 'IAM006 1001:16-1001:23', 'too-many-problems 0:0-0:1']);
      assert.equal(published.diagnostics[1000]!.message, 'IAM Atlas shows the first 1,000 of the 1,201 problems in this file; iam-atlas check lists them all.');
      assert.equal(published.diagnostics[1000]!.severity, 3);
    });

    it('skips a document holding a NUL character as binary', async () => {
      client.settings = {};
      const uri = fileUri(path.join(folder, 'nul.json'));
      const published = await client.open(uri, 'json', policy(1).replace('"Version"', '"Ver\u0000sion"'));
      assert.deepEqual(codes(published), ['binary-file 0:0-0:1']);
      assert.equal(
        published.diagnostics[0]!.message,
        'IAM Atlas did not check this file: it holds a NUL character in its first 8 KB, so it is read as a binary file. Remove the NUL character to check it.',
      );
      await client.log(/^Skipped .*nul\.json: it holds a NUL character in its first 8 KB, so it is read as a binary file\.$/);
    });
  });

  describe('a rule that throws', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start(folder, { env: { [HOOKS]: JSON.stringify({ rules: ['throws'] }) } });
    });
    after(() => client.stop());

    it('is logged once with its stack, and the other rules still report', async () => {
      const uri = fileUri(path.join(folder, 'throws.json'));
      const first = await client.open(uri, 'json', policy(1));
      assert.deepEqual(codes(first), ['IAM006 3:16-3:23']);
      const second = await client.replace(uri, policy(2));
      assert.deepEqual(codes(second), ['IAM006 3:16-3:23', 'IAM006 4:16-4:23']);
      const failures = client.logs.filter((line) => line.startsWith('Rule TEST901'));
      assert.equal(failures.length, 1, 'logged once, not once per analysis');
      assert.match(failures[0]!, /^Rule TEST901 test-throws failed and was skipped: Error: thrown on purpose by the test hook\n\s+at /);
    });
  });

  describe('the time budget', () => {
    let client: TestClient;
    before(async () => {
      // The rule spins three times as long as the whole budget: the budget stops the rules after it, every time.
      client = await TestClient.start(folder, { env: { [HOOKS]: JSON.stringify({ rules: ['spins'], spinMs: 150, timeBudgetMs: 50 }) } });
    });
    after(() => client.stop());

    it('stops the rules past it, logs which did not run once per file, and the server answers afterwards', async () => {
      const uri = fileUri(path.join(folder, 'slow.json'));
      const published = await client.open(uri, 'json', policy(1));
      assert.deepEqual(published.diagnostics, [], 'no rule after the slow one ran');
      // Workspace rules run over the whole index, not in a file's analysis: they are not among those stopped.
      const fileRules = RULES.filter((rule) => rule.scope !== 'workspace');
      const shown = fileRules.slice(0, 5).map((rule) => `${rule.id} ${rule.name}`).join(', ');
      const line = await client.log(/^Analysis of .*slow\.json stopped/);
      assert.match(
        line,
        new RegExp(`^Analysis of ${escape(path.join(folder, 'slow.json'))} stopped after \\d+ ms, past its budget of 50 ms: ${fileRules.length} rules did not run to the end \\(${escape(shown)} and ${fileRules.length - 5} more\\)\\. Its diagnostics are incomplete\\.$`),
      );
      await client.replace(uri, policy(2));
      assert.equal(client.logs.filter((l) => l.startsWith('Analysis of')).length, 1);
      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 38 } })) as Hover | null;
      assert.match(JSON.stringify(hover?.contents), /GetObject/);
    });
  });

  describe('the workspace scan', () => {
    let workspace: string;
    let client: TestClient | undefined;
    before(() => {
      workspace = mkdtempSync(path.join(tmpdir(), 'iam-atlas-scan-'));
      mkdirSync(path.join(workspace, 'roles'));
      writeFileSync(
        path.join(workspace, 'roles', 'app-trust.json'),
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      );
      symlinkSync(workspace, path.join(workspace, 'roles', 'loop')); // roles/loop -> the workspace itself
      writeFileSync(path.join(workspace, 'iam-atlas.json'), `{"accounts":[],"padding":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    });
    after(async () => {
      await client?.stop();
      rmSync(workspace, { recursive: true, force: true });
    });

    it('ends on a symlink loop, never reads a pipe, and leaves an oversized iam-atlas.json unread with a log line', async function () {
      try {
        execFileSync('mkfifo', [path.join(workspace, 'roles', 'pipe-trust.json')]);
      } catch {
        this.skip(); // no mkfifo on this system
      }
      client = await TestClient.start(workspace);
      const graph = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
      assert.equal(graph.fileCount, 1);
      assert.deepEqual(graph.nodes.filter((node) => node.kind === 'role').map((node) => node.label), ['app']);
      await client.log(new RegExp(`^${escape(path.join(workspace, 'iam-atlas.json'))} is not read: it is 3\\.0 MB, over the limit of 2 MB\\.$`));
      await client.log(new RegExp(`^Skipped ${escape(path.join(workspace, 'roles', 'pipe-trust.json'))}: not a regular file \\(a device or a pipe\\)$`));
    });
  });

  describe('a failed request nobody waited for', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start(folder);
    });
    after(() => client.stop());

    it('is logged, and the server keeps serving', async () => {
      const uri = fileUri(path.join(folder, 'refused.json'));
      await client.open(uri, 'json', policy(1));
      // The editor refuses workspace/configuration: the pause before re-analysing an edit cannot be read.
      client.connection.onRequest(ConfigurationRequest.type, () => new ResponseError(-32603, 'configuration refused by the test'));
      void client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      let waiting = true;
      const died = client.exited.then((code) => {
        if (waiting) assert.fail(`the server exited with code ${code}`);
        return '';
      });
      const line = await Promise.race([client.log(/^Unexpected error, the server keeps running: /), died]);
      waiting = false;
      assert.match(line, /configuration refused by the test/);
      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 39 } })) as Hover | null;
      assert.match(JSON.stringify(hover?.contents), /GetObject/);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
