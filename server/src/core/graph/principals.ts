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

/** What trust edges ask of the principals (the trust memo watches these questions). */
export interface PrincipalLookup {
  byArn(arn: string, kind: 'role' | 'user', accountId: string, name: string): Principal | undefined;
  byAddress(address: string): Principal | undefined;
  inAccount(accountId: string): readonly Principal[];
  documentsOf(principal: Principal): PolicyDocument[];
  managedArnsOf(principal: Principal): string[];
}

/** Where a principal's definition or one of its policies is: an item of one file's facts. */
interface Source {
  readonly file: number;
  readonly list: 'roles' | 'users' | 'identityPolicies' | 'managedPolicies';
  readonly item: number;
}

/**
 * How an index was made from its facts: who the principals are and how they are found (by their
 * place in the index), and where each one's definition and policies come from. It holds for any
 * facts of the same principal shape (principalShape): those only change what the sources hold.
 */
interface Structure {
  readonly byKey: Map<string, number>;
  readonly byAddress: Map<string, number>;
  /** The first principal made with each ARN. */
  readonly byArn: Map<string, number>;
  readonly byAccount: Map<string, number[]>;
  readonly groupManaged: Map<string, string[]>;
  readonly definedBy: (Source | undefined)[];
  readonly documentSources: Source[][];
  readonly groupSources: Map<string, Source[]>;
  /** For each file, the principals and groups whose definition or policies it holds. */
  readonly readers: Map<number, { readonly principals: Set<number>; readonly groups: Set<string> }>;
}

export class PrincipalIndex implements PrincipalLookup {
  private readonly all: Principal[];
  private readonly groupDocuments: Map<string, PolicyDocument[]>;
  private readonly structure: Structure;
  private readonly accounts = new Map<string, Principal[]>();

  constructor(
    private readonly facts: readonly FileFacts[],
    reuse?: { readonly structure: Structure; readonly all: Principal[]; readonly groupDocuments: Map<string, PolicyDocument[]> },
  ) {
    if (reuse) {
      ({ structure: this.structure, all: this.all, groupDocuments: this.groupDocuments } = reuse);
      return;
    }
    this.all = [];
    this.groupDocuments = new Map();
    this.structure = {
      byKey: new Map(),
      byAddress: new Map(),
      byArn: new Map(),
      byAccount: new Map(),
      groupManaged: new Map(),
      definedBy: [],
      documentSources: [],
      groupSources: new Map(),
      readers: new Map(),
    };
    const managedByAddress = new Map<string, { document: PolicyDocument; source: Source }>();
    const managedByArn = new Map<string, { document: PolicyDocument; source: Source }>();
    facts.forEach((file, index) => {
      file.managedPolicies.forEach((policy, item) => {
        const managed = { document: policy.document, source: { file: index, list: 'managedPolicies', item } as const };
        if (policy.address) managedByAddress.set(policy.address, managed);
        if (policy.name && policy.accountId) managedByArn.set(`arn:aws:iam::${policy.accountId}:policy/${policy.name}`, managed);
      });
    });
    facts.forEach((file, index) => {
      file.roles.forEach((role, item) => {
        const principal = this.ensure({ kind: 'role', name: role.name, accountId: role.accountId, address: role.address }, role, role, { file: index, list: 'roles', item });
        pushAll(principal.managedPolicyArns, role.managedPolicyArns ?? []);
      });
      file.users.forEach((user, item) => {
        const principal = this.ensure({ kind: 'user', name: user.name, accountId: user.accountId, address: user.address }, user, undefined, { file: index, list: 'users', item });
        pushAll(principal.groups, user.groups ?? []);
      });
    });
    for (const file of facts) {
      for (const membership of file.groupMemberships ?? []) this.resolve(membership.user)?.groups.push(membership.group);
    }
    facts.forEach((file, index) => {
      file.identityPolicies.forEach((policy, item) => this.attach(policy.target, { document: policy.document, source: { file: index, list: 'identityPolicies', item } }));
      for (const attachment of file.attachments) {
        const managed = (attachment.policyAddress ? managedByAddress.get(attachment.policyAddress) : undefined) ?? (attachment.policyArn ? managedByArn.get(attachment.policyArn) : undefined);
        this.attach(attachment.target, managed ?? { arn: attachment.policyArn });
      }
    });
  }

