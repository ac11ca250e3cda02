/**
 * Completion in JSON policies: the labels offered at a `|` cursor, and the document after an item is
 * chosen (snippet placeholders at their defaults, `|` where the cursor lands).
 */
import * as assert from 'node:assert/strict';
import { accept, itemsAt, labelsAt } from './cursor';

const statement = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { ${body} }\n  ]\n}`;

describe('completion', () => {
  it('offers the policy keys in an empty file, and writes a whole statement', () => {
    assert.deepEqual(labelsAt('{ | }'), ['Version', 'Statement', 'Id']);
    assert.equal(accept('{ | }', 'Version'), '{ "Version": "2012-10-17"| }');
    assert.equal(
      accept('{\n  "Version": "2012-10-17",\n  |\n}', 'Statement'),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n\t{\n\t\t"Effect": "|Allow",\n\t\t"Action": "",\n\t\t"Resource": ""\n\t}\n]\n}',
    );
  });

  it('offers nothing in a JSON file that is not a policy', () => {
    assert.deepEqual(labelsAt('{ "name": "app", "version": "1.0.0", | }', 'file:///work/package.json'), []);
  });

  it('offers the statement keys not yet written, never both Action and NotAction', () => {
    assert.deepEqual(labelsAt(statement('"Effect": "Allow", "Action": "s3:GetObject", "|" ')), ['Sid', 'Principal', 'NotPrincipal', 'Resource', 'NotResource', 'Condition']);
  });

  it('completes a half-typed key and leaves a value that follows alone', () => {
    assert.equal(accept(statement('"Eff|'), 'Effect'), statement('"Effect": "|Allow"'));
    assert.equal(accept(statement('"Eff|": "Deny"'), 'Effect'), statement('"Effect"|: "Deny"'));
  });

  it('offers Allow and Deny for Effect, inside the quotes or without them', () => {
    assert.deepEqual(labelsAt(statement('"Effect": "|"')), ['Allow', 'Deny']);
    assert.equal(accept(statement('"Effect": "A|"'), 'Allow'), statement('"Effect": "Allow|"'));
    assert.equal(accept(statement('"Effect": Al|'), 'Allow'), statement('"Effect": "Allow"|'));
  });

  it('offers service prefixes, then the actions of the service with their access level', () => {
    const services = labelsAt(statement('"Action": "s|"'));
    assert.ok(services.indexOf('s3') >= 0 && services.indexOf('s3') < services.indexOf('ec2'), 'services starting with the typed text first');
    assert.equal(accept(statement('"Action": "s|"'), 's3'), statement('"Action": "s3:|"'));
    assert.equal(itemsAt(statement('"Action": "s|"')).find((i) => i.label === 's3')?.retrigger, true, 'the actions follow at once');

    const actions = itemsAt(statement('"Action": "s3:get|"'));
    assert.equal(actions[0]!.label, 's3:*');
    const getObject = actions.find((i) => i.label === 's3:GetObject');
    assert.equal(getObject?.detail, 'Read');
    assert.equal(actions.find((i) => i.label === 's3:PutBucketPolicy')?.detail, 'Permissions management, Write');
    assert.ok(actions.every((i) => i.label.startsWith('s3:')));
    assert.equal(accept(statement('"Action": "s3:get|"'), 's3:GetObject'), statement('"Action": "s3:GetObject|"'));
    assert.equal(accept(statement('"Action": ["s3:ListBucket", "s3:get|"]'), 's3:GetObject'), statement('"Action": ["s3:ListBucket", "s3:GetObject|"]'));
  });

  it('quotes the value itself where no quote was typed, and closes an open string', () => {
    assert.equal(accept(statement('"Action": |'), 's3'), statement('"Action": "s3:|"'));
    assert.equal(accept(statement('"Action": "s3:GetObj|'), 's3:GetObject'), statement('"Action": "s3:GetObject"|'));
  });

  it('offers nothing for an unknown service', () => {
    assert.deepEqual(labelsAt(statement('"Action": "s4:Get|"')), []);
  });

  it('offers the ARN templates of the actions\' resource types as snippets, then "*"', () => {
    const text = statement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "|"');
    assert.deepEqual(labelsAt(text), [
      'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
      'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
      '*',
    ]);
    assert.equal(
      accept(text, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'),
      statement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:|aws:s3:::BucketName/ObjectName"'),
    );
    const role = statement('"Action": "iam:PassRole", "Resource": "|"');
    assert.deepEqual(labelsAt(role), ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', '*']);
  });

  it('offers condition operators with their IfExists forms and the set prefixes', () => {
    const text = statement('"Action": "s3:GetObject", "Condition": { "|" }');
    const labels = labelsAt(text);
    assert.equal(labels[0], 'StringEquals');
    assert.ok(labels.includes('NumericLessThanIfExists') && labels.includes('Null') && !labels.includes('NullIfExists'));
    assert.deepEqual(labels.slice(-2), ['ForAllValues:', 'ForAnyValue:']);
    assert.equal(labels.length, 26 * 2 + 1 + 2, '26 operators with their IfExists forms, Null, two set prefixes');
    assert.equal(accept(text, 'Bool'), statement('"Action": "s3:GetObject", "Condition": { "Bool": { "|": "" } }'));
    assert.equal(accept(text, 'ForAnyValue:'), statement('"Action": "s3:GetObject", "Condition": { "ForAnyValue:|" }'));
    const afterSet = labelsAt(statement('"Condition": { "ForAnyValue:|" }'));
    assert.ok(afterSet.includes('ForAnyValue:StringLike') && !afterSet.includes('ForAnyValue:Null') && !afterSet.includes('StringLike'));
  });

  it('offers condition keys of the statement\'s actions first, then their services\', then the global keys', () => {
    const text = statement('"Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "|" } }');
    const labels = labelsAt(text);
    // iam:PassRole lists these (the global tag key through its role resource type).
    assert.deepEqual(labels.slice(0, 4), ['aws:ResourceTag/${TagKey}', 'iam:AssociatedResourceArn', 'iam:PassedToService', 'iam:ResourceTag/${TagKey}']);
    assert.ok(labels.indexOf('iam:PermissionsBoundary') > 3, 'another iam key after the ones PassRole lists');
    assert.ok(labels.indexOf('aws:PrincipalOrgID') > labels.indexOf('iam:PermissionsBoundary'), 'global keys last');
    assert.equal(
      accept(text, 'iam:PassedToService'),
      statement('"Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "|" } }'),
    );
  });

  it('puts keys of the operator\'s type first among the global keys, and writes tag keys with a placeholder', () => {
    const labels = labelsAt(statement('"Action": "*", "Condition": { "Bool": { "|" } }'));
    assert.deepEqual(labels.slice(0, 3), ['aws:AssumedRoot', 'aws:IsMcpServiceAction', 'aws:MultiFactorAuthPresent']);
    assert.equal(
      accept(statement('"Condition": { "StringEquals": { "aws:Res|" } }'), 'aws:ResourceTag/${TagKey}'),
      statement('"Condition": { "StringEquals": { "aws:ResourceTag/|TagKey": "" } }'),
    );
    assert.equal(
      accept(statement('"Condition": { "ForAnyValue:StringEquals": { "aws:Tag|" } }'), 'aws:TagKeys'),
      statement('"Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": ["|"] } }'),
    );
  });

  it('offers principal types, then service principals', () => {
    assert.deepEqual(labelsAt(statement('"Principal": { "|" }')), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
    assert.equal(accept(statement('"Principal": { "Se|" }'), 'Service'), statement('"Principal": { "Service": "|" }'));
    const services = labelsAt(statement('"Principal": { "Service": "|" }'));
    assert.ok(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'].every((s) => services.includes(s)));
    assert.equal(accept(statement('"Principal": { "Service": "lam|" }'), 'lambda.amazonaws.com'), statement('"Principal": { "Service": "lambda.amazonaws.com|" }'));
    assert.equal(
      accept(statement('"Principal": { "AWS": "|" }'), 'arn:aws:iam::${Account}:root'),
      statement('"Principal": { "AWS": "arn:aws:iam::|Account:root" }'),
    );
  });

  it('offers the policy language version', () => {
    assert.deepEqual(labelsAt('{ "Version": "|", "Statement": [] }'), ['2012-10-17']);
  });
});
