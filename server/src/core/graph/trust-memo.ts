/**
 * The trust memo: what reading each role's trust policy wrote into the graph last time (nodes,
 * edges, notes), with every question that reading asked of the workspace and the answer it got.
 * When the graph is built again and each question still gets the same answer, the record is written
 * again instead of reading the trust anew: after a one-file change only the roles the file touches
 * (their trust, or a caller's policies, or an account's principals) are read again.
 *
 * What every role depends on (the configuration, the accounts, the SCPs and RCPs) is the memo's
 * epoch: when it changes, every trust is read again.
 */
import { Finding } from '../findings';
import { PolicyDocument } from '../model';
import { ProviderFact } from './facts';
import { GraphBuilder, NodeInput, PendingEdge, TrustBuilder, edgeId } from './graph-builder';
import { Principal, PrincipalIndex, PrincipalLookup } from './principals';
import { TrustContext, addTrustEdges } from './trust-edges';
import { NodeKind } from './types';

export type Write =
  | { readonly kind: 'node'; readonly node: NodeInput }
  | { readonly kind: 'account'; readonly id: string }
  | { readonly kind: 'unresolved'; readonly nodeId: string; readonly text: string }
  | { readonly kind: 'edge'; readonly edge: PendingEdge; readonly id: string }
  | { readonly kind: 'note'; readonly text: string };

/**
 * A question asked of the workspace while a trust was read, with its answer in a comparable form: a
 * principal as the number of what trust edges read of it, an account as its principals' numbers.
 */
type Question =
  | { readonly kind: 'arn'; readonly arn: string; readonly principalKind: 'role' | 'user'; readonly accountId: string; readonly name: string; readonly answer: number }
  | { readonly kind: 'address'; readonly address: string; readonly answer: number }
  | { readonly kind: 'account'; readonly accountId: string; readonly answer: string }
  | { readonly kind: 'provider'; readonly address: string; readonly answer: string };

export interface Recording {
  readonly questions: readonly Question[];
  readonly writes: readonly Write[];
}

export class TrustMemo {
  private epoch: string | undefined;
  private recordings = new Map<string, Recording>();
  /** Principal answers seen so far, numbered; records hold the numbers. */
  private numbers = new Map<string, number>();
  /** The number of each principal object's answer: one that stays the same object reads the same (PrincipalIndex.refresh). */
  private answered = new WeakMap<Principal, number>();
  private readonly keys = new WeakMap<Principal, RoleKey>();

  /** Starts a build of the graph. `epoch` stands for what every role's edges depend on. */
  begin(epoch: string, principals: PrincipalIndex, providerByAddress: (address: string) => ProviderFact | undefined): TrustMemoBuild {
    // Old answers are dropped now and then, with the records that use them, so the table stays small.
    if (epoch !== this.epoch || this.numbers.size > 4 * principals.principals().length + 1000) {
      this.recordings = new Map();
      this.numbers = new Map();
      this.answered = new WeakMap();
    }
    this.epoch = epoch;
    return new TrustMemoBuild(this.recordings, this.keys, new Answers(principals, providerByAddress, this.numbers, this.answered), (kept) => {
      // Only what this build used is kept: records of roles that went away go with them.
      this.recordings = kept;
    });
  }
}

export class TrustMemoBuild {
  private readonly kept = new Map<string, Recording>();
  /** Roles read anew and roles whose record was written again, in this build. */
  readonly counts = { read: 0, reused: 0 };

  constructor(
    private readonly previous: ReadonlyMap<string, Recording>,
    private readonly keys: WeakMap<Principal, RoleKey>,
    private readonly answers: Answers,
    private readonly done: (kept: Map<string, Recording>) => void,
  ) {}

  /** As `addTrustEdges`, from the record when its questions get the same answers; returns the record. */
  addTrustEdges(role: Principal, trust: PolicyDocument, context: TrustContext, builder: GraphBuilder): Recording {
    const findings = context.findings(trust.uri);
    const folder = context.folderOf(trust.uri);
    let known = this.keys.get(role);
    if (!known || known.trust !== trust || known.findings !== findings || known.folder !== folder) {
      known = { trust, findings, folder, key: roleKey(role, trust, findings, folder) };
      this.keys.set(role, known);
    }
    const { key } = known;
    const made = this.kept.get(key);
    const recorded = made ?? this.previous.get(key);
    if (recorded && (made || recorded.questions.every((question) => this.answers.holds(question)))) {
      replay(recorded.writes, builder);
      this.kept.set(key, recorded);
      this.counts.reused++;
      return recorded;
    }
    const recording = recordTrust(role, trust, context, this.answers, new RecordingBuilder(builder));
    this.kept.set(key, recording);
    this.counts.read++;
    return recording;
  }

