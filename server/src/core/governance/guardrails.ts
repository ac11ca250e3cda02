/**
 * The SCP guardrails an organisation is expected to have, and whether the workspace's SCPs provide
 * them: a Deny, in an SCP that is attached somewhere, of leaving the organisation, of the member
 * accounts' root users, of creating IAM users and access keys, and of turning CloudTrail off. The
 * Deny must name the actions in Action (a pattern such as `cloudtrail:*` counts, `"*"` and NotAction
 * do not); one with conditions (an exception for a break-glass role) still counts.
 */
import { conditionsOnKey } from '../policy/conditions';
import { PolicyDocument, Span, Statement } from '../model';
import { effectOfStatement } from './statements';
import { isTerraformFile } from '../parse/terraform';
import { attributeOf } from '../parse/terraform-syntax';
import { referencesIn } from '../parse/terraform-values';
import { WorkspaceContext } from '../rules/workspace-context';
import { wildcardRegExp } from '../catalog/catalog';
import { OrgPolicyFact } from '../graph/facts';
import { qualify } from '../graph/terraform-folder';
import { GUARDRAIL_IDS, GuardrailId } from './config';
import { folderOfPath, resourcesOf } from './terraform-resources';

export interface GuardrailDefinition {
  readonly id: GuardrailId;
  /** What the guardrail stops, as a reader says it: `leaving the organisation`. */
  readonly title: string;
  /** The actions a Deny must cover (all of them); empty for the root-user guardrail, which is read from its condition. */
  readonly actions: readonly string[];
  /** Why it matters and what to do, for the message when it is missing. */
  readonly advice: string;
}

export const GUARDRAILS: readonly GuardrailDefinition[] = [
  {
    id: 'leave-organization',
    title: 'leaving the organisation',
    actions: ['organizations:LeaveOrganization'],
    advice: 'a member account could leave the organisation, and every guardrail with it. Deny it in an SCP attached to the root.',
  },
  {
    id: 'root-user',
    title: 'root-user actions',
    actions: [],
    advice:
      'nothing else binds the root user of a member account. Deny its actions in an SCP attached to the root (a Deny with an aws:PrincipalArn condition on arn:aws:iam::*:root).',
  },
  {
    id: 'iam-users',
    title: 'IAM user and access-key creation',
    actions: ['iam:CreateUser', 'iam:CreateAccessKey'],
    advice: 'any account can create IAM users with long-lived keys instead of using Identity Center and roles. Deny them in an SCP, with an exception for the role that must, if one must.',
  },
  {
    id: 'cloudtrail',
    title: 'disabling CloudTrail',
    actions: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
    advice: 'whoever becomes an administrator of an account can turn off its audit trail. Deny them in an SCP attached to the root.',
  },
];

export interface GuardrailStatus {
  readonly guardrail: GuardrailDefinition;
  readonly present: boolean;
  /** The attached SCPs that provide it (or, when it is missing, provide part of it). */
  readonly sources: readonly { readonly uri: string; readonly span: Span }[];
  /** SCPs that would provide it but are attached to nothing. */
  readonly unattached: readonly { readonly uri: string; readonly span: Span }[];
  /** For a guardrail of several actions, the ones no attached SCP denies. */
  readonly missingActions: readonly string[];
}

/**
 * Whether the workspace describes an organisation (accounts in iam-atlas.json, or Terraform that
 * manages the organisation): only then is a missing guardrail a finding, not a folder of a few policies.
 */
export function describesOrganisation(workspace: WorkspaceContext): boolean {
  const config = workspace.config;
  if (config.organizationId || config.accounts?.length) return true;
  return workspace.files.some(
    ({ file }) =>
      isTerraformFile(file) &&
      file.blocks.some((block) => block.type === 'resource' && /^aws_organizations_(organization|account|organizational_unit)$/.test(block.labels[0]?.value ?? '')),
  );
}

/** The guardrails the configuration expects (all by default), each present or missing. */
export function guardrailStatuses(workspace: WorkspaceContext): GuardrailStatus[] {
  const expected = workspace.config.governance?.guardrails ?? GUARDRAIL_IDS;
  const scps = workspace.orgPolicies.filter((policy) => policy.kind === 'scp');
  const attachedByResource = terraformAttachedPolicies(workspace);
  const attached = (policy: OrgPolicyFact): boolean => policy.targets.length > 0 || (policy.address !== undefined && attachedByResource.has(policy.address));
  return GUARDRAILS.filter((guardrail) => expected.includes(guardrail.id)).map((guardrail) => {
    const providing = scps.filter((policy) => providedBy(guardrail, policy.document).length > 0);
    const inEffect = providing.filter(attached);
    const denied = new Set(inEffect.flatMap((policy) => providedBy(guardrail, policy.document)));
    const missingActions = guardrail.actions.filter((action) => !denied.has(action));
    const present = guardrail.actions.length ? missingActions.length === 0 : inEffect.length > 0;
    return {
      guardrail,
      present,
      sources: inEffect.map(({ uri, span }) => ({ uri, span })),
      unattached: providing.filter((policy) => !attached(policy)).map(({ uri, span }) => ({ uri, span })),
      missingActions,
    };
  });
}

/** The guardrail's actions a policy's Deny statements cover (for root-user: a marker when one denies the root user). */
function providedBy(guardrail: GuardrailDefinition, document: PolicyDocument): string[] {
  const denies = document.statements.filter((statement) => effectOfStatement(document, statement) === 'Deny');
  if (guardrail.id === 'root-user') return denies.some(deniesRootUser) ? ['root'] : [];
  return guardrail.actions.filter((action) => denies.some((statement) => namesAction(statement, action)));
}

/**
 * Whether the Deny's Action names the action (or a pattern of it). `"*"` alone and NotAction do not
 * count: they are how other guardrails (regions, the root user) are written, under conditions that
 * make them about something else.
 */
function namesAction(statement: Statement, action: string): boolean {
  return (statement.action?.value.items ?? []).some((item) => item.type === 'string' && item.text !== '*' && wildcardRegExp(item.text).test(action));
}

const ROOT_ARN = /^arn:aws[\w-]*:iam::(\*|\d{12}):root$/;

/** A Deny whose condition names the root user: `StringLike`/`ArnLike` `aws:PrincipalArn` = `arn:aws:iam::*:root`. */
function deniesRootUser(statement: Statement): boolean {
  return conditionsOnKey(statement, 'aws:PrincipalArn').some(
    (condition) => !/not/i.test(condition.parsed.base) && condition.values.some((value) => ROOT_ARN.test(value.text)),
  );
}

/** Terraform SCPs an `aws_organizations_policy_attachment` attaches, to whatever target (it may be a variable). */
function terraformAttachedPolicies(workspace: WorkspaceContext): Set<string> {
  const attached = new Set<string>();
  for (const { file, relativePath } of workspace.files) {
    if (!isTerraformFile(file)) continue;
    for (const block of resourcesOf(file, 'aws_organizations_policy_attachment')) {
      const policy = referencesIn(attributeOf(block, 'policy_id')?.value).find((r) => r.path[0] === 'aws_organizations_policy' && r.path[1]);
      if (policy) attached.add(qualify(folderOfPath(relativePath), `aws_organizations_policy.${policy.path[1]}`));
    }
  }
  return attached;
}
