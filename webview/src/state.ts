/**
 * What the panel remembers while hidden (and across a window reload): the view, not the graph.
 * Saved with the host's setState; read back when the page loads again.
 */
import { GraphFilter, NO_FILTER } from './view-filter';

export interface PanelState {
  readonly folderUri?: string;
  readonly filter: GraphFilter;
  /** Accounts shown collapsed; absent until the first graph decides it. */
  readonly collapsed?: readonly string[];
  readonly selected?: string;
  readonly viewport?: { readonly zoom: number; readonly pan: { readonly x: number; readonly y: number } };
  /** Node positions, so the picture comes back as it was without a new layout. */
  readonly positions?: Readonly<Record<string, readonly [number, number]>>;
  readonly legendOpen?: boolean;
}

/** Above this many nodes positions are not kept: the state would grow large, and a layout is quick enough. */
export const MAX_SAVED_POSITIONS = 5000;

export const EMPTY_STATE: PanelState = { filter: NO_FILTER };

/** A saved state from an older page may lack fields or hold wrong ones: keep only what is sound. */
export function readState(value: unknown): PanelState {
  if (typeof value !== 'object' || value === null) return EMPTY_STATE;
  const raw = value as Record<string, unknown>;
  const filter = typeof raw.filter === 'object' && raw.filter !== null ? (raw.filter as Record<string, unknown>) : {};
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const viewport = raw.viewport as PanelState['viewport'] | undefined;
  return {
    ...(typeof raw.folderUri === 'string' ? { folderUri: raw.folderUri } : {}),
    filter: {
      search: typeof filter.search === 'string' ? filter.search : '',
      hiddenRisks: strings(filter.hiddenRisks) as GraphFilter['hiddenRisks'][number][],
      hiddenKinds: strings(filter.hiddenKinds) as GraphFilter['hiddenKinds'][number][],
      hiddenEnvironments: strings(filter.hiddenEnvironments),
      hiddenAccounts: strings(filter.hiddenAccounts),
      onlyRisky: filter.onlyRisky === true,
      ...(typeof filter.focus === 'string' ? { focus: filter.focus } : {}),
    },
    ...(Array.isArray(raw.collapsed) ? { collapsed: strings(raw.collapsed) } : {}),
    ...(typeof raw.selected === 'string' ? { selected: raw.selected } : {}),
    ...(viewport && Number.isFinite(viewport.zoom) && Number.isFinite(viewport.pan?.x) && Number.isFinite(viewport.pan?.y) ? { viewport } : {}),
    ...(typeof raw.positions === 'object' && raw.positions !== null ? { positions: raw.positions as PanelState['positions'] } : {}),
    ...(raw.legendOpen === true ? { legendOpen: true } : {}),
  };
}
