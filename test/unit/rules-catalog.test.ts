/**
 * The catalog rules (IAM101-IAM108), each with a policy it must fail and one it must pass: the
 * assertions name the rule id, the exact text the finding covers and its message; fixes are applied
 * and the result analysed again.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, findings, seen } from './helpers';

const statement = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", ${body} }\n  ]\n}`;

/** Applies the fix titled `title` of the rule's only finding and returns the new text. */
function applyFix(text: string, ruleId: string, title: string): string {
  const matches = findings(text).filter((f) => f.ruleId === ruleId);
  assert.equal(matches.length, 1, `one ${ruleId} finding`);
  const fix = matches[0]!.fixes.find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" among ${matches[0]!.fixes.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

function fixTitles(text: string, ruleId: string): string[] {
  return findings(text).filter((f) => f.ruleId === ruleId).flatMap((f) => f.fixes.map((fix) => fix.title));
}

describe('catalog rules', () => {
  it('a policy of known names passes every catalog rule', () => {
    const ok = statement(
      '"Action": ["s3:GetObject", "s3:List*", "sts:assumerole"], "Resource": ["arn:aws:s3:::reports/*", "arn:aws:iam::111122223333:role/reader"], ' +
        '"Condition": { "Bool": { "aws:SecureTransport": "true" }, "StringEquals": { "aws:ResourceTag/team": "blue", "s3:prefix": "home/" }, ' +
        '"ForAnyValue:StringEquals": { "aws:TagKeys": ["team"] }, "StringLike": { "token.actions.githubusercontent.com:sub": "repo:org/*" }, ' +
        '"Null": { "aws:TagKeys": "false" } }',
    );
    for (let id = 101; id <= 108; id++) assert.deepEqual(seen(ok, `IAM${id}`), [], `IAM${id}`);
  });

  it('IAM101 unknown-service: an unknown prefix, with a fix per close prefix', () => {
    const text = statement('"Action": ["s4:GetObject", "GetObject"], "Resource": "*"');
    assert.deepEqual(seen(text, 'IAM101'), [
      {
        id: 'IAM101',
        text: '"s4:GetObject"',
        message: 'Unknown service prefix "s4" in "s4:GetObject": no AWS service has it, so the action never matches. Did you mean "s3"?',
        severity: 'error',
      },
      { id: 'IAM101', text: '"GetObject"', message: '"GetObject" is not an action: write it as service:Action, such as "s3:GetObject".', severity: 'error' },
    ]);
    assert.deepEqual(fixTitles(statement('"Action": "s4:GetObject", "Resource": "*"'), 'IAM101'), ['Change to "s3:GetObject"']);
    const fixed = applyFix(statement('"Action": "s4:GetObject", "Resource": "*"'), 'IAM101', 'Change to "s3:GetObject"');
    assert.equal(fixed, statement('"Action": "s3:GetObject", "Resource": "*"'));
    assert.deepEqual(findings(fixed).filter((f) => f.ruleId.startsWith('IAM1')), []);
    assert.deepEqual(seen(statement('"Action": ["*", "S3:GetObject", "*:GetObject"], "Resource": "*"'), 'IAM101'), []);
  });

  it('IAM102 unknown-action: an action its service lacks, with did-you-mean fixes', () => {
    const text = statement('"Action": "s3:GetObjekt", "Resource": "*"');
    assert.deepEqual(seen(text, 'IAM102'), [
      {
        id: 'IAM102',
        text: '"s3:GetObjekt"',
        message: 'Unknown action "s3:GetObjekt": Amazon S3 has no action "GetObjekt", so it never matches. Did you mean "GetObject"?',
        severity: 'warning',
      },
    ]);
    assert.equal(fixTitles(text, 'IAM102')[0], 'Change to "s3:GetObject"');
    const fixed = applyFix(text, 'IAM102', 'Change to "s3:GetObject"');
    assert.equal(fixed, statement('"Action": "s3:GetObject", "Resource": "*"'));
    assert.deepEqual(seen(fixed, 'IAM102'), []);
    assert.deepEqual(seen(statement('"Action": "s3:Xyzzyplugh", "Resource": "*"'), 'IAM102').map((f) => f.message), [
      'Unknown action "s3:Xyzzyplugh": Amazon S3 has no action "Xyzzyplugh", so it never matches. Check the name in the Service Authorization Reference.',
    ]);
    assert.deepEqual(seen(statement('"NotAction": "iam:CreateUzer", "Resource": "*"'), 'IAM102').map((f) => f.text), ['"iam:CreateUzer"']);
    assert.deepEqual(seen(statement('"Action": ["s3:getobject", "s3:Get*"], "Resource": "*"'), 'IAM102'), [], 'case and wildcards are not unknown');
  });

  it('IAM103 wildcard-no-match: a pattern that matches no action', () => {
    assert.deepEqual(seen(statement('"Action": ["s3:Gett*", "s3:Get*", "sts:AssumeRole?ith*"], "Resource": "*"'), 'IAM103'), [
      {
        id: 'IAM103',
        text: '"s3:Gett*"',
        message: '"s3:Gett*" matches no action of Amazon S3: the statement does nothing for it. Fix the pattern (hover an action to see its name).',
        severity: 'error',
      },
    ]);
    assert.deepEqual(seen(statement('"Action": "*:Xyzzy*", "Resource": "*"'), 'IAM103').map((f) => f.message), [
      '"*:Xyzzy*" matches no action of any service: the statement does nothing for it. Fix the pattern (hover an action to see its name).',
    ]);
    assert.deepEqual(seen(statement('"Action": "s4:Get*", "Resource": "*"'), 'IAM103'), [], 'an unknown service is IAM101\'s');
  });

  it('IAM104 unknown-condition-key: unknown global and service keys, with fixes', () => {
    const text = statement('"Action": "s3:ListBucket", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransprt": "true" } }');
    assert.deepEqual(seen(text, 'IAM104'), [
      {
        id: 'IAM104',
        text: '"aws:SecureTransprt"',
        message: 'Unknown condition key "aws:SecureTransprt": AWS has no global key of that name, so it is absent from every request. Did you mean "aws:SecureTransport"?',
        severity: 'warning',
      },
    ]);
    const fixed = applyFix(text, 'IAM104', 'Change to "aws:SecureTransport"');
    assert.equal(fixed, text.replace('aws:SecureTransprt', 'aws:SecureTransport'));
    assert.deepEqual(seen(fixed, 'IAM104'), []);
    const service = statement('"Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefx": "home/", "s9:thing": "x" } }');
    assert.deepEqual(seen(service, 'IAM104').map((f) => [f.text, f.message]), [
      ['"s3:prefx"', 'Unknown condition key "s3:prefx": Amazon S3 has no such key, so it is absent from every request. Did you mean "s3:prefix"?'],
      ['"s9:thing"', 'Condition key "s9:thing" has an unknown prefix: use a global key (aws:…), a service key (s3:…) or an identity provider key. An unknown key is absent from every request.'],
    ]);
    const fine = statement(
      '"Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "AWS:SOURCEIP": "x", "aws:RequestTag/aws:cloudformation:stack-name": "x", "saml:aud": "x", ' +
        '"secretsmanager:ResourceTag/owner": "x", "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "x", "token.actions.githubusercontent.com/acme:actor": "x" } }',
    );
    assert.deepEqual(seen(fine, 'IAM104'), []);
  });

  it('IAM105 unknown-condition-operator: errors with fixes, a case-only difference as a warning', () => {
    const text = statement('"Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringEqual": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }');
    assert.deepEqual(seen(text, 'IAM105'), [
      {
        id: 'IAM105',
        text: '"StringEqual"',
        message: '"StringEqual" is not a condition operator: AWS rejects the policy. Did you mean "StringEquals"?',
        severity: 'error',
      },
    ]);
    const fixed = applyFix(text, 'IAM105', 'Change to "StringEquals"');
    assert.equal(fixed, text.replace('"StringEqual"', '"StringEquals"'));
    assert.deepEqual(seen(fixed, 'IAM105'), []);
    assert.deepEqual(seen(statement('"Action": "s3:ListBucket", "Resource": "*", "Condition": { "stringequals": { "aws:PrincipalOrgID": "o-1" }, "NullIfExists": { "aws:TagKeys": "true" }, "ForAllValues:Null": { "aws:TagKeys": "true" } }'), 'IAM105').map((f) => [f.text, f.severity, f.message]), [
      ['"stringequals"', 'warning', 'Condition operator "stringequals" is spelled "StringEquals" by AWS: write it that way.'],
      ['"NullIfExists"', 'error', '"NullIfExists" is not a condition operator: Null takes no IfExists suffix and no set prefix, as it tests whether the key exists. Use "Null".'],
      ['"ForAllValues:Null"', 'error', '"ForAllValues:Null" is not a condition operator: Null takes no IfExists suffix and no set prefix, as it tests whether the key exists. Use "Null".'],
    ]);
  });

  it('IAM106 condition-operator-type: an operator of another type than its key', () => {
    const text = statement(
      '"Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:SecureTransport": "true" }, "Bool": { "aws:PrincipalOrgID": "true" }, "DateGreaterThan": { "aws:MultiFactorAuthAge": "3600" } }',
    );
    assert.deepEqual(seen(text, 'IAM106'), [
      {
        id: 'IAM106',
        text: '"aws:SecureTransport"',
        message: 'StringEquals compares strings, but "aws:SecureTransport" holds a boolean: the condition does not test what it seems to. Use "Bool", or another operator of that type.',
        severity: 'warning',
      },
      {
        id: 'IAM106',
        text: '"aws:PrincipalOrgID"',
        message: 'Bool compares booleans, but "aws:PrincipalOrgID" holds a string: the condition does not test what it seems to. Use "StringEquals" or "ArnLike", or another operator of that type.',
        severity: 'warning',
      },
      {
        id: 'IAM106',
        text: '"aws:MultiFactorAuthAge"',
        message: 'DateGreaterThan compares dates, but "aws:MultiFactorAuthAge" holds a number: the condition does not test what it seems to. Use "NumericLessThan", or another operator of that type.',
        severity: 'warning',
      },
    ]);
    const fine = statement(
      '"Action": "s3:GetObject", "Resource": "*", "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": "false" }, "StringEquals": { "aws:SourceArn": "arn:aws:s3:::b" }, ' +
        '"ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/x" }, "NumericLessThan": { "aws:EpochTime": "1" }, "DateLessThan": { "aws:EpochTime": "2030-01-01T00:00:00Z" }, "Null": { "aws:SecureTransport": "true" } }',
    );
    assert.deepEqual(seen(fine, 'IAM106'), []);
  });

  it('IAM107 condition-set-operator: a set operator on a single value, a list without one', () => {
    const single = statement('"Action": "s3:PutObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:RequestTag/team": "blue" } }');
    assert.deepEqual(seen(single, 'IAM107'), [
      {
        id: 'IAM107',
        text: '"ForAllValues:StringEquals"',
        message: 'ForAllValues is for multivalued keys, but "aws:RequestTag/team" holds a single value: with ForAllValues the condition also passes when the key is absent. Use "StringEquals".',
        severity: 'warning',
      },
    ]);
    const fixedSingle = applyFix(single, 'IAM107', 'Change the operator to "StringEquals"');
    assert.equal(fixedSingle, single.replace('"ForAllValues:StringEquals"', '"StringEquals"'));
    assert.deepEqual(seen(fixedSingle, 'IAM107'), []);

    const multi = statement('"Action": "s3:PutObject", "Resource": "*", "Condition": { "StringEquals": { "aws:TagKeys": ["team"] } }');
    assert.deepEqual(seen(multi, 'IAM107'), [
      {
        id: 'IAM107',
        text: '"aws:TagKeys"',
        message: '"aws:TagKeys" holds a list of values: say how they are compared with "ForAnyValue:StringEquals" (any value matches) or "ForAllValues:StringEquals" (every value matches).',
        severity: 'warning',
      },
    ]);
    assert.deepEqual(fixTitles(multi, 'IAM107'), ['Change the operator to "ForAllValues:StringEquals"', 'Change the operator to "ForAnyValue:StringEquals"']);
    assert.deepEqual(seen(applyFix(multi, 'IAM107', 'Change the operator to "ForAnyValue:StringEquals"'), 'IAM107'), []);
    // Two keys under the operator: renaming it would change the other key's meaning, so no fix.
    assert.deepEqual(fixTitles(statement('"Action": "s3:PutObject", "Resource": "*", "Condition": { "StringEquals": { "aws:TagKeys": ["team"], "aws:RequestTag/team": "blue" } }'), 'IAM107'), []);
  });

  it('IAM108 resource-service-mismatch: an ARN no action of the statement acts on', () => {
    const text = statement('"Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": ["arn:aws:dynamodb:eu-west-1:111122223333:table/Orders", "arn:aws:s3:::reports/*"]');
    assert.deepEqual(seen(text, 'IAM108'), [
      {
        id: 'IAM108',
        text: '"arn:aws:s3:::reports/*"',
        message: '"arn:aws:s3:::reports/*" is an ARN of s3, but the statement\'s actions are of dynamodb: none of them acts on it, so it grants nothing. Fix the ARN, or move it to a statement with s3 actions.',
        severity: 'warning',
      },
    ]);
    const quiet = [
      statement('"Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy"'),
      statement('"Action": "*", "Resource": "arn:aws:s3:::reports/*"'),
      statement('"NotAction": "dynamodb:*", "Resource": "arn:aws:s3:::reports/*"'),
      statement('"Action": ["dynamodb:GetItem", "s3:ListAllMyBuckets"], "Resource": "arn:aws:s3:::reports"'),
      statement('"Action": "codestar-connections:UseConnection", "Resource": "arn:aws:codeconnections:eu-west-1:111122223333:connection/abc"'),
    ];
    for (const policy of quiet) assert.deepEqual(seen(policy, 'IAM108'), [], policy);
  });
});
