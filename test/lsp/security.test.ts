/**
 * The security rules through the built server: the file's account comes from iam-atlas.json at the
 * workspace folder, quick-fixes arrive as code actions, and "source.fixAll.iamAtlas" fixes the file.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, fileUri } from './client';

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::222222222222:role/ci" },
      "Action": "sts:AssumeRole"
    },
    {
      "Effect": "Allow",
      "Principal": { "Service": "events.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);
}

describe('security rules over stdio', function () {
  let client: TestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-security-'));
    mkdirSync(path.join(folder, 'prod'));
    writeFileSync(
      path.join(folder, 'iam-atlas.json'),
      JSON.stringify({
        organizationId: 'o-a1b2c3d4e5',
        accounts: [
          { id: '111111111111', name: 'prod', paths: ['prod/**'] },
          { id: '222222222222', name: 'dev', paths: ['dev/**'] },
        ],
      }),
    );
    client = await TestClient.start(folder);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('knows the file account from the workspace folder, offers the fixes, and fixes the whole file', async () => {
    const uri = fileUri(path.join(folder, 'prod', 'trust.json'));
    const published = await client.open(uri, 'json', TRUST);
    assert.deepEqual(codes(published.diagnostics), ['IAM202 5:28', 'IAM208 10:32']);
    const cross = published.diagnostics[0]!;
    assert.match(String(cross.message), /another account of the organisation, 222222222222 \(dev\)/);

    const quick = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: cross.range,
      context: { diagnostics: [cross], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(quick.map((a) => a.title), ['Add condition aws:PrincipalOrgID = "o-a1b2c3d4e5"']);

    const all = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.iamAtlas'] },
    })) as CodeAction[];
    assert.deepEqual(all.map((a) => [a.title, a.kind]), [['Fix all IAM Atlas problems in this file', 'source.fixAll.iamAtlas']]);
    const edits = all[0]!.edit!.changes![uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, TRUST), edits);
    assert.match(fixed, /"aws:PrincipalOrgID": "o-a1b2c3d4e5"/);
    assert.match(fixed, /"aws:SourceAccount": "111111111111"/);
    const after = await client.replace(uri, fixed);
    assert.deepEqual(after.diagnostics, []);
  });

  it('outside any account path, cross-account cannot be told and is not reported', async () => {
    const uri = fileUri(path.join(folder, 'shared-trust.json'));
    const published = await client.open(uri, 'json', TRUST);
    assert.deepEqual(codes(published.diagnostics), ['IAM208 10:32']);
  });
});
