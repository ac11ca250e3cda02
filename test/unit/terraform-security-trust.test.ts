/**
 * The trust rules IAM201-IAM209 on Terraform, end to end: roles written with `jsonencode`, with
 * `aws_iam_policy_document` blocks and with JSON heredocs, each finding by id, covered text and
 * message, and each fix applied, compared as text, and analysed again.
 */
import * as assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { fixTf, lines, reported, tfFindings } from './terraform-security-helpers';

/** A role whose trust policy is `jsonencode`d, with the statement's members given line by line. */
function jsonencodeRole(...members: string[]): string {
  return lines(
    'resource "aws_iam_role" "ci" {',
    '  name = "ci"',
    '  assume_role_policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    ...members.map((m) => `      ${m}`),
    '    }]',
    '  })',
    '}',
    '',
  );
}

/** A role whose trust policy is a policy_document data source, its statement body given line by line. */
function documentRole(...body: string[]): string {
  return lines(
    'data "aws_iam_policy_document" "trust" {',
    '  statement {',
    ...body.map((line) => `    ${line}`),
    '  }',
    '}',
    '',
    'resource "aws_iam_role" "ci" {',
    '  name               = "ci"',
    '  assume_role_policy = data.aws_iam_policy_document.trust.json',
    '}',
    '',
  );
}

const WILDCARD_ERROR =
  'Principal "*" lets a principal of any AWS account assume this role. Add an aws:PrincipalOrgID (or aws:PrincipalAccount, aws:PrincipalArn) condition, or name the principals that may assume it.';
const WILDCARD_WEAK =
  'Principal "*" is limited only by conditions that do not bound the caller: a principal of any AWS account that meets them can assume this role. Add an aws:PrincipalOrgID (or aws:PrincipalAccount, aws:PrincipalArn) condition, or name the principals.';
const ORG_FIX = 'Add condition aws:PrincipalOrgID = "o-a1b2c3d4e5"';
const REPLACE_FIX = 'Replace "*" with an account root principal (placeholder account)';
const GITHUB = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

