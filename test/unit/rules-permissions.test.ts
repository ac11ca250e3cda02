/** The permission rules IAM301-IAM306 and the organisation rules IAM401-IAM403: failing and passing inputs. */
import * as assert from 'node:assert/strict';
import { packedLength } from '../../server/src/core/policy/size';
import { findings, policy, seen } from './helpers';

describe('permission rules', () => {
  it('IAM301 wildcard-action: "*" on "*" is a warning, "svc:*" and "*" on named resources are info', () => {
    const text = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', Action: ['iam:*', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    );
    const found = seen(text, 'IAM301');
    assert.deepEqual(found.map((f) => [f.text, f.severity]), [
      ['"*"', 'warning'],
      ['"iam:*"', 'info'],
      ['"*"', 'info'],
    ]);
    assert.equal(found[0]!.message, 'Action "*" on Resource "*" grants every action on every resource: full administrator access. List the actions this principal needs.');
    assert.match(found[1]!.message, /^"iam:\*" grants every action of AWS Identity and Access Management( \(IAM\))? \(\d+ actions\), deletes and permission changes included, and those added later\. List the actions this principal needs\.$/);
    assert.deepEqual(seen(policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: '*' }), 'IAM301'), []);
  });

  it('IAM302 write-on-any-resource: write actions with resource types on "*", wildcards expanded', () => {
    const text = policy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 'iam:CreateRole', 'ec2:DescribeInstances'], Resource: '*' });
    assert.deepEqual(seen(text, 'IAM302'), [
      {
        id: 'IAM302',
        text: '"*"',
        severity: 'warning',
        message:
          'Resource "*" applies 2 write or permissions-management actions (iam:CreateRole, s3:PutObject) to every resource, though they can be limited to specific ARNs. Name the resources.',
      },
    ]);
    const expanded = seen(policy({ Effect: 'Allow', Action: 'sqs:Delete*', Resource: '*' }), 'IAM302');
    assert.deepEqual(expanded.map((f) => f.message), [
      'Resource "*" applies 2 write or permissions-management actions (sqs:DeleteMessage, sqs:DeleteQueue) to every resource, though they can be limited to specific ARNs. Name the resources.',
    ]);
  });

  it('IAM302 passes named resources, read-only or list actions, and ABAC tag conditions', () => {
    assert.deepEqual(seen(policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }), 'IAM302'), []);
    assert.deepEqual(seen(policy({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'ec2:Describe*'], Resource: '*' }), 'IAM302'), []);
    const abac = policy({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } });
    assert.deepEqual(seen(abac, 'IAM302'), []);
  });

  it('IAM303 allow-with-not-element: NotAction and NotResource with Allow, not with Deny', () => {
    const text = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' },
      { Effect: 'Deny', NotAction: 's3:*', Resource: '*' },
    );
    const found = seen(text, 'IAM303');
    assert.deepEqual(found.map((f) => f.text), ['"NotAction"', '"NotResource"']);
    assert.equal(
      found[0]!.message,
      'Allow with NotAction grants every action that is not listed, in every service, including actions AWS adds later. List the allowed actions in Action instead.',
    );
  });

  it('IAM304 pass-role-unrestricted: on "*", without iam:PassedToService, or both', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:Pass*', Resource: 'arn:aws:iam::111111111111:role/app' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    );
    assert.deepEqual(seen(text, 'IAM304').map((f) => [f.text, f.message]), [
      [
        '"iam:PassRole"',
        "iam:PassRole on every role, to any service, lets this principal start compute with any role of the account and act with that role's permissions. Name the roles it may pass and add an iam:PassedToService condition.",
      ],
      ['"iam:Pass*"', '"iam:Pass*" (which includes iam:PassRole) has no iam:PassedToService condition: the roles can be passed to any service. Add one naming the service that needs them.'],
      ['"iam:PassRole"', 'iam:PassRole on Resource "*" lets this principal pass any role of the account. Name the roles it may pass.'],
    ]);
    const scoped = policy({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::111111111111:role/app',
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    assert.deepEqual(seen(scoped, 'IAM304'), []);
  });

  it('IAM305 assume-role-any-resource: sts:AssumeRole and sts:* on "*"', () => {
    const text = policy({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: '*' }, { Effect: 'Allow', Action: 'sts:*', Resource: '*' });
    assert.deepEqual(seen(text, 'IAM305').map((f) => [f.text, f.message]), [
      ['"sts:AssumeRole"', 'sts:AssumeRole on Resource "*" lets this principal assume every role, in any account, whose trust policy lets it in. Name the roles it needs.'],
      ['"sts:*"', '"sts:*" (which includes sts:AssumeRole) on Resource "*" lets this principal assume every role, in any account, whose trust policy lets it in. Name the roles it needs.'],
    ]);
    assert.deepEqual(seen(policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/deploy' }), 'IAM305'), []);
  });

  describe('IAM306 privilege-escalation', () => {
    it('matches a path across statements, after wildcard expansion, and names it', () => {
      const text = policy(
        { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/*' },
        { Sid: 'Run', Effect: 'Allow', Action: 'ec2:Run*', Resource: '*' },
      );
      const found = seen(text, 'IAM306');
      assert.deepEqual(found, [
        {
          id: 'IAM306',
          text: '"iam:PassRole"',
          severity: 'warning',
          message:
            '"iam:PassRole" allows privilege escalation: iam:PassRole + ec2:RunInstances (ec2-001) lets this principal start an EC2 instance with a privileged role and read its credentials. Limit these actions to specific resources, or remove the ones it does not need.',
        },
      ]);
      const related = findings(text).find((f) => f.ruleId === 'IAM306')!.related!;
      assert.deepEqual(related.map((r) => [text.slice(r.span.start, r.span.end), r.message]), [['"ec2:Run*"', '"ec2:Run*" completes ec2-001']]);
    });

    it('lists several paths on one action, keeping only the shortest', () => {
      const text = policy({ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:CreateUser', 'iam:AttachUserPolicy'], Resource: '*' });
      assert.deepEqual(seen(text, 'IAM306').map((f) => [f.text, f.message]), [
        [
          '"iam:CreateAccessKey"',
          '"iam:CreateAccessKey" allows privilege escalation: iam:CreateAccessKey (iam-004) lets this principal create access keys for another user. Limit these actions to specific resources, or remove the ones it does not need.',
        ],
        [
          '"iam:AttachUserPolicy"',
          '"iam:AttachUserPolicy" allows privilege escalation: iam:AttachUserPolicy (iam-007) lets this principal attach AdministratorAccess to a user, itself included. Limit these actions to specific resources, or remove the ones it does not need.',
        ],
      ]);
    });

    it('an ARN pattern grants only the actions of its own service, whatever NotAction lets through', () => {
      assert.deepEqual(seen(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::bucket/*' }), 'IAM306'), []);
      const documents = policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:ssm:*:111111111111:document/*' });
      assert.deepEqual(seen(documents, 'IAM306').map((f) => [f.text, f.message]), [
        [
          '"NotAction"',
          'NotAction allows 2 privilege-escalation paths: ssm:StartSession (ssm-001) lets this principal open a shell on an instance with a privileged role; also ssm:SendCommand (ssm-002). Limit these actions to specific resources, or remove the ones it does not need.',
        ],
      ]);
      const instances = policy(
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/*' },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:111111111111:instance/*' },
      );
      assert.deepEqual(seen(instances, 'IAM306').map((f) => f.text), ['"iam:PassRole"']);
    });

    it('passes scoped resources, a plain Deny that takes an action back, and administrator policies', () => {
      assert.deepEqual(seen(policy({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::111111111111:user/${aws:username}' }), 'IAM306'), []);
      const denied = policy({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }, { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' });
      assert.deepEqual(seen(denied, 'IAM306'), []);
      assert.deepEqual(seen(policy({ Effect: 'Allow', Action: '*', Resource: '*' }), 'IAM306'), []);
    });
  });
});

describe('organisation rules', () => {
  const rcpUri = 'file:///org/rcps/deny.json';

  it('IAM401 rcp-principal: only "*"', () => {
    const text = policy(
      { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' },
    );
    const found = seen(text, 'IAM401', rcpUri);
    assert.deepEqual(found.map((f) => f.text.replace(/\s+/g, ' ')), ['{ "AWS": "arn:aws:iam::111111111111:root" }', '"NotPrincipal"']);
    assert.equal(
      found[0]!.message,
      'A resource control policy must have "Principal": "*": it applies to every principal that reaches the resources. Limit whom the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalArn.',
    );
  });

  it('IAM402 rcp-unsupported-service: actions of services RCPs do not cover', () => {
    const text = policy({ Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 'ec2:RunInstances', 'kms:Decrypt'], Resource: '*' });
    assert.deepEqual(seen(text, 'IAM402', rcpUri).map((f) => [f.text, f.message]), [
      [
        '"ec2:RunInstances"',
        'Resource control policies do not apply to Amazon EC2 (ec2): "ec2:RunInstances" has no effect here. Remove it, and use an SCP or the resource\'s own policy for it.',
      ],
    ]);
    assert.deepEqual(seen(policy({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }), 'IAM402', rcpUri), []);
  });

  describe('IAM403 policy-size-quota', () => {
    function sized(statements: number, indent = 2): string {
      const list = Array.from({ length: statements }, (_, i) => ({ Sid: `S${i}`, Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::bucket-number-${i}` }));
      return JSON.stringify({ Version: '2012-10-17', Statement: list }, null, indent);
    }

    it('counts characters without the whitespace between tokens', () => {
      assert.equal(packedLength('{ "a" : [ 1, "b c" ] }'), '{"a":[1,"b c"]}'.length);
      assert.equal(packedLength('{"s": "a \\" b"}'), '{"s":"a \\" b"}'.length);
    });

    it('an identity policy over 6,144 is an error, under it passes', () => {
      const big = sized(70);
      const packed = packedLength(big);
      assert.ok(packed > 6144 && big.length > packed);
      assert.deepEqual(seen(big, 'IAM403'), [
        {
          id: 'IAM403',
          text: '{',
          severity: 'error',
          message: `The policy is ${packed.toLocaleString('en-US')} characters without whitespace, over the 6,144 AWS accepts for a managed policy. Split it into several policies, or shorten it (fewer statements, wildcards such as s3:Get*).`,
        },
      ]);
      assert.deepEqual(seen(sized(60), 'IAM403'), []);
    });

    it('an SCP over 5,120 only as written is a warning about whitespace', () => {
      const text = sized(50, 4);
      const packed = packedLength(text);
      assert.ok(packed < 5120 && text.length > 5120, `${packed} / ${text.length}`);
      const found = seen(text, 'IAM403', 'file:///org/scps/big.json');
      assert.deepEqual(found.map((f) => [f.severity, f.message]), [
        [
          'warning',
          `The policy is ${text.length.toLocaleString('en-US')} characters as written (${packed.toLocaleString('en-US')} without whitespace), over the 5,120 AWS Organizations accepts when the AWS CLI or an SDK sends it as written (the console removes the whitespace). Send it minified, or shorten it.`,
        ],
      ]);
    });

    it('a trust policy between 2,048 and 4,096 is a warning, over 4,096 an error', () => {
      const trust = (n: number): string =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: Array.from({ length: n }, (_, i) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111111111111:role/some-role-with-a-long-name-${i}` }, Action: 'sts:AssumeRole' })),
        });
      const medium = trust(25);
      assert.ok(medium.length > 2048 && medium.length < 4096);
      assert.deepEqual(seen(medium, 'IAM403').map((f) => [f.severity, f.message.split(':')[0]]), [['warning', `The policy is ${medium.length.toLocaleString('en-US')} characters without whitespace, over the default quota of 2,048 for a role trust policy`]]);
      assert.deepEqual(seen(trust(50), 'IAM403').map((f) => f.severity), ['error']);
      assert.deepEqual(seen(trust(10), 'IAM403'), []);
    });
  });
});
