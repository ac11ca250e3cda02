/**
 * `Resource` / `NotResource` items: the ARN templates of the resource types the statement's actions
 * act on, as snippets with a placeholder per variable; the ones most actions share come first.
 */
import { Catalog, ResourceTypeInfo } from '../catalog/catalog';
import { statementActions } from '../catalog/statement-actions';
import { CursorContext } from '../locate/context';
import { templateSnippet, valueEntry } from './render';
import { CompletionEntry } from './types';

export function resourceEntries(context: CursorContext, catalog: Catalog): CompletionEntry[] {
  const { actions } = statementActions(context.statement, catalog);
  const byArn = new Map<string, { info: ResourceTypeInfo; uses: number; required: boolean }>();
  for (const action of actions) {
    for (const type of action.resourceTypes) {
      const info = catalog.resourceType(action.service, type.name);
      if (!info) continue;
      const seen = byArn.get(info.arn);
      if (seen) {
        seen.uses++;
        seen.required ||= type.required;
      } else byArn.set(info.arn, { info, uses: 1, required: type.required });
    }
  }
  const ranked = [...byArn.values()].sort(
    (a, b) => Number(b.required) - Number(a.required) || b.uses - a.uses || a.info.arn.localeCompare(b.info.arn),
  );
  const entries = ranked.map(({ info, uses }, index) =>
    valueEntry(context, {
      label: info.arn,
      kind: 'arn',
      detail: `${info.service} ${info.name}`,
      documentation: `ARN of a ${info.service} \`${info.name}\`, used by ${uses} of the statement's actions.`,
      sortText: String(index).padStart(4, '0'),
      snippetBody: templateSnippet(info.arn, { Partition: 'aws' }),
    }),
  );
  entries.push(valueEntry(context, { label: '*', kind: 'value', detail: 'every resource', sortText: '9999' }));
  return entries;
}
