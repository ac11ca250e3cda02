/** The kind of each Terraform policy comes from the argument that holds or uses it. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { POLICY_ARGUMENTS } from '../../server/src/core/parse/terraform-kinds';
import { TerraformFolderReader, TerraformModuleIndex } from '../../server/src/core/parse/terraform-module';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyzeTf, covered } from './terraform-helpers';

const STATEMENT = `Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]`;

/** A resource whose argument holds a small jsonencode policy. */
function holder(type: string, argument: string, extra = ''): string {
  return `resource "${type}" "x" {\n${extra}  ${argument} = jsonencode({ Version = "2012-10-17", ${STATEMENT} })\n}\n`;
}

function kinds(text: string): string[] {
  return analyzeTf(text).file.documents.map((d) => `${d.origin.address}.${d.origin.argument ?? ''} ${d.kind}`);
}

/** An in-memory module folder for the index. */
function folderReader(files: Record<string, string>): TerraformFolderReader {
  return {
    list: (folder) => Object.keys(files).filter((path) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/') && path.endsWith('.tf')),
    stamp: (path) => (path in files ? String(files[path]!.length) : undefined),
    read: (path) => files[path],
  };
}

describe('Terraform policy kinds', () => {
  before(() => initTerraform());

  it('aws_iam_role: assume_role_policy is a trust policy, inline_policy blocks identity policies', () => {
    const text = `resource "aws_iam_role" "x" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  inline_policy {
    name   = "read"
    policy = jsonencode({ Version = "2012-10-17", ${STATEMENT} })
  }
  permissions_boundary = "arn:aws:iam::111111111111:policy/boundary"
}
`;
    assert.deepEqual(kinds(text), ['aws_iam_role.x.assume_role_policy trust', 'aws_iam_role.x.inline_policy.policy identity']);
  });

  for (const [type, argument] of [
    ['aws_iam_policy', 'policy'],
    ['aws_iam_role_policy', 'policy'],
    ['aws_iam_user_policy', 'policy'],
    ['aws_iam_group_policy', 'policy'],
    ['aws_ssoadmin_permission_set_inline_policy', 'inline_policy'],
  ] as const) {
    it(`${type}.${argument} is an identity policy`, () => {
      assert.deepEqual(kinds(holder(type, argument)), [`${type}.x.${argument} identity`]);
    });
  }

  for (const [type, argument] of [
    ['aws_s3_bucket_policy', 'policy'],
    ['aws_kms_key', 'policy'],
    ['aws_sqs_queue_policy', 'policy'],
    ['aws_sns_topic_policy', 'policy'],
    ['aws_ecr_repository_policy', 'policy'],
    ['aws_secretsmanager_secret_policy', 'policy'],
    ['aws_opensearch_domain_policy', 'access_policies'],
  ] as const) {
    it(`${type}.${argument} is a resource policy, and must name a Principal`, () => {
      const text = holder(type, argument);
      assert.deepEqual(kinds(text), [`${type}.x.${argument} resource`]);
      assert.deepEqual(covered(text, analyzeTf(text).findings), ['IAM009 "Effect"']);
    });
  }

  it('aws_organizations_policy.content is an SCP by default, an RCP by its type, and not read for other types', () => {
    assert.deepEqual(kinds(holder('aws_organizations_policy', 'content')), ['aws_organizations_policy.x.content scp']);
    assert.deepEqual(kinds(holder('aws_organizations_policy', 'content', '  type = "SERVICE_CONTROL_POLICY"\n')), ['aws_organizations_policy.x.content scp']);
    assert.deepEqual(kinds(holder('aws_organizations_policy', 'content', '  type = "RESOURCE_CONTROL_POLICY"\n')), ['aws_organizations_policy.x.content rcp']);
    const tagPolicy = `resource "aws_organizations_policy" "tags" {
  type    = "TAG_POLICY"
  content = jsonencode({ tags = { costcenter = { tag_key = { "@@assign" = "CostCenter" } } } })
}
`;
    assert.deepEqual(analyzeTf(tagPolicy).file.documents, []);
    assert.deepEqual(analyzeTf(tagPolicy).findings, []);
    assert.deepEqual(kinds(holder('aws_organizations_policy', 'content', '  type = var.policy_type\n')), [], 'a type we cannot read could be a tag policy');
  });

  it('an SCP may not name a Principal, an RCP must', () => {
    const scp = holder('aws_organizations_policy', 'content').replace('Resource = "*"', 'Resource = "*", Principal = "*"');
    assert.deepEqual(covered(scp, analyzeTf(scp).findings), ['IAM009 "Principal"']);
    const rcp = holder('aws_organizations_policy', 'content', '  type = "RESOURCE_CONTROL_POLICY"\n');
    assert.deepEqual(covered(rcp, analyzeTf(rcp).findings), ['IAM009 "Effect"']);
  });

  it('permissions_boundary is an ARN, not a document; the managed policy it names is a permissions boundary', () => {
    const text = `resource "aws_iam_role" "x" {
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_iam_policy" "boundary" {
  policy = jsonencode({ Version = "2012-10-17", ${STATEMENT} })
}

resource "aws_iam_policy" "plain" {
  policy = jsonencode({ Version = "2012-10-17", ${STATEMENT} })
}
`;
    const { file } = analyzeTf(text);
    assert.deepEqual(
      file.documents.map((d) => [d.origin.address, d.kind, d.origin.kindReason, d.origin.usedBy]),
      [
        ['aws_iam_policy.boundary', 'boundary', 'terraform', { address: 'aws_iam_role.x', argument: 'permissions_boundary' }],
        ['aws_iam_policy.plain', 'identity', 'terraform', undefined],
      ],
    );
  });

  it('a data source used by a managed policy is an identity policy, or a boundary when the policy is one', () => {
    const text = `data "aws_iam_policy_document" "limits" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "limits" {
  policy = data.aws_iam_policy_document.limits.json
}
`;
    assert.deepEqual(analyzeTf(text).file.documents.map((d) => [d.kind, d.origin.usedBy]), [['identity', { address: 'aws_iam_policy.limits', argument: 'policy' }]]);
    const used = `${text}\nresource "aws_iam_user" "u" {\n  permissions_boundary = aws_iam_policy.limits.arn\n}\n`;
    assert.deepEqual(analyzeTf(used).file.documents.map((d) => [d.kind, d.origin.usedBy]), [['boundary', { address: 'aws_iam_user.u', argument: 'permissions_boundary' }]]);
  });

  const TRUST_DOCUMENT = `data "aws_iam_policy_document" "trust" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root"]
    }
  }
}
`;

  it('a policy_document data source takes the kind of the argument that uses its json', () => {
    const text = `${TRUST_DOCUMENT}
resource "aws_iam_role" "x" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;
    const { file, findings } = analyzeTf(text);
    assert.deepEqual(
      file.documents.map((d) => [d.origin.address, d.kind, d.origin.usedBy]),
      [['data.aws_iam_policy_document.trust', 'trust', { address: 'aws_iam_role.x', argument: 'assume_role_policy' }]],
    );
    // The statement has no effect: an Allow, so its whole-account principal is noted too.
    assert.deepEqual(covered(text, findings), ['IAM008 "resources"', 'IAM204 "\\"arn:aws:iam::222222222222:root\\""']);
    assert.equal(findings[0]!.message, 'A role trust policy cannot have resources: the resource is the role itself. Remove it.');
  });

  it('a data source nobody uses is classified by its content', () => {
    const { file } = analyzeTf(TRUST_DOCUMENT);
    assert.deepEqual(file.documents.map((d) => [d.kind, d.origin.kindReason]), [['trust', 'content']]);
  });

  it('kinds pass through locals, source_policy_documents and override_policy_documents', () => {
    const text = `data "aws_iam_policy_document" "base" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "extra" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "all" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [local.extra]
}

locals {
  extra = data.aws_iam_policy_document.extra.json
  deny  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })
}

resource "aws_organizations_policy" "guard" {
  content = data.aws_iam_policy_document.all.json
}

resource "aws_organizations_policy" "deny" {
  content = local.deny
}
`;
    const { file } = analyzeTf(text);
    assert.deepEqual(
      file.documents.map((d) => [d.origin.address, d.syntax, d.kind]),
      [
        ['data.aws_iam_policy_document.base', 'policy-document', 'scp'],
        ['data.aws_iam_policy_document.extra', 'policy-document', 'scp'],
        ['data.aws_iam_policy_document.all', 'policy-document', 'scp'],
        ['local.deny', 'jsonencode', 'scp'],
      ],
    );
    assert.deepEqual(file.documents[2]!.origin.merges, [
      { argument: 'source_policy_documents', sources: ['data.aws_iam_policy_document.base'], span: { start: text.indexOf('source_policy_documents'), end: text.indexOf('.base.json]') + '.base.json]'.length } },
      { argument: 'override_policy_documents', sources: ['local.extra'], span: { start: text.indexOf('override_policy_documents'), end: text.indexOf('[local.extra]') + '[local.extra]'.length } },
    ]);
  });

  it('the README lists every resource type whose policies are read', () => {
    const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Terraform'), readme.indexOf('## Rules'));
    for (const type of Object.keys(POLICY_ARGUMENTS)) {
      const listed = section.includes(`\`${type}\``) || section.includes(`\`${type}.`) || section.includes(`\`${type}(_policy)\``) || section.includes(`\`${type.replace(/_policy$/, '')}(_policy)\``);
      assert.ok(listed, `README names ${type}`);
    }
  });

  it('follows uses across the .tf files of the module folder', () => {
    const files = {
      '/work/module/roles.tf': `resource "aws_iam_role" "x" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n`,
      '/work/module/nested/other.tf': `resource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.trust.json\n}\n`,
    };
    const module = new TerraformModuleIndex(folderReader(files));
    const alone = analyzeTf(TRUST_DOCUMENT, { path: '/work/module/policies.tf' }, 'file:///work/module/policies.tf');
    assert.equal(alone.file.documents[0]!.origin.kindReason, 'content', 'without the index, only the file itself counts');
    const { file, findings } = analyzeTf(TRUST_DOCUMENT, { path: '/work/module/policies.tf', terraformModule: module }, 'file:///work/module/policies.tf');
    assert.deepEqual(file.documents.map((d) => [d.kind, d.origin.usedBy]), [['trust', { address: 'aws_iam_role.x', argument: 'assume_role_policy' }]]);
    assert.deepEqual(covered(TRUST_DOCUMENT, findings), ['IAM008 "resources"', 'IAM204 "\\"arn:aws:iam::222222222222:root\\""']);

    // An open document's text wins over the disk.
    module.setText('/work/module/roles.tf', `resource "aws_iam_policy" "x" {\n  policy = data.aws_iam_policy_document.trust.json\n}\n`);
    const reopened = analyzeTf(TRUST_DOCUMENT, { path: '/work/module/policies.tf', terraformModule: module }, 'file:///work/module/policies.tf');
    assert.deepEqual(reopened.file.documents.map((d) => d.kind), ['identity']);
  });

  it('a JSON file read with file() takes the kind of the argument that reads it', () => {
    const files = {
      '/work/org/main.tf': `resource "aws_organizations_policy" "guard" {\n  content = file("\${path.module}/policies/guard.json")\n}\n`,
    };
    const module = new TerraformModuleIndex(folderReader(files));
    const { file } = analyzeTf(files['/work/org/main.tf'], { path: '/work/org/main.tf' }, 'file:///work/org/main.tf');
    assert.deepEqual(file.fileLinks.map((l) => [l.address, l.argument, l.kind, l.path]), [['aws_organizations_policy.guard', 'content', 'scp', '/work/org/policies/guard.json']]);
    assert.equal(file.isPolicyFile, false, 'the .tf file itself holds no policy text');

    const json = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Principal": "*" }] }';
    const linked = analyze('file:///work/org/policies/guard.json', json, { path: '/work/org/policies/guard.json', terraformModule: module });
    assert.deepEqual([linked.file.documents[0]!.kind, linked.file.documents[0]!.origin.usedBy], ['scp', { address: 'aws_organizations_policy.guard', argument: 'content' }]);
    assert.deepEqual(linked.findings.map((f) => f.ruleId), ['IAM009']);
  });
});
