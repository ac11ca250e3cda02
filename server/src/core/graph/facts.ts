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

/** An SCP or RCP and where it is attached: account ids, OU ids, a root id (`r-…`), or `*` for every member account. */
export interface OrgPolicyFact extends Located {
  readonly kind: 'scp' | 'rcp';
  readonly document: PolicyDocument;
  readonly targets: readonly string[];
  readonly address?: string;
}

export interface AccountFact extends Located {
  readonly id?: string;
  readonly name: string;
  readonly environment?: string;
  readonly ou?: string;
  readonly address?: string;
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
  readonly accountId?: string;
  /** Terraform address of the target account when the id is computed. */
  readonly accountAddress?: string;
}

export interface FileFacts {
  readonly uri: string;
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
