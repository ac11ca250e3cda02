/**
 * Valid policies the fuzzer starts from: JSON files of every kind, and Terraform in each form that
 * holds a policy (jsonencode, heredoc, quoted string, aws_iam_policy_document, file()).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface Seed {
  readonly name: string;
  readonly language: 'json' | 'terraform';
  readonly text: string;
  /** Where the file sits in a fuzz workspace: its path decides kind globs and accounts. */
  readonly path: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const IDENTITY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket", "s3:Get*"],
      "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/\${aws:username}/*"],
      "Condition": {
        "Bool": { "aws:SecureTransport": "true" },
        "ForAnyValue:StringLike": { "aws:TagKeys": ["team-*"] },
        "IpAddressIfExists": { "aws:SourceIp": ["10.0.0.0/8"] }
      }
    },
    {
      "Effect": "Allow",
      "Action": ["iam:PassRole", "ec2:RunInstances", "lambda:CreateFunction"],
      "Resource": "*"
    },
    { "Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:iam::*:role/admin" }
  ]
}
`;

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "GitHub",
      "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        "StringLike": { "token.actions.githubusercontent.com:sub": "repo:example/app:*" }
      }
    },
    {
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::444444444444:root", "999988887777", "arn:aws:iam::222222222222:role/audit"], "Service": "lambda.amazonaws.com" },
      "Action": ["sts:AssumeRole", "sts:TagSession"],
      "Condition": { "StringEquals": { "sts:ExternalId": "abc", "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
    },
    { "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole" },
    { "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::111111111111:root" }, "Action": "sts:AssumeRoleWithSAML",
      "Principal": { "Federated": "arn:aws:iam::111111111111:saml-provider/okta" } }
  ]
}
`;

const SCP = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyOutsideRegions",
      "Effect": "Deny",
      "NotAction": ["iam:*", "organizations:*", "sts:*"],
      "Resource": "*",
      "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } }
    },
    { "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*" }
  ]
}
`;

const RCP = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Principal": "*",
      "Action": ["s3:*", "sqs:*", "kms:*", "sts:*", "secretsmanager:*"],
      "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, "BoolIfExists": { "aws:PrincipalIsAWSService": "false" } }
    }
  ]
}
`;

const BUCKET = `{
  "Version": "2008-10-17",
  "Id": "bucket",
  "Statement": {
    "Sid": "Public read",
    "Effect": "allow",
    "Principal": { "AWS": "*", "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
    "Action": "s3:GetObjekt",
    "Resource": ["arn:aws:dynamodb:eu-west-1:333333333333:table/t", 3, null, true, []],
    "Condition": { "StringEqual": { "aws:SourceIP4": "x" }, "NumericLessThan": { "s3:max-keys": ["10"] } }
  }
}
`;

const JSONENCODE = `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "FromCi"
        Effect    = "Allow"
        Action    = ["sts:AssumeRole"]
        Principal = { AWS = "arn:aws:iam::\${var.ci_account}:root" }
        Condition = {
          StringEquals = { "aws:PrincipalOrgID" = local.org_id }
        }
      },
      local.extra_statement,
    ]
  })
  permissions_boundary = aws_iam_policy.boundary.arn

  inline_policy {
    name   = "inline"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
  }
}

resource "aws_iam_policy" "boundary" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [for s in var.statements : { Effect = "Allow", Action = s, Resource = "*" }]
  })
}

locals {
  org_id = "o-a1b2c3d4e5"
  extra_statement = { Effect = "Deny", Action = "*", Resource = "*" }
}
`;

const HEREDOC = `resource "aws_iam_policy" "ci" {
  name   = "ci"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": ["ecr:*", "s3:PutObject"], "Resource": "arn:aws:s3:::\${var.bucket}/*" },
        { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }
      ]
    }
  EOT
}

resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::b/*\\"}]}"
}

resource "aws_organizations_policy" "scp" {
  name    = "deny-leave"
  type    = "SERVICE_CONTROL_POLICY"
  content = <<EOF
{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*","Principal":"*"}]}
EOF
}

resource "aws_organizations_policy" "rcp" {
  type    = "RESOURCE_CONTROL_POLICY"
  content = file("\${path.module}/policies/rcp.json")
}
`;

const POLICY_DOCUMENT = `data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "Eks"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::333333333333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"]
    }

    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"
      values   = ["system:serviceaccount:payments:api"]
    }
  }

  dynamic "statement" {
    for_each = var.extra
    content {
      actions = statement.value.actions
      not_principals {
        type        = "AWS"
        identifiers = ["*"]
      }
    }
  }

  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = []
}

data "aws_iam_policy_document" "base" {
  version = "2012-10-17"
  statement {
    effect        = "Allow"
    not_actions   = ["iam:*"]
    resources     = ["*"]
    not_resources = ["arn:aws:iam::*:role/x"]
  }
}

resource "aws_iam_role" "eks" {
  name               = "eks"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = data.aws_iam_policy_document.base.json
}
`;

/** The inline seeds: every kind and every Terraform form at least once. */
export const INLINE_SEEDS: readonly Seed[] = [
  { name: 'identity.json', language: 'json', text: IDENTITY, path: 'accounts/dev/roles/app-policy.json' },
  { name: 'trust.json', language: 'json', text: TRUST, path: 'accounts/prod/roles/deploy-trust.json' },
  { name: 'scp.json', language: 'json', text: SCP, path: 'scps/deny-regions.json' },
  { name: 'rcp.json', language: 'json', text: RCP, path: 'rcps/org-only.json' },
  { name: 'bucket.json', language: 'json', text: BUCKET, path: 'accounts/prod/policies/bucket.json' },
  { name: 'jsonencode.tf', language: 'terraform', text: JSONENCODE, path: 'accounts/prod/terraform/roles.tf' },
  { name: 'heredoc.tf', language: 'terraform', text: HEREDOC, path: 'accounts/management/policies.tf' },
  { name: 'policy-document.tf', language: 'terraform', text: POLICY_DOCUMENT, path: 'accounts/prod/terraform/eks.tf' },
];

/** Every .json and .tf file under `folder`, as seeds (paths relative to it). */
export function folderSeeds(folder: string): Seed[] {
  const seeds: Seed[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(json|tf)$/.test(name)) {
        const relative = path.relative(folder, full).split(path.sep).join('/');
        seeds.push({ name: relative, language: name.endsWith('.tf') ? 'terraform' : 'json', text: readFileSync(full, 'utf8'), path: relative });
      }
    }
  };
  walk(folder);
  return seeds;
}

let allSeeds: Seed[] | undefined;

/** The inline seeds and the example organisation's files (not its iam-atlas.json). */
export function seeds(): readonly Seed[] {
  allSeeds ??= [...INLINE_SEEDS, ...folderSeeds(path.join(REPO_ROOT, 'examples')).filter((seed) => seed.path !== 'iam-atlas.json')];
  return allSeeds;
}
