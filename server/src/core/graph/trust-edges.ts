/**
 * Edges from role trust policies, following the trust semantics of the design:
 * - a trust policy naming a principal of the same account is enough on its own;
 * - naming an account (its root or its id) delegates to that account: an edge from the account,
 *   plus one from each of its principals in the workspace whose identity policies allow the call;
 * - across accounts, the source principal's identity policy must also allow sts:AssumeRole on the
 *   role (checked when the principal is in the workspace, assumed possible when it is not);
 * - an explicit Deny anywhere wins: in the trust policy, the source's identity policies, an SCP of
 *   the source's account, an RCP of the role's account.
 */
import { Finding } from '../findings';
import { PolicyDocument, Scalar, Span, Statement } from '../model';
import { effectOf, readAwsPrincipal } from '../policy/principals';
import { readFederatedPrincipal, roleArn, userArn } from './arn';
import { CallerContext, Tri, allOf, conditionsHold, coversAction, coversResource, identityAllows } from './evaluate';
import { OrgPolicyFact, ProviderFact } from './facts';
import { readReference } from './references';
import { PendingEdge, TrustBuilder } from './graph-builder';
import { Principal, PrincipalLookup, managedPolicyAllowsAssume } from './principals';
import { EdgeCondition, EdgeKind, RiskReason, SourceRef } from './types';
import { pushAll } from '../text/push-all';

export const ASSUME_ROLE = 'sts:AssumeRole';
const EDGE_ACTIONS: readonly { action: string; kind: EdgeKind }[] = [
  { action: ASSUME_ROLE, kind: 'assume-role' },
  { action: 'sts:AssumeRoleWithWebIdentity', kind: 'web-identity' },
  { action: 'sts:AssumeRoleWithSAML', kind: 'saml' },
];

export interface TrustContext {
  readonly builder: TrustBuilder;
  readonly principals: PrincipalLookup;
  readonly orgPolicies: readonly OrgPolicyFact[];
  readonly ref: (uri: string, span: Span) => SourceRef;
  readonly findings: (uri: string) => readonly Finding[];
  /** The module folder of a file, for Terraform references (addresses are unique within a folder). */
  readonly folderOf: (uri: string) => string;
  /** Identity providers defined in Terraform, by qualified address. */
  readonly providerByAddress: (address: string) => ProviderFact | undefined;
}

/** A caller named by a trust statement, before the checks that may rule it out. */
interface Candidate {
  readonly nodeId: string;
  readonly accountId?: string;
  readonly arn?: string;
  /** The workspace principal, when the caller is one. */
  readonly principal?: Principal;
  /** Callers that act through identity policies (AWS principals) need a grant across accounts. */
  readonly needsGrant: boolean;
  /** An account as a whole: the edge stands for whatever principals its admins allow. */
  readonly wholeAccount?: boolean;
  /** Named by the statement itself (its ARN or a reference), not reached through its account. */
  readonly named?: boolean;
  readonly kinds: readonly EdgeKind[];
}

export function addTrustEdges(role: Principal, trust: PolicyDocument, context: TrustContext): void {
  const { builder } = context;
  for (const statement of trust.statements) {
    if (effectOf(statement) !== 'Allow') continue;
    const kinds = EDGE_ACTIONS.filter(({ action }) => coversAction(statement, action) !== 'no').map(({ kind }) => kind);
    if (kinds.length === 0) continue;
    const conditions = summarizeConditions(statement);
    const source = context.ref(trust.uri, statement.span);
    const ruleReasons = reasonsFromFindings(context.findings(trust.uri), statement.span);
    for (const candidate of candidates(role, trust, statement, kinds, context)) {
      for (const kind of candidate.kinds) {
        const edge = checkCandidate(role, trust, statement, candidate, kind, context);
        if (!edge) continue;
        builder.edge({
          from: candidate.nodeId,
          to: role.nodeId,
          kind,
          actions: [EDGE_ACTIONS.find((e) => e.kind === kind)!.action],
          conditions,
          source,
          basis: edge.basis,
          ...(edge.grant ? { grant: edge.grant } : {}),
          reasons: [...ruleReasons, ...edge.reasons],
        });
      }
    }
  }
}


