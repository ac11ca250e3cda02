/**
 * The security quick-fixes on JSON end to end (apply, compare the exact text, analyse again: the
 * finding is gone and nothing new appeared), fix-all, and the condition builders on Terraform text
 * (jsonencode objects and policy_document blocks) with hand-made statements.
 */
import * as assert from 'node:assert/strict';
import { AnalysisOptions } from '../../server/src/core/analyze';
import { Finding } from '../../server/src/core/findings';
import { addCondition, addConditionBlock } from '../../server/src/core/fixes/conditions';
import { replaceEveryone } from '../../server/src/core/fixes/principals';
import { ConditionOperator, Key, Member, PolicyDocument, PrincipalValue, Scalar, Span, Statement, ValueList } from '../../server/src/core/model';
import { fixAllForRule } from '../../server/src/lsp/code-actions';
import { applyEdits, findings } from './helpers';
import { WORKSPACE, signature } from './terraform-security-helpers';

// The same organisation as the Terraform security tests: prod/ and dev/ accounts and one vendor.
const OPTIONS: AnalysisOptions = WORKSPACE;
const URI = 'file:///repo/prod/roles/trust.json';

function analyse(text: string, options = OPTIONS): Finding[] {
  return findings(text, URI, options);
}

/**
 * Applies the fix (the first, or the one with `title`) of the rule's first finding, checks that
 * the finding is gone and that nothing appeared that was not there before, and returns the text.
 */
