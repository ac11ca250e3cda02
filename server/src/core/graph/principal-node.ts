/** A principal's node as the graph shows it before any trust is read: its account, whether it is admin-equivalent, where it is defined. */
import { effectOf } from '../policy/principals';
import { PolicyDocument, Span } from '../model';
import { Principal, PrincipalIndex, isAdminPolicyArn } from './principals';
import { GraphNode, SourceRef } from './types';

/** A principal's node before any trust is read, when no other principal made a node of the same id. */
export function principalNode(principal: Principal, principals: PrincipalIndex, ref: (uri: string, span: Span) => SourceRef): GraphNode {
  const definedAt = principal.definedAt;
  return {
    id: principal.nodeId,
    kind: principal.kind,
    label: principal.name ?? principal.nodeId.split(':').pop()!,
    ...(principal.arn ? { arn: principal.arn } : {}),
    ...(principal.accountId ? { accountId: principal.accountId, parent: `account:${principal.accountId}` } : {}),
    adminEquivalent: isAdminEquivalent(principal, principals),
    ...(definedAt ? { source: ref(definedAt.uri, definedAt.span) } : {}),
  };
}

/** Admin-equivalent: AdministratorAccess attached, or an Allow of every action on every resource without conditions. */
export function isAdminEquivalent(principal: Principal, principals: PrincipalIndex): boolean {
  if (principals.managedArnsOf(principal).some(isAdminPolicyArn)) return true;
  return principals.documentsOf(principal).some(allowsEverything);
}

/** Documents do not change once parsed: each is read once, however many builds and principals share it. */
const everythingAllowed = new WeakMap<PolicyDocument, boolean>();

function allowsEverything(document: PolicyDocument): boolean {
  let allows = everythingAllowed.get(document);
  if (allows === undefined) {
    allows = document.statements.some(
      (statement) =>
        effectOf(statement) === 'Allow' &&
        !statement.condition &&
        (statement.action?.value.items ?? []).some((item) => item.type === 'string' && (item.text === '*' || item.text === '*:*')) &&
        (statement.resource?.value.items ?? []).some((item) => item.type === 'string' && item.text === '*'),
    );
    everythingAllowed.set(document, allows);
  }
  return allows;
}
