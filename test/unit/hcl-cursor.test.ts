/** The token scan that tells where a cursor stands in a block of HCL, half-typed or not. */
import * as assert from 'node:assert/strict';
import { HclCursor, hclCursorAt } from '../../server/src/core/locate/hcl-cursor';
import { spanText } from '../../server/src/core/model';
import { split } from './cursor';

function at(marked: string): { text: string; cursor: HclCursor | undefined } {
  const { text, offset } = split(marked);
  return { text, cursor: hclCursorAt(text, 0, text.length, offset) };
}

/** The frames around the cursor in words: `block resource aws_iam_role,x > call jsonencode (policy)`. */
function frames(cursor: HclCursor): string {
  return cursor.frames
    .slice(1)
    .map((f) => [f.kind, f.name, f.labels.join(','), f.member !== undefined ? `(${f.member})` : '', f.index !== undefined ? `#${f.index}` : ''].filter(Boolean).join(' '))
    .join(' > ');
}

describe('HCL cursor scan', () => {
  it('names the blocks, objects and tuples around the cursor and the member each is the value of', () => {
    const { text, cursor } = at('resource "aws_iam_role" "x" {\n  assume_role_policy = jsonencode({\n    Statement = [{ Effect = "Allow" }, { Action = ["s3:Get|"] }]\n  })\n}\n');
    assert.equal(frames(cursor!), 'block resource aws_iam_role,x > call jsonencode (assume_role_policy) > object #0 > tuple (Statement) > object #1 > tuple (Action)');
    assert.deepEqual([cursor!.position, cursor!.index, cursor!.token.kind, spanText(text, cursor!.token.name)], ['value', 0, 'string', 's3:Get']);
  });

  it('on a key: the members of the block, those written after the cursor too, with literal values', () => {
    const { text, cursor } = at('data "aws_iam_policy_document" "d" {\n  statement {\n    eff|\n    principals {\n      type = "AWS"\n    }\n    sid = "A${var.x}"\n  }\n}\n');
    assert.equal(cursor!.position, 'key');
    assert.equal(spanText(text, cursor!.token.span), 'eff');
    const statement = cursor!.frames[2]!;
    assert.deepEqual(statement.members.map((m) => [m.name, m.value]), [['principals', undefined], ['sid', undefined]]);
    const principals = at('data "aws_iam_policy_document" "d" {\n  statement {\n    principals {\n      type        = "Service"\n      identifiers = ["|"]\n    }\n  }\n}\n').cursor!;
    assert.deepEqual(principals.frames[3]!.members.map((m) => [m.name, m.value]), [['type', 'Service'], ['identifiers', undefined]]);
  });

  it('a string not closed on its line ends there; only what is before the cursor is its name', () => {
    const { text, cursor } = at('data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["s3:Get|Obj\n    resources = ["*"]\n  }\n}\n');
    assert.deepEqual([cursor!.token.closed, spanText(text, cursor!.token.span), spanText(text, cursor!.token.name)], [false, '"s3:Get', 's3:Get']);
    assert.equal(frames(cursor!), 'block data aws_iam_policy_document,d > block statement > tuple (actions)');
  });

  it('finds the cursor in a heredoc\'s lines, with the argument it is the value of', () => {
    const { text, cursor } = at('resource "aws_iam_policy" "p" {\n  policy = <<-EOT\n    { "Statement": [| ] }\n  EOT\n  name = "p"\n}\n');
    assert.equal(cursor!.heredoc!.member, 'policy');
    assert.equal(spanText(text, cursor!.heredoc!.content), '    { "Statement": [ ] }\n');
  });

  it('gives nothing in comments and interpolations', () => {
    assert.equal(at('locals {\n  # Action = "s3:|"\n}\n').cursor, undefined);
    assert.equal(at('locals {\n  /* a\n  b| */\n}\n').cursor, undefined);
    assert.equal(at('locals {\n  a = "x${var.|y}"\n}\n').cursor, undefined);
  });
});
