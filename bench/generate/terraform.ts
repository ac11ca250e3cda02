/**
 * IAM policies written in Terraform, in the three ways people write them: `jsonencode({ … })`, JSON in
 * a heredoc, and `data "aws_iam_policy_document"` blocks. The same policy objects as the JSON
 * generator, so one seed can give the same policy in every syntax.
 */
import { PolicyJson, StatementJson, StringOrList, identityStatements } from './policy';
import { Random, Seed } from './random';
import { accountId as randomAccountId, resourceName, word } from './vocabulary';

export type TerraformPolicySyntax = 'jsonencode' | 'heredoc' | 'policy-document';

export const TERRAFORM_SYNTAXES: readonly TerraformPolicySyntax[] = ['jsonencode', 'heredoc', 'policy-document'];

/** A Terraform string literal: JSON escapes, and `${` / `%{` escaped so nothing is interpolated. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

/** A JSON value as an HCL expression (objects, tuples, strings), starting at `indent`. */
export function hclValue(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return `[${value.map((item) => hclString(item as string)).join(', ')}]`;
    return `[\n${value.map((item) => `${inner}${hclValue(item, indent + 2)},`).join('\n')}\n${pad}]`;
  }
  if (value && typeof value === 'object') {
    const members = Object.entries(value).map(([key, member]) => `${inner}${hclKey(key)} = ${hclValue(member, indent + 2)}`);
    return `{\n${members.join('\n')}\n${pad}}`;
  }
  return 'null';
}

/** `jsonencode({ … })` for an argument at `indent`. */
export function jsonencodePolicy(policy: PolicyJson, indent: number): string {
  return `jsonencode(${hclValue(policy, indent)})`;
}

