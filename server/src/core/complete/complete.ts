/**
 * Completion, syntax-neutral. A locator (JSON, or Terraform's `jsonencode`, heredocs and
 * `aws_iam_policy_document` blocks) turns a file and an offset into a `CursorContext` — which element
 * the cursor is in, what is typed, the span to replace, the policy and statement around it — and
 * this core turns the context into items. It never reads the text: the syntax only decides how
 * items are quoted and how keys are written (render.ts).
 */
import { Catalog } from '../catalog/catalog';
import { CursorContext } from '../locate/context';
import { actionEntries } from './actions';
import { conditionKeyEntries, operatorEntries } from './conditions';
import { documentArgumentEntries, statementArgumentEntries, takesNoPrincipal } from './policy-document';
import { principalTypeEntries, principalValueEntries } from './principals';
import { ValueShape, keyEntry, valueEntry } from './render';
import { resourceEntries } from './resources';
import { CompletionEntry, CompletionResult } from './types';

export function complete(context: CursorContext, catalog: Catalog): CompletionResult {
  return { items: entries(context, catalog), span: context.span, incomplete: context.element === 'action' || context.element === 'conditionOperator' };
}

function entries(context: CursorContext, catalog: Catalog): readonly CompletionEntry[] {
  switch (context.element) {
    case 'policyKey':
      return context.syntax === 'policy-document' ? documentArgumentEntries(context) : keys(context, POLICY_KEYS);
    case 'statementKey':
      return context.syntax === 'policy-document' ? statementArgumentEntries(context) : keys(context, statementKeys(context));
    case 'version':
      return [valueEntry(context, { label: '2012-10-17', kind: 'value', detail: 'current policy language version', sortText: '0' })];
    case 'effect':
      return ['Allow', 'Deny'].map((effect, index) => valueEntry(context, { label: effect, kind: 'value', sortText: String(index) }));
    case 'action':
      return actionEntries(context, catalog);
    case 'resource':
      return resourceEntries(context, catalog);
    case 'principalType':
      return principalTypeEntries(context);
    case 'principalValue':
      return principalValueEntries(context);
    case 'conditionOperator':
      return operatorEntries(context);
    case 'conditionKey':
      return conditionKeyEntries(context, catalog);
  }
}

interface KeyRow {
  readonly name: string;
  readonly shape: ValueShape;
  readonly documentation: string;
  readonly retrigger?: boolean;
}

const POLICY_KEYS: readonly KeyRow[] = [
  { name: 'Version', shape: 'version', documentation: 'The policy language version: always `2012-10-17`.' },
  { name: 'Statement', shape: 'statements', documentation: 'The statements of the policy.' },
  { name: 'Id', shape: 'string', documentation: 'An optional identifier of the policy.' },
];

const STATEMENT_KEYS: readonly KeyRow[] = [
  { name: 'Sid', shape: 'string', documentation: 'An optional statement ID: letters and digits, unique in the policy.' },
  { name: 'Effect', shape: 'effect', documentation: '`Allow` or `Deny`.' },
  { name: 'Principal', shape: 'principal', documentation: 'Who the statement applies to (trust and resource policies).' },
  { name: 'NotPrincipal', shape: 'principal', documentation: 'Every principal except the ones listed. Rarely what you want: prefer a Condition.' },
  { name: 'Action', shape: 'string', documentation: 'The actions the statement allows or denies, such as `s3:GetObject`.', retrigger: true },
  { name: 'NotAction', shape: 'string', documentation: 'Every action except the ones listed.', retrigger: true },
  { name: 'Resource', shape: 'string', documentation: 'The resources the statement applies to, as ARNs.', retrigger: true },
  { name: 'NotResource', shape: 'string', documentation: 'Every resource except the ones listed.', retrigger: true },
  { name: 'Condition', shape: 'condition', documentation: 'When the statement applies: operator → key → values.' },
];

/** Element pairs a statement may hold only one of. */
const EXCLUSIVE: Readonly<Record<string, string>> = {
  Action: 'NotAction',
  NotAction: 'Action',
  Resource: 'NotResource',
  NotResource: 'Resource',
  Principal: 'NotPrincipal',
  NotPrincipal: 'Principal',
};

function statementKeys(context: CursorContext): readonly KeyRow[] {
  const noPrincipal = takesNoPrincipal(context);
  return STATEMENT_KEYS.filter((row) => {
    if (noPrincipal && row.name.endsWith('Principal')) return false;
    const other = EXCLUSIVE[row.name];
    return !(other && context.siblingKeys.includes(other));
  });
}

function keys(context: CursorContext, rows: readonly KeyRow[]): CompletionEntry[] {
  const taken = new Set(context.siblingKeys);
  return rows
    .filter((row) => !taken.has(row.name))
    .map((row, index) =>
      keyEntry(context, {
        label: row.name,
        kind: 'key',
        shape: row.shape,
        documentation: row.documentation,
        sortText: String(index),
        retrigger: row.retrigger,
      }),
    );
}