  finish(): void {
    this.done(this.kept);
  }
}

interface RoleKey {
  readonly trust: PolicyDocument;
  readonly findings: readonly Finding[];
  readonly folder: string;
  readonly key: string;
}

/** A small number per object, for keys: the same document, or findings, as last time. */
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

export function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = nextObjectId++));
  return id;
}

/**
 * What one role's trust reading takes besides the questions: the role, its trust document, the
 * findings of the trust's file (the rule reasons) and its module folder. A document, or a file's
 * findings, are new objects whenever their file is read again.
 */
function roleKey(role: Principal, trust: PolicyDocument, findings: readonly Finding[], folder: string): string {
  return JSON.stringify([objectId(trust), findings.length ? objectId(findings) : 0, role.nodeId, role.name, role.arn, role.accountId, folder]);
}

function replay(writes: readonly Write[], builder: GraphBuilder): void {
  for (const write of writes) {
    switch (write.kind) {
      case 'node':
        builder.node(write.node);
        break;
      case 'account':
        builder.account(write.id);
        break;
      case 'unresolved':
        builder.addUnresolved(write.nodeId, write.text);
        break;
      case 'edge':
        builder.edge(write.edge, write.id);
        break;
      case 'note':
        builder.note(write.text);
        break;
    }
  }
}

function recordTrust(role: Principal, trust: PolicyDocument, context: TrustContext, answers: Answers, recorder: RecordingBuilder): Recording {
  const asking = new AskingPrincipals(answers);
  addTrustEdges(role, trust, {
    ...context,
    builder: recorder,
    principals: asking,
    providerByAddress: (address) => asking.provider(address),
  });
  return { questions: asking.questions, writes: recorder.writes };
}

/**
 * Reads a role's trust against a graph already built, writing nothing to it (graph-patch.ts applies
 * the record). A node the reading makes reads as the same node already in the graph: every writer
 * of a node writes the same, or the graph is not patched.
 */
export function recordTrustAside(role: Principal, trust: PolicyDocument, context: TrustContext, builder: GraphBuilder, principals: PrincipalIndex): Recording {
  const answers = new Answers(principals, context.providerByAddress, new Map(), new WeakMap());
  return recordTrust(role, trust, context, answers, new RecordingBuilder(builder, false));
}

/** The principals a record's questions are about, by their place in the index (the dependents of a role). */
export function askedPositions(recording: Recording, principals: PrincipalIndex): number[] {
  const positions: number[] = [];
  for (const question of recording.questions) {
    switch (question.kind) {
      case 'arn': {
        const position = principals.positionByArn(question.arn, question.principalKind, question.accountId, question.name);
        if (position !== undefined) positions.push(position);
        break;
      }
      case 'address': {
        const position = principals.positionByAddress(question.address);
        if (position !== undefined) positions.push(position);
        break;
      }
      case 'account':
        positions.push(...principals.positionsInAccount(question.accountId));
        break;
    }
  }
  return positions;
}

/** Keeps what trust edges write; passes it on to the graph's builder unless told not to. */
class RecordingBuilder implements TrustBuilder {
  readonly writes: Write[] = [];
  /** Labels of the nodes this reading made, when they are not passed on. */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly target: GraphBuilder,
    private readonly forward = true,
  ) {}

  get config(): GraphBuilder['config'] {
    return this.target.config;
  }

  isKnownAccount(id: string): boolean {
    return this.target.isKnownAccount(id);
  }

  knowsOrganisation(): boolean {
    return this.target.knowsOrganisation();
  }

  label(nodeId: string): string | undefined {
    return this.target.label(nodeId) ?? this.labels.get(nodeId);
  }

  account(id: string): string {
    this.writes.push({ kind: 'account', id });
    return this.forward ? this.target.account(id) : `account:${id}`;
  }

  node(node: NodeInput): string {
    this.writes.push({ kind: 'node', node });
    if (this.forward) return this.target.node(node);
    if (!this.labels.has(node.id)) this.labels.set(node.id, node.label);
    return node.id;
  }

  simpleNode(id: string, kind: NodeKind, label: string, accountId?: string): string {
    return this.node({ id, kind, label, ...(accountId ? { accountId } : {}) });
  }

  addUnresolved(nodeId: string, text: string): void {
    this.writes.push({ kind: 'unresolved', nodeId, text });
    if (this.forward) this.target.addUnresolved(nodeId, text);
  }

  edge(edge: PendingEdge): void {
    const id = edgeId(edge);
    this.writes.push({ kind: 'edge', edge, id });
    if (this.forward) this.target.edge(edge, id);
  }

  note(text: string): void {
    this.writes.push({ kind: 'note', text });
    if (this.forward) this.target.note(text);
  }
}