describe('trust rules in Terraform', () => {
  before(() => initTerraform());

  describe('IAM201 trust-wildcard-principal', () => {
    it('jsonencode Principal = "*": an error on "*", fixed by a new Condition or by naming an account', () => {
      const text = jsonencodeRole('Effect    = "Allow"', 'Principal = "*"', 'Action    = "sts:AssumeRole"');
      assert.deepEqual(reported(text, 'IAM201'), [{ id: 'IAM201', text: '"*"', message: WILDCARD_ERROR, severity: 'error' }]);
      assert.equal(
        fixTf(text, 'IAM201', ORG_FIX),
        jsonencodeRole(
          'Effect    = "Allow"',
          'Principal = "*"',
          'Action    = "sts:AssumeRole"',
          'Condition = {',
          '  StringEquals = {',
          '    "aws:PrincipalOrgID" = "o-a1b2c3d4e5"',
          '  }',
          '}',
        ),
      );
      assert.equal(
        fixTf(text, 'IAM201', REPLACE_FIX),
        jsonencodeRole('Effect    = "Allow"', 'Principal = {', '  AWS = "arn:aws:iam::ACCOUNT_ID:root"', '}', 'Action    = "sts:AssumeRole"'),
      );
    });

    it('jsonencode Principal = { AWS = "*" }: the ARN replaces only the "*"', () => {
      const text = jsonencodeRole('Effect    = "Allow"', 'Principal = { AWS = "*" }', 'Action    = "sts:AssumeRole"');
      assert.deepEqual(reported(text, 'IAM201').map((f) => [f.text, f.severity]), [['"*"', 'error']]);
      assert.equal(
        fixTf(text, 'IAM201', ORG_FIX),
        jsonencodeRole(
          'Effect    = "Allow"',
          'Principal = { AWS = "*" }',
          'Action    = "sts:AssumeRole"',
          'Condition = {',
          '  StringEquals = {',
          '    "aws:PrincipalOrgID" = "o-a1b2c3d4e5"',
          '  }',
          '}',
        ),
      );
      assert.equal(
        fixTf(text, 'IAM201', REPLACE_FIX),
        jsonencodeRole('Effect    = "Allow"', 'Principal = { AWS = "arn:aws:iam::ACCOUNT_ID:root" }', 'Action    = "sts:AssumeRole"'),
      );
    });

    it('policy_document principals { type = "*" identifiers = ["*"] }: a new condition block, or type "AWS" with the ARN', () => {
      const principals = ['principals {', '  type        = "*"', '  identifiers = ["*"]', '}'];
      const text = documentRole('effect  = "Allow"', 'actions = ["sts:AssumeRole"]', ...principals);
      assert.deepEqual(reported(text, 'IAM201'), [{ id: 'IAM201', text: '"*"', message: WILDCARD_ERROR, severity: 'error' }]);
      assert.equal(tfFindings(text).find((f) => f.ruleId === 'IAM201')!.span.start, text.indexOf('["*"]') + 1, 'on the identifier');
      assert.equal(
        fixTf(text, 'IAM201', ORG_FIX),
        documentRole(
          'effect  = "Allow"',
          'actions = ["sts:AssumeRole"]',
          ...principals,
          'condition {',
          '  test     = "StringEquals"',
          '  variable = "aws:PrincipalOrgID"',
          '  values   = ["o-a1b2c3d4e5"]',
          '}',
        ),
      );
      assert.equal(
        fixTf(text, 'IAM201', REPLACE_FIX),
        documentRole('effect  = "Allow"', 'actions = ["sts:AssumeRole"]', 'principals {', '  type        = "AWS"', '  identifiers = ["arn:aws:iam::ACCOUNT_ID:root"]', '}'),
      );
    });

    it('a policy_document statement without effect is an Allow', () => {
      const text = documentRole('actions = ["sts:AssumeRole"]', 'principals {', '  type        = "AWS"', '  identifiers = ["*"]', '}');
      assert.deepEqual(reported(text, 'IAM201').map((f) => [f.text, f.severity]), [['"*"', 'error']]);
    });

    it('policy_document: a weak condition (Bool, or an IfExists operator) gives a warning; an unknown one nothing', () => {
      const star = ['effect  = "Allow"', 'actions = ["sts:AssumeRole"]', 'principals {', '  type        = "AWS"', '  identifiers = ["*"]', '}'];
      const condition = (test: string, variable: string, values: string): string[] => ['condition {', `  test     = ${test}`, `  variable = ${variable}`, `  values   = ${values}`, '}'];
      const bool = documentRole(...star, ...condition('"Bool"', '"aws:SecureTransport"', '["true"]'));
      assert.deepEqual(reported(bool, 'IAM201'), [{ id: 'IAM201', text: '"*"', message: WILDCARD_WEAK, severity: 'warning' }]);
      const ifExists = documentRole(...star, ...condition('"StringEqualsIfExists"', '"aws:PrincipalOrgID"', '["o-a1b2c3d4e5"]'));
      assert.deepEqual(reported(ifExists, 'IAM201').map((f) => [f.text, f.severity, f.message]), [['"*"', 'warning', WILDCARD_WEAK]]);
      const bounded = documentRole(...star, ...condition('"StringEquals"', '"aws:PrincipalOrgID"', '["o-a1b2c3d4e5"]'));
      assert.deepEqual(reported(bounded, 'IAM201'), []);
      assert.deepEqual(reported(documentRole(...star, ...condition('"StringEquals"', 'var.x', '["o-a1b2c3d4e5"]')), 'IAM201'), [], 'variable = var.x');
      assert.deepEqual(reported(documentRole(...star, ...condition('"StringEquals"', '"aws:PrincipalOrgID"', '[var.org]')), 'IAM201'), [], 'values = [var.org]');
    });
  });

  describe('IAM202 and IAM203: accounts from the workspace configuration', () => {
    it('IAM202 in jsonencode: the fix merges aws:PrincipalOrgID into the existing StringEquals', () => {
      const text = jsonencodeRole(
        'Effect    = "Allow"',
        'Principal = { AWS = "arn:aws:iam::222222222222:role/ci" }',
        'Action    = "sts:AssumeRole"',
        'Condition = {',
        '  StringEquals = {',
        '    "aws:PrincipalTag/team" = "platform"',
        '  }',
        '}',
      );
      assert.deepEqual(reported(text, 'IAM202'), [
        {
          id: 'IAM202',
          text: '"arn:aws:iam::222222222222:role/ci"',
          severity: 'warning',
          message:
            '"arn:aws:iam::222222222222:role/ci" is in another account of the organisation, 222222222222 (dev), and the statement does not require the caller to be in the organisation. Add an aws:PrincipalOrgID condition, so the trust ends if that account leaves the organisation.',
        },
      ]);
      assert.equal(
        fixTf(text, 'IAM202'),
        jsonencodeRole(
          'Effect    = "Allow"',
          'Principal = { AWS = "arn:aws:iam::222222222222:role/ci" }',
          'Action    = "sts:AssumeRole"',
          'Condition = {',
          '  StringEquals = {',
          '    "aws:PrincipalTag/team" = "platform"',
          '    "aws:PrincipalOrgID" = "o-a1b2c3d4e5"',
          '  }',
          '}',
        ),
      );
      // The same role in the dev account trusts its own account: nothing to say.
      assert.deepEqual(reported(text, 'IAM202', undefined, 'file:///repo/dev/iam.tf'), []);
      // A file no account's paths match: same-account cannot be told from cross-account.
      assert.deepEqual(reported(text, 'IAM202', undefined, 'file:///repo/shared/iam.tf'), []);
    });

    it('IAM203 in policy_document: a vendor without sts:ExternalId; the fix adds a second condition block', () => {
      const principal = ['principals {', '  type        = "AWS"', '  identifiers = ["arn:aws:iam::999988887777:root"]', '}'];
      const mfa = ['condition {', '  test     = "Bool"', '  variable = "aws:MultiFactorAuthPresent"', '  values   = ["true"]', '}'];
      const text = documentRole('effect  = "Allow"', 'actions = ["sts:AssumeRole"]', ...principal, ...mfa);
      assert.deepEqual(reported(text, 'IAM203'), [
        {
          id: 'IAM203',
          text: '"arn:aws:iam::999988887777:root"',
          severity: 'warning',
          message:
            'The vendor Acme Monitoring (999988887777) is trusted without an sts:ExternalId condition: a third party that acts for several customers can be tricked into using this role for someone else (the confused deputy). Add an sts:ExternalId condition with the ID the third party gave you.',
        },
      ]);
      assert.equal(
        fixTf(text, 'IAM203'),
        documentRole(
          'effect  = "Allow"',
          'actions = ["sts:AssumeRole"]',
          ...principal,
          ...mfa,
          'condition {',
          '  test     = "StringEquals"',
          '  variable = "sts:ExternalId"',
          '  values   = ["EXTERNAL_ID_FROM_THIRD_PARTY"]',
          '}',
        ),
      );
    });

    it('IAM202 in policy_document: the fix adds a condition block beside the one there', () => {
      const principal = ['principals {', '  type        = "AWS"', '  identifiers = ["arn:aws:iam::222222222222:role/ci"]', '}'];
      const tag = ['condition {', '  test     = "StringEquals"', '  variable = "aws:PrincipalTag/team"', '  values   = ["platform"]', '}'];
      const text = documentRole('effect  = "Allow"', 'actions = ["sts:AssumeRole"]', ...principal, ...tag);
      assert.deepEqual(reported(text, 'IAM202').map((f) => [f.text, f.severity]), [['"arn:aws:iam::222222222222:role/ci"', 'warning']]);
      assert.equal(
        fixTf(text, 'IAM202'),
        documentRole(
          'effect  = "Allow"',
          'actions = ["sts:AssumeRole"]',
          ...principal,
          ...tag,
          'condition {',
          '  test     = "StringEquals"',
          '  variable = "aws:PrincipalOrgID"',
          '  values   = ["o-a1b2c3d4e5"]',
          '}',
        ),
      );
    });

    it('IAM203 in jsonencode: a vendor; the fix merges sts:ExternalId into the existing StringEquals', () => {
      const text = jsonencodeRole(
        'Effect    = "Allow"',
        'Principal = { AWS = "arn:aws:iam::999988887777:root" }',
        'Action    = "sts:AssumeRole"',
        'Condition = {',
        '  StringEquals = {',
        '    "aws:PrincipalTag/team" = "platform"',
        '  }',
        '}',
      );
      assert.deepEqual(reported(text, 'IAM203').map((f) => f.text), ['"arn:aws:iam::999988887777:root"']);
      assert.equal(
        fixTf(text, 'IAM203'),
        jsonencodeRole(
          'Effect    = "Allow"',
          'Principal = { AWS = "arn:aws:iam::999988887777:root" }',
          'Action    = "sts:AssumeRole"',
          'Condition = {',
          '  StringEquals = {',
          '    "aws:PrincipalTag/team" = "platform"',
          '    "sts:ExternalId" = "EXTERNAL_ID_FROM_THIRD_PARTY"',
          '  }',
          '}',
        ),
      );
    });

    it('IAM203 in jsonencode: an account outside the organisation', () => {
      const text = jsonencodeRole('Effect    = "Allow"', 'Principal = { AWS = "333344445555" }', 'Action    = "sts:AssumeRole"');
      assert.deepEqual(reported(text, 'IAM203').map((f) => [f.text, f.message]), [
        [
          '"333344445555"',
          'Account 333344445555 is outside the organisation and is trusted without an sts:ExternalId condition: a third party that acts for several customers can be tricked into using this role for someone else (the confused deputy). Add an sts:ExternalId condition with the ID the third party gave you.',
        ],
      ]);
      assert.equal(
        fixTf(text, 'IAM203'),
        jsonencodeRole(
          'Effect    = "Allow"',
          'Principal = { AWS = "333344445555" }',
          'Action    = "sts:AssumeRole"',
          'Condition = {',
          '  StringEquals = {',
          '    "sts:ExternalId" = "EXTERNAL_ID_FROM_THIRD_PARTY"',
          '  }',
          '}',
        ),
      );
    });
  });

  describe('IAM205 and IAM206: GitHub Actions OIDC', () => {
    const NO_SUB =
      'Any GitHub Actions workflow, in any repository of any owner, can assume this role: the statement has no token.actions.githubusercontent.com:sub condition. Add one naming the repository and branch or environment, such as "repo:OWNER/REPO:ref:refs/heads/main".';
    const WIDE_SUB =
      'The token.actions.githubusercontent.com:sub condition does not bound who can assume this role ("repo:org/*" matches too much under StringLike): GitHub Actions tokens of other repositories pass it. Write the repository out ("repo:OWNER/REPO:…") and use a wildcard only after it.';
    const NO_AUD =
      'The statement has no token.actions.githubusercontent.com:aud condition: GitHub Actions tokens issued for other audiences than AWS STS are accepted too. Add token.actions.githubusercontent.com:aud = "sts.amazonaws.com".';

    it('jsonencode: sub missing is an error; its fix, then the aud fix, fill one StringEquals', () => {
      const members = ['Effect    = "Allow"', `Principal = { Federated = "${GITHUB}" }`, 'Action    = "sts:AssumeRoleWithWebIdentity"'];
      const text = jsonencodeRole(...members);
      assert.deepEqual(reported(text, 'IAM205'), [{ id: 'IAM205', text: `"${GITHUB}"`, message: NO_SUB, severity: 'error' }]);
      assert.deepEqual(reported(text, 'IAM206'), [{ id: 'IAM206', text: `"${GITHUB}"`, message: NO_AUD, severity: 'warning' }]);
      const withSub = fixTf(text, 'IAM205');
      assert.equal(
        fixTf(withSub, 'IAM206'),
        jsonencodeRole(
          ...members,
          'Condition = {',
          '  StringEquals = {',
          '    "token.actions.githubusercontent.com:sub" = "repo:OWNER/REPO:ref:refs/heads/main"',
          '    "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"',
          '  }',
          '}',
        ),
      );
    });

    it('jsonencode: StringLike "repo:org/*" is an error on the value; adding aud keeps the StringLike sub', () => {
      const members = [
        'Effect    = "Allow"',
        `Principal = { Federated = "${GITHUB}" }`,
        'Action    = "sts:AssumeRoleWithWebIdentity"',
        'Condition = {',
        '  StringLike = { "token.actions.githubusercontent.com:sub" = "repo:org/*" }',
        '}',
      ];
      const text = jsonencodeRole(...members);
      assert.deepEqual(reported(text, 'IAM205'), [{ id: 'IAM205', text: '"repo:org/*"', message: WIDE_SUB, severity: 'error' }]);
      assert.deepEqual(tfFindings(text).find((f) => f.ruleId === 'IAM205')!.fixes, [], 'a written sub is never overwritten');
      assert.equal(
        fixTf(text, 'IAM206'),
        jsonencodeRole(
          ...members.slice(0, 5),
          '  StringEquals = {',
          '    "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"',
          '  }',
          '}',
        ),
      );
    });

    it('policy_document: sub missing is fixed with a condition block; aud adds a second one beside the sub', () => {
      const head = ['effect  = "Allow"', 'actions = ["sts:AssumeRoleWithWebIdentity"]', 'principals {', '  type        = "Federated"', `  identifiers = ["${GITHUB}"]`, '}'];
      const text = documentRole(...head);
      assert.deepEqual(reported(text, 'IAM205').map((f) => [f.text, f.message]), [[`"${GITHUB}"`, NO_SUB]]);
      const sub = ['condition {', '  test     = "StringEquals"', '  variable = "token.actions.githubusercontent.com:sub"', '  values   = ["repo:OWNER/REPO:ref:refs/heads/main"]', '}'];
      const withSub = fixTf(text, 'IAM205');
      assert.equal(withSub, documentRole(...head, ...sub));
      const aud = ['condition {', '  test     = "StringEquals"', '  variable = "token.actions.githubusercontent.com:aud"', '  values   = ["sts.amazonaws.com"]', '}'];
      assert.equal(fixTf(withSub, 'IAM206'), documentRole(...head, ...sub, ...aud));
    });

    it('policy_document: StringLike "repo:org/*" is an error on the value token', () => {
      const wide = ['condition {', '  test     = "StringLike"', '  variable = "token.actions.githubusercontent.com:sub"', '  values   = ["repo:org/*"]', '}'];
      const head = ['effect  = "Allow"', 'actions = ["sts:AssumeRoleWithWebIdentity"]', 'principals {', '  type        = "Federated"', `  identifiers = ["${GITHUB}"]`, '}'];
      const text = documentRole(...head, ...wide);
      assert.deepEqual(reported(text, 'IAM205'), [{ id: 'IAM205', text: '"repo:org/*"', message: WIDE_SUB, severity: 'error' }]);
      const fixed = fixTf(text, 'IAM206');
      assert.equal(
        fixed,
        documentRole(...head, ...wide, 'condition {', '  test     = "StringEquals"', '  variable = "token.actions.githubusercontent.com:aud"', '  values   = ["sts.amazonaws.com"]', '}'),
      );
      const exact = fixed.replace('"repo:org/*"', '"repo:org/app:ref:refs/heads/main"');
      assert.deepEqual(reported(exact, 'IAM205'), []);
    });
  });

  describe('IAM207 and IAM208', () => {
    const SAML = 'arn:aws:iam::111111111111:saml-provider/Okta';

    it('IAM207 SAML without SAML:aud, in both syntaxes', () => {
      const message =
        'The statement has no SAML:aud condition: SAML assertions the identity provider issued for other destinations are accepted too. Add SAML:aud = "https://signin.aws.amazon.com/saml".';
      const members = ['Effect    = "Allow"', `Principal = { Federated = "${SAML}" }`, 'Action    = "sts:AssumeRoleWithSAML"'];
      const encoded = jsonencodeRole(...members);
      assert.deepEqual(reported(encoded, 'IAM207'), [{ id: 'IAM207', text: `"${SAML}"`, message, severity: 'warning' }]);
      assert.equal(
        fixTf(encoded, 'IAM207'),
        jsonencodeRole(...members, 'Condition = {', '  StringEquals = {', '    "SAML:aud" = "https://signin.aws.amazon.com/saml"', '  }', '}'),
      );
      const head = ['actions = ["sts:AssumeRoleWithSAML"]', 'principals {', '  type        = "Federated"', `  identifiers = ["${SAML}"]`, '}'];
      const document = documentRole(...head);
      assert.deepEqual(reported(document, 'IAM207'), [{ id: 'IAM207', text: `"${SAML}"`, message, severity: 'warning' }]);
      assert.equal(
        fixTf(document, 'IAM207'),
        documentRole(...head, 'condition {', '  test     = "StringEquals"', '  variable = "SAML:aud"', '  values   = ["https://signin.aws.amazon.com/saml"]', '}'),
      );
    });

    it('IAM208 service without aws:SourceAccount: the fix writes the account of the file from paths', () => {
      const message =
        'events.amazonaws.com can be made to assume this role on behalf of resources in other accounts (the cross-service confused deputy). Add an aws:SourceAccount condition with this role\'s account (111111111111), or aws:SourceArn with the resource that uses the role.';
      const members = ['Effect    = "Allow"', 'Principal = { Service = "events.amazonaws.com" }', 'Action    = "sts:AssumeRole"'];
      const encoded = jsonencodeRole(...members);
      assert.deepEqual(reported(encoded, 'IAM208'), [{ id: 'IAM208', text: '"events.amazonaws.com"', message, severity: 'info' }]);
      assert.equal(
        fixTf(encoded, 'IAM208', 'Add condition aws:SourceAccount = "111111111111"'),
        jsonencodeRole(...members, 'Condition = {', '  StringEquals = {', '    "aws:SourceAccount" = "111111111111"', '  }', '}'),
      );
      const head = ['effect  = "Allow"', 'actions = ["sts:AssumeRole"]', 'principals {', '  type        = "Service"', '  identifiers = ["events.amazonaws.com"]', '}'];
      const document = documentRole(...head);
      assert.deepEqual(reported(document, 'IAM208').map((f) => [f.text, f.message]), [['"events.amazonaws.com"', message]]);
      assert.equal(
        fixTf(document, 'IAM208', 'Add condition aws:SourceAccount = "111111111111"'),
        documentRole(...head, 'condition {', '  test     = "StringEquals"', '  variable = "aws:SourceAccount"', '  values   = ["111111111111"]', '}'),
      );
      // Outside every account's paths, the account is a placeholder.
      const elsewhere = tfFindings(document, undefined, 'file:///repo/shared/iam.tf').find((f) => f.ruleId === 'IAM208')!;
      assert.deepEqual(elsewhere.fixes.map((f) => f.title), ['Add condition aws:SourceAccount (placeholder account)']);
      // An EC2 or Lambda execution role is not at risk.
      assert.deepEqual(reported(document.replace('events.amazonaws.com', 'lambda.amazonaws.com'), 'IAM208'), []);
    });
  });

  describe('IAM209 trust-not-principal', () => {
    const notPrincipals = ['not_principals {', '  type        = "AWS"', '  identifiers = ["arn:aws:iam::111111111111:role/admin"]', '}'];

    it('not_principals with effect = "Allow" is an error on the block name, and so is one without effect', () => {
      const message =
        'Allow with not_principals grants access to every principal that is not listed, in every account, anonymous callers included. Name the principals that need access in Principal instead.';
      const allow = documentRole('effect  = "Allow"', 'actions = ["sts:AssumeRole"]', ...notPrincipals);
      assert.deepEqual(reported(allow, 'IAM209'), [{ id: 'IAM209', text: 'not_principals', message, severity: 'error' }]);
      const implicit = documentRole('actions = ["sts:AssumeRole"]', ...notPrincipals);
      assert.deepEqual(reported(implicit, 'IAM209').map((f) => [f.text, f.severity]), [['not_principals', 'error']]);
    });

    it('Deny with not_principals is explained; NotPrincipal in jsonencode is read alike', () => {
      const deny = documentRole('effect  = "Deny"', 'actions = ["sts:AssumeRole"]', ...notPrincipals);
      assert.deepEqual(reported(deny, 'IAM209').map((f) => [f.text, f.severity]), [['not_principals', 'info']]);
      const encoded = jsonencodeRole('Effect       = "Allow"', 'NotPrincipal = { AWS = "arn:aws:iam::111111111111:role/admin" }', 'Action       = "sts:AssumeRole"');
      assert.deepEqual(reported(encoded, 'IAM209').map((f) => [f.text, f.severity]), [['NotPrincipal', 'error']]);
    });
  });

  describe('JSON in heredocs', () => {
    it('a ${...} in a condition is unknown: the rules stay quiet', () => {
      const text = lines(
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = <<EOF',
        '{',
        '  "Version": "2012-10-17",',
        '  "Statement": [',
        '    {',
        '      "Effect": "Allow",',
        '      "Principal": "*",',
        '      "Action": "sts:AssumeRole",',
        '      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "${var.org_id}" } }',
        '    }',
        '  ]',
        '}',
        'EOF',
        '}',
        '',
      );
      assert.deepEqual(tfFindings(text), []);
    });

    it('a fix inside a heredoc is written as JSON where it stands, the ${...} beside it untouched', () => {
      const text = lines(
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = <<-EOT',
        '    {',
        '      "Version": "2012-10-17",',
        '      "Statement": [',
        '        {',
        '          "Effect": "Allow",',
        '          "Principal": { "Service": "events.amazonaws.com" },',
        '          "Action": "sts:AssumeRole",',
        '          "Condition": { "ArnLike": { "aws:SourceArn": "${aws_cloudwatch_event_rule.x.arn}" } }',
        '        },',
        '        {',
        '          "Effect": "Allow",',
        `          "Principal": { "Federated": "${GITHUB}" },`,
        '          "Action": "sts:AssumeRoleWithWebIdentity",',
        '          "Condition": {',
        '            "StringEquals": {',
        '              "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"',
        '            }',
        '          }',
        '        }',
        '      ]',
        '    }',
        '  EOT',
        '}',
        '',
      );
      assert.deepEqual(reported(text, 'IAM208'), [], 'the ${...} SourceArn bounds the service');
      assert.deepEqual(reported(text, 'IAM205').map((f) => f.text), [`"${GITHUB}"`]);
      const fixed = fixTf(text, 'IAM205');
      assert.equal(
        fixed,
        text.replace(
          '"sts.amazonaws.com"\n',
          '"sts.amazonaws.com",\n              "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main"\n',
        ),
      );
      assert.deepEqual(tfFindings(fixed), []);
    });

    it('a fix inside a quoted string is escaped for it', () => {
      const text = lines(
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": \\"*\\"}, \\"Action\\": \\"sts:AssumeRole\\"}]}"',
        '}',
        '',
      );
      assert.deepEqual(reported(text, 'IAM201').map((f) => f.text), ['\\"*\\"']);
      assert.equal(
        fixTf(text, 'IAM201', ORG_FIX),
        lines(
          'resource "aws_iam_role" "ci" {',
          '  assume_role_policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": \\"*\\"}, \\"Action\\": \\"sts:AssumeRole\\", \\"Condition\\": {\\"StringEquals\\": {\\"aws:PrincipalOrgID\\": \\"o-a1b2c3d4e5\\"}}}]}"',
          '}',
          '',
        ),
      );
    });
  });
});
