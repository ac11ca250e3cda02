/**
 * The permission rules IAM301-IAM306, the organisation rules IAM401-IAM403, parity of the security
 * rules across JSON, `jsonencode` and `aws_iam_policy_document`, and fix-all, on Terraform text.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Finding } from '../../server/src/core/findings';
import { spanText } from '../../server/src/core/model';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { RULES } from '../../server/src/core/rules';
import { fixAllForRule, fixAllInFile } from '../../server/src/lsp/code-actions';
import { applyEdits } from './helpers';
import { element } from './terraform-helpers';
import { PROD_TF, WORKSPACE, lines, reported, signature, tfFindings } from './terraform-security-helpers';

/** A policy_document used by an aws_iam_policy, its statement blocks given as lists of lines. */
function documentPolicy(...statements: string[][]): string {
  return lines(
    'data "aws_iam_policy_document" "app" {',
    ...statements.flatMap((body) => ['  statement {', ...body.map((line) => `    ${line}`), '  }']),
    '}',
    '',
    'resource "aws_iam_policy" "app" {',
    '  name   = "app"',
    '  policy = data.aws_iam_policy_document.app.json',
    '}',
    '',
  );
}

/** An aws_iam_policy whose policy is `jsonencode`d, one statement object a line. */
function jsonencodePolicy(...statements: string[]): string {
  return lines(
    'resource "aws_iam_policy" "app" {',
    '  name = "app"',
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [',
    ...statements.map((s) => `      ${s},`),
    '    ]',
    '  })',
    '}',
    '',
  );
}

const ADMIN = 'Action "*" on Resource "*" grants every action on every resource: full administrator access. List the actions this principal needs.';
const PASS_ROLE_ANY =
  "iam:PassRole on every role, to any service, lets this principal start compute with any role of the account and act with that role's permissions. Name the roles it may pass and add an iam:PassedToService condition.";
const ASSUME_ANY = 'sts:AssumeRole on Resource "*" lets this principal assume every role, in any account, whose trust policy lets it in. Name the roles it needs.';
const ESCALATION =
  '"iam:PassRole" allows privilege escalation: iam:PassRole + ec2:RunInstances (ec2-001) lets this principal start an EC2 instance with a privileged role and read its credentials. Limit these actions to specific resources, or remove the ones it does not need.';

describe('permission and organisation rules in Terraform', () => {
  before(() => initTerraform());

  describe('IAM301-IAM306 in policy_document blocks', () => {
    it('IAM301: actions = ["*"] on resources = ["*"] is a warning on the action; "s3:*" is info', () => {
      const text = documentPolicy(['actions   = ["*"]', 'resources = ["*"]'], ['actions   = ["s3:*"]', 'resources = ["arn:aws:s3:::bucket/*"]']);
      const found = reported(text, 'IAM301');
      assert.deepEqual(found.map((f) => [f.text, f.severity]), [
        ['"*"', 'warning'],
        ['"s3:*"', 'info'],
      ]);
      assert.equal(found[0]!.message, ADMIN);
      assert.match(found[1]!.message, /^"s3:\*" grants every action of Amazon S3 \(\d+ actions\), deletes and permission changes included, and those added later\. List the actions this principal needs\.$/);
      assert.equal(tfFindings(text).find((f) => f.ruleId === 'IAM301')!.span.start, text.indexOf('["*"]') + 1, 'on the action, not the resource');
    });

    it('IAM302: write actions on resources = ["*"], on the resource', () => {
      const text = documentPolicy(['effect    = "Allow"', 'actions   = ["s3:PutObject", "iam:CreateRole", "s3:GetObject"]', 'resources = ["*"]']);
      assert.deepEqual(reported(text, 'IAM302'), [
        {
          id: 'IAM302',
          text: '"*"',
          severity: 'warning',
          message:
            'Resource "*" applies 2 write or permissions-management actions (iam:CreateRole, s3:PutObject) to every resource, though they can be limited to specific ARNs. Name the resources.',
        },
      ]);
    });

    it('IAM303: not_actions and not_resources with Allow, on the argument name', () => {
      const text = documentPolicy(['not_actions = ["iam:*"]', 'resources   = ["*"]'], ['actions       = ["s3:GetObject"]', 'not_resources = ["arn:aws:s3:::secret/*"]']);
      assert.deepEqual(reported(text, 'IAM303').map((f) => [f.text, f.severity, f.message]), [
        [
          'not_actions',
          'warning',
          'Allow with not_actions grants every action that is not listed, in every service, including actions AWS adds later. List the allowed actions in Action instead.',
        ],
        [
          'not_resources',
          'warning',
          'Allow with not_resources grants the actions on every resource that is not listed, in every account. List the allowed resources in Resource instead.',
        ],
      ]);
      const deny = documentPolicy(['effect      = "Deny"', 'not_actions = ["iam:*"]', 'resources   = ["*"]']);
      assert.deepEqual(reported(deny, 'IAM303'), []);
    });

    it('IAM304 and IAM305: PassRole and AssumeRole on "*"', () => {
      const text = documentPolicy(['actions   = ["iam:PassRole"]', 'resources = ["*"]'], ['actions   = ["sts:AssumeRole"]', 'resources = ["*"]']);
      assert.deepEqual(reported(text, 'IAM304'), [{ id: 'IAM304', text: '"iam:PassRole"', message: PASS_ROLE_ANY, severity: 'warning' }]);
      assert.deepEqual(reported(text, 'IAM305'), [{ id: 'IAM305', text: '"sts:AssumeRole"', message: ASSUME_ANY, severity: 'warning' }]);
    });

    it('IAM306: an escalation path split across two statement blocks, the second one related', () => {
      const text = documentPolicy(
        ['sid       = "Pass"', 'actions   = ["iam:PassRole"]', 'resources = ["arn:aws:iam::111111111111:role/*"]'],
        ['sid       = "Run"', 'actions   = ["ec2:Run*"]', 'resources = ["*"]'],
      );
      assert.deepEqual(reported(text, 'IAM306'), [{ id: 'IAM306', text: '"iam:PassRole"', message: ESCALATION, severity: 'warning' }]);
      const related = tfFindings(text).find((f) => f.ruleId === 'IAM306')!.related!;
      assert.deepEqual(related.map((r) => [spanText(text, r.span), r.message]), [['"ec2:Run*"', '"ec2:Run*" completes ec2-001']]);
    });

    it('resources = [aws_iam_role.x.arn] is unknown: nothing is reported', () => {
      const text = documentPolicy(['actions   = ["iam:PassRole", "s3:PutObject", "sts:AssumeRole", "ec2:RunInstances"]', 'resources = [aws_iam_role.x.arn]']);
      assert.deepEqual(signature(tfFindings(text)), []);
    });
  });

  describe('IAM301-IAM306 in jsonencode', () => {
    it('reports on the same tokens: Action items, the Resource "*", the NotAction key', () => {
      const text = jsonencodePolicy(
        '{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }',
        '{ Effect = "Allow", Action = ["ec2:RunInstances", "sts:AssumeRole"], Resource = "*" }',
        '{ Effect = "Allow", NotAction = ["iam:*"], Resource = "arn:aws:s3:::bucket/*" }',
      );
      assert.deepEqual(
        tfFindings(text).map((f) => `${f.ruleId} ${spanText(text, f.span)}`),
        ['IAM304 "iam:PassRole"', 'IAM306 "iam:PassRole"', 'IAM305 "sts:AssumeRole"', 'IAM302 "*"', 'IAM303 NotAction'],
      );
      assert.equal(tfFindings(text).find((f) => f.ruleId === 'IAM302')!.span.start, text.indexOf('"*"', text.indexOf('ec2:RunInstances')));
      assert.deepEqual(reported(text, 'IAM306').map((f) => f.message), [ESCALATION]);
      assert.deepEqual(reported(text, 'IAM303').map((f) => f.message), [
        'Allow with NotAction grants every action that is not listed, in every service, including actions AWS adds later. List the allowed actions in Action instead.',
      ]);
    });

    it('Action "*" with Resource "*" is administrator access; an unknown Resource is not reported', () => {
      assert.deepEqual(reported(jsonencodePolicy('{ Effect = "Allow", Action = "*", Resource = "*" }'), 'IAM301').map((f) => [f.text, f.message]), [['"*"', ADMIN]]);
      const unknown = jsonencodePolicy('{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = var.resources }');
      assert.deepEqual(signature(tfFindings(unknown)), []);
    });
  });

  describe('IAM401 and IAM402: a resource control policy', () => {
    it('aws_organizations_policy of type RESOURCE_CONTROL_POLICY, in jsonencode and policy_document', () => {
      const encoded = lines(
        'resource "aws_organizations_policy" "rcp" {',
        '  name = "rcp"',
        '  type = "RESOURCE_CONTROL_POLICY"',
        '  content = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Deny"',
        '      Principal = { AWS = "arn:aws:iam::111111111111:root" }',
        '      Action    = ["s3:GetObject", "ec2:RunInstances"]',
        '      Resource  = "*"',
        '    }]',
        '  })',
        '}',
        '',
      );
      assert.deepEqual(reported(encoded, 'IAM401'), [
        {
          id: 'IAM401',
          text: '{ AWS = "arn:aws:iam::111111111111:root" }',
          severity: 'error',
          message:
            'A resource control policy must have "Principal": "*": it applies to every principal that reaches the resources. Limit whom the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalArn.',
        },
      ]);
      assert.deepEqual(reported(encoded, 'IAM402'), [
        {
          id: 'IAM402',
          text: '"ec2:RunInstances"',
          severity: 'error',
          message: 'Resource control policies do not apply to Amazon EC2 (ec2): "ec2:RunInstances" has no effect here. Remove it, and use an SCP or the resource\'s own policy for it.',
        },
      ]);
      // The same content as a service control policy (the default type) is not an RCP.
      assert.deepEqual(reported(encoded.replace('  type = "RESOURCE_CONTROL_POLICY"\n', ''), 'IAM401'), []);

      const document = lines(
        'data "aws_iam_policy_document" "rcp" {',
        '  statement {',
        '    effect    = "Deny"',
        '    actions   = ["lambda:InvokeFunction", "s3:PutObject"]',
        '    resources = ["*"]',
        '    not_principals {',
        '      type        = "AWS"',
        '      identifiers = ["arn:aws:iam::111111111111:root"]',
        '    }',
        '  }',
        '}',
        '',
        'resource "aws_organizations_policy" "rcp" {',
        '  name    = "rcp"',
        '  type    = "RESOURCE_CONTROL_POLICY"',
        '  content = data.aws_iam_policy_document.rcp.json',
        '}',
        '',
      );
      assert.deepEqual(reported(document, 'IAM401').map((f) => [f.text, f.message]), [
        [
          'not_principals',
          'A resource control policy cannot use not_principals: write "Principal": "*" and limit whom the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalArn.',
        ],
      ]);
      assert.deepEqual(reported(document, 'IAM402').map((f) => [f.text, f.message]), [
        [
          '"lambda:InvokeFunction"',
          'Resource control policies do not apply to AWS Lambda (lambda): "lambda:InvokeFunction" has no effect here. Remove it, and use an SCP or the resource\'s own policy for it.',
        ],
      ]);
    });
  });

  describe('IAM403 policy-size-quota', () => {
    const actions = (count: number): string => Array.from({ length: count }, (_, i) => `"s3:GetObject${i}"`).join(', ');
    const sized = (type: string, count: number, extra = ''): string =>
      lines(
        `resource "${type}" "big" {`,
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect   = "Allow"',
        `      Action   = [${actions(count)}]`,
        `      Resource = "*"${extra}`,
        '    }]',
        '  })',
        '}',
        '',
      );

    /** The length of the JSON jsonencode writes for `sized(…, count)`: no whitespace. */
    const sent = (count: number): number =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: count }, (_, i) => `s3:GetObject${i}`), Resource: '*' }] }).length;

    it('aws_iam_policy via jsonencode over 6,144 characters; the JSON Terraform would send is what counts', () => {
      assert.equal(sent(350), 6273);
      assert.deepEqual(reported(sized('aws_iam_policy', 350), 'IAM403'), [
        {
          id: 'IAM403',
          text: '{',
          severity: 'error',
          message:
            'The policy is 6,273 characters without whitespace, over the 6,144 AWS accepts for a managed policy. Split it into several policies, or shorten it (fewer statements, wildcards such as s3:Get*).',
        },
      ]);
      assert.equal(sent(340), 6093);
      assert.deepEqual(reported(sized('aws_iam_policy', 340), 'IAM403'), []);
    });

    it('aws_iam_role_policy counts against 10,240 and aws_iam_user_policy against 2,048', () => {
      assert.deepEqual(reported(sized('aws_iam_role_policy', 570), 'IAM403'), [], `${sent(570)} characters`);
      assert.equal(sent(580), 10413);
      assert.deepEqual(reported(sized('aws_iam_role_policy', 580), 'IAM403').map((f) => f.message), [
        'The policy is 10,413 characters without whitespace, over the 10,240 AWS accepts for the inline policies of a role (all of them together). Split it into several policies, or shorten it (fewer statements, wildcards such as s3:Get*).',
      ]);
      assert.equal(sent(120), 2133);
      assert.deepEqual(reported(sized('aws_iam_user_policy', 120), 'IAM403').map((f) => f.message), [
        'The policy is 2,133 characters without whitespace, over the 2,048 AWS accepts for the inline policies of a user (all of them together). Split it into several policies, or shorten it (fewer statements, wildcards such as s3:Get*).',
      ]);
      assert.deepEqual(reported(sized('aws_iam_user_policy', 110), 'IAM403'), [], `${sent(110)} characters`);
    });

    it('a policy holding a var. value has no known size: no finding', () => {
      assert.deepEqual(reported(sized('aws_iam_policy', 350, '\n      Sid      = var.sid'), 'IAM403'), []);
    });
  });

  describe('the same policy in JSON, jsonencode and policy_document', () => {
    const SECURITY = new Set(RULES.filter((r) => /^IAM[234]/.test(r.id)).map((r) => r.id));

    /** Each security finding as id, severity, message and the element it is on, by JSON name. */
    function described(uri: string, text: string): string[] {
      const { file, findings } = analyze(uri, text, WORKSPACE);
      return findings.filter((f: Finding) => SECURITY.has(f.ruleId)).map((f) => `${element(file, f)} · ${f.severity} · ${f.message}`);
    }

    it('an identity policy', () => {
      const json = JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' },
            { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
            { Effect: 'Allow', Action: ['ec2:RunInstances', 'sts:AssumeRole'], Resource: '*' },
          ],
        },
        null,
        2,
      );
      const encoded = jsonencodePolicy(
        '{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::bucket/*" }',
        '{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }',
        '{ Effect = "Allow", Action = ["ec2:RunInstances", "sts:AssumeRole"], Resource = "*" }',
      );
      const document = documentPolicy(
        ['actions   = ["s3:*"]', 'resources = ["arn:aws:s3:::bucket/*"]'],
        ['effect    = "Allow"', 'actions   = ["iam:PassRole"]', 'resources = ["*"]'],
        ['actions   = ["ec2:RunInstances", "sts:AssumeRole"]', 'resources = ["*"]'],
      );
      const expected = described('file:///repo/prod/app.json', json);
      assert.deepEqual(
        expected.map((line) => line.split(' · ')[0]),
        ['IAM301 statement 1 Action value', 'IAM304 statement 2 Action value', 'IAM306 statement 2 Action value', 'IAM305 statement 3 Action value', 'IAM302 statement 3 Resource value'],
      );
      assert.deepEqual(described(PROD_TF, encoded), expected);
      assert.deepEqual(described(PROD_TF, document), expected);
    });

    it('a role trust policy', () => {
      const json = JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
            { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:role/ci' }, Action: 'sts:AssumeRole' },
            {
              Effect: 'Allow',
              Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' } },
            },
            { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        null,
        2,
      );
      const encoded = lines(
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [',
        '      { Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = { Bool = { "aws:SecureTransport" = "true" } } },',
        '      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::222222222222:role/ci" }, Action = "sts:AssumeRole" },',
        '      {',
        '        Effect    = "Allow"',
        '        Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }',
        '        Action    = "sts:AssumeRoleWithWebIdentity"',
        '        Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:org/*" } }',
        '      },',
        '      { Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sts:AssumeRole" },',
        '    ]',
        '  })',
        '}',
        '',
      );
      const principals = (type: string, identifier: string): string[] => ['principals {', `  type        = "${type}"`, `  identifiers = ["${identifier}"]`, '}'];
      const document = lines(
        'data "aws_iam_policy_document" "trust" {',
        ...[
          ['actions = ["sts:AssumeRole"]', ...principals('AWS', '*'), 'condition {', '  test     = "Bool"', '  variable = "aws:SecureTransport"', '  values   = ["true"]', '}'],
          ['actions = ["sts:AssumeRole"]', ...principals('AWS', 'arn:aws:iam::222222222222:role/ci')],
          [
            'actions = ["sts:AssumeRoleWithWebIdentity"]',
            ...principals('Federated', 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'),
            'condition {',
            '  test     = "StringLike"',
            '  variable = "token.actions.githubusercontent.com:sub"',
            '  values   = ["repo:org/*"]',
            '}',
          ],
          ['actions = ["sts:AssumeRole"]', ...principals('Service', 'events.amazonaws.com')],
        ].flatMap((body) => ['  statement {', ...body.map((line) => `    ${line}`), '  }']),
        '}',
        '',
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = data.aws_iam_policy_document.trust.json',
        '}',
        '',
      );
      const expected = described('file:///repo/prod/ci-trust.json', json);
      assert.deepEqual(
        expected.map((line) => line.split(' · ').slice(0, 2).join(' · ')),
        [
          'IAM201 statement 1 Principal value identifiers · warning',
          'IAM202 statement 2 Principal value identifiers · warning',
          'IAM206 statement 3 Principal value identifiers · warning',
          'IAM205 statement 3 Condition value values · error',
          'IAM208 statement 4 Principal value identifiers · info',
        ],
      );
      assert.deepEqual(described(PROD_TF, encoded), expected);
      assert.deepEqual(described(PROD_TF, document), expected);
    });
  });

  describe('fix all', () => {
    const TEXT = lines(
      'data "aws_iam_policy_document" "trust" {',
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "AWS"',
      '      identifiers = ["*"]',
      '    }',
      '  }',
      '',
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "Service"',
      '      identifiers = ["events.amazonaws.com"]',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_iam_role" "ci" {',
      '  assume_role_policy = data.aws_iam_policy_document.trust.json',
      '}',
      '',
      'resource "aws_iam_role" "open" {',
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [',
      '      {',
      '        Effect    = "Allow"',
      '        Principal = "*"',
      '        Action    = "sts:AssumeRole"',
      '      },',
      '    ]',
      '  })',
      '}',
      '',
    );
    const ORG_BLOCK = ['    condition {', '      test     = "StringEquals"', '      variable = "aws:PrincipalOrgID"', '      values   = ["o-a1b2c3d4e5"]', '    }'];
    const ORG_MEMBER = ['        Condition = {', '          StringEquals = {', '            "aws:PrincipalOrgID" = "o-a1b2c3d4e5"', '          }', '        }'];

    it('per rule: both IAM201 findings, in a policy_document and in jsonencode, fixed at once', () => {
      const all = fixAllForRule(tfFindings(TEXT).filter((f) => f.ruleId === 'IAM201'));
      assert.ok(all);
      assert.equal(all.title, 'Fix all "trust-wildcard-principal" problems in this file');
      const fixed = applyEdits(TEXT, all.edits);
      const rows = TEXT.split('\n');
      assert.equal(fixed, [...rows.slice(0, 7), ...ORG_BLOCK, ...rows.slice(7, 30), ...ORG_MEMBER, ...rows.slice(30)].join('\n'));
      assert.deepEqual(tfFindings(fixed).map((f) => f.ruleId), ['IAM208']);
    });

    it('source.fixAll.iamAtlas: every fixable finding of the file', () => {
      const before = tfFindings(TEXT);
      assert.deepEqual(before.map((f) => f.ruleId), ['IAM201', 'IAM208', 'IAM201']);
      const all = fixAllInFile(before);
      assert.ok(all);
      const fixed = applyEdits(TEXT, all.edits);
      const source = ['    condition {', '      test     = "StringEquals"', '      variable = "aws:SourceAccount"', '      values   = ["111111111111"]', '    }'];
      const rows = TEXT.split('\n');
      assert.equal(fixed, [...rows.slice(0, 7), ...ORG_BLOCK, ...rows.slice(7, 15), ...source, ...rows.slice(15, 30), ...ORG_MEMBER, ...rows.slice(30)].join('\n'));
      assert.deepEqual(tfFindings(fixed), []);
    });
  });
});
