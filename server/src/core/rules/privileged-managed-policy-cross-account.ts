import { describeCaller, incomingEdges } from '../governance/callers';
import { blockAt } from '../governance/terraform-resources';
import { AttachmentFact, PrincipalTarget } from '../graph/facts';
import { Principal, PrincipalIndex } from '../graph/principals';
import { GraphNode } from '../graph/types';
import { Span } from '../model';
import { attributeOf } from '../parse/terraform-syntax';
import { listSome } from './permissions-support';
import { WorkspaceReport, WorkspaceRule } from './types';

/** AWS managed policies that make whoever holds them an administrator, or able to become one. */
const PRIVILEGED: Readonly<Record<string, string>> = {
  AdministratorAccess: 'is an administrator of this account',
  IAMFullAccess: 'can grant themselves any permission in this account',
  PowerUserAccess: 'can use every service of this account except IAM and Organizations',
};
const MANAGED_ARN = /^arn:aws[\w-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

export const privilegedManagedPolicyCrossAccount: WorkspaceRule = {
  id: 'IAM512',
  name: 'privileged-managed-policy-cross-account',
  severity: 'warning',
  kinds: [],
  category: 'governance',
  summary: 'AdministratorAccess, IAMFullAccess or PowerUserAccess is attached to a role that principals of another account can assume.',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const { graph, queries, principals } = workspace;
    const incoming = incomingEdges(graph);
    // Each attachment of a privileged policy, by the role it attaches to.
    const attachmentsOf = new Map<Principal, AttachmentFact[]>();
    for (const attachment of workspace.facts.flatMap((file) => file.attachments)) {
      if (!attachment.policyArn || !MANAGED_ARN.test(attachment.policyArn)) continue;
      const principal = attachedRole(attachment.target, principals);
      if (!principal) continue;
      const list = attachmentsOf.get(principal);
      if (list) list.push(attachment);
      else attachmentsOf.set(principal, [attachment]);
    }
    const reports: WorkspaceReport[] = [];
    for (const principal of principals.principals()) {
      const node = queries.node(principal.nodeId);
      if (principal.kind !== 'role' || !node?.parent) continue;
      const callers = (incoming.get(node.id) ?? [])
        .filter((edge) => edge.kind === 'assume-role')
        .map((edge) => queries.node(edge.from))
        .filter((caller): caller is GraphNode => caller !== undefined && (caller.kind === 'anyone' || isOtherAccount(caller, node)));
      if (callers.length === 0) continue;
      const places: { uri: string; span: Span; policy: string }[] = [];
      // managed_policy_arns on the role itself.
      const role = principal.role;
      const roleBlock = role && blockAt(workspace, role.uri, role.span);
      const listed = roleBlock ? attributeOf(roleBlock.block, 'managed_policy_arns')?.value : undefined;
      for (const item of listed?.kind === 'tuple' ? listed.items : []) {
        const policy = item.kind === 'string' ? MANAGED_ARN.exec(item.value)?.[1] : undefined;
        if (policy) places.push({ uri: role!.uri, span: item.span, policy });
      }
      // Attachment resources that name the role.
      for (const attachment of attachmentsOf.get(principal) ?? []) {
        const policy = MANAGED_ARN.exec(attachment.policyArn ?? '')?.[1];
        if (!policy) continue;
        const found = blockAt(workspace, attachment.uri, attachment.span);
        const value = found && attributeOf(found.block, 'policy_arn')?.value;
        if (value) places.push({ uri: attachment.uri, span: value.span, policy });
      }
      const who = listSome(callers.map((caller) => describeCaller(caller, queries)), 3);
      const them = callers.length === 1 ? 'it' : 'them';
      for (const place of places) {
        reports.push({
          uri: place.uri,
          span: place.span,
          message: `${place.policy} is attached to role "${node.label}", which principals of other accounts can assume (${who}): whoever controls ${them} ${PRIVILEGED[place.policy]}. Attach a policy scoped to what the callers need instead.`,
        });
      }
    }
    return reports;
  },
};

function isOtherAccount(caller: GraphNode, role: GraphNode): boolean {
  const account = caller.kind === 'account' || caller.kind === 'external-account' ? caller.id : caller.parent;
  return account !== undefined && account !== role.parent;
}

/** The role an attachment names: by Terraform address, or by name in its account. */
function attachedRole(target: PrincipalTarget, principals: PrincipalIndex): Principal | undefined {
  if (target.kind !== 'role') return undefined;
  const byAddress = target.address ? principals.byAddress(target.address) : undefined;
  if (byAddress) return byAddress;
  return target.name !== undefined && target.accountId !== undefined ? principals.byArn('', 'role', target.accountId, target.name) : undefined;
}
