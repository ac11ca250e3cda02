/** Policies read from .tf files: every element with its exact span, in each way Terraform writes them. */
import * as assert from 'node:assert/strict';
import { spanText } from '../../server/src/core/model';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { applyEdits } from './helpers';
import { analyzeTf, covered } from './terraform-helpers';

describe('Terraform policies', () => {
  before(() => initTerraform());

  describe('jsonencode', () => {
    const TEXT = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    "Statement" = [
      {
        Sid      = "ReadLogs"
        Effect   = "allow"
        Action   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
        Resource = "*"
      },
    ]
  })
}
`;

    it('reads HCL keys as policy keys and tuples as arrays, with the span of each token', () => {
      const { file } = analyzeTf(TEXT);
      const [document] = file.documents;
      assert.equal(document!.syntax, 'jsonencode');
      assert.equal(spanText(TEXT, document!.span), TEXT.slice(TEXT.indexOf('({') + 1, TEXT.indexOf('})') + 1));
      assert.deepEqual(document!.keys.map((k) => [k.name, spanText(TEXT, k.span)]), [['Version', 'Version'], ['Statement', '"Statement"']]);
      const [statement] = document!.statements;
      assert.deepEqual(statement!.keys.map((k) => k.name), ['Sid', 'Effect', 'Action', 'Resource']);
      assert.equal(spanText(TEXT, statement!.effect!.value.span), '"allow"');
      assert.deepEqual(statement!.action!.value.items.map((i) => [i.type, i.text, spanText(TEXT, i.span)]), [
        ['string', 'logs:GetLogEvents', '"logs:GetLogEvents"'],
        ['string', 'logs:FilterLogEvents', '"logs:FilterLogEvents"'],
      ]);
      assert.equal(statement!.action!.value.form, 'array');
    });

    it('fixes are written in HCL', () => {
      const { findings } = analyzeTf(TEXT);
      assert.deepEqual(covered(TEXT, findings), ['IAM006 "\\"allow\\""']);
      const fixed = applyEdits(TEXT, findings[0]!.fixes[0]!.edits);
      assert.ok(fixed.includes('Effect   = "Allow"'));
      assert.deepEqual(analyzeTf(fixed).findings, []);

      const noVersion = TEXT.replace('    Version = "2012-10-17"\n', '');
      const missing = analyzeTf(noVersion).findings.find((f) => f.ruleId === 'IAM002')!;
      const added = applyEdits(noVersion, missing.fixes[0]!.edits);
      assert.ok(added.includes('jsonencode({\n    Version = "2012-10-17"\n    "Statement" = ['), added);
      assert.deepEqual(analyzeTf(added).findings.map((f) => f.ruleId), ['IAM006']);
    });

    it('reads numbers, booleans and null as themselves, so wrong types are found', () => {
      const text = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = 2012, Statement = [{ Effect = true, Action = ["s3:GetObject", 3], Resource = null }] })\n}\n`;
      assert.deepEqual(covered(text, analyzeTf(text).findings), ['IAM015 "2012"', 'IAM015 "true"', 'IAM015 "3"', 'IAM015 "null"']);
    });

    it('reads a literal $${ as a literal ${, not as an unknown value', () => {
      const text = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "a$\${b}", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/$\${aws:username}" }] })\n}\n`;
      const { file, findings } = analyzeTf(text);
      const statement = file.documents[0]!.statements[0]!;
      assert.deepEqual([statement.resource!.value.items[0]!.type, statement.resource!.value.items[0]!.text], ['string', 'arn:aws:s3:::bucket/${aws:username}']);
      assert.deepEqual(covered(text, findings), ['IAM011 "\\"a$${b}\\""']);
      assert.equal(findings[0]!.fixes[0]!.edits[0]!.newText, '"ab"');
    });
  });

  describe('JSON in heredocs and strings', () => {
    it('reads a <<-EOT heredoc where it stands; its indentation does not matter to JSON', () => {
      const text = `resource "aws_iam_role" "r" {
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "allow", "Action": "sts:AssumeRole", "Principal": { "Service": "ec2.amazonaws.com" } }]
    }
  EOT
}
`;
      const { file, findings } = analyzeTf(text);
      assert.deepEqual(file.documents.map((d) => [d.syntax, d.kind, d.origin.embedding]), [['json', 'trust', 'heredoc']]);
      assert.deepEqual(covered(text, findings), ['IAM006 "\\"allow\\""']);
      assert.equal(findings[0]!.span.start, text.indexOf('"allow"'));
    });

    it('reads <<EOF heredocs, interpolations inside and outside JSON strings, and $${ as a literal', () => {
      const text = `resource "aws_iam_policy" "p" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": \${jsonencode(var.actions)},
      "Resource": ["\${aws_s3_bucket.logs.arn}/*", "arn:aws:s3:::home/$\${aws:username}/*"]
    }
  ]
}
EOF
}
`;
      const { file, findings } = analyzeTf(text);
      assert.deepEqual(findings, []);
      const statement = file.documents[0]!.statements[0]!;
      assert.equal(statement.action!.value.form, 'unknown');
      assert.equal(spanText(text, statement.action!.value.span), '${jsonencode(var.actions)}');
      assert.deepEqual(
        statement.resource!.value.items.map((i) => [i.type, spanText(text, i.span)]),
        [
          ['unknown', '"${aws_s3_bucket.logs.arn}/*"'],
          ['string', '"arn:aws:s3:::home/$${aws:username}/*"'],
        ],
      );
      assert.equal(statement.resource!.value.items[1]!.text, 'arn:aws:s3:::home/${aws:username}/*');
    });

    it('reads JSON in a quoted string through its escapes, and escapes its fixes', () => {
      const text = `resource "aws_iam_policy" "p" {
  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"allow\\", \\"Action\\": \\"s3:GetObject\\", \\"Resource\\": \\"arn:aws:s3:::\${var.bucket}/*\\"}]}"
}
`;
      const { file, findings } = analyzeTf(text);
      assert.deepEqual(file.documents.map((d) => d.origin.embedding), ['quoted-string']);
      assert.deepEqual(covered(text, findings), ['IAM006 "\\\\\\"allow\\\\\\""']);
      assert.equal(file.documents[0]!.statements[0]!.resource!.value.items[0]!.type, 'unknown');
      const fixed = applyEdits(text, findings[0]!.fixes[0]!.edits);
      assert.ok(fixed.includes('\\"Effect\\": \\"Allow\\"'), fixed);
      assert.deepEqual(analyzeTf(fixed).findings, []);
    });

    it('escapes ${ in fixes made inside a heredoc', () => {
      const text = `resource "aws_iam_policy" "p" {
  policy = <<EOF
{ "Version": "2012-10-17", "Statement": [{ "Sid": "home-\${var.x}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }
EOF
}
`;
      assert.deepEqual(analyzeTf(text).findings, [], 'a Sid holding an interpolation is unknown');
      const literal = text.replace('home-${var.x}', () => '$${aws:username}-home');
      const [finding] = analyzeTf(literal).findings;
      assert.equal(finding!.ruleId, 'IAM011');
      assert.equal(finding!.message, 'Sid "${aws:username}-home" may only contain letters A-Z, a-z and digits 0-9.');
      assert.equal(finding!.fixes[0]!.edits[0]!.newText, '"awsusernamehome"');
    });

    it('reports JSON syntax errors inside the heredoc, at their place in the .tf file', () => {
      const text = `resource "aws_iam_policy" "p" {
  policy = <<EOF
{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", }] }
EOF
}
`;
      const { findings } = analyzeTf(text);
      assert.deepEqual(covered(text, findings), ['IAM001 "}"']);
      assert.equal(findings[0]!.span.start, text.indexOf(', }') + 2);
    });

    it('leaves templates with directives alone: their text cannot be known', () => {
      const text = `resource "aws_iam_policy" "p" {
  policy = <<EOF
{ "Statement": [%{ for a in var.actions }{ "Effect": "allow", "Action": "\${a}" },%{ endfor }] }
EOF
}
`;
      const { file, findings } = analyzeTf(text);
      assert.deepEqual([file.documents, findings], [[], []]);
    });
  });

  describe('aws_iam_policy_document blocks', () => {
    const TEXT = `data "aws_iam_policy_document" "trust" {
  version   = "2012-10-17"
  policy_id = "trust"

  statement {
    sid     = "FromSecurity"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }

  statement {
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    not_principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`;

    it('follows the contract: statement spans, keys, principals and conditions', () => {
      const { file } = analyzeTf(TEXT);
      const [document] = file.documents;
      assert.equal(document!.syntax, 'policy-document');
      assert.equal(spanText(TEXT, document!.span), TEXT.trimEnd());
      assert.deepEqual(document!.keys.map((k) => spanText(TEXT, k.span)), ['version', 'policy_id', 'statement', 'statement']);
      assert.equal(document!.version!.value.text, '2012-10-17');
      assert.equal(document!.id!.value.text, 'trust');
      assert.equal(document!.statement!.value.form, 'array');

      const [first, second] = document!.statements;
      assert.ok(spanText(TEXT, first!.span).startsWith('statement {\n    sid'));
      assert.ok(spanText(TEXT, first!.span).endsWith('}\n  }'));
      assert.deepEqual(first!.keys.map((k) => k.name), ['sid', 'actions', 'principals', 'principals', 'condition', 'condition']);
      assert.equal(spanText(TEXT, first!.sid!.value.span), '"FromSecurity"');

      const principal = first!.principal!;
      assert.equal(spanText(TEXT, principal.key.span), 'principals');
      assert.equal(principal.value.form, 'map');
      assert.deepEqual(
        principal.value.entries.map((e) => [e.key.name, spanText(TEXT, e.key.span), e.value.items.map((i) => i.text)]),
        [
          ['AWS', '"AWS"', ['arn:aws:iam::222222222222:root']],
          ['Service', '"Service"', ['ec2.amazonaws.com']],
        ],
      );
      assert.ok(spanText(TEXT, principal.value.entries[0]!.span).startsWith('principals {'));

      const condition = first!.condition!.value;
      assert.equal(condition.form, 'map');
      assert.deepEqual(
        condition.operators.map((o) => [spanText(TEXT, o.operator.span), o.entries.map((e) => [spanText(TEXT, e.key.span), e.value.items.map((i) => i.text)])]),
        [
          ['"StringEquals"', [['"aws:PrincipalOrgID"', ['o-a1b2c3d4e5']]]],
          ['"Bool"', [['"aws:MultiFactorAuthPresent"', ['true']]]],
        ],
      );
      assert.ok(spanText(TEXT, condition.operators[1]!.span).startsWith('condition {\n      test     = "Bool"'));

      assert.equal(second!.effect!.value.text, 'Deny');
      assert.deepEqual([second!.notPrincipal!.value.form, second!.notPrincipal!.value.scalar!.text], ['wildcard', '*']);
      assert.equal(document!.kind, 'trust');
    });

    it('keeps the principals block of a wildcard as its entry, so "*" can be replaced with an account', () => {
      const notPrincipal = analyzeTf(TEXT).file.documents[0]!.statements[1]!.notPrincipal!.value;
      assert.deepEqual(
        notPrincipal.entries.map((e) => [e.key.name, spanText(TEXT, e.key.span), e.value.items.map((i) => spanText(TEXT, i.span))]),
        [['*', '"*"', ['"*"']]],
      );
      const trust = TEXT.replace('effect  = "Deny"', 'effect  = "Allow"').replace('not_principals {', 'principals {');
      const finding = analyzeTf(trust).findings.find((f) => f.ruleId === 'IAM201')!;
      const replace = finding.fixes.find((f) => f.title === 'Replace "*" with an account root principal (placeholder account)')!;
      assert.ok(
        applyEdits(trust, replace.edits).includes('    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::ACCOUNT_ID:root"]\n    }'),
      );
    });

    it('fixes replace values in HCL', () => {
      const text = TEXT.replace('effect  = "Deny"', 'effect  = "deny"');
      const finding = analyzeTf(text).findings.find((f) => f.ruleId === 'IAM006')!;
      assert.equal(spanText(text, finding.span), '"deny"');
      assert.ok(applyEdits(text, finding.fixes[0]!.edits).includes('effect  = "Deny"'));
    });

    it('reads a dynamic statement or condition as unknown, and null attributes as not set', () => {
      const text = `data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
  statement {
    sid       = null
    actions   = ["s3:GetObject"]
    resources = ["*"]
    dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}
`;
      const { file, findings } = analyzeTf(text);
      const [document] = file.documents;
      assert.equal(document!.statement!.value.form, 'unknown');
      assert.equal(document!.statements.length, 1);
      const [statement] = document!.statements;
      assert.equal(statement!.sid, undefined);
      assert.equal(statement!.condition!.value.form, 'unknown');
      assert.deepEqual(findings, []);
    });
  });
});
