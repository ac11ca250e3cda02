import * as assert from 'node:assert/strict';
import { defaultCatalog, wildcardRegExp } from '../../server/src/core/catalog';

const catalog = defaultCatalog();

describe('catalog', () => {
  it('knows services by prefix, with their names', () => {
    assert.ok(catalog.services().length > 400);
    assert.equal(catalog.hasService('s3'), true);
    assert.equal(catalog.hasService('S3'), true);
    assert.equal(catalog.hasService('s4'), false);
    assert.equal(catalog.serviceName('sts'), 'AWS Security Token Service');
  });

  it('finds actions case-insensitively, with access levels split', () => {
    const getObject = catalog.action('s3:getobject');
    assert.equal(getObject?.fullName, 's3:GetObject');
    assert.deepEqual(getObject?.accessLevels, ['Read']);
    assert.ok(getObject?.resourceTypes.some((r) => r.name === 'object'));
    assert.equal(catalog.action('s3:GetObjekt'), undefined);
    assert.equal(catalog.action('nope:GetObject'), undefined);
    assert.equal(catalog.action('GetObject'), undefined);
    const levels = catalog.actions('iam').flatMap((a) => (a.accessLevels.length > 1 ? [a.accessLevels.join('+')] : []));
    assert.ok(levels.includes('Permissions management+Write'), levels.join(', '));
  });

  it('expands wildcards as IAM matches them', () => {
    const gets = catalog.expand('s3:Get*').map((a) => a.name);
    assert.ok(gets.includes('GetObject'));
    assert.ok(gets.every((name) => name.startsWith('Get')));
    assert.deepEqual(catalog.expand('sts:AssumeRole?ith*').map((a) => a.name).sort(), ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);
    assert.ok(catalog.expand('iam:*').length === catalog.actions('iam').length);
    assert.deepEqual(catalog.expand('s3:NoSuch*'), []);
    assert.ok(catalog.expand('*').length > 15000);
    assert.ok(catalog.expand('*:PassRole').some((a) => a.fullName === 'iam:PassRole'));
    assert.equal(wildcardRegExp('a.b*').test('A.BC'), true);
    assert.equal(wildcardRegExp('a.b*').test('AxBC'), false);
  });

  it('gives resource types with ARN templates and service condition keys', () => {
    assert.equal(catalog.resourceType('iam', 'role')?.arn, 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}');
    assert.equal(catalog.serviceConditionKey('iam:passedtoservice')?.key, 'iam:PassedToService');
    assert.equal(catalog.serviceConditionKey('iam:ResourceTag/team')?.key, 'iam:ResourceTag/${TagKey}');
    assert.equal(catalog.serviceConditionKey('aws:PrincipalOrgID'), undefined);
    assert.ok(catalog.rcpServices().has('s3'));
  });
});
