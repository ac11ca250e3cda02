/**
 * IAM Identity Center: a permission set assigned to a group (or user) in an account provisions a
 * role there (AWSReservedSSO_<name>_…) that the group's members can use: an edge from the group to
 * the permission set's node inside the account.
 */
import { GraphBuilder } from './graph-builder';
import { GraphInput } from './build';
import { isAdminPolicyArn } from './principals';

export function addSsoEdges(builder: GraphBuilder, input: GraphInput): void {
  const assignments = input.facts.flatMap((file) => file.assignments);
  if (assignments.length === 0) return;
  const permissionSets = new Map(input.facts.flatMap((file) => file.permissionSets).map((set) => [set.address ?? set.name ?? '', set]));
  const extraPolicies = input.facts.flatMap((file) => file.permissionSetPolicies ?? []);
  const policiesOf = (address: string | undefined): string[] => [
    ...(permissionSets.get(address ?? '')?.managedPolicyArns ?? []),
    ...extraPolicies.filter((p) => p.permissionSet === address).map((p) => p.policyArn),
  ];
  const groups = new Map(input.facts.flatMap((file) => file.ssoGroups).map((group) => [group.address ?? group.name ?? '', group]));
  for (const assignment of assignments) {
    const set = assignment.permissionSet ? permissionSets.get(assignment.permissionSet) : undefined;
    const setName = set?.name ?? assignment.permissionSet ?? 'permission set';
    const account = assignment.accountId;
    if (!account) {
      builder.notes.push(`Identity Center assignment of ${setName} in ${assignment.uri}: the account could not be resolved`);
      continue;
    }
    const setNode = builder.node({
      id: `permission-set:${account}:${assignment.permissionSet ?? setName}`,
      kind: 'permission-set',
      label: setName,
      accountId: account,
      adminEquivalent: policiesOf(assignment.permissionSet).some(isAdminPolicyArn),
      ...(set ? { source: input.ref(set.uri, set.span) } : {}),
    });
    const principalKey = assignment.principal ?? '?';
    const group = groups.get(principalKey);
    const kind = assignment.principalType === 'USER' ? 'sso-user' : 'sso-group';
    const fromNode = builder.node({
      id: `${kind}:${principalKey}`,
      kind,
      label: group?.name ?? principalKey.replace(/^.*\./, ''),
      ...(group ? { source: input.ref(group.uri, group.span) } : {}),
    });
    builder.edge({
      from: fromNode,
      to: setNode,
      kind: 'sso-assignment',
      // Identity Center signs members into the provisioned role with SAML.
      actions: ['sts:AssumeRoleWithSAML'],
      conditions: [],
      source: input.ref(assignment.uri, assignment.span),
      basis: 'granted',
      reasons: [],
    });
  }
}
