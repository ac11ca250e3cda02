/** Hover in JSON policies: the Markdown shown for the name under a `|` cursor. */
import * as assert from 'node:assert/strict';
import { Catalog } from '../../server/src/core/catalog';
import { hoverAt } from './cursor';

const statement = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { ${body} }\n  ]\n}`;

describe('hover', () => {
  it('describes an action: access level, resource types with ARNs, condition keys, docs link', () => {
    assert.equal(
      hoverAt(statement('"Action": "iam:Pass|Role", "Resource": "*"')),
      [
        '**iam:PassRole** · Write',
        'Grants permission to pass a role to a service',
        'Resource types:\n- `role` (required): `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`',
        'Condition keys: `iam:AssociatedResourceArn`, `iam:PassedToService`',
        '[Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-PassRole)',
      ].join('\n\n'),
    );
  });

  it('lists dependent actions, and says when an action takes no resource type', () => {
    // The shipped reference data lists no dependent actions today, so a small catalog stands in.
    const files: Record<string, unknown> = {
      'services.json': ['demo'],
      'serviceNames.json': { demo: 'Demo Service' },
      'actions/demo.json': {
        creatething: {
          name: 'CreateThing',
          description: 'Grants permission to create a thing',
          accessLevel: 'Write',
          resourceTypes: [{ name: 'thing', required: true, conditionKeys: [], dependentActions: ['iam:PassRole'] }],
          conditionKeys: [],
          dependentActions: ['demo:TagThing'],
        },
      },
      'resourceTypes/demo.json': { thing: { key: 'thing', arn: 'arn:${Partition}:demo:${Region}:${Account}:thing/${Name}', conditionKeys: [] } },
      'conditionPatterns.json': {},
    };
    const catalog = new Catalog({ readJson: (file) => files[file] });
    assert.equal(
      hoverAt(statement('"Action": "demo:Create|Thing"'), catalog),
      [
        '**demo:CreateThing** · Write',
        'Grants permission to create a thing',
        'Resource types:\n- `thing` (required): `arn:${Partition}:demo:${Region}:${Account}:thing/${Name}`',
        'Dependent actions: `demo:TagThing`, `iam:PassRole`',
        '[Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html#:~:text=Demo%20Service)',
      ].join('\n\n'),
    );
    const listBuckets = hoverAt(statement('"Action": "s3:ListAll|MyBuckets"'))!;
    assert.match(listBuckets, /^\*\*s3:ListAllMyBuckets\*\* · List\n\n/);
    assert.match(listBuckets, /\n\nResource types: none — use `"Resource": "\*"`\.\n\n/);
  });

  it('links services without a known page to the reference index at the service name', () => {
    const text = hoverAt(statement('"Action": "a2c:GetContainerization|JobDetails"'))!;
    assert.match(text, /\[Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/reference_policies_actions-resources-contextkeys\.html#:~:text=AWS%20App2Container\)$/);
  });

  it('counts and lists what a wildcard matches', () => {
    assert.equal(
      hoverAt(statement('"Action": "sts:Assume*|"')),
      '**sts:Assume\\*** matches 4 actions of AWS Security Token Service (Write 4).\n\n- `sts:AssumeRole` · Write\n- `sts:AssumeRoleWithSAML` · Write\n- `sts:AssumeRoleWithWebIdentity` · Write\n- `sts:AssumeRoot` · Write',
    );
    const gets = hoverAt(statement('"Action": "s3:Get|*"'))!;
    assert.match(gets, /^\*\*s3:Get\\\*\*\* matches \d+ actions of Amazon S3 \(Read \d+\)\./);
    assert.equal(gets.split('\n').filter((line) => line.startsWith('- `s3:Get')).length, 10);
    assert.match(gets, /\n- … and \d+ more$/);
    assert.equal(hoverAt(statement('"Action": "s3:Gett|*"')), '**s3:Gett\\*** matches no action.');
  });

  it('names the service when the cursor is on the prefix', () => {
    assert.match(hoverAt(statement('"Action": "e|c2:RunInstances"'))!, /^\*\*ec2\*\* · Amazon EC2\n\n\d+ actions, \d+ resource types, \d+ condition keys\.\n\n\[Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazonec2\.html\)$/);
  });

  it('gives a condition key its type and description', () => {
    assert.equal(
      hoverAt(statement('"Condition": { "Bool": { "aws:Secure|Transport": "false" } }')),
      '**aws:SecureTransport** · Bool · global condition key\n\nWhether the request was sent over TLS (HTTPS).\n\n[AWS global condition context keys](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport)',
    );
    assert.match(hoverAt(statement('"Condition": { "StringEquals": { "aws:Principal|Tag/team": "blue" } }'))!, /^\*\*aws:PrincipalTag\/\$\{TagKey\}\*\* · String · global condition key\n\n/);
    assert.match(hoverAt(statement('"Condition": { "ForAnyValue:StringEquals": { "aws:Tag|Keys": ["a"] } }'))!, /\n\nMultivalued: use it with `ForAllValues:` or `ForAnyValue:`\./);
    assert.equal(
      hoverAt(statement('"Condition": { "StringLike": { "s3:pre|fix": "home/" } }')),
      '**s3:prefix** · String · condition key of Amazon S3\n\nFilters access by key name prefix\n\n[Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys)',
    );
  });

  it('explains an operator with its IfExists and set parts', () => {
    const text = hoverAt(statement('"Condition": { "ForAnyValue:StringLike|IfExists": { "aws:TagKeys": ["a*"] } }'))!;
    assert.match(text, /^\*\*ForAnyValue:StringLikeIfExists\*\* · condition operator\n\nTrue when the value in the request matches one of the listed patterns/);
    assert.match(text, /\n\nIfExists: also true when the key is absent from the request\.\n\nForAnyValue: at least one value/);
  });

  it('describes a service principal, and stays silent on unknown names', () => {
    assert.equal(hoverAt(statement('"Principal": { "Service": "ecs-ta|sks.amazonaws.com" }')), '**ecs-tasks.amazonaws.com** · service principal\n\nAmazon ECS: task roles and task execution roles.');
    assert.equal(hoverAt(statement('"Action": "s3:GetObj|ekt"')), undefined);
    assert.equal(hoverAt(statement('"Condition": { "StringEqual|": { "aws:SourceIp": "a" } }')), undefined);
  });
});
