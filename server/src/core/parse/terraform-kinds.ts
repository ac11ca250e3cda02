/**
 * Which Terraform arguments hold IAM policy documents, and of which kind; and how a document written
 * elsewhere (a `data "aws_iam_policy_document"`, a local value) takes the kind of the argument that
 * uses it.
 */
import { PolicyKind } from '../model';
import { TfBlock, TfExpression, attributeOf } from './terraform-syntax';
import { literalString, referencesIn } from './terraform-values';

/** A place a resource holds a policy: an attribute, or an attribute of nested blocks (`inline_policy.policy`). */
export interface PolicyArgument {
  /** The attribute name, or `block.attribute` for one inside nested blocks. */
  readonly argument: string;
  readonly kind: PolicyKind;
}

const identity = (argument: string): PolicyArgument => ({ argument, kind: 'identity' });
const resource = (argument: string): PolicyArgument => ({ argument, kind: 'resource' });

/** Resource type → the arguments holding policy documents. `aws_organizations_policy` is decided by its `type`. */
export const POLICY_ARGUMENTS: Readonly<Record<string, readonly PolicyArgument[]>> = {
  aws_iam_role: [{ argument: 'assume_role_policy', kind: 'trust' }, identity('inline_policy.policy')],
  aws_iam_policy: [identity('policy')],
  aws_iam_role_policy: [identity('policy')],
  aws_iam_user_policy: [identity('policy')],
  aws_iam_group_policy: [identity('policy')],
  aws_ssoadmin_permission_set_inline_policy: [identity('inline_policy')],
  aws_organizations_policy: [{ argument: 'content', kind: 'scp' }],
  aws_organizations_resource_policy: [resource('content')],
  aws_s3_bucket_policy: [resource('policy')],
  aws_s3_bucket: [resource('policy')],
  aws_s3control_bucket_policy: [resource('policy')],
  aws_s3_access_point: [resource('policy')],
  aws_s3control_access_point_policy: [resource('policy')],
  aws_kms_key: [resource('policy')],
  aws_kms_key_policy: [resource('policy')],
  aws_kms_replica_key: [resource('policy')],
  aws_kms_replica_external_key: [resource('policy')],
  aws_sqs_queue_policy: [resource('policy')],
  aws_sqs_queue: [resource('policy')],
  aws_sns_topic_policy: [resource('policy')],
  aws_sns_topic: [resource('policy')],
  aws_ecr_repository_policy: [resource('policy')],
  aws_ecr_registry_policy: [resource('policy')],
  aws_ecrpublic_repository_policy: [resource('policy')],
  aws_secretsmanager_secret_policy: [resource('policy')],
  aws_secretsmanager_secret: [resource('policy')],
  aws_glacier_vault: [resource('access_policy')],
  aws_efs_file_system_policy: [resource('policy')],
  aws_backup_vault_policy: [resource('policy')],
  aws_cloudwatch_log_resource_policy: [resource('policy_document')],
  aws_cloudwatch_log_destination_policy: [resource('access_policy')],
  aws_cloudwatch_event_bus_policy: [resource('policy')],
  aws_elasticsearch_domain_policy: [resource('access_policies')],
  aws_elasticsearch_domain: [resource('access_policies')],
  aws_opensearch_domain_policy: [resource('access_policies')],
  aws_opensearch_domain: [resource('access_policies')],
  aws_api_gateway_rest_api_policy: [resource('policy')],
  aws_api_gateway_rest_api: [resource('policy')],
  aws_codeartifact_domain_permissions_policy: [resource('policy_document')],
  aws_codeartifact_repository_permissions_policy: [resource('policy_document')],
  aws_glue_resource_policy: [resource('policy')],
  aws_dynamodb_resource_policy: [resource('policy')],
  aws_kinesis_resource_policy: [resource('policy')],
  aws_msk_cluster_policy: [resource('policy')],
  aws_vpc_endpoint: [resource('policy')],
  aws_vpc_endpoint_policy: [resource('policy')],
  aws_networkfirewall_resource_policy: [resource('policy')],
  aws_schemas_registry_policy: [resource('policy')],
  aws_ses_identity_policy: [resource('policy')],
  aws_media_store_container_policy: [resource('policy')],
  aws_redshiftserverless_resource_policy: [resource('policy')],
  aws_oam_sink_policy: [resource('policy')],
  aws_xray_resource_policy: [resource('policy_document')],
};

/** `aws_organizations_policy.type` values that hold IAM policy language; other types (tag, backup, AI opt-out …) do not. */
const ORGANIZATIONS_POLICY_KINDS: Readonly<Record<string, PolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/**
 * The arguments of a resource block that hold policies, with their kinds. An `aws_organizations_policy`
 * whose `type` is not an IAM policy type, or is not a literal, has none: its content is not analysed.
 */
export function policyArguments(block: TfBlock): readonly PolicyArgument[] {
  if (block.type !== 'resource') return [];
  const resourceType = block.labels[0]?.value ?? '';
  const declared = POLICY_ARGUMENTS[resourceType] ?? [];
  if (resourceType !== 'aws_organizations_policy') return declared;
  const typeAttribute = attributeOf(block, 'type');
  const typeName = typeAttribute ? literalString(typeAttribute.value) : 'SERVICE_CONTROL_POLICY';
  const kind = typeName === undefined ? undefined : ORGANIZATIONS_POLICY_KINDS[typeName];
  return kind ? declared.map((argument) => ({ ...argument, kind })) : [];
}

