/** `Action` / `NotAction` items: service prefixes first, then the actions of the service typed. */
import { Catalog } from '../catalog/catalog';
import { CursorContext } from '../locate/context';
import { snippetText, valueEntry } from './render';
import { CompletionEntry } from './types';

/**
 * Entries depend only on the service and on how the value is quoted, never on where the cursor is
 * (the span travels in the result): built once per catalog and shape, then reused on every keystroke.
 */
const built = new WeakMap<Catalog, Map<string, readonly CompletionEntry[]>>();

function memo(catalog: Catalog, context: CursorContext, name: string, build: () => CompletionEntry[]): readonly CompletionEntry[] {
  let perCatalog = built.get(catalog);
  if (!perCatalog) built.set(catalog, (perCatalog = new Map()));
  const key = `${name}\u0000${context.syntax}\u0000${context.quoted}\u0000${context.openQuote}`;
  let entries = perCatalog.get(key);
  if (!entries) perCatalog.set(key, (entries = build()));
  return entries;
}

export function actionEntries(context: CursorContext, catalog: Catalog): readonly CompletionEntry[] {
  const colon = context.prefix.indexOf(':');
  if (colon < 0) {
    const typed = context.prefix.toLowerCase();
    // Services starting with what is typed sort first.
    return memo(catalog, context, '', () => serviceEntries(context, catalog)).map((entry) =>
      entry.kind === 'service' && !entry.label.startsWith(typed) ? { ...entry, sortText: '2' } : entry,
    );
  }
  const prefix = context.prefix.slice(0, colon);
  if (!catalog.hasService(prefix)) return [];
  return memo(catalog, context, prefix.toLowerCase(), () => serviceActionEntries(context, catalog, prefix.toLowerCase()));
}

function serviceActionEntries(context: CursorContext, catalog: Catalog, service: string): CompletionEntry[] {
  const serviceName = catalog.serviceName(service);
  const entries: CompletionEntry[] = [
    valueEntry(context, {
      label: `${service}:*`,
      kind: 'action',
      detail: 'every action',
      documentation: `Every action of ${serviceName}.`,
      sortText: '0',
    }),
  ];
  // The service's actions come sorted from the catalog, so the items stay in name order.
  for (const action of catalog.actions(service)) {
    const levels = action.accessLevels.join(', ');
    entries.push(
      valueEntry(context, {
        label: action.fullName,
        kind: 'action',
        detail: levels,
        documentation: `${action.description}\n\nAccess level: ${levels}`,
        sortText: '1',
      }),
    );
  }
  return entries;
}

function serviceEntries(context: CursorContext, catalog: Catalog): CompletionEntry[] {
  const entries: CompletionEntry[] = [valueEntry(context, { label: '*', kind: 'action', detail: 'every action of every service', sortText: '0' })];
  for (const service of catalog.services()) {
    entries.push(
      valueEntry(context, {
        label: service,
        kind: 'service',
        detail: catalog.serviceName(service),
        sortText: '1',
        // The prefix and its colon, the cursor left inside the string for the action to follow.
        snippetBody: `${snippetText(service)}:$0`,
        retrigger: true,
      }),
    );
  }
  return entries;
}