function candidates(role: Principal, trust: PolicyDocument, statement: Statement, kinds: readonly EdgeKind[], context: TrustContext): Candidate[] {
  const { builder } = context;
  const principal = statement.principal?.value;
  const result: Candidate[] = [];
  const awsKinds = kinds.filter((k) => k === 'assume-role');
  if (!principal) return result;
  if (principal.form === 'wildcard') {
    if (awsKinds.length) result.push(anyone(builder, awsKinds));
    return result;
  }
  for (const entry of principal.entries) {
    for (const item of entry.value.items) {
      if (item.type !== 'string') {
        const resolved = referenceCandidates(item, entry.key.name, role, trust, kinds, context);
        if (resolved.length) result.push(...resolved);
        else builder.addUnresolved(role.nodeId, `${entry.key.name}: ${item.text || '(expression)'}`);
        continue;
      }
      const type = entry.key.name;
      if (type === 'AWS' && awsKinds.length) pushAll(result, awsCandidates(item, role, awsKinds, context));
      else if (type === 'Service' && awsKinds.length) {
        result.push({ nodeId: builder.simpleNode(`service:${item.text}`, 'service', item.text), needsGrant: false, kinds: awsKinds });
      } else if (type === 'Federated') {
        const provider = readFederatedPrincipal(item.text);
        const kind: EdgeKind = provider.kind === 'saml' ? 'saml' : 'web-identity';
        if (!kinds.includes(kind)) continue;
        result.push({ nodeId: providerNode(provider.kind, provider.name, provider.accountId, builder), needsGrant: false, kinds: [kind] });
      }
    }
    if (entry.value.form === 'unknown') builder.addUnresolved(role.nodeId, `${entry.key.name}: ${entry.value.items[0]?.text ?? '(expression)'}`);
  }
  // A principal both named and reached through its account is checked once, as named.
  const named = new Set(result.filter((c) => c.named).map((c) => c.nodeId));
  return result.filter((c) => c.named || c.wholeAccount || !named.has(c.nodeId));
}

function anyone(builder: TrustBuilder, kinds: readonly EdgeKind[]): Candidate {
  return { nodeId: builder.simpleNode('anyone', 'anyone', 'Anyone (any AWS principal)'), needsGrant: true, kinds };
}

function awsCandidates(item: Scalar, role: Principal, kinds: readonly EdgeKind[], context: TrustContext): Candidate[] {
  const named = readAwsPrincipal(item.text);
  switch (named.kind) {
    case 'everyone':
      return [anyone(context.builder, kinds)];
    case 'account':
      return accountCandidates(named.accountId, role, kinds, context);
    case 'principal': {
      if (named.type === 'federated-user') break;
      // An assumed-role session stands for its role.
      const kind = named.type === 'user' ? 'user' : 'role';
      const arn = named.type === 'assumed-role' ? roleArn(named.accountId, named.name) : named.arn;
      return [namedCandidate(kind, named.accountId, named.name, arn, kinds, context)];
    }
  }
  context.builder.addUnresolved(role.nodeId, `AWS: ${item.text}`);
  return [];
}

/** Trust in a whole account: the account itself, and each of its principals in the workspace (which then need a grant). */
function accountCandidates(accountId: string, role: Principal, kinds: readonly EdgeKind[], context: TrustContext): Candidate[] {
  const { builder, principals } = context;
  const accountNode = builder.account(accountId);
  const members = principals.inAccount(accountId).filter((p) => p.nodeId !== role.nodeId);
  return [
    { nodeId: accountNode, accountId, needsGrant: true, wholeAccount: true, kinds },
    // Workspace principals have their nodes before any trust is read: their node id is enough here.
    ...members.map((p) => ({ nodeId: p.nodeId, accountId, arn: p.arn, principal: p, needsGrant: true, kinds })),
  ];
}

/** A role or user named by account and name: the workspace's own, or a node for one the workspace does not define. */
function namedCandidate(kind: 'role' | 'user', accountId: string, name: string, arn: string, kinds: readonly EdgeKind[], context: TrustContext): Candidate {
  const { builder, principals } = context;
  const found = principals.byArn(arn, kind, accountId, name);
  const nodeId = found ? found.nodeId : builder.node({ id: `${kind}:${accountId}:${name}`, kind, label: name, arn, accountId });
  return { nodeId, accountId, arn, principal: found, needsGrant: true, named: true, kinds };
}