/** Arguments that name a managed policy used as a permissions boundary. */
const BOUNDARY_ARGUMENTS: Readonly<Record<string, string>> = {
  aws_iam_role: 'permissions_boundary',
  aws_iam_user: 'permissions_boundary',
};

/**
 * One place that uses a policy written elsewhere in the module. `target` is the address of the
 * document's source: `data.aws_iam_policy_document.x`, `local.x`, or `aws_iam_policy.x` (a managed
 * policy used as a permissions boundary).
 */
export interface PolicyUse {
  readonly target: string;
  /** The kind the using argument gives; absent when the user is itself a policy source whose kind is inherited. */
  readonly kind?: PolicyKind;
  /** For an inherited kind: the kind to take when the user's own kind is not decided elsewhere (a managed policy is an identity policy unless it is used as a boundary). */
  readonly fallback?: PolicyKind;
  /** The using block's address (`aws_iam_role.deploy`, `data.aws_iam_policy_document.all`, `local.trust`). */
  readonly address: string;
  readonly argument: string;
}

/** `data.aws_iam_policy_document.x.json` → `data.aws_iam_policy_document.x`; `local.x` → `local.x`. */
export function policySourceOf(path: readonly string[]): string | undefined {
  if (path[0] === 'data' && path[1] === 'aws_iam_policy_document' && path[2] && !path[2].startsWith('[')) return `data.aws_iam_policy_document.${path[2]}`;
  if (path[0] === 'local' && path[1] && !path[1].startsWith('[')) return `local.${path[1]}`;
  return undefined;
}

const MERGE_ARGUMENTS = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

/** The uses one top-level block makes of policy sources. */
export function policyUses(block: TfBlock, address: string | undefined): PolicyUse[] {
  const uses: PolicyUse[] = [];
  const addUses = (expression: TfExpression | undefined, from: string, argument: string, kind?: PolicyKind): void => {
    for (const reference of referencesIn(expression)) {
      const target = policySourceOf(reference.path);
      if (target && target !== from) uses.push(kind ? { target, kind, address: from, argument } : { target, address: from, argument });
    }
  };
  if (block.type === 'locals') {
    for (const attribute of block.attributes) addUses(attribute.value, `local.${attribute.name}`, attribute.name);
    return uses;
  }
  if (!address) return uses;
  if (block.type === 'data' && block.labels[0]?.value === 'aws_iam_policy_document') {
    for (const name of MERGE_ARGUMENTS) {
      const attribute = attributeOf(block, name);
      if (attribute) addUses(attribute.value, address, name);
    }
    return uses;
  }
  // A managed policy's document is a boundary when the policy is used as one: it inherits from the policy.
  const managedPolicy = block.type === 'resource' && block.labels[0]?.value === 'aws_iam_policy';
  for (const { argument, kind } of policyArguments(block)) {
    for (const expression of argumentValues(block, argument)) {
      if (!managedPolicy) {
        addUses(expression, address, argument, kind);
        continue;
      }
      for (const reference of referencesIn(expression)) {
        const target = policySourceOf(reference.path);
        if (target) uses.push({ target, address, argument, fallback: kind });
      }
    }
  }
  const boundary = BOUNDARY_ARGUMENTS[block.labels[0]?.value ?? ''];
  const boundaryAttribute = block.type === 'resource' && boundary ? attributeOf(block, boundary) : undefined;
  for (const reference of referencesIn(boundaryAttribute?.value)) {
    if (reference.path[0] === 'aws_iam_policy' && reference.path[1]) {
      uses.push({ target: `aws_iam_policy.${reference.path[1]}`, kind: 'boundary', address, argument: boundary! });
    }
  }
  return uses;
}

/** The expressions an argument path names: `policy`, or `inline_policy.policy` in every `inline_policy` block. */
export function argumentValues(block: TfBlock, argument: string): TfExpression[] {
  const dot = argument.indexOf('.');
  if (dot < 0) {
    const value = attributeOf(block, argument)?.value;
    return value ? [value] : [];
  }
  const nested = argument.slice(0, dot);
  const name = argument.slice(dot + 1);
  return block.blocks.filter((child) => child.type === nested).flatMap((child) => argumentValues(child, name));
}

export interface ResolvedKind {
  readonly kind: PolicyKind;
  /** The argument that gave the kind, directly or through other policy sources. */
  readonly address: string;
  readonly argument: string;
}

/**
 * The kind of each used policy source. A direct use gives its kind (the first one in the order given
 * wins); a source used only by another source takes that one's kind, through any number of steps.
 */
export function resolveKinds(uses: readonly PolicyUse[]): Map<string, ResolvedKind> {
  const resolved = new Map<string, ResolvedKind>();
  for (const use of uses) {
    if (use.kind && !resolved.has(use.target)) resolved.set(use.target, { kind: use.kind, address: use.address, argument: use.argument });
  }
  const inherit = (): void => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const use of uses) {
        if (use.kind || resolved.has(use.target)) continue;
        const from = resolved.get(use.address);
        if (!from) continue;
        resolved.set(use.target, from);
        changed = true;
      }
    }
  };
  inherit();
  let fellBack = false;
  for (const use of uses) {
    if (use.fallback && !resolved.has(use.target)) {
      resolved.set(use.target, { kind: use.fallback, address: use.address, argument: use.argument });
      fellBack = true;
    }
  }
  if (fellBack) inherit();
  return resolved;
}