/** The policy as JSON in an indented heredoc (`<<-EOT`), for an argument at `indent`. */
export function heredocPolicy(policy: PolicyJson, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const json = JSON.stringify(policy, null, 2)
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{')
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
  return `<<-EOT\n${json}\n${' '.repeat(indent)}EOT`;
}

const list = (value: StringOrList | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** `data "aws_iam_policy_document" "<name>" { statement { … } }`. */
export function policyDocumentBlock(name: string, policy: PolicyJson): string {
  const lines = [`data "aws_iam_policy_document" ${hclString(name)} {`];
  for (const statement of policy.Statement) lines.push(...statementBlock(statement));
  lines.push('}');
  return lines.join('\n');
}

function statementBlock(statement: StatementJson): string[] {
  const strings = (items: readonly string[]): string => `[${items.map(hclString).join(', ')}]`;
  const lines = ['  statement {'];
  if (statement.Sid) lines.push(`    sid       = ${hclString(statement.Sid)}`);
  lines.push(`    effect    = ${hclString(statement.Effect)}`);
  if (statement.Action) lines.push(`    actions   = ${strings(list(statement.Action))}`);
  if (statement.Resource) lines.push(`    resources = ${strings(list(statement.Resource))}`);
  if (statement.Principal) {
    const principals = statement.Principal === '*' ? { '*': ['*'] } : statement.Principal;
    for (const [type, identifiers] of Object.entries(principals)) {
      lines.push('    principals {', `      type        = ${hclString(type)}`, `      identifiers = ${strings(list(identifiers))}`, '    }');
    }
  }
  for (const [test, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [variable, values] of Object.entries(keys)) {
      lines.push('    condition {', `      test     = ${hclString(test)}`, `      variable = ${hclString(variable)}`, `      values   = ${strings(list(values))}`, '    }');
    }
  }
  lines.push('  }');
  return lines;
}

/** A Terraform name: letters, digits and underscores. */
export function terraformName(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

/** One identity policy as a resource (and, for policy_document, the data block it reads). */
export function identityPolicyResource(name: string, policy: PolicyJson, syntax: TerraformPolicySyntax): string {
  const id = terraformName(name);
  switch (syntax) {
    case 'jsonencode':
      return [`resource "aws_iam_policy" ${hclString(id)} {`, `  name   = ${hclString(name)}`, `  policy = ${jsonencodePolicy(policy, 2)}`, '}'].join('\n');
    case 'heredoc':
      return [
        `resource "aws_iam_role_policy" ${hclString(id)} {`,
        `  name   = ${hclString(name)}`,
        `  role   = ${hclString(`${name}-role`)}`,
        `  policy = ${heredocPolicy(policy, 2)}`,
        '}',
      ].join('\n');
    case 'policy-document':
      return [
        policyDocumentBlock(id, policy),
        '',
        `resource "aws_iam_policy" ${hclString(id)} {`,
        `  name   = ${hclString(name)}`,
        `  policy = data.aws_iam_policy_document.${id}.json`,
        '}',
      ].join('\n');
  }
}

export interface GeneratedTerraform {
  readonly text: string;
  readonly policies: number;
  readonly statements: number;
  /** Policies written in each syntax. */
  readonly bySyntax: Readonly<Record<TerraformPolicySyntax, number>>;
}

export interface TerraformFileOptions {
  readonly seed: Seed;
  /** Statements in the whole file. */
  readonly statements: number;
  /** Statements per policy; the last policy takes what is left. 10 by default. */
  readonly statementsPerPolicy?: number;
  /** The syntaxes to use, in turn; all three by default. */
  readonly syntaxes?: readonly TerraformPolicySyntax[];
}

/** A .tf file whose policies hold `statements` statements in all, the syntaxes taken in turn. */
export function generateTerraformFile(options: TerraformFileOptions): GeneratedTerraform {
  const random = new Random(`terraform/${options.seed}`);
  const context = { accountId: randomAccountId(random), organizationId: `o-${random.digits(10)}` };
  const perPolicy = options.statementsPerPolicy ?? 10;
  const syntaxes = options.syntaxes ?? TERRAFORM_SYNTAXES;
  const bySyntax: Record<TerraformPolicySyntax, number> = { jsonencode: 0, heredoc: 0, 'policy-document': 0 };
  const blocks: string[] = [];
  let written = 0;
  while (written < options.statements) {
    const count = Math.min(perPolicy, options.statements - written);
    const syntax = syntaxes[blocks.length % syntaxes.length]!;
    const policy: PolicyJson = { Version: '2012-10-17', Statement: identityStatements(random, count, { ...context, firstIndex: written }) };
    blocks.push(identityPolicyResource(`${resourceName(random)}-${blocks.length}`, policy, syntax));
    bySyntax[syntax]++;
    written += count;
  }
  return { text: `${blocks.join('\n\n')}\n`, policies: blocks.length, statements: written, bySyntax };
}

export interface LargeTerraformOptions {
  readonly seed: Seed;
  readonly policies: number;
  /** The file is padded with other resources up to at least this many lines. */
  readonly lines: number;
}

export interface GeneratedLargeTerraform extends GeneratedTerraform {
  readonly lines: number;
}

/**
 * A module file as large ones look: `policies` one-statement policies, in every syntax, between
 * buckets and queues that hold no policy, padded up to `lines` lines. 300 policies alone take about
 * 5,300 lines, so `{ policies: 300, lines: 5000 }` is the module of issue #4 without padding.
 */
export function generateLargeTerraformFile(options: LargeTerraformOptions): GeneratedLargeTerraform {
  const random = new Random(`large-terraform/${options.seed}`);
  const filler = random.fork('filler');
  const context = { accountId: randomAccountId(random), organizationId: `o-${random.digits(10)}` };
  const bySyntax: Record<TerraformPolicySyntax, number> = { jsonencode: 0, heredoc: 0, 'policy-document': 0 };
  const policyBlocks: string[] = [];
  let statements = 0;
  for (let i = 0; i < options.policies; i++) {
    const syntax = TERRAFORM_SYNTAXES[i % TERRAFORM_SYNTAXES.length]!;
    const statement = identityStatements(random, 1, { ...context, firstIndex: statements, maxResources: 1, conditionRate: 0.15 });
    const policy: PolicyJson = { Version: '2012-10-17', Statement: statement };
    policyBlocks.push(identityPolicyResource(`${resourceName(random)}-${i}`, policy, syntax));
    bySyntax[syntax]++;
    statements++;
  }
  const lineCount = (block: string): number => block.split('\n').length + 1;
  let lines = policyBlocks.reduce((sum, block) => sum + lineCount(block), 0);
  const fillerBlocks: string[] = [];
  while (lines < options.lines) {
    const block = fillerResource(filler, fillerBlocks.length);
    fillerBlocks.push(block);
    lines += lineCount(block);
  }
  // Spread the filler evenly between the policies.
  const blocks: string[] = [];
  const ratio = fillerBlocks.length / Math.max(1, policyBlocks.length);
  let placed = 0;
  policyBlocks.forEach((block, index) => {
    blocks.push(block);
    const due = Math.round((index + 1) * ratio);
    while (placed < due) blocks.push(fillerBlocks[placed++]!);
  });
  while (placed < fillerBlocks.length) blocks.push(fillerBlocks[placed++]!);
  const text = `${blocks.join('\n\n')}\n`;
  return { text, policies: policyBlocks.length, statements, bySyntax, lines: text.split('\n').length - 1 };
}

function fillerResource(random: Random, index: number): string {
  const name = `${resourceName(random)}-${index}`;
  const id = terraformName(name);
  if (random.chance(0.5)) {
    return [
      `resource "aws_s3_bucket" ${hclString(id)} {`,
      `  bucket = ${hclString(name)}`,
      '  tags = {',
      `    team        = ${hclString(word(random))}`,
      `    environment = ${hclString(random.pick(['dev', 'staging', 'prod']))}`,
      '  }',
      '}',
    ].join('\n');
  }
  return [
    `resource "aws_sqs_queue" ${hclString(id)} {`,
    `  name                       = ${hclString(name)}`,
    `  visibility_timeout_seconds = ${random.pick([30, 60, 300])}`,
    `  message_retention_seconds  = ${random.pick([86400, 345600, 1209600])}`,
    '}',
  ].join('\n');
}
