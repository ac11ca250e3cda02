/**
 * The grammar rules, each with a policy it must pass and one it must fail: the assertions name the
 * rule id, the exact text the finding covers and its message.
 */
import * as assert from 'node:assert/strict';
import { findings, seen } from './helpers';

const ok = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}';

describe('grammar rules', () => {
  it('a well-formed policy passes every grammar rule', () => {
    for (let id = 1; id <= 15; id++) {
      assert.deepEqual(seen(ok, `IAM${String(id).padStart(3, '0')}`), []);
    }
  });

  it('IAM001 json-syntax: syntax errors of a policy file, with their ranges', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}';
    assert.deepEqual(seen(text, 'IAM001'), [
      { id: 'IAM001', text: '}', message: 'Expected a property name in double quotes.', severity: 'error' },
    ]);
    const comment = '{\n  // allow reads\n  "Version": "2012-10-17", "Statement": []\n}';
    assert.deepEqual(seen(comment, 'IAM001').map((f) => [f.text, f.message]), [
      ['// allow reads', 'Comments are not allowed in IAM policy JSON: AWS rejects them.'],
    ]);
    assert.deepEqual(seen('{"name": "app", "version": }', 'IAM001'), [], 'not a policy: no findings');
  });

  it('IAM002 version-missing, with a fix that adds it', () => {
    const text = '{\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}';
    const [finding] = seen(text, 'IAM002');
    assert.equal(finding?.text, '{');
    assert.match(finding!.message, /^Policy has no Version: .* Add "Version": "2012-10-17"\.$/);
    assert.equal(finding!.severity, 'warning');
  });

  it('IAM003 version-invalid', () => {
    const text = ok.replace('2012-10-17', '2024-01-01');
    assert.deepEqual(seen(text, 'IAM003').map((f) => f.text), ['"2024-01-01"']);
    assert.match(seen(text, 'IAM003')[0]!.message, /^"2024-01-01" is not a policy language version: use "2012-10-17"/);
  });

  it('IAM004 version-outdated', () => {
    const text = ok.replace('2012-10-17', '2008-10-17');
    assert.deepEqual(seen(text, 'IAM004').map((f) => [f.text, f.severity]), [['"2008-10-17"', 'warning']]);
    assert.deepEqual(seen(text, 'IAM003'), [], 'the old version is valid, only outdated');
  });

  it('IAM005 statement-missing: absent or empty', () => {
    assert.deepEqual(seen('{"Version": "2012-10-17", "Id": "x"}', 'IAM005').map((f) => [f.text, f.message]), [
      ['{', 'Policy has no Statement: add "Statement": [ ... ] with at least one statement.'],
    ]);
    assert.deepEqual(seen('{"Version": "2012-10-17", "Statement": []}', 'IAM005').map((f) => f.text), ['[]']);
  });

  it('IAM006 effect-invalid: missing, wrong case, unknown word', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"A","Action":"s3:*","Resource":"*"},{"Effect":"allow","Action":"s3:*","Resource":"*"},{"Effect":"Permit","Action":"s3:*","Resource":"*"}]}';
    assert.deepEqual(seen(text, 'IAM006').map((f) => [f.text, f.message]), [
      ['"A"', 'The statement "A" has no Effect: add "Effect": "Allow" or "Effect": "Deny".'],
      ['"allow"', 'Effect "allow" must be written "Allow": AWS matches it case-sensitively.'],
      ['"Permit"', 'Effect "Permit" is not valid: use "Allow" or "Deny".'],
    ]);
  });

  it('IAM007 action-element: neither, or both', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"},{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Delete*","Resource":"*"}]}';
    assert.deepEqual(seen(text, 'IAM007').map((f) => [f.text, f.message]), [
      ['"Effect"', 'The statement 1 has no Action: add Action (or NotAction) listing what it applies to.'],
      ['"NotAction"', 'The statement 2 has both Action and NotAction: keep one of them.'],
    ]);
  });

  it('IAM007 stays quiet when the key is only misspelled (IAM012 reports it with a fix)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","action":"s3:*","Resource":"*"}]}';
    assert.deepEqual(seen(text, 'IAM007'), []);
    assert.deepEqual(seen(text, 'IAM012').map((f) => f.text), ['"action"']);
  });

  it('IAM008 resource-element: required in identity policies, forbidden in trust policies', () => {
    const identity = '{"Version":"2012-10-17","Statement":[{"Sid":"NoResource","Effect":"Allow","Action":"s3:*"}]}';
    assert.deepEqual(seen(identity, 'IAM008').map((f) => [f.text, f.message]), [
      ['"NoResource"', 'The statement "NoResource" has no Resource: add Resource with the ARNs it applies to ("*" only where the actions allow nothing narrower).'],
    ]);
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}';
    assert.deepEqual(seen(trust, 'IAM008').map((f) => [f.text, f.message]), [
      ['"Resource"', 'A role trust policy cannot have Resource: the resource is the role itself. Remove it.'],
    ]);
    const trustOk = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    assert.deepEqual(seen(trustOk, 'IAM008'), []);
  });

  it('IAM009 principal-element: not in an SCP, required in every statement of a trust policy', () => {
    const scp = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}';
    assert.deepEqual(seen(scp, 'IAM009', 'file:///org/scps/deny.json').map((f) => [f.text, f.message]), [
      ['"Principal"', 'A service control policy cannot name a Principal: it applies to the principals it is attached to. Remove it.'],
    ]);
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"},{"Sid":"Second","Effect":"Allow","Action":"sts:TagSession"}]}';
    assert.deepEqual(seen(trust, 'IAM009').map((f) => [f.text, f.message]), [
      ['"Second"', 'The statement "Second" has no Principal: a role trust policy must say whom it applies to.'],
    ]);
  });

  it('IAM010 sid-duplicate points at the second with the first as related', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"Same","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"Same","Effect":"Deny","Action":"s3:*","Resource":"*"}]}';
    const first = text.indexOf('"Same"');
    const second = text.indexOf('"Same"', first + 1);
    const found = findings(text).filter((f) => f.ruleId === 'IAM010');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.message, 'Sid "Same" is already used by another statement: each Sid must be unique in a policy.');
    assert.equal(found[0]!.span.start, second);
    assert.deepEqual(found[0]!.related?.map((r) => [r.span.start, r.message]), [[first, '"Same" first used here']]);
  });

  it('IAM011 sid-invalid: IAM accepts only letters and digits, resource policies are left alone', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"allow-read_1","Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
    assert.deepEqual(seen(text, 'IAM011').map((f) => [f.text, f.message]), [
      ['"allow-read_1"', 'Sid "allow-read_1" may only contain letters A-Z, a-z and digits 0-9.'],
    ]);
    const bucket = '{"Version":"2012-10-17","Statement":[{"Sid":"Allow read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}';
    assert.deepEqual(seen(bucket, 'IAM011'), []);
  });

  it('IAM012 unknown-key at every level, with did-you-mean', () => {
    const text = '{"Version":"2012-10-17","Statment":[],"Statement":[{"Effect":"Allow","Principal":{"aws":"*"},"Actions":"sts:AssumeRole","Foo":1}]}';
    assert.deepEqual(seen(text, 'IAM012').map((f) => [f.text, f.message]), [
      ['"Statment"', '"Statment" is not a valid key at the top of a policy: AWS rejects the policy. Did you mean "Statement"?'],
      ['"aws"', '"aws" is not a valid key in Principal: AWS rejects the policy. Did you mean "AWS"?'],
      ['"Actions"', '"Actions" is not a valid key in a statement: AWS rejects the policy. Did you mean "Action"?'],
      ['"Foo"', '"Foo" is not a valid key in a statement: AWS rejects the policy. Allowed: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition.'],
    ]);
  });

  it('IAM013 empty-array in actions, resources, principals and condition values', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[]},"Action":[],"Resource":["*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":[]}}}]}';
    assert.deepEqual(seen(text, 'IAM013').map((f) => f.message), [
      'Principal AWS is an empty list: AWS rejects it. List at least one value, or remove Principal AWS.',
      'Action is an empty list: AWS rejects it. List at least one value, or remove Action.',
      'Condition key "aws:PrincipalTag/team" is an empty list: AWS rejects it. List at least one value, or remove Condition key "aws:PrincipalTag/team".',
    ]);
  });

  it('IAM014 duplicate-key in the policy, a statement and a condition', () => {
    const text = '{"Version":"2012-10-17","Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Action":"ec2:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true","aws:SecureTransport":"false"}}}]}';
    assert.deepEqual(seen(text, 'IAM014').map((f) => [f.text, f.message]), [
      ['"Version"', '"Version" appears twice in the policy: merge the two into one.'],
      ['"Action"', '"Action" appears twice in the statement: merge the two into one.'],
      ['"aws:SecureTransport"', '"aws:SecureTransport" appears twice under Bool: merge the two into one.'],
    ]);
    assert.equal(seen(text, 'IAM014')[0]!.text, '"Version"');
  });

  it('IAM015 value-type: numbers, objects and lists where they do not belong', () => {
    const text = '{"Version":2012,"Statement":[{"Effect":["Allow"],"Action":[1],"Resource":{"a":1},"Principal":"me","Condition":[]}, "stray"]}';
    assert.deepEqual(seen(text, 'IAM015').map((f) => [f.text, f.message]), [
      ['2012', 'Version must be a string.'],
      ['["Allow"]', 'Effect must be a string.'],
      ['1', 'Each value of Action must be a string.'],
      ['{"a":1}', 'Resource must be a string or a list of strings.'],
      ['"me"', 'Principal must be "*" or an object such as { "AWS": "arn:aws:iam::111122223333:root" }.'],
      ['[]', 'Condition must be an object of operators, such as { "StringEquals": { "aws:PrincipalOrgID": "o-..." } }.'],
      ['"stray"', 'The statement 2 must be an object: { "Effect": ..., "Action": ..., ... }.'],
    ]);
  });
});