  /**
   * The index of new facts that differ from this index's only in what their principals' policies
   * and definitions hold (each file the same as before or of the same principal shape): the
   * principals those files do not touch stay the same objects. Undefined when the shape changed.
   */
  refresh(facts: readonly FileFacts[]): PrincipalIndex | undefined {
    if (facts === this.facts) return this;
    if (facts.length !== this.facts.length) return undefined;
    const changed: number[] = [];
    for (let index = 0; index < facts.length; index++) {
      if (facts[index] === this.facts[index]) continue;
      if (principalShape(facts[index]!) !== principalShape(this.facts[index]!)) return undefined;
      changed.push(index);
    }
    const { structure } = this;
    const all = this.all.slice();
    const groupDocuments = new Map(this.groupDocuments);
    const read = (source: Source): FileFacts[Source['list']][number] => facts[source.file]![source.list][source.item]!;
    const document = (source: Source): PolicyDocument => (read(source) as { document: PolicyDocument }).document;
    for (const file of changed) {
      const readers = structure.readers.get(file);
      if (!readers) continue;
      for (const position of readers.principals) {
        const definedBy = structure.definedBy[position];
        const definedAt = definedBy ? (read(definedBy) as Located) : undefined;
        all[position] = {
          ...all[position]!,
          documents: structure.documentSources[position]!.map(document),
          ...(definedBy ? { definedAt, role: definedBy.list === 'roles' ? (definedAt as RoleFact) : undefined } : {}),
        };
      }
      for (const group of readers.groups) groupDocuments.set(group, structure.groupSources.get(group)!.map(document));
    }
    // A user whose group's policies changed is renewed too: a principal that stays the same object reads the same.
    if (groupDocuments.size && changed.some((file) => structure.readers.get(file)?.groups.size)) {
      all.forEach((principal, position) => {
        if (principal.groups.some((group) => groupDocuments.get(group) !== this.groupDocuments.get(group))) all[position] = { ...principal };
      });
    }
    return new PrincipalIndex(facts, { structure, all, groupDocuments });
  }

  principals(): readonly Principal[] {
    return this.all;
  }

  byArn(arn: string, kind: 'role' | 'user', accountId: string, name: string): Principal | undefined {
    return this.at(this.structure.byKey.get(principalKey(kind, accountId, name)) ?? this.structure.byArn.get(arn));
  }

  /** A principal by its (qualified) Terraform address. */
  byAddress(address: string): Principal | undefined {
    return this.at(this.structure.byAddress.get(address));
  }

  inAccount(accountId: string): readonly Principal[] {
    let principals = this.accounts.get(accountId);
    if (!principals) {
      principals = (this.structure.byAccount.get(accountId) ?? []).map((position) => this.all[position]!);
      this.accounts.set(accountId, principals);
    }
    return principals;
  }

  /** Every document that applies to the principal: its own and, for users, its groups'. */
  documentsOf(principal: Principal): PolicyDocument[] {
    return [...principal.documents, ...principal.groups.flatMap((group) => this.groupDocuments.get(group) ?? [])];
  }

  managedArnsOf(principal: Principal): string[] {
    return [...principal.managedPolicyArns, ...principal.groups.flatMap((group) => this.structure.groupManaged.get(group) ?? [])];
  }

  positionByArn(arn: string, kind: 'role' | 'user', accountId: string, name: string): number | undefined {
    return this.structure.byKey.get(principalKey(kind, accountId, name)) ?? this.structure.byArn.get(arn);
  }

  positionByAddress(address: string): number | undefined {
    return this.structure.byAddress.get(address);
  }

  positionsInAccount(accountId: string): readonly number[] {
    return this.structure.byAccount.get(accountId) ?? [];
  }

  /** Whether `other` is this index refreshed (or the other way round): the same principals in the same places. */
  sameStructure(other: PrincipalIndex): boolean {
    return this.structure === other.structure;
  }

  private at(position: number | undefined): Principal | undefined {
    return position === undefined ? undefined : this.all[position];
  }

  private addReader(source: Source, reader: { principal: number } | { group: string }): void {
    let readers = this.structure.readers.get(source.file);
    if (!readers) this.structure.readers.set(source.file, (readers = { principals: new Set(), groups: new Set() }));
    if ('principal' in reader) readers.principals.add(reader.principal);
    else readers.groups.add(reader.group);
  }

