/** One policy written four ways yields the same findings, on the same elements. */
import * as assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeTf, element } from './terraform-helpers';
import { analyze } from '../../server/src/core/analyze';

const JSON_POLICY = `{
  "Version": "2008-10-17",
  "Statement": [
    { "Sid": "Read-Only", "Effect": "allow", "Action": [], "Resource": "*" },
    {
      "Sid": "Read-Only",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "NotResource": "arn:aws:s3:::logs",
      "Principal": { "AWS": "*" },
      "Condition": { "StringEquals": { "aws:PrincipalOrgID": [] } }
    }
  ]
}`;

const JSONENCODE = `resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Version = "2008-10-17"
    Statement = [
      { Sid = "Read-Only", Effect = "allow", Action = [], Resource = "*" },
      {
        Sid         = "Read-Only"
        Effect      = "Allow"
        Action      = "s3:GetObject"
        Resource    = "*"
        NotResource = "arn:aws:s3:::logs"
        Principal   = { AWS = "*" }
        Condition   = { StringEquals = { "aws:PrincipalOrgID" = [] } }
      }
    ]
  })
}
`;

const HEREDOC = `resource "aws_iam_policy" "read" {
  policy = <<-EOT
    ${JSON_POLICY.split('\n').join('\n    ')}
  EOT
}
`;

const POLICY_DOCUMENT = `data "aws_iam_policy_document" "read" {
  version = "2008-10-17"
  statement {
    sid     = "Read-Only"
    effect  = "allow"
    actions = []
    resources = ["*"]
  }
  statement {
    sid           = "Read-Only"
    effect        = "Allow"
    actions       = ["s3:GetObject"]
    resources     = ["*"]
    not_resources = ["arn:aws:s3:::logs"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = []
    }
  }
}

resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`;

describe('Terraform parity', () => {
  before(() => initTerraform());

  const expected = [
    'IAM004 Version value',
    'IAM006 statement 1 Effect value',
    'IAM011 statement 1 Sid value',
    'IAM013 statement 1 Action value',
    'IAM010 statement 2 Sid value',
    'IAM011 statement 2 Sid value',
    'IAM008 statement 2 NotResource key',
    'IAM009 statement 2 Principal key',
    'IAM013 statement 2 Condition value values',
    'IAM303 statement 2 NotResource key',
  ];

  it('the JSON policy yields the reference findings', () => {
    // Its content would make it a resource policy (it names a Principal): a glob says identity, as the argument does in Terraform.
    const { file, findings } = analyze('file:///work/read.json', JSON_POLICY, { policyKinds: { '**/read.json': 'identity' } });
    assert.equal(file.documents[0]!.kind, 'identity');
    assert.deepEqual(findings.map((f) => element(file, f)).sort(), [...expected].sort());
  });

  for (const [name, text, syntax] of [
    ['jsonencode', JSONENCODE, 'jsonencode'],
    ['a heredoc', HEREDOC, 'json'],
    ['a policy_document block', POLICY_DOCUMENT, 'policy-document'],
  ] as const) {
    it(`${name} yields the same rule ids on the same elements`, () => {
      const { file, findings } = analyzeTf(text);
      assert.deepEqual(file.documents.map((d) => [d.syntax, d.kind]), [[syntax, 'identity']]);
      assert.deepEqual(findings.map((f) => element(file, f)).sort(), [...expected].sort());
    });
  }
});