/** A principal written as a Terraform reference (`aws_iam_role.ci.arn`), when it is one of the readable forms. */
function referenceCandidates(
  item: Scalar,
  type: string,
  role: Principal,
  trust: PolicyDocument,
  kinds: readonly EdgeKind[],
  context: TrustContext,
): Candidate[] {
  const target = readReference(item.text, context.folderOf(trust.uri), role.accountId);
  if (!target) return [];
  const awsKinds = kinds.filter((k) => k === 'assume-role');
  switch (target.kind) {
    case 'principal': {
      const principal = type === 'AWS' && awsKinds.length ? context.principals.byAddress(target.address) : undefined;
      if (!principal) return [];
      return [{ nodeId: principal.nodeId, accountId: principal.accountId, arn: principal.arn, principal, needsGrant: true, named: true, kinds: awsKinds }];
    }
    case 'account':
      return type === 'AWS' && awsKinds.length ? accountCandidates(target.account, role, awsKinds, context) : [];
    case 'named-principal': {
      if (type !== 'AWS' || !awsKinds.length) return [];
      const arn = target.principalKind === 'role' ? roleArn(target.account, target.name) : userArn(target.account, target.name);
      return [namedCandidate(target.principalKind, target.account, target.name, arn, awsKinds, context)];
    }
    case 'provider': {
      const provider = type === 'Federated' ? context.providerByAddress(target.address) : undefined;
      const kind: EdgeKind = target.providerKind === 'saml' ? 'saml' : 'web-identity';
      if (!provider || !kinds.includes(kind)) return [];
      return [{ nodeId: providerNode(provider.kind, provider.name, provider.accountId, context.builder), needsGrant: false, kinds: [kind] }];
    }
  }
}

/** The node of an identity provider, the same whether a trust names it by ARN or by Terraform reference. */
export function providerNode(kind: 'oidc' | 'saml', name: string, accountId: string | undefined, builder: TrustBuilder): string {
  return builder.simpleNode(`${kind}-provider:${accountId ?? ''}:${name}`, kind === 'saml' ? 'saml-provider' : 'oidc-provider', name, accountId);
}

/** The graph node of a workspace principal. */
export function nodeFor(principal: Principal, builder: TrustBuilder): string {
  return builder.node({
    id: principal.nodeId,
    kind: principal.kind,
    label: principal.name ?? principal.nodeId.split(':').pop()!,
    ...(principal.arn ? { arn: principal.arn } : {}),
    ...(principal.accountId ? { accountId: principal.accountId } : {}),
  });
}

interface Checked {
  readonly basis: PendingEdge['basis'];
  readonly grant?: SourceRef;
  readonly reasons: RiskReason[];
}

/** Applies the conditions, the denies and the grant requirement to one candidate caller; undefined if it cannot assume. */
function checkCandidate(
  role: Principal,
  trust: PolicyDocument,
  statement: Statement,
  candidate: Candidate,
  kind: EdgeKind,
  context: TrustContext,
): Checked | undefined {
  const { builder } = context;
  const reasons: RiskReason[] = [];
  const caller = callerContext(candidate, builder);
  const action = EDGE_ACTIONS.find((e) => e.kind === kind)!.action;
  if (conditionsHold(statement, caller) === 'no') return undefined;

  for (const [label, denial] of denials(role, trust, candidate, caller, action, context)) {
    if (denial === 'yes') {
      builder.note(`${describe(candidate, builder)} → ${role.name ?? role.nodeId}: denied by ${label}`);
      return undefined;
    }
    if (denial === 'maybe') reasons.push({ level: 'low', message: `A Deny in ${label} may apply, depending on its conditions.` });
  }

  // Services and identity providers need no grant of their own; a whole account, anyone, or a
  // principal whose policies are not in the workspace may be granted by policies we cannot see.
  if (!candidate.needsGrant) return { basis: 'granted', reasons };
  const principal = candidate.principal;
  if (candidate.wholeAccount || !principal) return { basis: 'trust-only', reasons };
  const sameAccount = principal.accountId !== undefined && principal.accountId === role.accountId;
  // A trust policy that names the principal itself is enough within one account.
  if (sameAccount && candidate.named) return { basis: 'granted', reasons };
  const grant = identityAllows(context.principals.documentsOf(principal), action, role.arn, caller);
  const byManaged = context.principals.managedArnsOf(principal).some(managedPolicyAllowsAssume);
  if (grant.result === 'no' && !byManaged) {
    builder.note(
      `${describe(candidate, builder)} → ${role.name ?? role.nodeId}: the trust allows it, but no identity policy of ${principal.name ?? 'the caller'} allows ${action} on the role`,
    );
    return undefined;
  }
  if (grant.result === 'maybe' && !byManaged) reasons.push({ level: 'low', message: 'The caller\'s identity policy allows it only under conditions or values not known here.' });
  const grantRef = grant.statement && grant.document ? context.ref(grant.document.uri, grant.statement.span) : undefined;
  return { basis: 'granted', ...(grantRef ? { grant: grantRef } : {}), reasons };
}

function callerContext(candidate: Candidate, builder: TrustBuilder): CallerContext {
  if (!candidate.accountId) return {};
  const orgId = builder.config.organizationId;
  const inside = builder.isKnownAccount(candidate.accountId);
  return {
    principalAccount: candidate.accountId,
    ...(candidate.arn ? { principalArn: candidate.arn } : {}),
    ...(builder.knowsOrganisation() ? { principalOrgId: inside ? (orgId ?? undefined) : null } : {}),
  };
}

