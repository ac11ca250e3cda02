/**
 * Completion in .tf files at a `|` cursor: policies written with `jsonencode`, as JSON in a heredoc,
 * and as `aws_iam_policy_document` blocks; the labels offered and the file after an item is chosen
 * (snippet placeholders at their defaults, `|` where the cursor lands).
 */
import * as assert from 'node:assert/strict';
import { valueEntry } from '../../server/src/core/complete/render';
import { CursorContext } from '../../server/src/core/locate';
import { TerraformParseState, parseTerraformFile } from '../../server/src/core/parse/terraform';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { Known, accept, itemsAt, labelsAt } from './cursor';
import { analyzeTf } from './terraform-helpers';

const TF = 'file:///work/main.tf';
const labels = (marked: string, known?: Known): string[] => labelsAt(marked, TF, known);
const choose = (marked: string, label: string, known?: Known): string => accept(marked, label, TF, known);

/** An aws_iam_policy whose one jsonencode statement holds `members`, a line each. */
function encoded(...members: string[]): string {
  return ['resource "aws_iam_policy" "app" {', '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [{', ...members.map((m) => `      ${m}`), '    }]', '  })', '}', ''].join('\n');
}

/** A policy_document whose one statement block holds `lines`. */
function document(...lines: string[]): string {
  return ['data "aws_iam_policy_document" "app" {', '  statement {', ...lines.map((l) => `    ${l}`), '  }', '}', ''].join('\n');
}

const STATEMENT_ARGUMENTS = ['sid', 'effect', 'actions', 'not_actions', 'resources', 'not_resources', 'principals', 'not_principals', 'condition'];

