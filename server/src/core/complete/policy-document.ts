/**
 * The argument and block names of a `data "aws_iam_policy_document"` block and of its `statement`
 * blocks, which have no JSON counterpart spelled the same: `actions = ["…"]`, and nested blocks
 * (`principals { type identifiers }`, `condition { test variable values }`) written as snippets.
 */
import { CursorContext } from '../locate/context';
import { PolicyKind } from '../model';
import { CompletionEntry } from './types';

interface ArgumentRow {
  readonly name: string;
  /** What follows the name, as a snippet: ` = "$1"`, or a block body. */
  readonly value: string;
  readonly documentation: string;
  /** May be written more than once (nested blocks). */
  readonly repeats?: boolean;
  /** The element of a statement it stands for, for the kinds that take no principal. */
  readonly principal?: boolean;
  readonly retrigger?: boolean;
}

const block = (...lines: string[]): string => ` {\n${lines.map((line) => `\t${line}`).join('\n')}\n}`;

const DOCUMENT_ARGUMENTS: readonly ArgumentRow[] = [
  {
    name: 'statement',
    value: block('effect    = "${1|Allow,Deny|}"', 'actions   = ["$2"]', 'resources = ["$3"]'),
    documentation: 'A statement of the policy.',
    repeats: true,
  },
  { name: 'version', value: ' = "2012-10-17"', documentation: 'The policy language version: `2012-10-17` (the default).' },
  { name: 'policy_id', value: ' = "$1"', documentation: 'The `Id` of the policy.' },
  { name: 'source_policy_documents', value: ' = [$1]', documentation: 'Policies (their `.json`) whose statements this one adds to; a statement here with the same `sid` wins.' },
  { name: 'override_policy_documents', value: ' = [$1]', documentation: 'Policies (their `.json`) whose statements replace the ones here with the same `sid`.' },
];

const STATEMENT_ARGUMENTS: readonly ArgumentRow[] = [
  { name: 'sid', value: ' = "$1"', documentation: 'An optional statement ID: letters and digits, unique in the policy.' },
  { name: 'effect', value: ' = "${1|Allow,Deny|}"', documentation: '`Allow` (the default) or `Deny`.' },
  { name: 'actions', value: ' = ["$1"]', documentation: 'The actions the statement allows or denies, such as `s3:GetObject`.', retrigger: true },
  { name: 'not_actions', value: ' = ["$1"]', documentation: 'Every action except the ones listed.', retrigger: true },
  { name: 'resources', value: ' = ["$1"]', documentation: 'The resources the statement applies to, as ARNs.', retrigger: true },
  { name: 'not_resources', value: ' = ["$1"]', documentation: 'Every resource except the ones listed.', retrigger: true },
  {
    name: 'principals',
    value: block('type        = "${1|AWS,Service,Federated|}"', 'identifiers = ["$2"]'),
    documentation: 'Who the statement applies to (trust and resource policies); one block per principal type.',
    repeats: true,
    principal: true,
  },
  {
    name: 'not_principals',
    value: block('type        = "${1|AWS,Service,Federated|}"', 'identifiers = ["$2"]'),
    documentation: 'Every principal except the ones listed. Rarely what you want: prefer a condition.',
    repeats: true,
    principal: true,
  },
  {
    name: 'condition',
    value: block('test     = "${1:StringEquals}"', 'variable = "$2"', 'values   = ["$3"]'),
    documentation: 'When the statement applies: one block per operator and condition key; the blocks must all match.',
    repeats: true,
  },
];

/** Arguments a statement block may hold only one of. */
const EXCLUSIVE: Readonly<Record<string, string>> = {
  actions: 'not_actions',
  not_actions: 'actions',
  resources: 'not_resources',
  not_resources: 'resources',
  principals: 'not_principals',
  not_principals: 'principals',
};

/** Kinds whose statements take no principal. */
const NO_PRINCIPAL: readonly PolicyKind[] = ['identity', 'scp', 'boundary', 'session'];

/**
 * Whether the statement at the cursor can take no Principal. A kind read from the content is only a
 * guess while the policy is being written (it turns into a trust policy once a principal is there);
 * one from a glob or from Terraform is known.
 */
export function takesNoPrincipal(context: CursorContext): boolean {
  const document = context.document;
  return document !== undefined && document.origin.kindReason !== 'content' && NO_PRINCIPAL.includes(document.kind);
}

export function documentArgumentEntries(context: CursorContext): CompletionEntry[] {
  return entries(context, DOCUMENT_ARGUMENTS);
}

export function statementArgumentEntries(context: CursorContext): CompletionEntry[] {
  const noPrincipal = takesNoPrincipal(context);
  return entries(
    context,
    STATEMENT_ARGUMENTS.filter((row) => !(noPrincipal && row.principal) && !(EXCLUSIVE[row.name] && context.siblingKeys.includes(EXCLUSIVE[row.name]!))),
  );
}

function entries(context: CursorContext, rows: readonly ArgumentRow[]): CompletionEntry[] {
  const taken = new Set(context.siblingKeys);
  return rows
    .filter((row) => row.repeats || !taken.has(row.name))
    .map((row, index): CompletionEntry => ({
      label: row.name,
      kind: 'key',
      documentation: row.documentation,
      // With a value or a block already after the name, only the name is replaced.
      insertText: context.hasValue ? row.name : `${row.name}${row.value}`,
      snippet: !context.hasValue,
      filterText: row.name,
      sortText: String(index),
      ...(row.retrigger && !context.hasValue ? { retrigger: true } : {}),
    }));
}