/** Each place a Deny could stop the call, with whether it does. */
function denials(
  role: Principal,
  trust: PolicyDocument,
  candidate: Candidate,
  caller: CallerContext,
  action: string,
  context: TrustContext,
): [string, Tri][] {
  const result: [string, Tri][] = [];
  const trustDeny = denyIn([trust], action, role.arn, caller, candidate);
  if (trustDeny !== 'no') result.push(['the trust policy', trustDeny]);
  if (candidate.principal) {
    const identityDeny = denyIn(context.principals.documentsOf(candidate.principal), action, role.arn, caller);
    if (identityDeny !== 'no') result.push([`an identity policy of ${candidate.principal.name ?? 'the caller'}`, identityDeny]);
  }
  for (const policy of context.orgPolicies) {
    const appliesTo = policy.kind === 'scp' ? candidate.accountId : role.accountId;
    if (!appliesTo || !context.builder.isKnownAccount(appliesTo)) continue;
    if (appliesTo === context.builder.config.managementAccountId) continue;
    if (!policy.targets.includes('*') && !policy.targets.includes(appliesTo)) continue;
    const deny = denyIn([policy.document], action, role.arn, caller, policy.kind === 'rcp' ? candidate : undefined);
    if (deny !== 'no') result.push([`the ${policy.kind.toUpperCase()} in ${fileName(policy.uri)}`, deny]);
  }
  return result;
}

/** Whether a Deny statement of the documents covers the call (and, for resource-side policies, the caller). */
function denyIn(documents: readonly PolicyDocument[], action: string, resourceArn: string | undefined, caller: CallerContext, candidate?: Candidate): Tri {
  let result: Tri = 'no';
  for (const document of documents) {
    for (const statement of document.statements) {
      if (effectOf(statement) !== 'Deny') continue;
      const covered = allOf(
        coversAction(statement, action),
        coversResource(statement, resourceArn),
        candidate ? coversPrincipal(statement, candidate) : 'yes',
        conditionsHold(statement, caller),
      );
      if (covered === 'yes') return 'yes';
      if (covered === 'maybe') result = 'maybe';
    }
  }
  return result;
}

function coversPrincipal(statement: Statement, candidate: Candidate): Tri {
  const listed = (value: NonNullable<Statement['principal']>['value']): Tri => {
    if (value.form === 'wildcard') return 'yes';
    if (value.form !== 'map') return 'maybe';
    let result: Tri = 'no';
    for (const entry of value.entries) {
      for (const item of entry.value.items) {
        if (item.type !== 'string') result = 'maybe';
        else if (item.text === '*' || item.text === candidate.arn || readAccount(item.text) === candidate.accountId) return 'yes';
      }
    }
    return result;
  };
  if (statement.principal) return listed(statement.principal.value);
  if (statement.notPrincipal) {
    const inList = listed(statement.notPrincipal.value);
    return inList === 'yes' ? 'no' : inList === 'no' ? 'yes' : 'maybe';
  }
  return 'yes';
}

function readAccount(text: string): string | undefined {
  const named = readAwsPrincipal(text);
  return named.kind === 'account' ? named.accountId : undefined;
}

export function summarizeConditions(statement: Statement): EdgeCondition[] {
  const condition = statement.condition?.value;
  if (!condition) return [];
  return condition.operators.flatMap((operator) =>
    operator.entries.map((entry) => ({
      operator: operator.operator.name,
      key: entry.key.name,
      values: entry.value.items.map((item) => item.text),
    })),
  );
}

const LEVEL_OF_SEVERITY = { error: 'high', warning: 'medium', info: 'low', hint: 'low' } as const;

/** The trust rules (IAM2xx): their findings on a trust statement are reasons of its edges. */
export function isGraphRule(ruleId: string): boolean {
  return ruleId.startsWith('IAM2');
}

/** Findings of the trust rules inside the statement become the edge's reasons. */
function reasonsFromFindings(findings: readonly Finding[], span: Span): RiskReason[] {
  return findings
    .filter((f) => isGraphRule(f.ruleId) && f.span.start >= span.start && f.span.end <= span.end)
    .map((f) => ({ level: LEVEL_OF_SEVERITY[f.severity], message: f.message, ruleId: f.ruleId, ruleName: f.ruleName }));
}

function describe(candidate: Candidate, builder: TrustBuilder): string {
  return builder.label(candidate.nodeId) ?? candidate.nodeId;
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
