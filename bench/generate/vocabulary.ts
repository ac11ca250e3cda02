/**
 * Real IAM names for generated policies: actions grouped by service with resource ARNs that fit
 * them, and global condition keys with the operators their types take. Generated policies stay
 * clean under the grammar and catalog rules, so a benchmark measures analysis, not error reporting.
 */
import { Random } from './random';

export interface ServiceVocabulary {
  readonly prefix: string;
  readonly actions: readonly string[];
  /** A resource ARN these actions apply to, in the given account. */
  readonly resource: (random: Random, accountId: string) => string;
}

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'] as const;
const WORDS = [
  'alpha', 'billing', 'catalog', 'data', 'events', 'frontend', 'gateway', 'history', 'ingest', 'jobs',
  'kernel', 'ledger', 'metrics', 'notify', 'orders', 'payments', 'queue', 'reports', 'search', 'tenant',
  'users', 'vault', 'warehouse', 'audit', 'backup', 'cache', 'deploy', 'export', 'files', 'graph',
] as const;

export function word(random: Random): string {
  return random.pick(WORDS);
}

export function region(random: Random): string {
  return random.pick(REGIONS);
}

/** A name such as `orders-ledger-17`. */
export function resourceName(random: Random): string {
  return `${word(random)}-${word(random)}-${random.int(1, 99)}`;
}

export const SERVICES: readonly ServiceVocabulary[] = [
  {
    prefix: 's3',
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:PutObjectTagging', 's3:AbortMultipartUpload'],
    resource: (random) => `arn:aws:s3:::${resourceName(random)}/${word(random)}/*`,
  },
  {
    prefix: 'dynamodb',
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:DescribeTable'],
    resource: (random, account) => `arn:aws:dynamodb:${region(random)}:${account}:table/${resourceName(random)}`,
  },
  {
    prefix: 'sqs',
    actions: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ChangeMessageVisibility'],
    resource: (random, account) => `arn:aws:sqs:${region(random)}:${account}:${resourceName(random)}`,
  },
  {
    prefix: 'sns',
    actions: ['sns:Publish', 'sns:Subscribe', 'sns:GetTopicAttributes', 'sns:ListSubscriptionsByTopic'],
    resource: (random, account) => `arn:aws:sns:${region(random)}:${account}:${resourceName(random)}`,
  },
  {
    prefix: 'lambda',
    actions: ['lambda:InvokeFunction', 'lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionCode', 'lambda:PublishVersion'],
    resource: (random, account) => `arn:aws:lambda:${region(random)}:${account}:function:${resourceName(random)}`,
  },
  {
    prefix: 'kms',
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
    resource: (random, account) => `arn:aws:kms:${region(random)}:${account}:key/${uuid(random)}`,
  },
  {
    prefix: 'logs',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'],
    resource: (random, account) => `arn:aws:logs:${region(random)}:${account}:log-group:/aws/${word(random)}/${resourceName(random)}:*`,
  },
  {
    prefix: 'secretsmanager',
    actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'],
    resource: (random, account) => `arn:aws:secretsmanager:${region(random)}:${account}:secret:${word(random)}/${resourceName(random)}-AbCdEf`,
  },
  {
    prefix: 'ssm',
    actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:PutParameter'],
    resource: (random, account) => `arn:aws:ssm:${region(random)}:${account}:parameter/${word(random)}/${resourceName(random)}`,
  },
  {
    prefix: 'ecr',
    actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'],
    resource: (random, account) => `arn:aws:ecr:${region(random)}:${account}:repository/${resourceName(random)}`,
  },
  {
    prefix: 'states',
    actions: ['states:StartExecution', 'states:DescribeExecution', 'states:StopExecution'],
    resource: (random, account) => `arn:aws:states:${region(random)}:${account}:stateMachine:${resourceName(random)}`,
  },
];

/** A condition: operator, one global key of a type the operator takes, and its values. */
export interface ConditionChoice {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export function condition(random: Random, organizationId: string): ConditionChoice {
  return random.weighted<() => ConditionChoice>([
    [() => ({ operator: 'StringEquals', key: 'aws:RequestedRegion', values: random.sample(REGIONS, random.int(1, 2)) }), 3],
    [() => ({ operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }), 2],
    [() => ({ operator: 'IpAddress', key: 'aws:SourceIp', values: [`10.${random.int(0, 255)}.0.0/16`] }), 2],
    [() => ({ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: [organizationId] }), 2],
    [() => ({ operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: [word(random)] }), 1],
  ])();
}

export function uuid(random: Random): string {
  const hex = (n: number): string => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** A twelve-digit account ID. */
export function accountId(random: Random): string {
  return random.digits(12);
}

/** `Sid`s hold only letters and digits. */
export function sid(random: Random, index: number): string {
  const name = `${word(random)}${word(random)}`.replace(/-/g, '');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${index}`;
}

export const SERVICE_PRINCIPALS = ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com'] as const;
