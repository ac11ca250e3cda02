import * as assert from 'node:assert/strict';
import { PolicyDocument, Span, spanText } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import { buildPolicyFromJson, parseJsonTree } from '../../server/src/core/parse/json';

const TEXT = `{
  "Version": "2012-10-17",
  "Id": "ExamplePolicy",
  "Statement": [
    {
      "Sid": "AllowRead",
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "222233334444"], "Service": "ec2.amazonaws.com" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": { "sts:ExternalId": "abc", "aws:PrincipalOrgID": ["o-1234567890"] },
        "Bool": { "aws:SecureTransport": true }
      }
    },
    {
      "Effect": "Deny",
      "NotPrincipal": "*",
      "NotAction": ["s3:*"],
      "NotResource": "arn:aws:s3:::bucket/*"
    }
  ]
}`;

function only(text: string, uri = 'file:///p/policy.json'): PolicyDocument {
  const file = parse(uri, text);
  assert.equal(file.documents.length, 1);
  return file.documents[0]!;
}

const at = (span: Span | undefined): string => (span ? spanText(TEXT, span) : '<none>');

describe('JSON parser', () => {
  it('reads every element with the span of its source text', () => {
    const doc = only(TEXT);
    assert.equal(doc.syntax, 'json');
    assert.equal(doc.kind, 'trust');
    assert.equal(doc.origin.kindReason, 'content');
    assert.equal(at(doc.span), TEXT);
    assert.equal(at(doc.version?.value.span), '"2012-10-17"');
    assert.equal(doc.version?.value.text, '2012-10-17');
    assert.equal(at(doc.version?.key.span), '"Version"');
    assert.equal(at(doc.version?.span), '"Version": "2012-10-17"');
    assert.equal(doc.id?.value.text, 'ExamplePolicy');
    assert.equal(doc.statement?.value.form, 'array');
    assert.deepEqual(doc.keys.map((k) => k.name), ['Version', 'Id', 'Statement']);

    const [first, second] = doc.statements;
    assert.ok(first && second);
    assert.equal(at(first.sid?.value.span), '"AllowRead"');
    assert.equal(at(first.effect?.value.span), '"Allow"');
    assert.deepEqual(first.keys.map((k) => k.name), ['Sid', 'Effect', 'Principal', 'Action', 'Condition']);

    const principal = first.principal!.value;
    assert.equal(principal.form, 'map');
    assert.deepEqual(principal.entries.map((e) => e.key.name), ['AWS', 'Service']);
    const aws = principal.entries[0]!.value;
    assert.equal(aws.form, 'array');
    assert.deepEqual(aws.items.map((i) => at(i.span)), ['"arn:aws:iam::111122223333:root"', '"222233334444"']);
    assert.equal(principal.entries[1]!.value.form, 'single');
    assert.equal(at(principal.entries[1]!.value.items[0]!.span), '"ec2.amazonaws.com"');

    assert.equal(first.action?.value.form, 'single');
    assert.equal(at(first.action?.value.items[0]?.span), '"sts:AssumeRole"');

    const condition = first.condition!.value;
    assert.deepEqual(condition.operators.map((o) => at(o.operator.span)), ['"StringEquals"', '"Bool"']);
    const stringEquals = condition.operators[0]!;
    assert.deepEqual(stringEquals.entries.map((e) => at(e.key.span)), ['"sts:ExternalId"', '"aws:PrincipalOrgID"']);
    assert.equal(at(stringEquals.entries[1]!.value.items[0]!.span), '"o-1234567890"');
    const secure = condition.operators[1]!.entries[0]!.value.items[0]!;
    assert.deepEqual([secure.type, secure.text, at(secure.span)], ['boolean', 'true', 'true']);

    assert.equal(second.notPrincipal?.value.form, 'wildcard');
    assert.equal(at(second.notPrincipal?.value.scalar?.span), '"*"');
    assert.equal(at(second.notAction?.value.items[0]?.span), '"s3:*"');
    assert.equal(at(second.notResource?.value.span), '"arn:aws:s3:::bucket/*"');
    assert.equal(second.index, 1);
  });

  it('tells identity, trust and resource policies apart by content', () => {
    const identity = only('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}');
    assert.equal(identity.kind, 'identity');
    assert.equal(identity.statement?.value.form, 'object');
    const resource = only('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}');
    assert.equal(resource.kind, 'resource');
    const trust = only('{"Statement":[{"Effect":"Allow","Principal":{"Federated":"x"},"Action":"sts:AssumeRoleWithWebIdentity"}]}');
    assert.equal(trust.kind, 'trust');
  });

  it('gives SCP, RCP and boundary kinds from file globs', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    assert.equal(only(text, 'file:///org/scps/deny-all.json').kind, 'scp');
    assert.equal(only(text, 'file:///org/guardrails/deny.scp.json').kind, 'scp');
    assert.equal(only(text, 'file:///org/rcps/x.json').kind, 'rcp');
    assert.equal(only(text, 'file:///org/boundaries/dev.json').kind, 'boundary');
    assert.equal(only(text, 'file:///org/scps/deny-all.json').origin.kindReason, 'glob');
    const custom = parse('file:///org/guard/x.json', text, { policyKinds: { '**/guard/**': 'scp' } });
    assert.equal(custom.documents[0]?.kind, 'scp');
  });

  it('treats JSON that is not a policy as no policy at all', () => {
    for (const [uri, text] of [
      ['file:///p/package.json', '{"name":"x","version":"1.0.0","scripts":{}}'],
      ['file:///p/tsconfig.json', '{"compilerOptions":{"strict":true}'],
      ['file:///p/data.json', '[1, 2, 3]'],
      ['file:///p/empty.json', ''],
    ] as const) {
      const file = parse(uri, text);
      assert.equal(file.isPolicyFile, false, uri);
      assert.deepEqual(file.documents, []);
      assert.deepEqual(file.syntaxErrors, []);
    }
  });

  it('recognises a policy by a misspelled Statement key or an IAM Version', () => {
    assert.equal(parse('file:///p/a.json', '{"statement": []}').isPolicyFile, true);
    assert.equal(parse('file:///p/b.json', '{"Version": "2012-10-17"}').isPolicyFile, true);
    assert.equal(parse('file:///p/c.json', '{"Version": "1.2.3"}').isPolicyFile, false);
  });

  it('reads what it can of broken JSON and reports each error with its range', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" }\n  ]\n';
    const file = parse('file:///p/broken.json', text);
    assert.equal(file.isPolicyFile, true);
    const doc = file.documents[0]!;
    assert.equal(doc.statements.length, 1);
    assert.equal(doc.statements[0]!.effect?.value.text, 'Allow');
    const messages = doc.syntaxErrors.map((e) => `${e.message} @${spanText(text, e.span)}`);
    assert.deepEqual(messages, [
      'Expected a comma (,) between elements. @"Resource"',
      'Expected a closing brace (}). @]',
    ]);
  });

  it('reads Terraform template JSON: interpolations are unknown, $${ is a literal', () => {
    const prefix = 'policy = <<EOF\n';
    const json = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::${var.bucket}/*","arn:aws:s3:::b/$${aws:username}"]}]}';
    const whole = prefix + json;
    const { root } = parseJsonTree(json, prefix.length);
    const doc = buildPolicyFromJson(root!, { uri: 'file:///m/main.tf', base: prefix.length, terraformTemplate: true });
    const [bucket, user] = doc.statements[0]!.resource!.value.items;
    assert.deepEqual([bucket!.type, spanText(whole, bucket!.span)], ['unknown', '"arn:aws:s3:::${var.bucket}/*"']);
    assert.deepEqual([user!.type, user!.text], ['string', 'arn:aws:s3:::b/${aws:username}']);
  });
});
