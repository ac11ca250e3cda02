/**
 * The principals of the workspace (roles, users) with the identity policies that apply to each:
 * inline ones, managed ones attached by ARN or Terraform reference, and (for users) their groups'.
 */
import { PolicyDocument } from '../model';
import { roleArn, userArn } from './arn';
import { FileFacts, Located, PrincipalKind, PrincipalTarget, RoleFact } from './facts';
import { pushAll } from '../text/push-all';

export interface Principal {
  readonly nodeId: string;
  readonly kind: 'role' | 'user';
  readonly name?: string;
  readonly accountId?: string;
  readonly arn?: string;
  readonly role?: RoleFact;
  /** Where the principal is defined; absent for one only named by the policies attached to it. */
  readonly definedAt?: Located;
  readonly documents: PolicyDocument[];
  readonly managedPolicyArns: string[];
  readonly groups: string[];
}

/** AWS managed policies that allow every action, or every action outside IAM and Organizations. */
const ADMIN_POLICIES = new Set(['arn:aws:iam::aws:policy/AdministratorAccess']);
const ASSUME_CAPABLE_POLICIES = new Set([...ADMIN_POLICIES, 'arn:aws:iam::aws:policy/PowerUserAccess']);

export function isAdminPolicyArn(arn: string): boolean {
  return ADMIN_POLICIES.has(arn);
}

/** Whether an attached AWS managed policy by itself allows sts:AssumeRole on any role. */
export function managedPolicyAllowsAssume(arn: string): boolean {
  return ASSUME_CAPABLE_POLICIES.has(arn);
}

export class PrincipalIndex {
  private readonly all: Principal[] = [];
  private readonly byAccount = new Map<string, Principal[]>();
  private readonly byKey = new Map<string, Principal>();
  private readonly byAddressMap = new Map<string, Principal>();
  private readonly groupDocuments = new Map<string, PolicyDocument[]>();
  private readonly groupManaged = new Map<string, string[]>();

  constructor(facts: readonly FileFacts[]) {
    const managedByAddress = new Map<string, PolicyDocument>();
    const managedByArn = new Map<string, PolicyDocument>();
    for (const file of facts) {
      for (const policy of file.managedPolicies) {
        if (policy.address) managedByAddress.set(policy.address, policy.document);
        if (policy.name && policy.accountId) managedByArn.set(`arn:aws:iam::${policy.accountId}:policy/${policy.name}`, policy.document);
      }
    }
    for (const file of facts) {
      for (const role of file.roles) {
        const principal = this.ensure({ kind: 'role', name: role.name, accountId: role.accountId, address: role.address }, role, role);
        pushAll(principal.managedPolicyArns, role.managedPolicyArns ?? []);
      }
      for (const user of file.users) {
        const principal = this.ensure({ kind: 'user', name: user.name, accountId: user.accountId, address: user.address }, user);
        pushAll(principal.groups, user.groups ?? []);
      }
    }
    for (const file of facts) {
      for (const membership of file.groupMemberships ?? []) this.resolve(membership.user)?.groups.push(membership.group);
    }
    for (const file of facts) {
      for (const policy of file.identityPolicies) this.attach(policy.target, { document: policy.document });
      for (const attachment of file.attachments) {
        const document = attachment.policyAddress ? managedByAddress.get(attachment.policyAddress) : undefined;
        const byArn = attachment.policyArn ? managedByArn.get(attachment.policyArn) : undefined;
        this.attach(attachment.target, { document: document ?? byArn, arn: document || byArn ? undefined : attachment.policyArn });
      }
    }
  }

  principals(): readonly Principal[] {
    return this.all;
  }

  byArn(arn: string, kind: 'role' | 'user', accountId: string, name: string): Principal | undefined {
    return this.byKey.get(principalKey(kind, accountId, name)) ?? this.all.find((p) => p.arn === arn);
  }

  /** A principal by its (qualified) Terraform address. */
  byAddress(address: string): Principal | undefined {
    return this.byAddressMap.get(address);
  }

  inAccount(accountId: string): readonly Principal[] {
    return this.byAccount.get(accountId) ?? [];
  }

  /** Every document that applies to the principal: its own and, for users, its groups'. */
  documentsOf(principal: Principal): PolicyDocument[] {
    return [...principal.documents, ...principal.groups.flatMap((group) => this.groupDocuments.get(group) ?? [])];
  }

  managedArnsOf(principal: Principal): string[] {
    return [...principal.managedPolicyArns, ...principal.groups.flatMap((group) => this.groupManaged.get(group) ?? [])];
  }

  private attach(target: PrincipalTarget, policy: { document?: PolicyDocument; arn?: string }): void {
    if (target.kind === 'group') {
      const group = target.name ?? target.address;
      if (!group) return;
      if (policy.document) push(this.groupDocuments, group, policy.document);
      if (policy.arn) push(this.groupManaged, group, policy.arn);
      return;
    }
    const principal = this.resolve(target);
    if (!principal) return;
    if (policy.document) principal.documents.push(policy.document);
    if (policy.arn) principal.managedPolicyArns.push(policy.arn);
  }

  /** A principal by reference, or by name and account; one only named by its policies is created. */
  private resolve(target: PrincipalTarget): Principal | undefined {
    if (target.address) {
      const found = this.byAddressMap.get(target.address);
      if (found) return found;
    }
    if (target.kind === 'group') return undefined;
    if (target.name && target.accountId) {
      return this.byKey.get(principalKey(target.kind, target.accountId, target.name)) ?? this.ensure(target);
    }
    if (target.name || target.address) return this.ensure(target);
    return undefined;
  }

  private ensure(target: PrincipalTarget, definedAt?: Located, role?: RoleFact): Principal {
    const kind = target.kind === 'user' ? 'user' : 'role';
    const key = target.name && target.accountId ? principalKey(kind, target.accountId, target.name) : undefined;
    const existing = (key && this.byKey.get(key)) || (target.address && this.byAddressMap.get(target.address));
    if (existing) {
      if (definedAt && !existing.definedAt) Object.assign(existing, { definedAt, role });
      // The same principal written twice (JSON and Terraform): references to either address find it.
      if (target.address && !this.byAddressMap.has(target.address)) this.byAddressMap.set(target.address, existing);
      return existing;
    }
    const nodeId = key ?? (target.address ? `${kind}:tf:${target.address}` : `${kind}:name:${target.name ?? '?'}`);
    const arn =
      target.name && target.accountId
        ? kind === 'role'
          ? roleArn(target.accountId, target.name, role?.path)
          : userArn(target.accountId, target.name)
        : undefined;
    const principal: Principal = {
      nodeId,
      kind,
      name: target.name,
      accountId: target.accountId,
      arn,
      role,
      definedAt,
      documents: [],
      managedPolicyArns: [],
      groups: [],
    };
    this.all.push(principal);
    if (principal.accountId) push(this.byAccount, principal.accountId, principal);
    if (key) this.byKey.set(key, principal);
    if (target.address) this.byAddressMap.set(target.address, principal);
    return principal;
  }
}

export function principalKey(kind: PrincipalKind | 'role' | 'user', accountId: string, name: string): string {
  return `${kind}:${accountId}:${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
