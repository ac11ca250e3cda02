/** Each fix: apply it, compare the exact text, analyse again, and see the finding gone with nothing new. */
import * as assert from 'node:assert/strict';
import { Finding } from '../../server/src/core/findings';
import { insertMember } from '../../server/src/core/fixes/members';
import { applyEdits, findings } from './helpers';

function fixOnce(text: string, ruleId: string, title?: string): string {
  const finding = findings(text).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes[0];
  assert.ok(fix, `expected a fix${title ? ` titled ${title}` : ''}; got ${finding.fixes.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

function ids(list: Finding[]): string[] {
  return list.map((f) => f.ruleId);
}

describe('grammar fixes', () => {
  it('adds a missing Version with the file indentation', () => {
    const text = '{\n    "Statement": [\n        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }\n    ]\n}';
    const fixed = fixOnce(text, 'IAM002', 'Add "Version": "2012-10-17"');
    assert.equal(fixed, '{\n    "Version": "2012-10-17",\n    "Statement": [\n        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }\n    ]\n}');
    assert.deepEqual(ids(findings(fixed)), []);
  });

  it('adds a missing Version to a one-line policy on the same line', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    const fixed = fixOnce(text, 'IAM002');
    assert.equal(fixed, '{ "Version": "2012-10-17","Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
    assert.deepEqual(ids(findings(fixed)), []);
  });

  it('replaces an outdated or invalid Version', () => {
    const base = '{"Version": "VERSION", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    for (const [version, rule] of [['2008-10-17', 'IAM004'], ['2021-01-01', 'IAM003']] as const) {
      const fixed = fixOnce(base.replace('VERSION', version), rule);
      assert.equal(fixed, base.replace('VERSION', '2012-10-17'));
      assert.deepEqual(ids(findings(fixed)), []);
    }
  });

  it('corrects the case of Effect', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "deny", "Action": "s3:GetObject", "Resource": "*"}]}';
    const fixed = fixOnce(text, 'IAM006');
    assert.equal(fixed, text.replace('"deny"', '"Deny"'));
    assert.deepEqual(ids(findings(fixed)), []);
  });

  it('renames a misspelled key, choosing among the candidates', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "action": "s3:GetObject", "Resource": "*"}]}';
    const fixed = fixOnce(text, 'IAM012', 'Rename to "Action"');
    assert.equal(fixed, text.replace('"action"', '"Action"'));
    assert.deepEqual(ids(findings(fixed)), []);
  });

  it('strips characters IAM refuses from a Sid', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "read-only access", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    const fixed = fixOnce(text, 'IAM011');
    assert.equal(fixed, text.replace('"read-only access"', '"readonlyaccess"'));
    assert.deepEqual(ids(findings(fixed)), []);
  });
});

describe('member insertion', () => {
  it('appends to a multi-line JSON object after its last member', () => {
    const text = '{\n  "a": 1,\n  "b": [2]\n}';
    const edit = insertMember(text, { start: 0, end: text.length }, 'json', 'Condition', { Bool: { 'aws:SecureTransport': 'true' } }, 'last');
    assert.equal(
      applyEdits(text, [edit]),
      '{\n  "a": 1,\n  "b": [2],\n  "Condition": {\n    "Bool": {\n      "aws:SecureTransport": "true"\n    }\n  }\n}',
    );
  });

  it('appends to a jsonencode object in HCL, quoting keys that are not identifiers', () => {
    const text = 'x = jsonencode({\n  Effect = "Allow"\n  Action = "s3:*"\n})';
    const open = text.indexOf('{');
    const edit = insertMember(text, { start: open, end: text.lastIndexOf('}') + 1 }, 'jsonencode', 'Condition', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }, 'last');
    assert.equal(
      applyEdits(text, [edit]),
      'x = jsonencode({\n  Effect = "Allow"\n  Action = "s3:*"\n  Condition = {\n    StringEquals = {\n      "aws:PrincipalOrgID" = "o-abc"\n    }\n  }\n})',
    );
  });

  it('fills an empty object and escapes template markers in HCL strings', () => {
    const text = 'y = {}';
    const edit = insertMember(text, { start: 4, end: 6 }, 'jsonencode', 'Resource', 'arn:aws:s3:::b/${aws:username}', 'first');
    assert.equal(applyEdits(text, [edit]), 'y = {\n  Resource = "arn:aws:s3:::b/$${aws:username}"\n}');
  });
});
