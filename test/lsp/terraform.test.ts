/** The built server over stdio with .tf files: ranges on the exact token, typing, fixes, the module folder. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, Diagnostic, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from './client';

const MAIN = `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::\${var.ci_account}:root" }
    }]
  })
}

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "Read-Logs"
    actions   = ["logs:GetLogEvents"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`;

function summarise(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

describe('language server with Terraform', function () {
  let client: TestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-lsp-tf-'));
    client = await TestClient.start(folder);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes diagnostics on the exact tokens of jsonencode and policy_document policies', async () => {
    const uri = fileUri(path.join(folder, 'main.tf'));
    const published = await client.open(uri, 'terraform', MAIN);
    assert.deepEqual(summarise(published.diagnostics), ['IAM006 5:18-5:25', 'IAM011 14:16-14:27']);
    const [effect, sid] = published.diagnostics;
    assert.equal(effect!.message, 'Effect "allow" must be written "Allow": AWS matches it case-sensitively.');
    assert.equal(effect!.source, 'iam-atlas');
    assert.match(effect!.codeDescription!.href, /docs\/rules\/effect-invalid\.md$/);
    assert.equal(sid!.message, 'Sid "Read-Logs" may only contain letters A-Z, a-z and digits 0-9.');
  });

  it('offers fixes written in HCL', async () => {
    const uri = fileUri(path.join(folder, 'fix.tf'));
    const published = await client.open(uri, 'terraform', MAIN);
    const effect = published.diagnostics.find((d) => d.code === 'IAM006')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: effect.range,
      context: { diagnostics: [effect] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Change Effect to "Allow"']);
    assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: effect.range, newText: '"Allow"' }]);
  });

  it('while a string is half-typed, reports it and keeps the other findings in place', async () => {
    const uri = fileUri(path.join(folder, 'typing.tf'));
    await client.open(uri, 'terraform', MAIN);
    // Type `  name = "dep` as a new line 2 of the role: an unterminated string for now.
    const typing = await client.edit(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '  path = "/dep\n' }]);
    assert.deepEqual(summarise(typing.diagnostics), ['IAM016 2:9-2:14', 'IAM006 6:18-6:25', 'IAM011 15:16-15:27']);
    // The string is hidden from the parser, so the policy after it is read afresh.
    assert.equal(typing.diagnostics[0]!.message, 'Unterminated string: add the closing double quote (") on this line; Terraform strings cannot span lines.');
    assert.match(typing.diagnostics[0]!.codeDescription!.href, /docs\/rules\/terraform-syntax\.md$/);
    const done = await client.edit(uri, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: '/"' }]);
    assert.deepEqual(summarise(done.diagnostics), ['IAM006 6:18-6:25', 'IAM011 15:16-15:27']);
  });

  it('a data source takes the kind of the role that uses it in another file of the folder', async () => {
    const module = path.join(folder, 'module');
    mkdirSync(module);
    writeFileSync(path.join(module, 'roles.tf'), 'resource "aws_iam_role" "x" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n');
    const trust = `data "aws_iam_policy_document" "trust" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root"]
    }
  }
}
`;
    const uri = fileUri(path.join(module, 'policies.tf'));
    const published = await client.open(uri, 'terraform', trust);
    assert.deepEqual(summarise(published.diagnostics), ['IAM008 3:4-3:13', 'IAM204 6:21-6:53']);
    assert.equal(published.diagnostics[0]!.message, 'A role trust policy cannot have resources: the resource is the role itself. Remove it.');

    // Opening roles.tf and making the data source an identity policy re-checks policies.tf.
    const rolesUri = fileUri(path.join(module, 'roles.tf'));
    await client.open(rolesUri, 'terraform', 'resource "aws_iam_role" "x" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n');
    const rechecked = client.diagnostics(uri, (params) => params.diagnostics.every((d) => d.code !== 'IAM008'));
    await client.replace(rolesUri, 'resource "aws_iam_policy" "x" {\n  policy = data.aws_iam_policy_document.trust.json\n}\n');
    const asIdentity = await rechecked;
    // The statement has no effect, so it allows: sts:AssumeRole on "*" is reported for an identity policy.
    assert.deepEqual(summarise(asIdentity.diagnostics), ['IAM305 2:17-2:33', 'IAM009 4:4-4:14']);
    assert.match(String(asIdentity.diagnostics[1]!.message), /^An identity policy cannot name a principals/);

    // Closed without saving: the file on disk counts again.
    const fromDisk = client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'IAM008'));
    await client.close(rolesUri);
    assert.deepEqual(summarise((await fromDisk).diagnostics), ['IAM008 3:4-3:13', 'IAM204 6:21-6:53']);

    // A change on disk is noticed through the file watcher.
    writeFileSync(path.join(module, 'roles.tf'), 'resource "aws_iam_policy" "x" {\n  policy = data.aws_iam_policy_document.trust.json\n}\n');
    const changed = client.diagnostics(uri, (params) => params.diagnostics.every((d) => d.code !== 'IAM008'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: rolesUri, type: FileChangeType.Changed }],
    });
    assert.deepEqual(summarise((await changed).diagnostics), ['IAM305 2:17-2:33', 'IAM009 4:4-4:14']);
  });

  it('gives a .tf file without policies no diagnostics, broken or not', async () => {
    const uri = fileUri(path.join(folder, 'variables.tf'));
    const published = await client.open(uri, 'terraform', 'variable "region" {\n  default = "eu-west-1\n}\n');
    assert.deepEqual(published.diagnostics, []);
  });
});
