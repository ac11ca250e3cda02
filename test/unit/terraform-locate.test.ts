/** Offset → policy document and element, the question Terraform completion and hover will ask. */
import * as assert from 'node:assert/strict';
import { spanText } from '../../server/src/core/model';
import { TerraformParseState, parseTerraformFile } from '../../server/src/core/parse/terraform';
import { PolicyLocation, locatePolicyElement } from '../../server/src/core/parse/terraform-locate';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';

/** Locate the `|` in `marked`, in the text without it. */
function at(marked: string, state?: TerraformParseState): { text: string; location: PolicyLocation | undefined } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, location: locatePolicyElement(parseTerraformFile('file:///work/main.tf', text, { state }), offset) };
}

/** A location in words: `statement 1 Action value "s3:GetObject"`. */
function describe_(text: string, location: PolicyLocation | undefined): string {
  if (!location) return 'nowhere';
  const parts: string[] = [location.document.syntax];
  if (location.statement) parts.push(`statement ${location.statement.index + 1}`);
  if (location.element) parts.push(location.element);
  if (location.part) parts.push(location.part);
  if (location.principalPart) parts.push(`principal ${location.principalPart} ${location.principalEntry!.key.name}`);
  if (location.conditionPart) parts.push(`condition ${location.conditionPart} ${location.operator!.operator.name}`);
  if (location.scalar) parts.push(spanText(text, location.scalar.span));
  return parts.join(' ');
}

const DOCUMENT = `data "aws_iam_policy_document" "d" {
  version = "2012-10-17"
  statement {
    sid     = "Read"
    actions = ["s3:GetObject", "s3:List"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}
`;

function mark(text: string, before: string, shift = 0): string {
  const offset = text.indexOf(before) + shift;
  return text.slice(0, offset) + '|' + text.slice(offset);
}

describe('locating an offset in a Terraform policy', () => {
  before(() => initTerraform());

  it('names the element in a policy_document block', () => {
    const cases: [string, number, string][] = [
      ['"s3:List"', 4, 'policy-document statement 1 Action value "s3:List"'],
      ['actions', 2, 'policy-document statement 1 Action key'],
      ['"Read"', 1, 'policy-document statement 1 Sid value "Read"'],
      ['"AWS"', 1, 'policy-document statement 1 Principal value principal type AWS'],
      ['"arn:aws:iam::222222222222:root"', 3, 'policy-document statement 1 Principal value principal identifiers AWS "arn:aws:iam::222222222222:root"'],
      ['"StringEquals"', 3, 'policy-document statement 1 Condition value condition operator StringEquals'],
      ['"aws:PrincipalOrgID"', 3, 'policy-document statement 1 Condition value condition key StringEquals'],
      ['"o-a1b2c3d4e5"', 1, 'policy-document statement 1 Condition value condition values StringEquals "o-a1b2c3d4e5"'],
      ['\n\n    principals', 1, 'policy-document statement 1'],
      ['"2012-10-17"', 1, 'policy-document Version value "2012-10-17"'],
    ];
    for (const [before, shift, expected] of cases) {
      const { text, location } = at(mark(DOCUMENT, before, shift));
      assert.equal(describe_(text, location), expected, before);
    }
  });

  it('names the element in a jsonencode object, and nothing outside policies', () => {
    const text = `resource "aws_iam_role" "r" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}
`;
    assert.equal(describe_(text, at(mark(text, 'sts:Assume', 4)).location), 'jsonencode statement 1 Action value "sts:AssumeRole"');
    assert.equal(describe_(text, at(mark(text, 'Service', 2)).location), 'jsonencode statement 1 Principal value principal type Service');
    assert.equal(describe_(text, at(mark(text, '"deploy"', 2)).location), 'nowhere');
  });

  it('while a value is half-typed, the last readable document still places the offset in its element', () => {
    const state = new TerraformParseState();
    parseTerraformFile('file:///work/main.tf', DOCUMENT, { state });
    const typing = DOCUMENT.replace('"s3:List"]', '"s3:List", "s3:Ge|]');
    const { text, location } = at(typing, state);
    assert.equal(describe_(text, location), 'policy-document statement 1 Action value');
    assert.equal(spanText(text, location!.statement!.action!.value.span), '["s3:GetObject", "s3:List", "s3:Ge]');
  });
});
