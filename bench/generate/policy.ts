/**
 * IAM policies as JSON, generated from a seed: identity policies of a given number of statements or
 * a given size, written as people write them (two-space indentation, one key a line).
 */
import { Random, Seed } from './random';
import { SERVICES, accountId as randomAccountId, condition, sid } from './vocabulary';

export type StringOrList = string | string[];

export interface StatementJson {
  Sid?: string;
  Effect: string;
  Principal?: '*' | Record<string, StringOrList>;
  Action?: StringOrList;
  Resource?: StringOrList;
  Condition?: Record<string, Record<string, StringOrList>>;
  /** Generators for broken input may add keys the grammar does not know. */
  [other: string]: unknown;
}

export interface PolicyJson {
  Version?: string;
  Statement: StatementJson[];
  [other: string]: unknown;
}

export interface IdentityStatementOptions {
  readonly accountId: string;
  readonly organizationId: string;
  /** Index of the first statement, for unique Sids when statements are added in batches. */
  readonly firstIndex?: number;
  /** Resources per statement are one to this many; 3 by default. */
  readonly maxResources?: number;
  /** Share of statements with a condition; 0.3 by default. */
  readonly conditionRate?: number;
}

/** Statements that grant one service's actions on resources of that service, some with a condition. */
export function identityStatements(random: Random, count: number, options: IdentityStatementOptions): StatementJson[] {
  const statements: StatementJson[] = [];
  const first = options.firstIndex ?? 0;
  for (let i = 0; i < count; i++) statements.push(identityStatement(random, first + i, options));
  return statements;
}

function identityStatement(random: Random, index: number, options: IdentityStatementOptions): StatementJson {
  const service = random.pick(SERVICES);
  const actions = random.sample(service.actions, random.int(1, 4)).sort();
  const resources = Array.from({ length: random.int(1, options.maxResources ?? 3) }, () => service.resource(random, options.accountId));
  const statement: StatementJson = {
    Sid: sid(random, index),
    Effect: random.chance(0.9) ? 'Allow' : 'Deny',
    Action: actions.length === 1 ? actions[0]! : actions,
    Resource: resources.length === 1 ? resources[0]! : resources,
  };
  if (random.chance(options.conditionRate ?? 0.3)) {
    const choice = condition(random, options.organizationId);
    statement.Condition = { [choice.operator]: { [choice.key]: choice.values.length === 1 ? choice.values[0]! : [...choice.values] } };
  }
  return statement;
}

export interface GeneratedPolicy {
  readonly policy: PolicyJson;
  readonly text: string;
  readonly statements: number;
}

export interface PolicyOptions {
  readonly seed: Seed;
  readonly statements: number;
}

/** An identity policy with exactly `statements` statements. */
export function generatePolicy(options: PolicyOptions): GeneratedPolicy {
  const random = new Random(`policy/${options.seed}`);
  const context = { accountId: randomAccountId(random), organizationId: `o-${random.digits(10)}` };
  const policy: PolicyJson = { Version: '2012-10-17', Statement: identityStatements(random, options.statements, context) };
  return { policy, text: renderPolicyJson(policy), statements: options.statements };
}

export interface SizedPolicyOptions {
  readonly seed: Seed;
  /** The smallest size wanted, in UTF-8 bytes; the policy ends at the first statement that reaches it. */
  readonly bytes: number;
}

/** An identity policy of at least `bytes` bytes (the generated text is ASCII). */
export function generatePolicyOfSize(options: SizedPolicyOptions): GeneratedPolicy {
  const random = new Random(`sized-policy/${options.seed}`);
  const context = { accountId: randomAccountId(random), organizationId: `o-${random.digits(10)}` };
  const statements: StatementJson[] = [];
  const addStatement = (): number => {
    const [statement] = identityStatements(random, 1, { ...context, firstIndex: statements.length });
    statements.push(statement!);
    // The statement's own lines, indented by four, and the comma and newline before it.
    return renderIndented(statement!, 4).length + 2;
  };
  let estimate = renderPolicyJson({ Version: '2012-10-17', Statement: [] }).length;
  while (estimate < options.bytes) estimate += addStatement();
  let policy: PolicyJson = { Version: '2012-10-17', Statement: statements };
  let text = renderPolicyJson(policy);
  // The estimate is a few bytes off around the brackets; top up if it fell short.
  while (Buffer.byteLength(text) < options.bytes) {
    addStatement();
    policy = { Version: '2012-10-17', Statement: statements };
    text = renderPolicyJson(policy);
  }
  return { policy, text, statements: statements.length };
}

/** The policy as `JSON.stringify(policy, null, 2)` writes it, plus a final newline. */
export function renderPolicyJson(policy: PolicyJson): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

function renderIndented(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
