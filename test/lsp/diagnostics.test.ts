/** The built server over stdio: diagnostics on open and change, quick-fixes, non-policy files left alone. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from './client';

const BROKEN = `{
  "Version": "2008-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" }
  ]
}`;
const FIXED = BROKEN.replace('2008-10-17', '2012-10-17').replace('"allow"', '"Allow"');

function summarise(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

describe('language server over stdio', function () {
  let client: TestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-lsp-'));
    client = await TestClient.start(folder);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes diagnostics with code, docs link and source when a policy opens', async () => {
    const uri = fileUri(path.join(folder, 'read.json'));
    const published = await client.open(uri, 'json', BROKEN);
    assert.deepEqual(summarise(published.diagnostics), ['IAM004 1:13-1:25', 'IAM006 3:31-3:38']);
    const [first] = published.diagnostics;
    assert.equal(first!.source, 'iam-atlas');
    assert.match(first!.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/version-outdated\.md$/);
    assert.equal(first!.severity, 2);
    assert.equal(published.diagnostics[1]!.severity, 1);
  });

  it('offers the fix, and a change that fixes the policy clears the diagnostics', async () => {
    const uri = fileUri(path.join(folder, 'fix.json'));
    const published = await client.open(uri, 'json', BROKEN);
    const effect = published.diagnostics.find((d) => d.code === 'IAM006')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: effect.range,
      context: { diagnostics: [effect] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Change Effect to "Allow"']);
    assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: effect.range, newText: '"Allow"' }]);

    const after = await client.replace(uri, FIXED);
    assert.deepEqual(after.diagnostics, []);
  });

  it('publishes only for the newest version when edits come quickly', async () => {
    const uri = fileUri(path.join(folder, 'fast.json'));
    await client.open(uri, 'json', FIXED);
    const stale: number[] = [];
    const watch = client.diagnostics(uri, (p) => {
      if (p.version !== 4) stale.push(p.version ?? -1);
      return p.version === 4;
    });
    await client.replace(uri, BROKEN).catch(() => undefined);
    void client.replace(uri, FIXED);
    void client.replace(uri, BROKEN);
    const last = await watch;
    assert.deepEqual(summarise(last.diagnostics), ['IAM004 1:13-1:25', 'IAM006 3:31-3:38']);
    assert.deepEqual(stale.filter((v) => v === 3), [], 'the superseded version 3 was never published');
  });

  it('gives a JSON file that is not a policy no diagnostics', async () => {
    const uri = fileUri(path.join(folder, 'package.json'));
    const published = await client.open(uri, 'json', '{ "name": "app", "version": "1.0.0", "scripts": { "build": "tsc" ');
    assert.deepEqual(published.diagnostics, []);
  });

  it('reads rule severities from settings and from iam-atlas.json', async () => {
    const configFile = path.join(folder, 'iam-atlas.json');
    writeFileSync(configFile, JSON.stringify({ rules: { 'version-outdated': 'error' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(configFile), type: FileChangeType.Created }],
    });
    const uri = fileUri(path.join(folder, 'severity.json'));
    const fromFile = await client.open(uri, 'json', BROKEN);
    assert.equal(fromFile.diagnostics.find((d) => d.code === 'IAM004')?.severity, 1);
    client.settings = { rules: { 'version-outdated': 'off' } };
    const fromSettings = await client.replace(uri, BROKEN + '\n');
    assert.deepEqual(summarise(fromSettings.diagnostics), ['IAM006 3:31-3:38']);
    client.settings = {};
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = fileUri(path.join(folder, 'closing.json'));
    await client.open(uri, 'json', BROKEN);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
