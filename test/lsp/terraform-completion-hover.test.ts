/** The built server over stdio: completion and hover in a .tf file, while it is whole and while a block is half-typed. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CompletionItem, CompletionList, CompletionRequest, Hover, HoverRequest, InsertTextFormat, MarkupContent, Position } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from './client';

const MAIN = `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["iam:PassRole", "s3:Get"]
    resources = ["*"]

  }
}

resource "aws_iam_role_policy" "deploy" {
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
`;

/** The position `delta` characters after the start of `needle` in `text`. */
function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('completion and hover in .tf files over stdio', function () {
  let client: TestClient;
  let folder: string;
  let uri: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-tf-complete-'));
    client = await TestClient.start(folder);
    uri = fileUri(path.join(folder, 'main.tf'));
    await client.open(uri, 'terraform', MAIN);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function completion(position: Position): Promise<CompletionList> {
    return (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
  }

  it('completes an action in a policy_document block, replacing the string\'s content', async () => {
    const at = positionOf(MAIN, '"s3:Get"', 7);
    const list = await completion(at);
    assert.equal(list.isIncomplete, true);
    const getObject = list.items.find((item) => item.label === 's3:GetObject') as CompletionItem;
    assert.equal(getObject.detail, 'Read');
    assert.deepEqual(getObject.textEdit, { range: { start: { line: at.line, character: at.character - 6 }, end: at }, newText: 's3:GetObject' });
    assert.ok(list.items.every((item) => item.label.startsWith('s3:')));
  });

  it('completes the blocks of a statement as snippets, leaving out principals for an inline role policy', async () => {
    const at = positionOf(MAIN, '\n\n  }\n}', 1);
    const list = await completion(at);
    // actions and resources are written, which rules out not_actions and not_resources too.
    assert.deepEqual(list.items.map((item) => item.label), ['sid', 'effect', 'condition']);
    const condition = list.items.find((item) => item.label === 'condition')!;
    assert.equal(condition.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(condition.textEdit, {
      range: { start: at, end: at },
      newText: 'condition {\n\ttest     = "${1:StringEquals}"\n\tvariable = "$2"\n\tvalues   = ["$3"]\n}',
    });
  });

  it('completes a service principal in jsonencode, and shows hover on the exact token', async () => {
    const at = positionOf(MAIN, '"ecs-tasks.amazonaws.com"', 4);
    const list = await completion(at);
    const ecs = list.items.find((item) => item.label === 'ecs-tasks.amazonaws.com') as CompletionItem;
    assert.deepEqual(ecs.textEdit, { range: { start: { line: at.line, character: at.character - 3 }, end: { line: at.line, character: at.character + 20 } }, newText: 'ecs-tasks.amazonaws.com' });

    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at })) as Hover;
    assert.equal((hover.contents as MarkupContent).value, '**ecs-tasks.amazonaws.com** · service principal\n\nAmazon ECS: task roles and task execution roles.');
    assert.deepEqual(hover.range, { start: { line: at.line, character: at.character - 3 }, end: { line: at.line, character: at.character + 20 } });

    const action = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(MAIN, '"iam:PassRole"', 5) })) as Hover;
    assert.match((action.contents as MarkupContent).value, /^\*\*iam:PassRole\*\* · Write\n\nGrants permission to pass a role to a service\n\n/);
    assert.deepEqual(action.range, { start: positionOf(MAIN, '"iam:PassRole"', 1), end: positionOf(MAIN, '"iam:PassRole"', 13) });
  });

  it('while a string is half-typed, completes from the block\'s last readable statement', async () => {
    const line = positionOf(MAIN, '\n\n  }\n}', 1).line;
    const typing = await client.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '    not_resources = ["arn:aws:iam' }]);
    // The block cannot be read (IAM016); its other findings are those of its last readable version.
    assert.deepEqual(typing.diagnostics.map((d) => d.code), ['IAM208', 'IAM304', 'IAM102', 'IAM016']);
    const at = { line, character: '    not_resources = ["arn:aws:iam'.length };
    const list = await completion(at);
    assert.deepEqual(list.items.map((item) => item.label), ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', '*']);
    assert.deepEqual(list.items[0]!.textEdit, {
      range: { start: { line, character: 21 }, end: at },
      newText: '"arn:${1:aws}:iam::${2:Account}:role/${3:RoleNameWithPath}"',
    });
  });
});
