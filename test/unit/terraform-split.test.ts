/** The lexer that cuts a .tf file into top-level items must agree with HCL on valid text. */
import * as assert from 'node:assert/strict';
import { splitTopLevel } from '../../server/src/core/parse/terraform-split';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeTf, covered } from './terraform-helpers';

/** Each item's first line, and its problems as `message @ text`. */
function items(text: string): string[] {
  const { items: found, strayProblems } = splitTopLevel(text);
  return [
    ...found.map((item) => {
      const firstLine = text.slice(item.span.start, item.span.end).split(/\r?\n/)[0];
      return [firstLine, ...item.problems.map((p) => `${p.message} @ ${text.slice(p.span.start, p.span.end)}`)].join(' | ');
    }),
    ...strayProblems.map((p) => `stray: ${p.message}`),
  ];
}

describe('splitting a .tf file into top-level items', () => {
  before(() => initTerraform());

  it('keeps braces, quotes and markers inside strings, interpolations, heredocs and comments', () => {
    const text = `# a comment with "quotes" and { braces
locals {
  a = "\${jsonencode({ b = "}" })}"
  c = "escaped \\" quote { and $\${literal}"
  d = <<-EOT
    { unbalanced ]
    resource "x" "y" {
  EOT
  /* block comment } */
  e = [for k, v in var.m : "\${k}=\${v}" if v != "}"]
}

// another comment }
resource "aws_iam_policy" "p" {
  policy = "%{ if var.x }{%{ endif }"
}
`;
    assert.deepEqual(items(text), ['locals {', 'resource "aws_iam_policy" "p" {']);
  });

  it('reads Windows line endings', () => {
    const text = 'resource "aws_iam_policy" "p" {\r\n  policy = <<EOF\r\n{ "Statement": [] }\r\nEOF\r\n}\r\n\r\nresource "aws_iam_policy" "q" {\r\n  name = "q"\r\n}\r\n';
    assert.deepEqual(items(text), ['resource "aws_iam_policy" "p" {', 'resource "aws_iam_policy" "q" {']);
    const unterminated = text.replace('name = "q"', 'name = "q');
    assert.deepEqual(items(unterminated), [
      'resource "aws_iam_policy" "p" {',
      'resource "aws_iam_policy" "q" { | Unterminated string: add the closing double quote (") on this line; Terraform strings cannot span lines. @ "q',
    ]);
  });

  it('a Windows-style file still gets its findings on the right tokens', () => {
    const text = 'resource "aws_iam_policy" "p" {\r\n  policy = jsonencode({\r\n    Version = "2012-10-17"\r\n    Statement = [{ Effect = "allow", Action = "s3:GetObject", Resource = "*" }]\r\n  })\r\n}\r\n';
    assert.deepEqual(covered(text, analyzeTf(text).findings), ['IAM006 "\\"allow\\""']);
  });

  it('recovers at the next top-level block when a bracket is never closed', () => {
    const text = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [
  })
}

resource "aws_iam_policy" "q" {
}
`;
    assert.deepEqual(items(text), ['resource "aws_iam_policy" "p" { | This "[" is never closed: add the matching "]". @ [', 'resource "aws_iam_policy" "q" {']);
  });

  it('ends a block header with no brace at its line', () => {
    const text = `resource "aws_iam_policy" "p"
resource "aws_iam_policy" "q" {
}
`;
    assert.deepEqual(items(text), ['resource "aws_iam_policy" "p"', 'resource "aws_iam_policy" "q" {']);
  });
});