function fixOnce(text: string, ruleId: string, title?: string, options = OPTIONS): string {
  const before = analyse(text, options);
  const finding = before.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes[0];
  assert.ok(fix, `no fix ${title ?? ''}; got ${finding.fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyEdits(text, fix.edits);
  const after = analyse(fixed, options);
  const expected = signature(before.filter((f) => f !== finding));
  assert.deepEqual(signature(after), expected, 'the finding is gone and nothing new appeared');
  return fixed;
}

function trust(statement: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] }, null, 2);
}

/** The trust policy `trust()` writes, with the statement's tail lines given. */
function expected(...statementLines: string[]): string {
  return ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', ...statementLines.map((l) => `      ${l}`), '    }', '  ]', '}'].join('\n');
}

const GITHUB = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

describe('security fixes (JSON)', () => {
  it('IAM201: adds aws:PrincipalOrgID from the configuration as a new Condition', () => {
    assert.equal(
      fixOnce(trust({ Principal: '*' }), 'IAM201', 'Add condition aws:PrincipalOrgID = "o-a1b2c3d4e5"'),
      expected(
        '"Effect": "Allow",',
        '"Action": "sts:AssumeRole",',
        '"Principal": "*",',
        '"Condition": {',
        '  "StringEquals": {',
        '    "aws:PrincipalOrgID": "o-a1b2c3d4e5"',
        '  }',
        '}',
      ),
    );
  });

  it('IAM201: without organizationId the fix writes a placeholder', () => {
    const finding = analyse(trust({ Principal: '*' }), {}).find((f) => f.ruleId === 'IAM201')!;
    assert.deepEqual(finding.fixes.map((f) => f.title), [
      'Add condition aws:PrincipalOrgID (placeholder organisation id)',
      'Replace "*" with an account root principal (placeholder account)',
    ]);
    assert.match(applyEdits(trust({ Principal: '*' }), finding.fixes[0]!.edits), /"aws:PrincipalOrgID": "o-xxxxxxxxxx"/);
  });

  it('IAM201: adds an operator to an existing Condition, and merges into an existing operator', () => {
    const withBool = trust({ Principal: { AWS: '*' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    assert.equal(
      fixOnce(withBool, 'IAM201'),
      expected(
        '"Effect": "Allow",',
        '"Action": "sts:AssumeRole",',
        '"Principal": {',
        '  "AWS": "*"',
        '},',
        '"Condition": {',
        '  "Bool": {',
        '    "aws:MultiFactorAuthPresent": "true"',
        '  },',
        '  "StringEquals": {',
        '    "aws:PrincipalOrgID": "o-a1b2c3d4e5"',
        '  }',
        '}',
      ),
    );
    const withEquals = trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } } });
    assert.equal(
      fixOnce(withEquals, 'IAM201'),
      expected(
        '"Effect": "Allow",',
        '"Action": "sts:AssumeRole",',
        '"Principal": {',
        '  "AWS": "*"',
        '},',
        '"Condition": {',
        '  "StringEquals": {',
        '    "aws:PrincipalTag/team": "ops",',
        '    "aws:PrincipalOrgID": "o-a1b2c3d4e5"',
        '  }',
        '}',
      ),
    );
  });

  it('IAM201: replaces a bare "*" with an account root placeholder', () => {
    assert.equal(
      fixOnce(trust({ Principal: '*' }), 'IAM201', 'Replace "*" with an account root principal (placeholder account)'),
      expected('"Effect": "Allow",', '"Action": "sts:AssumeRole",', '"Principal": {', '  "AWS": "arn:aws:iam::ACCOUNT_ID:root"', '}'),
    );
  });

  it('keeps a tab-indented file in tabs', () => {
    const text = '{\n\t"Version": "2012-10-17",\n\t"Statement": [{\n\t\t"Effect": "Allow",\n\t\t"Principal": "*",\n\t\t"Action": "sts:AssumeRole"\n\t}]\n}';
    assert.equal(
      fixOnce(text, 'IAM201'),
      '{\n\t"Version": "2012-10-17",\n\t"Statement": [{\n\t\t"Effect": "Allow",\n\t\t"Principal": "*",\n\t\t"Action": "sts:AssumeRole",\n\t\t"Condition": {\n\t\t\t"StringEquals": {\n\t\t\t\t"aws:PrincipalOrgID": "o-a1b2c3d4e5"\n\t\t\t}\n\t\t}\n\t}]\n}',
    );
  });

  it('writes a condition on the line of a statement written on one line', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}';
    assert.equal(
      fixOnce(text, 'IAM201'),
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}',
    );
  });

  it('IAM202 and IAM203: organisation id and external id conditions', () => {
    const cross = fixOnce(trust({ Principal: { AWS: 'arn:aws:iam::222222222222:role/ci' } }), 'IAM202');
    assert.match(cross, /"Condition": \{\n {8}"StringEquals": \{\n {10}"aws:PrincipalOrgID": "o-a1b2c3d4e5"\n {8}\}\n {6}\}/);
    const vendor = fixOnce(trust({ Principal: { AWS: '999988887777' } }), 'IAM203');
    assert.equal(
      vendor,
      expected(
        '"Effect": "Allow",',
        '"Action": "sts:AssumeRole",',
        '"Principal": {',
        '  "AWS": "999988887777"',
        '},',
        '"Condition": {',
        '  "StringEquals": {',
        '    "sts:ExternalId": "EXTERNAL_ID_FROM_THIRD_PARTY"',
        '  }',
        '}',
      ),
    );
  });

  it('IAM205 and IAM206: GitHub sub placeholder, then aud into the same operator', () => {
    const text = trust({ Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity' });
    const withSub = fixOnce(text, 'IAM205');
    const withBoth = fixOnce(withSub, 'IAM206');
    assert.equal(
      withBoth,
      expected(
        '"Effect": "Allow",',
        '"Action": "sts:AssumeRoleWithWebIdentity",',
        '"Principal": {',
        `  "Federated": "${GITHUB}"`,
        '},',
        '"Condition": {',
        '  "StringEquals": {',
        '    "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main",',
        '    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"',
        '  }',
        '}',
      ),
    );
    assert.deepEqual(analyse(withBoth), []);
  });

  it('IAM206 leaves a StringLike sub alone and adds StringEquals beside it', () => {
    const text = trust({ Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } } });
    assert.match(
      fixOnce(text, 'IAM206'),
      /"StringLike": \{\n {10}"token\.actions\.githubusercontent\.com:sub": "repo:o\/r:\*"\n {8}\},\n {8}"StringEquals": \{\n {10}"token\.actions\.githubusercontent\.com:aud": "sts\.amazonaws\.com"\n {8}\}/,
    );
  });

  it('IAM207 and IAM208: SAML audience, and aws:SourceAccount with the account of the file', () => {
    const saml = fixOnce(trust({ Principal: { Federated: 'arn:aws:iam::111111111111:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' }), 'IAM207');
    assert.match(saml, /"SAML:aud": "https:\/\/signin\.aws\.amazon\.com\/saml"/);
    const service = fixOnce(trust({ Principal: { Service: 'events.amazonaws.com' } }), 'IAM208', 'Add condition aws:SourceAccount = "111111111111"');
    assert.match(service, /"StringEquals": \{\n {10}"aws:SourceAccount": "111111111111"\n {8}\}/);
    const unknownAccount = analyse(trust({ Principal: { Service: 'events.amazonaws.com' } }), {}).find((f) => f.ruleId === 'IAM208')!;
    assert.deepEqual(unknownAccount.fixes.map((f) => f.title), ['Add condition aws:SourceAccount (placeholder account)']);
  });

  it('offers no fix that would touch a key already in the operator', () => {
    // A weak value already there: the rule reports it, but adding the key again would clobber it.
    const text = trust({ Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': '*' } } });
    const finding = analyse(text).find((f) => f.ruleId === 'IAM205')!;
    assert.deepEqual(finding.fixes, []);
  });

  it('fix all in file: one edit per statement, every finding gone', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:TagSession' },
        ],
      },
      null,
      2,
    );
    const all = fixAllForRule(analyse(text).filter((f) => f.ruleId === 'IAM201'));
    assert.ok(all);
    assert.equal(all.edits.length, 2);
    const fixed = applyEdits(text, all.edits);
    assert.deepEqual(analyse(fixed), []);
  });
});

// Terraform text with hand-made statements: the Terraform parser builds these models on its branch.

function at(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

function key(text: string, name: string, written: string, from = 0): Key {
  return { name, span: at(text, written, from) };
}

function single(text: string, value: string, from = 0): ValueList {
  const span = at(text, JSON.stringify(value), from);
  return { form: 'single', items: [{ type: 'string', text: value, span }], span };
}

function document(syntax: PolicyDocument['syntax']): PolicyDocument {
  return { uri: 'file:///x.tf', kind: 'trust', syntax, span: { start: 0, end: 0 }, statements: [], keys: [], syntaxErrors: [], origin: { kindReason: 'terraform' } };
}

function blockStatement(span: Span, condition?: Member<{ form: 'map'; operators: ConditionOperator[]; keys: Key[]; span: Span }>): Statement {
  return { index: 0, span, isObject: true, keys: [], ...(condition ? { condition } : {}) };
}

describe('condition builders on Terraform text', () => {
  it('jsonencode: adds a Condition to a statement object, keys quoted where HCL needs it', () => {
    const text = [
      'resource "aws_iam_role" "ci" {',
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "Allow"',
      '      Principal = { AWS = "*" }',
      '      Action    = "sts:AssumeRole"',
      '    }]',
      '  })',
      '}',
    ].join('\n');
    const open = text.indexOf('[{') + 1;
    const statement = blockStatement({ start: open, end: text.indexOf('}]') + 1 });
    const edit = addCondition(text, document('jsonencode'), statement, { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] });
    assert.ok(edit);
    assert.equal(
      applyEdits(text, [edit]),
      [
        'resource "aws_iam_role" "ci" {',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = { AWS = "*" }',
        '      Action    = "sts:AssumeRole"',
        '      Condition = {',
        '        StringEquals = {',
        '          "aws:PrincipalOrgID" = "o-a1b2c3d4e5"',
        '        }',
        '      }',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
    );
  });

  it('jsonencode: merges a key into an existing operator object', () => {
    const text = [
      'x = jsonencode({',
      '  Statement = [{',
      '    Effect = "Allow"',
      '    Condition = {',
      '      StringLike = {',
      '        "token.actions.githubusercontent.com:sub" = "repo:o/r:*"',
      '      }',
      '    }',
      '  }]',
      '})',
    ].join('\n');
    const operatorKey = key(text, 'StringLike', 'StringLike');
    const operatorEnd = text.indexOf('}', operatorKey.span.end) + 1;
    const entryKey = key(text, 'token.actions.githubusercontent.com:sub', '"token.actions.githubusercontent.com:sub"');
    const operator: ConditionOperator = {
      operator: operatorKey,
      form: 'map',
      entries: [{ key: entryKey, value: single(text, 'repo:o/r:*'), span: { start: entryKey.span.start, end: at(text, '"repo:o/r:*"').end } }],
      keys: [entryKey],
      span: { start: operatorKey.span.start, end: operatorEnd },
    };
    const conditionKey = key(text, 'Condition', 'Condition');
    const conditionOpen = text.indexOf('{', conditionKey.span.end);
    const conditionEnd = text.indexOf('}', operatorEnd) + 1;
    const statement = blockStatement(
      { start: text.indexOf('[{') + 1, end: text.indexOf('}]') + 1 },
      { key: conditionKey, value: { form: 'map', operators: [operator], keys: [operatorKey], span: { start: conditionOpen, end: conditionEnd } }, span: { start: conditionKey.span.start, end: conditionEnd } },
    );
    const merged = addCondition(text, document('jsonencode'), statement, { operator: 'StringLike', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] });
    assert.equal(
      applyEdits(text, [merged!]),
      [
        'x = jsonencode({',
        '  Statement = [{',
        '    Effect = "Allow"',
        '    Condition = {',
        '      StringLike = {',
        '        "token.actions.githubusercontent.com:sub" = "repo:o/r:*"',
        '        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"',
        '      }',
        '    }',
        '  }]',
        '})',
      ].join('\n'),
    );
    const added = addCondition(text, document('jsonencode'), statement, { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] });
    assert.equal(
      applyEdits(text, [added!]).split('\n').slice(4, 11).join('\n'),
      [
        '      StringLike = {',
        '        "token.actions.githubusercontent.com:sub" = "repo:o/r:*"',
        '      }',
        '      StringEquals = {',
        '        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"',
        '      }',
        '    }',
      ].join('\n'),
    );
    assert.equal(
      addCondition(text, document('jsonencode'), statement, { operator: 'StringLike', key: 'token.actions.githubusercontent.com:sub', values: ['x'] }),
      undefined,
      'a key already in the operator is never overwritten',
    );
  });

  it('policy_document: inserts an aligned condition block after the last line of the statement block', () => {
    const text = [
      'data "aws_iam_policy_document" "trust" {',
      '  statement {',
      '    effect  = "Allow"',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "AWS"',
      '      identifiers = ["*"]',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const start = text.indexOf('  statement') + 2;
    const statement = blockStatement({ start, end: text.lastIndexOf('  }') + 3 });
    const edit = addConditionBlock(text, statement, { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] });
    assert.equal(
      applyEdits(text, [edit!]),
      [
        'data "aws_iam_policy_document" "trust" {',
        '  statement {',
        '    effect  = "Allow"',
        '    actions = ["sts:AssumeRole"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["*"]',
        '    }',
        '    condition {',
        '      test     = "StringEquals"',
        '      variable = "aws:PrincipalOrgID"',
        '      values   = ["o-a1b2c3d4e5"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    // addCondition routes policy-document statements to the block builder.
    assert.deepEqual(addCondition(text, document('policy-document'), statement, { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] }), edit);
  });

  it('policy_document: follows tabs, refuses a duplicate test/variable pair and one-line blocks', () => {
    const text = 'data "aws_iam_policy_document" "t" {\n\tstatement {\n\t\tcondition {\n\t\t\ttest     = "StringEquals"\n\t\t\tvariable = "sts:ExternalId"\n\t\t\tvalues   = ["abc"]\n\t\t}\n\t}\n}';
    const start = text.indexOf('statement');
    const span = { start, end: text.lastIndexOf('\t}') + 2 };
    const testKey = key(text, 'StringEquals', '"StringEquals"');
    const variable = key(text, 'sts:ExternalId', '"sts:ExternalId"');
    const conditionStart = text.indexOf('condition');
    const conditionEnd = text.indexOf('\t\t}') + 3;
    const operator: ConditionOperator = {
      operator: testKey,
      form: 'map',
      entries: [{ key: variable, value: single(text, 'abc'), span: { start: variable.span.start, end: at(text, '["abc"]').end } }],
      keys: [variable],
      span: { start: conditionStart, end: conditionEnd },
    };
    const conditionKey: Key = { name: 'condition', span: { start: conditionStart, end: conditionStart + 9 } };
    const statement = blockStatement(span, { key: conditionKey, value: { form: 'map', operators: [operator], keys: [testKey], span: { start: conditionStart, end: conditionEnd } }, span: { start: conditionStart, end: conditionEnd } });
    assert.equal(addConditionBlock(text, statement, { operator: 'StringEquals', key: 'sts:ExternalId', values: ['other'] }), undefined);
    const edit = addConditionBlock(text, statement, { operator: 'StringEquals', key: 'aws:SourceAccount', values: ['111111111111'] });
    assert.equal(
      applyEdits(text, [edit!]),
      'data "aws_iam_policy_document" "t" {\n\tstatement {\n\t\tcondition {\n\t\t\ttest     = "StringEquals"\n\t\t\tvariable = "sts:ExternalId"\n\t\t\tvalues   = ["abc"]\n\t\t}\n\t\tcondition {\n\t\t\ttest     = "StringEquals"\n\t\t\tvariable = "aws:SourceAccount"\n\t\t\tvalues   = ["111111111111"]\n\t\t}\n\t}\n}',
    );
    const oneLine = 'data "aws_iam_policy_document" "t" { statement { effect = "Allow" } }';
    const inner = oneLine.indexOf('statement');
    assert.equal(addConditionBlock(oneLine, blockStatement({ start: inner, end: oneLine.lastIndexOf('}') - 1 }), { operator: 'StringEquals', key: 'k', values: ['v'] }), undefined);
  });

  it('replaces "*" principals in every syntax', () => {
    const arn = 'arn:aws:iam::ACCOUNT_ID:root';
    // policy_document: principals { type = "*" identifiers = ["*"] }
    const block = 'principals {\n  type        = "*"\n  identifiers = ["*"]\n}';
    const typeKey = key(block, '*', '"*"');
    const star: Scalar = { type: 'string', text: '*', span: at(block, '"*"', block.indexOf('[')) };
    const entry: Member<ValueList> = { key: typeKey, value: { form: 'array', items: [star], span: at(block, '["*"]') }, span: { start: 0, end: block.length } };
    const principal: Member<PrincipalValue> = { key: { name: 'principals', span: at(block, 'principals') }, value: { form: 'map', entries: [entry], span: { start: 0, end: block.length } }, span: { start: 0, end: block.length } };
    const edits = replaceEveryone(block, document('policy-document'), principal, { type: '*', scalar: star, entry }, arn);
    assert.equal(applyEdits(block, edits!), 'principals {\n  type        = "AWS"\n  identifiers = ["arn:aws:iam::ACCOUNT_ID:root"]\n}');
    // jsonencode: Principal = "*"
    const hcl = 'x = {\n  Principal = "*"\n}';
    const bare: Scalar = { type: 'string', text: '*', span: at(hcl, '"*"') };
    const hclPrincipal: Member<PrincipalValue> = { key: key(hcl, 'Principal', 'Principal'), value: { form: 'wildcard', scalar: bare, entries: [], span: bare.span }, span: { start: 6, end: bare.span.end } };
    const hclEdits = replaceEveryone(hcl, document('jsonencode'), hclPrincipal, { type: '*', scalar: bare }, arn);
    assert.equal(applyEdits(hcl, hclEdits!), 'x = {\n  Principal = {\n    AWS = "arn:aws:iam::ACCOUNT_ID:root"\n  }\n}');
  });
});
