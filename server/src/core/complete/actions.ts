/** `Action` / `NotAction` items: service prefixes first, then the actions of the service typed. */
import { Catalog } from '../catalog/catalog';
import { CursorContext } from '../locate/context';
import { snippetText, valueEntry } from './render';
import { CompletionEntry } from './types';

export function actionEntries(context: CursorContext, catalog: Catalog): CompletionEntry[] {
  const colon = context.prefix.indexOf(':');
  if (colon < 0) return serviceEntries(context, catalog);
  const prefix = context.prefix.slice(0, colon);
  if (!catalog.hasService(prefix)) return [];
  const service = prefix.toLowerCase();
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
  const typed = context.prefix.toLowerCase();
  const entries: CompletionEntry[] = [];
  if (typed === '' || typed === '*') {
    entries.push(valueEntry(context, { label: '*', kind: 'action', detail: 'every action of every service', sortText: '0' }));
  }
  for (const service of catalog.services()) {
    entries.push(
      valueEntry(context, {
        label: service,
        kind: 'service',
        detail: catalog.serviceName(service),
        sortText: service.startsWith(typed) ? '1' : '2',
        // The prefix and its colon, the cursor left inside the string for the action to follow.
        snippetBody: `${snippetText(service)}:$0`,
        retrigger: true,
      }),
    );
  }
  return entries;
}
