/** Half-typed and broken .tf files: the rest of the file keeps its findings. */
import * as assert from 'node:assert/strict';
import { TerraformParseState } from '../../server/src/core/parse/terraform';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeTf, covered } from './terraform-helpers';

const FIRST = `resource "aws_iam_policy" "a" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "allow", Action = "s3:GetObject", Resource = "*" }]
  })
}
`;

const MIDDLE = `data "aws_iam_policy_document" "b" {
  statement {
    effect    = "deny"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
`;

const LAST = `resource "aws_iam_policy" "c" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "c-1", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}
`;

function file(middle: string): string {
  return `${FIRST}\n${middle}\n${LAST}`;
}

const OTHERS = ['IAM006 "\\"allow\\""', 'IAM011 "\\"c-1\\""'];

describe('broken Terraform files', () => {
  before(() => initTerraform());

  it('a whole file reports every block', () => {
    const text = file(MIDDLE);
    assert.deepEqual(covered(text, analyzeTf(text).findings), [OTHERS[0], 'IAM006 "\\"deny\\""', OTHERS[1]]);
  });

  it('an unterminated string: the other blocks keep their findings, the broken one is reported at the string', () => {
    const text = file(MIDDLE.replace('["s3:*"]', '["s3:*]'));
    const { findings } = analyzeTf(text);
    assert.deepEqual(covered(text, findings), [OTHERS[0], 'IAM016 "\\"s3:*]"', OTHERS[1]]);
    const syntax = findings.find((f) => f.ruleId === 'IAM016')!;
    assert.equal(
      syntax.message,
      'Unterminated string: add the closing double quote (") on this line; Terraform strings cannot span lines. Until it is fixed, IAM Atlas cannot check the policies of data.aws_iam_policy_document.b.',
    );
  });

  it('a half-typed block: reported where the parser stopped, the others keep their findings', () => {
    const text = file('resource "aws_iam_policy" "b" {\n  pol\n}\n');
    assert.deepEqual(covered(text, analyzeTf(text).findings), [OTHERS[0], 'IAM016 "pol"', OTHERS[1]]);
    assert.equal(
      analyzeTf(text).findings[1]!.message,
      'Terraform cannot read "pol" here: an argument is written name = value, a block name { ... }.',
    );
  });

  it('a block still being typed at the end of the file', () => {
    const text = `${file(MIDDLE)}\nresource "aws_iam_policy" "d" {\n  policy = jsonencode({\n    Statement = [{ Effect = "allow"`;
    const { findings } = analyzeTf(text);
    assert.deepEqual(covered(text, findings), [OTHERS[0], 'IAM006 "\\"deny\\""', OTHERS[1], 'IAM016 "{"']);
    assert.equal(findings[3]!.span.start, text.lastIndexOf('[{') + 1);
    assert.equal(findings[3]!.message, 'This "{" is never closed: add the matching "}".');
  });

  it('a missing closing brace is put on the brace that is never closed, and does not swallow the next block', () => {
    const text = file(MIDDLE.replace('    resources = ["*"]\n  }\n', '    resources = ["*"]\n\n'));
    const { findings } = analyzeTf(text);
    assert.deepEqual(covered(text, findings), [OTHERS[0], 'IAM016 "{"', OTHERS[1]]);
    assert.equal(findings[1]!.span.start, text.indexOf('statement {') + 'statement '.length);
    assert.match(findings[1]!.message, /^This "\{" is never closed: add the matching "\}"\. Until it is fixed, IAM Atlas cannot check the policies of data\.aws_iam_policy_document\.b\.$/);
  });

  it('a missing brace at the end of a block leaves its statements readable', () => {
    const text = file(MIDDLE.replace(/\}\n$/, ''));
    assert.deepEqual(covered(text, analyzeTf(text).findings), [OTHERS[0], 'IAM016 "{"', 'IAM006 "\\"deny\\""', OTHERS[1]]);
  });

  it('a "}" that closes nothing, and a heredoc without its marker', () => {
    const stray = file(`}\n${MIDDLE}`);
    assert.deepEqual(covered(stray, analyzeTf(stray).findings), [OTHERS[0], 'IAM016 "}"', 'IAM006 "\\"deny\\""', OTHERS[1]]);
    const heredoc = file('resource "aws_iam_policy" "b" {\n  policy = <<EOF\n{ "Statement": [] }\n}\n');
    const { findings } = analyzeTf(heredoc);
    assert.deepEqual(covered(heredoc, findings), [OTHERS[0], 'IAM016 "<<EOF"', OTHERS[1]]);
    assert.equal(findings[1]!.message, 'Unterminated heredoc: add a line holding only EOF to end it. Until it is fixed, IAM Atlas cannot check the policies of aws_iam_policy.b.');
  });

  it('syntax errors in blocks that hold no policy are left to Terraform', () => {
    const text = `${FIRST}\nvariable "x" {\n  default = "oops\n}\n`;
    assert.deepEqual(covered(text, analyzeTf(text).findings), [OTHERS[0]]);
  });

  describe('while typing (with the per-document state the language server keeps)', () => {
    it('keeps the last readable findings of the broken block, moved with the edit, and drops them once fixed', () => {
      const state = new TerraformParseState();
      const good = file(MIDDLE);
      assert.deepEqual(covered(good, analyzeTf(good, { terraformState: state }).findings), [OTHERS[0], 'IAM006 "\\"deny\\""', OTHERS[1]]);

      // Typing a new line above `effect` in the statement: an unterminated string for now.
      const typing = file(MIDDLE.replace('    effect', '    sid       = "Rea\n    effect'));
      const { findings } = analyzeTf(typing, { terraformState: state });
      assert.deepEqual(covered(typing, findings), [OTHERS[0], 'IAM016 "\\"Rea"', 'IAM006 "\\"deny\\""', OTHERS[1]]);
      assert.equal(findings[2]!.span.start, typing.indexOf('"deny"'));
      assert.match(findings[1]!.message, /as they were when it last could read them\.$/);

      // Still broken a keystroke later: still the last readable version.
      const more = typing.replace('"Rea\n', '"Read\n');
      assert.deepEqual(covered(more, analyzeTf(more, { terraformState: state }).findings), [OTHERS[0], 'IAM016 "\\"Read"', 'IAM006 "\\"deny\\""', OTHERS[1]]);

      const fixed = more.replace('"Read\n', '"Read-All"\n');
      assert.deepEqual(covered(fixed, analyzeTf(fixed, { terraformState: state }).findings), [OTHERS[0], 'IAM011 "\\"Read-All\\""', 'IAM006 "\\"deny\\""', OTHERS[1]]);
    });

    it('keeps a policy the broken text hides completely', () => {
      const state = new TerraformParseState();
      const good = file(MIDDLE);
      analyzeTf(good, { terraformState: state });
      const broken = good.replace('data "aws_iam_policy_document" "b" {\n', 'data "aws_iam_policy_document" "b" {\n  (((\n');
      const { file: parsed, findings } = analyzeTf(broken, { terraformState: state });
      assert.deepEqual(parsed.documents.map((d) => d.origin.address), ['aws_iam_policy.a', 'data.aws_iam_policy_document.b', 'aws_iam_policy.c']);
      assert.deepEqual(covered(broken, findings).filter((f) => !f.startsWith('IAM016')), [OTHERS[0], 'IAM006 "\\"deny\\""', OTHERS[1]]);
    });

    it('gives the same result as a fresh parse after edits anywhere', () => {
      const state = new TerraformParseState();
      let text = file(MIDDLE);
      const edits: [string, string][] = [
        ['Version   = "2012-10-17"', 'Version   = "2012-10-18"'],
        ['resource "aws_iam_policy" "a" {', '# a comment\nresource "aws_iam_policy" "a" {'],
        ['"s3:*"', '"s3:*", "s3:GetObject"'],
        ['Sid = "c-1", ', ''],
        ['# a comment\n', ''],
      ];
      analyzeTf(text, { terraformState: state });
      for (const [from, to] of edits) {
        text = text.replace(from, to);
        const incremental = analyzeTf(text, { terraformState: state });
        const fresh = analyzeTf(text);
        assert.deepEqual(incremental.file.documents, fresh.file.documents, `after replacing ${from}`);
        assert.deepEqual(incremental.file.blocks, fresh.file.blocks);
        assert.deepEqual(incremental.findings, fresh.findings);
      }
    });
  });
});
