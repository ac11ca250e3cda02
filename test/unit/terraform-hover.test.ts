/** Hover in .tf files: the Markdown for the name under a `|` cursor, in every way Terraform writes a policy. */
import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../../server/src/core/catalog';
import { hover } from '../../server/src/core/hover/hover';
import { locateForHover } from '../../server/src/core/locate';
import { spanText } from '../../server/src/core/model';
import { TerraformParseState, parseTerraformFile } from '../../server/src/core/parse/terraform';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { Known, hoverAt, split } from './cursor';

const TF = 'file:///work/main.tf';
const hoverTf = (marked: string, known?: Known): string | undefined => hoverAt(marked, defaultCatalog(), TF, known);

function encoded(...members: string[]): string {
  return ['resource "aws_iam_role" "app" {', '  assume_role_policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [{', ...members.map((m) => `      ${m}`), '    }]', '  })', '}', ''].join('\n');
}

function document(...lines: string[]): string {
  return ['data "aws_iam_policy_document" "app" {', '  statement {', ...lines.map((l) => `    ${l}`), '  }', '}', ''].join('\n');
}

const PASS_ROLE = [
  '**iam:PassRole** · Write',
  'Grants permission to pass a role to a service',
  'Resource types:\n- `role` (required): `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`',
  'Condition keys: `iam:AssociatedResourceArn`, `iam:PassedToService`',
  '[Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-PassRole)',
].join('\n\n');
const ORG_ID =
  '**aws:PrincipalOrgID** · String · global condition key\n\nThe ID of the AWS Organizations organization the requesting principal\'s account belongs to (`o-…`).\n\n[AWS global condition context keys](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid)';
const STRING_EQUALS =
  '**StringEquals** · condition operator\n\nTrue when the value in the request equals one of the listed strings exactly (case-sensitive).\n\n[Condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)';

describe('hover in Terraform', () => {
  before(() => initTerraform());

  it('describes an action in jsonencode, in a policy_document block and in a heredoc', () => {
    assert.equal(hoverTf(encoded('Action = ["iam:Pass|Role"]')), PASS_ROLE);
    assert.equal(hoverTf(document('actions = ["iam:Pass|Role"]')), PASS_ROLE);
    const heredoc = 'resource "aws_iam_policy" "app" {\n  policy = <<EOF\n{ "Statement": [{ "Effect": "Allow", "Action": "iam:Pass|Role", "Resource": "*" }] }\nEOF\n}\n';
    assert.equal(hoverTf(heredoc), PASS_ROLE);
  });

  it('covers the exact token: the string\'s content, without its quotes', () => {
    const { text, offset } = split(document('actions = ["iam:Pass|Role"]'));
    const context = locateForHover({ uri: TF, text, language: 'terraform' }, offset)!;
    assert.equal(spanText(text, hover(context, defaultCatalog())!.span), 'iam:PassRole');
  });

  it('counts what a wildcard matches, and names the service on its prefix', () => {
    assert.equal(
      hoverTf(document('actions = ["sts:Assume*|"]')),
      '**sts:Assume\\*** matches 4 actions of AWS Security Token Service (Write 4).\n\n- `sts:AssumeRole` · Write\n- `sts:AssumeRoleWithSAML` · Write\n- `sts:AssumeRoleWithWebIdentity` · Write\n- `sts:AssumeRoot` · Write',
    );
    assert.match(hoverTf(encoded('Action = "s|ts:AssumeRole"'))!, /^\*\*sts\*\* · AWS Security Token Service\n\n\d+ actions, \d+ resource types, \d+ condition keys\.\n\n\[Service Authorization Reference\]\(/);
  });

  it('explains condition operators and keys: test and variable, or the keys of jsonencode', () => {
    const condition = document('actions = ["sts:AssumeRole"]', 'condition {', '  test     = "StringEq|uals"', '  variable = "aws:PrincipalOrgID"', '  values   = ["o-a1b2c3d4e5"]', '}');
    assert.equal(hoverTf(condition), STRING_EQUALS);
    assert.equal(hoverTf(condition.replace('StringEq|uals', 'StringEquals').replace('aws:PrincipalOrgID', 'aws:Principal|OrgID')), ORG_ID);
    assert.equal(hoverTf(encoded('Condition = { StringEq|uals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }')), STRING_EQUALS);
    assert.equal(hoverTf(encoded('Condition = { StringEquals = { "aws:Principal|OrgID" = "o-a1b2c3d4e5" } }')), ORG_ID);
  });

  it('describes a service principal under type = "Service"', () => {
    const principals = document('actions = ["sts:AssumeRole"]', 'principals {', '  type        = "Service"', '  identifiers = ["ecs-ta|sks.amazonaws.com"]', '}');
    assert.equal(hoverTf(principals), '**ecs-tasks.amazonaws.com** · service principal\n\nAmazon ECS: task roles and task execution roles.');
    assert.equal(hoverTf(encoded('Principal = { Service = "ecs-ta|sks.amazonaws.com" }')), '**ecs-tasks.amazonaws.com** · service principal\n\nAmazon ECS: task roles and task execution roles.');
  });

  it('stays silent on other names, unknown values and arguments that hold no policy', () => {
    assert.equal(hoverTf(document('effect = "All|ow"')), undefined);
    assert.equal(hoverTf(document('actions = [var.act|ions]')), undefined);
    assert.equal(hoverTf('resource "aws_iam_role" "app" {\n  name = "iam:Pass|Role"\n}\n'), undefined);
    assert.equal(hoverTf(document('actions = ["s3:GetObj|ekt"]')), undefined);
  });

  it('reads a block being typed from its last readable version', () => {
    const good = document('actions   = ["iam:PassRole"]', 'resources = ["*"]');
    const state = new TerraformParseState();
    parseTerraformFile(TF, good, { state });
    const typing = document('actions   = ["iam:Pass|Role"]', 'resources = ["arn:aws:iam::111111111111:role/');
    assert.equal(hoverTf(typing), undefined, 'the block cannot be read');
    assert.equal(hoverTf(typing, { terraformState: state }), PASS_ROLE);
  });
});