  private attach(target: PrincipalTarget, policy: { document?: PolicyDocument; source?: Source; arn?: string }): void {
    if (target.kind === 'group') {
      const group = target.name ?? target.address;
      if (!group) return;
      if (policy.document) {
        push(this.groupDocuments, group, policy.document);
        push(this.structure.groupSources, group, policy.source!);
        this.addReader(policy.source!, { group });
      }
      if (policy.arn) push(this.structure.groupManaged, group, policy.arn);
      return;
    }
    const principal = this.resolve(target);
    if (!principal) return;
    if (policy.document) {
      const position = this.position(principal);
      principal.documents.push(policy.document);
      this.structure.documentSources[position]!.push(policy.source!);
      this.addReader(policy.source!, { principal: position });
    }
    if (policy.arn) principal.managedPolicyArns.push(policy.arn);
  }

  /** While the index is made, principals are found by key or address: their place is kept beside them. */
  private readonly positions = new Map<Principal, number>();

  private position(principal: Principal): number {
    return this.positions.get(principal)!;
  }

  /** A principal by reference, or by name and account; one only named by its policies is created. */
  private resolve(target: PrincipalTarget): Principal | undefined {
    if (target.address) {
      const found = this.byAddress(target.address);
      if (found) return found;
    }
    if (target.kind === 'group') return undefined;
    if (target.name && target.accountId) {
      return this.at(this.structure.byKey.get(principalKey(target.kind, target.accountId, target.name))) ?? this.ensure(target);
    }
    if (target.name || target.address) return this.ensure(target);
    return undefined;
  }

  private ensure(target: PrincipalTarget, definedAt?: Located, role?: RoleFact, source?: Source): Principal {
    const { structure } = this;
    const kind = target.kind === 'user' ? 'user' : 'role';
    const key = target.name && target.accountId ? principalKey(kind, target.accountId, target.name) : undefined;
    const existingAt = (key !== undefined ? structure.byKey.get(key) : undefined) ?? (target.address ? structure.byAddress.get(target.address) : undefined);
    if (existingAt !== undefined) {
      const existing = this.all[existingAt]!;
      if (definedAt && !existing.definedAt) {
        Object.assign(existing, { definedAt, role });
        structure.definedBy[existingAt] = source;
        this.addReader(source!, { principal: existingAt });
      }
      // The same principal written twice (JSON and Terraform): references to either address find it.
      if (target.address && !structure.byAddress.has(target.address)) structure.byAddress.set(target.address, existingAt);
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
    const position = this.all.length;
    this.all.push(principal);
    this.positions.set(principal, position);
    structure.definedBy.push(definedAt ? source : undefined);
    structure.documentSources.push([]);
    if (definedAt) this.addReader(source!, { principal: position });
    if (arn && !structure.byArn.has(arn)) structure.byArn.set(arn, position);
    if (principal.accountId) push(structure.byAccount, principal.accountId, position);
    if (key) structure.byKey.set(key, position);
    if (target.address) structure.byAddress.set(target.address, position);
    return principal;
  }
}

const shapes = new WeakMap<FileFacts, string>();

/**
 * What of a file's facts decides who the principals are and which policies attach to which: names,
 * accounts, addresses, paths, managed ARNs, groups and policy targets, but not the policies' contents
 * nor where things are written.
 */
export function principalShape(file: FileFacts): string {
  let shape = shapes.get(file);
  if (shape === undefined) {
    shape = JSON.stringify([
      file.managedPolicies.map((policy) => [policy.address, policy.name, policy.accountId]),
      file.roles.map((role) => [role.name, role.accountId, role.address, role.path, role.managedPolicyArns]),
      file.users.map((user) => [user.name, user.accountId, user.address, user.groups]),
      (file.groupMemberships ?? []).map((membership) => [targetShape(membership.user), membership.group]),
      file.identityPolicies.map((policy) => targetShape(policy.target)),
      file.attachments.map((attachment) => [targetShape(attachment.target), attachment.policyArn, attachment.policyAddress]),
    ]);
    shapes.set(file, shape);
  }
  return shape;
}

function targetShape(target: PrincipalTarget): unknown[] {
  return [target.kind, target.name, target.accountId, target.address];
}

export function principalKey(kind: PrincipalKind | 'role' | 'user', accountId: string, name: string): string {
  return `${kind}:${accountId}:${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