/** Answers the principal questions of trust edges, and keeps each question with its answer. */
class AskingPrincipals implements PrincipalLookup {
  readonly questions: Question[] = [];

  constructor(private readonly answers: Answers) {}

  byArn(arn: string, kind: 'role' | 'user', accountId: string, name: string): Principal | undefined {
    const found = this.answers.principals.byArn(arn, kind, accountId, name);
    this.questions.push({ kind: 'arn', arn, principalKind: kind, accountId, name, answer: this.answers.principal(found) });
    return found;
  }

  byAddress(address: string): Principal | undefined {
    const found = this.answers.principals.byAddress(address);
    this.questions.push({ kind: 'address', address, answer: this.answers.principal(found) });
    return found;
  }

  inAccount(accountId: string): readonly Principal[] {
    this.questions.push({ kind: 'account', accountId, answer: this.answers.account(accountId) });
    return this.answers.principals.inAccount(accountId);
  }

  // A principal reaches trust edges only as the answer to one of the questions above, whose
  // answer covers its documents and managed policies.
  documentsOf(principal: Principal): PolicyDocument[] {
    return this.answers.principals.documentsOf(principal);
  }

  managedArnsOf(principal: Principal): string[] {
    return this.answers.principals.managedArnsOf(principal);
  }

  provider(address: string): ProviderFact | undefined {
    const found = this.answers.providerByAddress(address);
    this.questions.push({ kind: 'provider', address, answer: this.answers.provider(found) });
    return found;
  }
}

/** The answers of one build, each worked out once. */
class Answers {
  private readonly byAccount = new Map<string, string>();

  constructor(
    readonly principals: PrincipalIndex,
    readonly providerByAddress: (address: string) => ProviderFact | undefined,
    private readonly numbers: Map<string, number>,
    private readonly byPrincipal: WeakMap<Principal, number>,
  ) {}

  /** Everything trust edges read of a principal (its node, ARN, account and policies), as a number; 0 for none. */
  principal(principal: Principal | undefined): number {
    if (!principal) return 0;
    let answer = this.byPrincipal.get(principal);
    if (answer === undefined) {
      const documents = this.principals.documentsOf(principal).map(objectId);
      const text = JSON.stringify([principal.nodeId, principal.name, principal.arn, principal.accountId, documents, this.principals.managedArnsOf(principal)]);
      answer = this.numbers.get(text);
      if (answer === undefined) this.numbers.set(text, (answer = this.numbers.size + 1));
      this.byPrincipal.set(principal, answer);
    }
    return answer;
  }

  account(accountId: string): string {
    let answer = this.byAccount.get(accountId);
    if (answer === undefined) {
      answer = '';
      for (const principal of this.principals.inAccount(accountId)) answer += `${this.principal(principal)},`;
      this.byAccount.set(accountId, answer);
    }
    return answer;
  }

  provider(provider: ProviderFact | undefined): string {
    return provider ? JSON.stringify([provider.kind, provider.name, provider.accountId]) : '';
  }

  holds(question: Question): boolean {
    switch (question.kind) {
      case 'arn':
        return this.principal(this.principals.byArn(question.arn, question.principalKind, question.accountId, question.name)) === question.answer;
      case 'address':
        return this.principal(this.principals.byAddress(question.address)) === question.answer;
      case 'account':
        return this.account(question.accountId) === question.answer;
      case 'provider':
        return this.provider(this.providerByAddress(question.address)) === question.answer;
    }
  }
}
