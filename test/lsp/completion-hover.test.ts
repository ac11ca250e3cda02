/** The built server over stdio: completion, hover and the catalog rules' diagnostics in a JSON policy. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  Hover,
  HoverRequest,
  InsertTextFormat,
  MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from './client';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:get", "s3:GetObjekt"], "Resource": "*" }
  ]
}`;

describe('completion and hover over stdio', function () {
  let client: TestClient;
  let folder: string;
  let uri: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-complete-'));
    client = await TestClient.start(folder);
    uri = fileUri(path.join(folder, 'read.json'));
    await client.open(uri, 'json', POLICY);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('completes the actions of a service, with access levels and the range to replace', async () => {
    // Line 3, inside "s3:get": the content starts at character 37.
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 43 } })) as CompletionList;
    assert.equal(list.isIncomplete, true);
    const getObject = list.items.find((item) => item.label === 's3:GetObject') as CompletionItem;
    assert.equal(getObject.detail, 'Read');
    assert.deepEqual(getObject.textEdit, { range: { start: { line: 3, character: 37 }, end: { line: 3, character: 43 } }, newText: 's3:GetObject' });
    assert.equal(getObject.insertTextFormat, InsertTextFormat.PlainText);
    assert.ok(list.items.every((item) => item.label.startsWith('s3:')));
  });

  it('completes a service prefix as a snippet that asks for the actions next', async () => {
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 38 } })) as CompletionList;
    const s3 = list.items.find((item) => item.label === 's3') as CompletionItem;
    assert.equal(s3.detail, 'Amazon S3');
    assert.deepEqual(s3.textEdit, { range: { start: { line: 3, character: 37 }, end: { line: 3, character: 43 } }, newText: 's3:$0' });
    assert.equal(s3.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(s3.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
  });

  it('shows an action\'s documentation on hover', async () => {
    // On "s3:GetObjekt", which does not exist, there is nothing to show.
    const unknown = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 50 } })) as Hover | null;
    assert.equal(unknown, null);
    await client.replace(uri, POLICY.replace('"s3:get", "s3:GetObjekt"', '"s3:GetObject"'));
    const known = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 40 } })) as Hover;
    const contents = known.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*s3:GetObject\*\* · Read\n\nGrants permission to retrieve objects from Amazon S3\n\n/);
    assert.deepEqual(known.range, { start: { line: 3, character: 37 }, end: { line: 3, character: 49 } });
  });

  it('reports an unknown action with its did-you-mean fix', async () => {
    const published = await client.replace(uri, POLICY.replace('"s3:get", ', ''));
    const unknown = published.diagnostics.find((d) => d.code === 'IAM102')!;
    assert.equal(unknown.message, 'Unknown action "s3:GetObjekt": Amazon S3 has no action "GetObjekt", so it never matches. Did you mean "GetObject"?');
    assert.deepEqual(unknown.range, { start: { line: 3, character: 36 }, end: { line: 3, character: 50 } });
    assert.match(unknown.codeDescription!.href, /\/docs\/rules\/unknown-action\.md$/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    })) as CodeAction[];
    assert.equal(actions[0]!.title, 'Change to "s3:GetObject"');
    assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: unknown.range, newText: '"s3:GetObject"' }]);
  });
});