describe('completion in Terraform', () => {
  before(() => initTerraform());

  describe('jsonencode objects', () => {
    it('offers service prefixes, then the service\'s actions, inside the quotes of an Action item', () => {
      assert.equal(choose(encoded('Effect = "Allow"', 'Action = ["s|"]'), 's3'), encoded('Effect = "Allow"', 'Action = ["s3:|"]'));
      const actions = itemsAt(encoded('Action = ["s3:Get|"]'), TF);
      assert.equal(actions[0]!.label, 's3:*');
      assert.equal(actions.find((i) => i.label === 's3:GetObject')?.detail, 'Read');
      assert.ok(actions.every((i) => i.label.startsWith('s3:')));
      assert.equal(choose(encoded('Action = ["s3:ListBucket", "s3:Get|"]'), 's3:GetObject'), encoded('Action = ["s3:ListBucket", "s3:GetObject|"]'));
      assert.equal(choose(encoded('Action = "s3:GetObj|"'), 's3:GetObject'), encoded('Action = "s3:GetObject|"'));
    });

    it('offers Allow and Deny for Effect, quoting the value where no quote was typed', () => {
      assert.deepEqual(labels(encoded('Effect = "|"')), ['Allow', 'Deny']);
      assert.equal(choose(encoded('Effect = "|"'), 'Deny'), encoded('Effect = "Deny|"'));
      assert.equal(choose(encoded('Effect = Al|'), 'Allow'), encoded('Effect = "Allow"|'));
    });

    it('completes statement keys as `Key = value`, without the ones written, and only the key before an `=`', () => {
      assert.deepEqual(labels(encoded('Effect = "Allow"', 'Action = "s3:GetObject"', '|')), ['Sid', 'Resource', 'NotResource', 'Condition']);
      assert.equal(choose(encoded('Effect = "Allow"', 'Res|'), 'Resource'), encoded('Effect = "Allow"', 'Resource = "|"'));
      assert.equal(choose(encoded('Eff| = "Deny"'), 'Effect'), encoded('Effect| = "Deny"'));
      assert.equal(choose(encoded('Effect = "Allow"', 'Cond|'), 'Condition'), encoded('Effect = "Allow"', 'Condition = { |StringEquals = { "" = "" } }'));
    });

    it('completes the policy keys of an empty policy, the statement list written in HCL', () => {
      const empty = 'resource "aws_iam_policy" "app" {\n  policy = jsonencode({\n    |\n  })\n}\n';
      assert.deepEqual(labels(empty), ['Version', 'Statement', 'Id']);
      assert.equal(
        choose(empty, 'Statement'),
        'resource "aws_iam_policy" "app" {\n  policy = jsonencode({\n    Statement = [\n\t{\n\t\tEffect = "|Allow"\n\t\tAction = ""\n\t\tResource = ""\n\t}\n]\n  })\n}\n',
      );
    });

    it('completes condition operators, and condition keys written as quoted HCL keys', () => {
      const operators = labels(encoded('Action = "s3:GetObject"', 'Condition = { | }'));
      assert.equal(operators[0], 'StringEquals');
      assert.deepEqual(operators.slice(-2), ['ForAllValues:', 'ForAnyValue:']);
      assert.equal(choose(encoded('Condition = { Str| }'), 'StringLike'), encoded('Condition = { StringLike = { "|" = "" } }'));
      assert.equal(choose(encoded('Condition = { For| }'), 'ForAnyValue:'), encoded('Condition = { "ForAnyValue:|" }'));

      const keys = encoded('Action = "iam:PassRole"', 'Resource = "*"', 'Condition = { StringEquals = { "|" = "ecs-tasks.amazonaws.com" } }');
      assert.deepEqual(labels(keys).slice(0, 4), ['aws:ResourceTag/${TagKey}', 'iam:AssociatedResourceArn', 'iam:PassedToService', 'iam:ResourceTag/${TagKey}']);
      assert.equal(
        choose(keys, 'iam:PassedToService'),
        encoded('Action = "iam:PassRole"', 'Resource = "*"', 'Condition = { StringEquals = { "iam:PassedToService"| = "ecs-tasks.amazonaws.com" } }'),
      );
      assert.equal(
        choose(encoded('Condition = { StringEquals = { "aws:Res|" } }'), 'aws:ResourceTag/${TagKey}'),
        encoded('Condition = { StringEquals = { "aws:ResourceTag/|TagKey" = "" } }'),
      );
    });

    it('completes principal types and service principals', () => {
      const trust = (member: string): string => encoded('Effect = "Allow"', 'Action = "sts:AssumeRole"', member).replace('"aws_iam_policy" "app" {\n  policy', '"aws_iam_role" "app" {\n  assume_role_policy');
      assert.deepEqual(labels(trust('Principal = { | }')), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
      assert.equal(choose(trust('Principal = { Se| }'), 'Service'), trust('Principal = { Service = "|" }'));
      assert.equal(choose(trust('Principal = { Service = "lam|" }'), 'lambda.amazonaws.com'), trust('Principal = { Service = "lambda.amazonaws.com|" }'));
      assert.equal(
        choose(trust('Principal = { AWS = ["|"] }'), 'arn:aws:iam::${Account}:role/${RoleName}'),
        trust('Principal = { AWS = ["arn:aws:iam::|Account:role/RoleName"] }'),
      );
    });

    it('offers nothing outside a policy: other arguments, objects that are not policies, interpolations, comments', () => {
      assert.deepEqual(labels('resource "aws_iam_role" "app" {\n  name = "|"\n}\n'), []);
      assert.deepEqual(labels('resource "aws_instance" "app" {\n  tags = jsonencode({ | })\n}\n'), []);
      assert.deepEqual(labels(encoded('Resource = "arn:aws:s3:::${var.bucket|}/*"')), []);
      assert.deepEqual(labels(encoded('# Action = "s3:|"')), []);
    });

    it('reads a policy in a local value once it looks like one', () => {
      const local = 'locals {\n  deny = jsonencode({\n    Statement = [{ Effect = "Deny", Action = "s3:Delete|" }]\n  })\n}\n';
      assert.ok(labels(local).includes('s3:DeleteObject'));
    });
  });

  describe('JSON in a heredoc', () => {
    const HEREDOC = (statement: string): string =>
      ['resource "aws_iam_policy" "app" {', '  policy = <<-EOT', '    {', '      "Version": "2012-10-17",', `      "Statement": [${statement}]`, '    }', '  EOT', '}', ''].join('\n');

    it('completes in the heredoc\'s lines as in a JSON file', () => {
      assert.equal(choose(HEREDOC('{ "Effect": "Allow", "Action": "s3:Get|" }'), 's3:GetObject'), HEREDOC('{ "Effect": "Allow", "Action": "s3:GetObject|" }'));
      assert.deepEqual(labels(HEREDOC('{ "Effect": "Allow", "|" }')), ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
      assert.equal(choose(HEREDOC('{ "Effect": "Allow", "Act|" }'), 'Action'), HEREDOC('{ "Effect": "Allow", "Action": "|" }'));
      assert.deepEqual(labels(HEREDOC('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${var.bucket}/|" }')), [], 'an interpolation is kept');
      assert.deepEqual(
        labels(HEREDOC('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "|" }')),
        ['arn:${Partition}:s3:::${BucketName}/${ObjectName}', 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}', '*'],
      );
    });

    it('writes a literal ${ as $${ wherever Terraform reads the text', () => {
      const base: CursorContext = { element: 'resource', syntax: 'json', text: '', prefix: '', span: { start: 0, end: 0 }, quoted: true, openQuote: false, offset: 0, hasValue: false, siblingKeys: [] };
      const label = 'arn:aws:s3:::home/${aws:username}/*';
      const write = (context: CursorContext, snippet: boolean): string =>
        valueEntry(context, { label, kind: 'arn', sortText: '0', ...(snippet ? { snippetBody: 'arn:aws:s3:::home/\\${aws:username\\}/*' } : {}) }).insertText;
      assert.equal(write(base, false), 'arn:aws:s3:::home/${aws:username}/*', 'a JSON file');
      assert.equal(write({ ...base, embedding: 'heredoc' }, false), 'arn:aws:s3:::home/$${aws:username}/*');
      assert.equal(write({ ...base, embedding: 'heredoc' }, true), 'arn:aws:s3:::home/\\$\\${aws:username\\}/*', 'in a snippet, escaped');
      assert.equal(write({ ...base, syntax: 'jsonencode' }, false), 'arn:aws:s3:::home/$${aws:username}/*');
      assert.equal(write({ ...base, syntax: 'policy-document', quoted: false }, false), '"arn:aws:s3:::home/$${aws:username}/*"');
    });
  });

  describe('aws_iam_policy_document blocks', () => {
    it('offers the statement block\'s arguments and blocks, blocks as snippets', () => {
      assert.deepEqual(labels(document('|')), STATEMENT_ARGUMENTS);
      assert.deepEqual(labels(document('effect  = "Allow"', 'actions = ["s3:GetObject"]', '|')), ['sid', 'resources', 'not_resources', 'principals', 'not_principals', 'condition']);
      assert.equal(choose(document('effect = "Allow"', 'act|'), 'actions'), document('effect = "Allow"', 'actions = ["|"]'));
      assert.equal(
        choose(document('actions = ["sts:AssumeRole"]', 'princ|'), 'principals'),
        document('actions = ["sts:AssumeRole"]', 'principals {\n\ttype        = "|AWS"\n\tidentifiers = [""]\n}'),
      );
      assert.equal(
        choose(document('actions = ["s3:GetObject"]', 'cond|'), 'condition'),
        document('actions = ["s3:GetObject"]', 'condition {\n\ttest     = "|StringEquals"\n\tvariable = ""\n\tvalues   = [""]\n}'),
      );
      assert.equal(choose(document('cond| {', '}'), 'condition'), document('condition| {', '}'), 'a block already there keeps its body');
    });

    it('leaves out principals where the kind known from an earlier parse takes none', () => {
      const used = `${document('|')}\nresource "aws_iam_policy" "app" {\n  policy = data.aws_iam_policy_document.app.json\n}\n`;
      const { file } = analyzeTf(used.replace('|', 'actions = ["s3:GetObject"]'));
      assert.equal(file.documents[0]!.kind, 'identity');
      assert.deepEqual(labels(used, { previous: file }), ['sid', 'effect', 'actions', 'not_actions', 'resources', 'not_resources', 'condition']);
    });

    it('offers the data block\'s own arguments, a statement block first', () => {
      const text = 'data "aws_iam_policy_document" "app" {\n  |\n}\n';
      assert.deepEqual(labels(text), ['statement', 'version', 'policy_id', 'source_policy_documents', 'override_policy_documents']);
      assert.equal(
        choose(text, 'statement'),
        'data "aws_iam_policy_document" "app" {\n  statement {\n\teffect    = "|Allow"\n\tactions   = [""]\n\tresources = [""]\n}\n}\n',
      );
    });

    it('completes effect, actions and resources values', () => {
      assert.deepEqual(labels(document('effect = "|"')), ['Allow', 'Deny']);
      assert.equal(choose(document('effect = "A|"'), 'Allow'), document('effect = "Allow|"'));
      assert.equal(choose(document('actions = ["s3:|"]'), 's3:GetObject'), document('actions = ["s3:GetObject|"]'));
      assert.equal(choose(document('not_actions = ["iam:Pass|"]'), 'iam:PassRole'), document('not_actions = ["iam:PassRole|"]'));
      assert.deepEqual(labels(document('actions   = ["iam:PassRole"]', 'resources = ["|"]')), ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', '*']);
      assert.equal(
        choose(document('actions   = ["iam:PassRole"]', 'resources = ["|"]'), 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'),
        document('actions   = ["iam:PassRole"]', 'resources = ["arn:|aws:iam::Account:role/RoleNameWithPath"]'),
      );
    });

    it('completes principal types and values, in quotes that stay', () => {
      const principals = (type: string, identifiers: string): string => document('actions = ["sts:AssumeRole"]', 'principals {', `  type        = ${type}`, `  identifiers = ${identifiers}`, '}');
      assert.deepEqual(labels(principals('"|"', '[]')), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
      assert.equal(choose(principals('"Ser|"', '[]'), 'Service'), principals('"Service|"', '[]'));
      assert.equal(choose(principals('|', '[]'), 'Federated'), principals('"Federated"|', '[]'));
      assert.equal(choose(principals('"Service"', '["ec2|"]'), 'ec2.amazonaws.com'), principals('"Service"', '["ec2.amazonaws.com|"]'));
      assert.ok(labels(principals('"Federated"', '["|"]')).includes('cognito-identity.amazonaws.com'));
    });

    it('completes condition operators in test and condition keys in variable', () => {
      const condition = (test: string, variable: string): string =>
        document('actions = ["iam:PassRole"]', 'condition {', `  test     = ${test}`, `  variable = ${variable}`, '  values   = ["ecs-tasks.amazonaws.com"]', '}');
      assert.equal(labels(condition('"|"', '""'))[0], 'StringEquals');
      assert.equal(choose(condition('"StringL|"', '""'), 'StringLike'), condition('"StringLike|"', '""'));
      assert.equal(choose(condition('"|"', '""'), 'ForAnyValue:'), condition('"ForAnyValue:|"', '""'));
      assert.ok(labels(condition('"ForAnyValue:|"', '""')).includes('ForAnyValue:StringEquals'));
      assert.deepEqual(labels(condition('"StringEquals"', '"|"')).slice(0, 3), ['aws:ResourceTag/${TagKey}', 'iam:AssociatedResourceArn', 'iam:PassedToService']);
      assert.equal(choose(condition('"StringEquals"', '"iam:Pa|"'), 'iam:PassedToService'), condition('"StringEquals"', '"iam:PassedToService|"'));
      assert.equal(choose(condition('"StringEquals"', '"aws:Res|"'), 'aws:ResourceTag/${TagKey}'), condition('"StringEquals"', '"aws:ResourceTag/|TagKey"'));
      const bool = document('condition {', '  test     = "Bool"', '  variable = "|"', '}');
      assert.deepEqual(labels(bool).slice(0, 3), ['aws:AssumedRoot', 'aws:IsMcpServiceAction', 'aws:MultiFactorAuthPresent'], 'keys of the operator\'s type first');
    });

    it('reads dynamic "statement" blocks as statements', () => {
      const text = 'data "aws_iam_policy_document" "app" {\n  dynamic "statement" {\n    for_each = var.buckets\n    content {\n      actions = ["s3:Get|"]\n    }\n  }\n}\n';
      assert.ok(labels(text).includes('s3:GetObject'));
    });
  });

  describe('half-typed code', () => {
    it('completes in a string not closed yet, replacing what was typed with a closed string', () => {
      assert.equal(choose(document('actions = ["s3:GetObj|'), 's3:GetObject'), document('actions = ["s3:GetObject"|'));
      assert.equal(choose(encoded('Effect = "De|'), 'Deny'), encoded('Effect = "Deny"|'));
    });

    it('takes the statement from the block\'s last readable version while the block cannot be read', () => {
      const good = document('actions   = ["iam:PassRole"]', 'resources = []');
      const state = new TerraformParseState();
      parseTerraformFile(TF, good, { state });
      const typing = document('actions   = ["iam:PassRole"]', 'resources = ["|');
      assert.deepEqual(labels(typing), ['*'], 'without it the statement is unknown: no ARN of its actions');
      assert.deepEqual(labels(typing, { terraformState: state }), ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', '*']);
      assert.equal(
        choose(typing, 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', { terraformState: state }),
        document('actions   = ["iam:PassRole"]', 'resources = ["arn:|aws:iam::Account:role/RoleNameWithPath"'),
      );
    });
  });
});
