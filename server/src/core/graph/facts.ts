/**
 * Facts: what one file tells the trust graph. Extraction (JSON by layout convention, Terraform by
 * resource type) turns files into facts; the builder joins the facts of all files into the graph.
 * Facts keep the policy documents they come with; spans are offsets into the file at `uri`.
 */
import { PolicyDocument, Span } from '../model';

export type PrincipalKind = 'role' | 'user' | 'group';

/** Points at an IAM principal by what is known of it. */
export interface PrincipalTarget {
  readonly kind: PrincipalKind;
  /** The principal's name, when known. */
  readonly name?: string;
  readonly accountId?: string;
  /** A Terraform address (`aws_iam_role.deploy`) when the target is named by reference. */
  readonly address?: string;
}

export interface Located {
  readonly uri: string;
  readonly span: Span;
}

export interface RoleFact extends Located {
  readonly name?: string;
  readonly accountId?: string;
  /** Terraform resource address, for references from other resources. */
  readonly address?: string;
  /** The IAM path, "/" by default. */
  readonly path?: string;
  readonly trust?: PolicyDocument;
  /** Managed policies attached by ARN (AWS managed or customer managed) directly on the role. */
  readonly managedPolicyArns?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly maxSessionDuration?: number;
  /** The permissions boundary ARN, or true when one is set to a value we cannot read. */
  readonly permissionsBoundary?: string | true;
}

export interface UserFact extends Located {
  readonly name?: string;
  readonly accountId?: string;
  readonly address?: string;
  readonly groups?: readonly string[];
}

export interface GroupFact extends Located {
  readonly name?: string;
  readonly accountId?: string;
  readonly address?: string;
}

/** A policy that applies to a principal: inline, or attached through a managed policy. */
export interface IdentityPolicyFact extends Located {
  readonly target: PrincipalTarget;
  readonly document: PolicyDocument;
}

/** A customer managed policy, attachable by ARN or Terraform reference. */
export interface ManagedPolicyFact extends Located {
  readonly name?: string;
  readonly accountId?: string;
  readonly address?: string;
  readonly document: PolicyDocument;
}

/** A managed policy attached to a principal: by ARN (AWS managed) or by Terraform address. */
export interface AttachmentFact extends Located {
  readonly target: PrincipalTarget;
  readonly policyArn?: string;
  readonly policyAddress?: string;
}

/**
 * An SCP or RCP and where it is attached: account ids (or `tf:` account tokens), or `*` for every
 * member account. Terraform attaches them with separate resources: see OrgPolicyAttachmentFact.
 */
export interface OrgPolicyFact extends Located {
  readonly kind: 'scp' | 'rcp';
  readonly document: PolicyDocument;
  readonly targets: readonly string[];
  readonly address?: string;
}

/** `aws_organizations_policy_attachment`: the policy (by address) and its target, read as for OrgPolicyFact. */
export interface OrgPolicyAttachmentFact extends Located {
  readonly policyAddress: string;
  /** An account id or `tf:` token, `*` for the root, or `ou:<address or id>` for an organisational unit. */
  readonly target: string;
}

/**
 * An account. Terraform creates accounts whose ids it learns only when applying: those are named by a
 * `tf:<address>` token instead, wherever an account id would stand.
 */
export interface AccountFact extends Located {
  readonly id?: string;
  readonly name: string;
  readonly environment?: string;
  readonly ou?: string;
  readonly address?: string;
  /** Terraform: the `ou:` token of its parent unit, or `*` for the root. */
  readonly parent?: string;
}

/** A user in a group (Terraform membership resources): the group by address or name. */
export interface GroupMembershipFact extends Located {
  readonly user: PrincipalTarget;
  readonly group: string;
}

/** `aws_organizations_organizational_unit`, for SCPs attached to units. */
export interface UnitFact extends Located {
  readonly address: string;
  readonly name?: string;
  /** The `ou:` token of its parent unit, or `*` for the root. */
  readonly parent?: string;
}

export interface ProviderFact extends Located {
  readonly kind: 'oidc' | 'saml';
  /** OIDC issuer host and path (`token.actions.githubusercontent.com`), or the SAML provider's name. */
  readonly name: string;
  readonly accountId?: string;
  readonly address?: string;
}

export interface PermissionSetFact extends Located {
  readonly name?: string;
  readonly address?: string;
  readonly managedPolicyArns: readonly string[];
  readonly inlinePolicy?: PolicyDocument;
}

/** `aws_ssoadmin_managed_policy_attachment`: a managed policy added to a permission set elsewhere. */
export interface PermissionSetPolicyFact extends Located {
  readonly permissionSet: string;
  readonly policyArn: string;
}

export interface SsoGroupFact extends Located {
  readonly name?: string;
  readonly address?: string;
}

export interface AssignmentFact extends Located {
  /** Terraform address of the permission set. */
  readonly permissionSet?: string;
  readonly principalType: 'GROUP' | 'USER';
  /** Terraform address of the group or user, or its name. */
  readonly principal?: string;
  /** The target account's id, or the `tf:` token of an account Terraform creates. */
  readonly accountId?: string;
}

export interface FileFacts {
  readonly uri: string;
  readonly orgPolicyAttachments?: readonly OrgPolicyAttachmentFact[];
  readonly units?: readonly UnitFact[];
  readonly groupMemberships?: readonly GroupMembershipFact[];
  readonly roles: readonly RoleFact[];
  readonly users: readonly UserFact[];
  readonly groups: readonly GroupFact[];
  readonly identityPolicies: readonly IdentityPolicyFact[];
  readonly managedPolicies: readonly ManagedPolicyFact[];
  readonly attachments: readonly AttachmentFact[];
  readonly orgPolicies: readonly OrgPolicyFact[];
  readonly accounts: readonly AccountFact[];
  readonly providers: readonly ProviderFact[];
  readonly permissionSets: readonly PermissionSetFact[];
  readonly permissionSetPolicies?: readonly PermissionSetPolicyFact[];
  readonly ssoGroups: readonly SsoGroupFact[];
  readonly assignments: readonly AssignmentFact[];
}

export function emptyFacts(uri: string): FileFacts {
  return {
    uri,
    roles: [],
    users: [],
    groups: [],
    identityPolicies: [],
    managedPolicies: [],
    attachments: [],
    orgPolicies: [],
    accounts: [],
    providers: [],
    permissionSets: [],
    ssoGroups: [],
    assignments: [],
  };
}
