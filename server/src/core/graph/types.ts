/**
 * The trust graph: who can assume what across the accounts of a workspace. Built from the IAM in
 * the repository (no AWS calls); drawn by the webview, printed by the CLI, queried by the server.
 * Everything here is plain data, serialisable as JSON.
 */

export type NodeKind =
  | 'account'
  | 'external-account'
  | 'role'
  | 'user'
  | 'group'
  | 'service'
  | 'oidc-provider'
  | 'saml-provider'
  | 'sso-group'
  | 'sso-user'
  | 'permission-set'
  | 'anyone';

export type EdgeKind = 'assume-role' | 'web-identity' | 'saml' | 'sso-assignment';

export type RiskLevel = 'high' | 'medium' | 'low' | 'none';

export const RISK_RANK: Readonly<Record<RiskLevel, number>> = { high: 3, medium: 2, low: 1, none: 0 };

/** A place in a file: what a click opens. Offsets, with the line for readers that have no text. */
export interface SourceRef {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
}

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** The account node this node sits in (its id), if any. */
  readonly parent?: string;
  readonly arn?: string;
  readonly accountId?: string;
  /** Accounts: what the account is for (prod, dev, …) from iam-atlas.json. */
  readonly environment?: string;
  /** Roles: whether an attached identity policy allows everything (`*` on `*`, or AdministratorAccess). */
  readonly adminEquivalent?: boolean;
  /** Where the node is defined (a role's resource block, a trust policy file). */
  readonly source?: SourceRef;
  /** Trust principals that could not be resolved (Terraform expressions), shown in the details. */
  readonly unresolved?: readonly string[];
}

/** A condition kept on an edge, as written: `StringEquals aws:PrincipalOrgID = o-abc`. */
export interface EdgeCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface RiskReason {
  readonly level: RiskLevel;
  readonly message: string;
  /** The rule behind the reason, when a rule found it on the trust statement. */
  readonly ruleId?: string;
  readonly ruleName?: string;
}

export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The trust-policy action that allows it: sts:AssumeRole, …WithWebIdentity, …WithSAML. */
  readonly actions: readonly string[];
  readonly conditions: readonly EdgeCondition[];
  readonly risk: RiskLevel;
  readonly reasons: readonly RiskReason[];
  /** The trust statement (or Identity Center assignment) that creates the edge. */
  readonly source?: SourceRef;
  /** The identity policy statement of the source that allows the assumption, when one was needed and found. */
  readonly grant?: SourceRef;
  /**
   * - granted: both sides seen (or one side suffices, as for same-account named principals).
   * - trust-only: the trust allows it; the source's own policies are outside the workspace, so the
   *   grant cannot be checked and is assumed possible.
   */
  readonly basis: 'granted' | 'trust-only';
}

export interface TrustGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The organisation id, when the configuration names one. */
  readonly organizationId?: string;
  /** Facts that could not be placed, for the output channel and the CLI's warnings. */
  readonly notes: readonly string[];
}
