/** The typed block view other features read facts from (roles, attachments, accounts, assignments). */
import * as assert from 'node:assert/strict';
import { spanText } from '../../server/src/core/model';
import { parseTerraformFile } from '../../server/src/core/parse/terraform';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { attributeOf, blockAddress, blocksOf, walkBlocks } from '../../server/src/core/parse/terraform-syntax';
import { heredocValue, literalString, literalValue, referenceText, referencesIn, unescapeQuoted } from '../../server/src/core/parse/terraform-values';

const TEXT = `resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "aws+prod@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
  tags      = { Environment = "prod", "cost-center" = 42, Critical = true }
}

resource "aws_ssoadmin_account_assignment" "admins" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_type     = "GROUP"
  target_id          = "333333333333"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_iam_role_policy_attachment" "ro" {
  role       = aws_iam_role.ci[0].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

locals {
  accounts = ["111111111111", "222222222222"]
  message  = <<-EOT
    Hello \${var.name}
  EOT
  banner   = <<-EOT
    line one
      line two
  EOT
  escaped  = "tab\\there \\"quoted\\" $\${literal}"
}
`;

describe('Terraform block view', () => {
  before(() => initTerraform());

  it('walks blocks with their types, labels and addresses', () => {
    const { blocks } = parseTerraformFile('file:///work/org.tf', TEXT);
    assert.deepEqual(
      [...walkBlocks(blocks)].map((b) => [b.type, b.labels.map((l) => l.value), blockAddress(b) ?? null]),
      [
        ['resource', ['aws_organizations_account', 'prod'], 'aws_organizations_account.prod'],
        ['resource', ['aws_ssoadmin_account_assignment', 'admins'], 'aws_ssoadmin_account_assignment.admins'],
        ['resource', ['aws_iam_role_policy_attachment', 'ro'], 'aws_iam_role_policy_attachment.ro'],
        ['locals', [], null],
      ],
    );
    assert.equal(spanText(TEXT, blocks[0]!.labels[1]!.span), '"prod"');
    assert.deepEqual(blocksOf(blocks[0]!, 'statement'), []);
  });

  it('evaluates literal attributes and says which are unknown', () => {
    const [account, assignment, attachment, locals] = parseTerraformFile('file:///work/org.tf', TEXT).blocks;
    assert.equal(literalString(attributeOf(account!, 'email')!.value), 'aws+prod@example.com');
    assert.deepEqual(literalValue(attributeOf(account!, 'tags')!.value), { Environment: 'prod', 'cost-center': 42, Critical: true });
    assert.equal(literalValue(attributeOf(account!, 'parent_id')!.value), undefined);
    assert.deepEqual(referencesIn(attributeOf(account!, 'parent_id')!.value).map(referenceText), ['aws_organizations_organizational_unit.workloads.id']);
    assert.equal(literalString(attributeOf(assignment!, 'target_id')!.value), '333333333333');
    assert.deepEqual(referencesIn(attributeOf(assignment!, 'permission_set_arn')!.value).map((r) => r.path), [['aws_ssoadmin_permission_set', 'admin', 'arn']]);
    assert.deepEqual(referencesIn(attributeOf(attachment!, 'role')!.value).map(referenceText), ['aws_iam_role.ci[0].name']);
    assert.deepEqual(literalValue(attributeOf(locals!, 'accounts')!.value), ['111111111111', '222222222222']);
    const message = attributeOf(locals!, 'message')!.value;
    assert.deepEqual([message.kind, literalValue(message)], ['template', undefined]);
    assert.deepEqual(referencesIn(message).map(referenceText), ['var.name']);
    assert.equal(literalString(attributeOf(locals!, 'banner')!.value), 'line one\n  line two\n');
    assert.equal(literalString(attributeOf(locals!, 'escaped')!.value), 'tab\there "quoted" ${literal}');
  });

  it('unescapes quoted strings and keeps where each character came from', () => {
    const { value, offsets } = unescapeQuoted('a\\"b\\u00e9$${c}');
    assert.equal(value, 'a"bé${c}');
    assert.deepEqual(offsets, [0, 1, 3, 4, 10, 12, 13, 14, 15]);
    assert.equal(unescapeQuoted('$${c}', { keepTemplateEscapes: true }).value, '$${c}');
    assert.equal(heredocValue('    a\n\n      b\n', true), 'a\n\n  b\n');
    assert.equal(heredocValue('    a\n', false), '    a\n');
  });

  it('keeps an 8-digit escape past U+10FFFF as written instead of throwing', () => {
    assert.equal(unescapeQuoted('a\\UFFFFFFFFb').value, 'a\\UFFFFFFFFb');
    assert.equal(unescapeQuoted('\\U0001F600').value, '\u{1F600}');
  });
});
