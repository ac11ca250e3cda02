/** Values Terraform computes are unknown to IAM Atlas, and never the cause of a finding. */
import * as assert from 'node:assert/strict';
import { Scalar, spanText } from '../../server/src/core/model';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeTf } from './terraform-helpers';

const JSONENCODE = `resource "aws_iam_role" "deploy" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = var.allow ? "Allow" : "Deny"
        Action    = var.assume_actions
        Principal = { AWS = ["\${var.arn}", "arn:aws:iam::\${local.id}:root", aws_iam_role.ci.arn] }
        Condition = { StringEquals = { "sts:ExternalId" = random_password.external.result } }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Federated = [for p in var.providers : p.arn] }
        Condition = local.oidc_condition
      },
    ]
  })
}

resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = concat(local.base_statements, [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = aws_s3_bucket.logs[*].arn }])
  })
}

resource "aws_iam_policy" "mixed" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [local.deny_statement, { Sid = "Read\${var.suffix}", Effect = "Allow", Action = lower(var.action), Resource = "\${aws_s3_bucket.logs.arn}/*" }]
  })
}
`;

const POLICY_DOCUMENT = `data "aws_iam_policy_document" "trust" {
  statement {
    sid     = var.sid
    effect  = local.effect
    actions = var.actions
    principals {
      type        = var.principal_type
      identifiers = var.principal_arns
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${var.account}:root", data.aws_caller_identity.current.arn]
    }
    condition {
      test     = var.test
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = formatlist("repo:%s:*", var.repositories)
    }
  }
}

resource "aws_iam_role" "x" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = var.bucket_policy
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = templatefile("\${path.module}/queue.json.tpl", { arn = aws_sqs_queue.q.arn })
}
`;

/** Every scalar of every statement, for checking how each was read. */
function scalars(text: string): Scalar[] {
  const found: Scalar[] = [];
  for (const document of analyzeTf(text).file.documents) {
    for (const statement of document.statements) {
      for (const member of [statement.sid, statement.effect]) if (member) found.push(member.value);
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) if (member) found.push(...member.value.items);
      for (const principal of [statement.principal, statement.notPrincipal]) for (const entry of principal?.value.entries ?? []) found.push(...entry.value.items);
      for (const operator of statement.condition?.value.operators ?? []) for (const entry of operator.entries) found.push(...entry.value.items);
    }
  }
  return found;
}

describe('Terraform unknown values', () => {
  before(() => initTerraform());

  it('jsonencode: interpolations, references, calls, conditionals, for expressions and splats give no finding', () => {
    const { file, findings } = analyzeTf(JSONENCODE);
    assert.equal(file.documents.length, 3);
    assert.deepEqual(findings, []);
  });

  it('jsonencode: each of them is read as unknown, literals as known', () => {
    const seen = scalars(JSONENCODE).map((s) => `${s.type} ${spanText(JSONENCODE, s.span)}`);
    assert.deepEqual(seen, [
      'unknown var.allow ? "Allow" : "Deny"',
      'unknown var.assume_actions',
      'unknown "${var.arn}"',
      'unknown "arn:aws:iam::${local.id}:root"',
      'unknown aws_iam_role.ci.arn',
      'unknown random_password.external.result',
      'string "Allow"',
      'string "sts:AssumeRole"',
      'unknown [for p in var.providers : p.arn]',
      // Statement = concat(...) is one unknown value: the statements inside it are not read.
      'unknown "Read${var.suffix}"',
      'string "Allow"',
      'unknown lower(var.action)',
      'unknown "${aws_s3_bucket.logs.arn}/*"',
    ]);
    const [trust, readPolicy, mixed] = analyzeTf(JSONENCODE).file.documents;
    assert.equal(trust!.statements[1]!.condition!.value.form, 'unknown');
    assert.equal(readPolicy!.statement!.value.form, 'unknown');
    assert.deepEqual([mixed!.statement!.value.form, mixed!.statements.map((s) => s.index)], ['unknown', [1]]);
  });

  it('policy_document: unknown types, identifiers, tests and values give no finding', () => {
    const { file, findings } = analyzeTf(POLICY_DOCUMENT);
    assert.deepEqual(file.documents.map((d) => d.kind), ['trust']);
    assert.deepEqual(findings, []);
    const [statement] = file.documents[0]!.statements;
    assert.deepEqual(statement!.principal!.value.entries.map((e) => e.key.name), ['AWS']);
    assert.deepEqual(statement!.condition!.value.operators.map((o) => [o.form, o.entries.length]), [['unknown', 0], ['map', 1]]);
    assert.deepEqual(
      scalars(POLICY_DOCUMENT).map((s) => `${s.type} ${spanText(POLICY_DOCUMENT, s.span)}`),
      [
        'unknown var.sid',
        'unknown local.effect',
        'unknown var.actions',
        'unknown "arn:aws:iam::${var.account}:root"',
        'unknown data.aws_caller_identity.current.arn',
        'unknown formatlist("repo:%s:*", var.repositories)',
      ],
    );
  });

  it('a policy argument set to a reference or a function other than jsonencode holds no document of its own', () => {
    const { file } = analyzeTf(POLICY_DOCUMENT);
    assert.deepEqual(file.documents.map((d) => d.origin.address), ['data.aws_iam_policy_document.trust']);
  });

  it('the same policy with literal values does report, so the rules are really running', () => {
    const literal = JSONENCODE.replace('var.allow ? "Allow" : "Deny"', '"allow"').replace('"${var.arn}"', '"not-an-arn"');
    assert.deepEqual(
      analyzeTf(literal).findings.map((f) => `${f.ruleId} ${spanText(literal, f.span)}`),
      ['IAM006 "allow"'],
    );
  });
});
