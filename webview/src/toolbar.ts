/** The toolbar: search, filters, focus, fit, expand and collapse, export, legend. */
import type { EdgeKind, RiskLevel } from '../../server/src/core/graph/types';
import { button, clear, h } from './dom';
import { GraphFilter, withoutFocus } from './view-filter';

export interface ToolbarActions {
  filter(next: GraphFilter): void;
  showMatches(): void;
  fit(): void;
  expandAll(): void;
  collapseAll(): void;
  focusSelection(): void;
  exportPng(): void;
  exportSvg(): void;
  toggleLegend(): void;
  showNotes(): void;
}

export interface ToolbarOptions {
  readonly environments: readonly string[];
  readonly accounts: readonly { readonly id: string; readonly label: string }[];
  readonly collapsible: number;
  readonly collapsed: number;
  readonly focusLabel?: string;
  readonly notes: number;
  readonly matches: number;
}

const RISKS: readonly RiskLevel[] = ['high', 'medium', 'low', 'none'];
const KINDS: readonly [EdgeKind, string][] = [
  ['assume-role', 'AssumeRole'],
  ['web-identity', 'Web identity (OIDC)'],
  ['saml', 'SAML'],
  ['sso-assignment', 'Identity Center'],
];

export class Toolbar {
  readonly element: HTMLElement;
  private filterState: GraphFilter;
  private readonly search: HTMLInputElement;
  private readonly riskMenu = menu('Risk', 'risk');
  private readonly kindMenu = menu('Edge kind', 'kind');
  private readonly environmentMenu = menu('Environment', 'environment');
  private readonly accountMenu = menu('Account', 'account');
  private readonly onlyRisky: HTMLInputElement;
  private readonly focusChip = h('span', { className: 'chip', attrs: { 'data-control': 'focus' } });
  private readonly matchCount = h('span', { className: 'muted match-count', attrs: { 'aria-live': 'polite' } });
  private readonly expandButton: HTMLButtonElement;
  private readonly collapseButton: HTMLButtonElement;
  private readonly notesButton: HTMLButtonElement;
  private readonly focusButton: HTMLButtonElement;

  constructor(
    filter: GraphFilter,
    private readonly actions: ToolbarActions,
  ) {
    this.filterState = filter;
    this.search = h('input', {
      className: 'search',
      attrs: { type: 'search', placeholder: 'Search name or ARN', 'aria-label': 'Search by name or ARN', 'data-control': 'search' },
    });
    this.search.value = filter.search;
    this.search.addEventListener('input', () => this.emit({ ...this.filterState, search: this.search.value }));
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') actions.showMatches();
      if (event.key === 'Escape') {
        this.search.value = '';
        this.emit({ ...this.filterState, search: '' });
      }
    });
    this.onlyRisky = h('input', { attrs: { type: 'checkbox', 'data-control': 'only-risky' } });
    this.onlyRisky.checked = filter.onlyRisky;
    this.onlyRisky.addEventListener('change', () => this.emit({ ...this.filterState, onlyRisky: this.onlyRisky.checked }));
    this.expandButton = button('Expand all', () => actions.expandAll(), { attrs: { 'data-control': 'expand-all' } });
    this.collapseButton = button('Collapse all', () => actions.collapseAll(), { attrs: { 'data-control': 'collapse-all' } });
    this.notesButton = button('Notes', () => actions.showNotes(), { attrs: { 'data-control': 'notes' } });
    this.focusButton = button('Focus', () => actions.focusSelection(), {
      title: 'Light up every path into the selected node, fade the rest',
      attrs: { 'data-control': 'focus-selection' },
    });
    this.focusButton.disabled = true;
    this.element = h(
      'header',
      { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Trust graph tools' } },
      this.search,
      this.matchCount,
      this.riskMenu.element,
      this.kindMenu.element,
      this.environmentMenu.element,
      this.accountMenu.element,
      h('label', { className: 'toggle' }, this.onlyRisky, 'Only risky paths'),
      this.focusButton,
      this.focusChip,
      h('span', { className: 'spacer' }),
      button('Fit', () => actions.fit(), { title: 'Fit the graph to the panel (0)', attrs: { 'data-control': 'fit' } }),
      this.expandButton,
      this.collapseButton,
      button('Export PNG', () => actions.exportPng(), { attrs: { 'data-control': 'export-png' } }),
      button('Export SVG', () => actions.exportSvg(), { attrs: { 'data-control': 'export-svg' } }),
      button('Legend', () => actions.toggleLegend(), { attrs: { 'data-control': 'legend' } }),
      this.notesButton,
    );
    this.update(filter, { environments: [], accounts: [], collapsible: 0, collapsed: 0, notes: 0, matches: 0 });
  }

  get filter(): GraphFilter {
    return this.filterState;
  }

  /** Redraws the controls for the current graph and filter. */
  update(filter: GraphFilter, options: ToolbarOptions): void {
    this.filterState = filter;
    if (this.search.value !== filter.search) this.search.value = filter.search;
    this.onlyRisky.checked = filter.onlyRisky;
    fillMenu(this.riskMenu, RISKS.map((risk) => [risk, risk === 'none' ? 'no risk' : risk]), filter.hiddenRisks, (hidden) =>
      this.emit({ ...this.filterState, hiddenRisks: hidden as RiskLevel[] }),
    );
    fillMenu(this.kindMenu, KINDS, filter.hiddenKinds, (hidden) => this.emit({ ...this.filterState, hiddenKinds: hidden as EdgeKind[] }));
    fillMenu(this.environmentMenu, options.environments.map((env) => [env, env || '(none given)']), filter.hiddenEnvironments, (hidden) =>
      this.emit({ ...this.filterState, hiddenEnvironments: hidden }),
    );
    fillMenu(this.accountMenu, options.accounts.map((account) => [account.id, account.label]), filter.hiddenAccounts, (hidden) =>
      this.emit({ ...this.filterState, hiddenAccounts: hidden }),
    );
    this.environmentMenu.element.hidden = options.environments.length === 0;
    this.accountMenu.element.hidden = options.accounts.length === 0;
    clear(this.focusChip);
    this.focusChip.hidden = options.focusLabel === undefined;
    if (options.focusLabel !== undefined) {
      this.focusChip.append(`Paths into ${options.focusLabel}`, button('\u00d7', () => this.emit(withoutFocus(this.filterState)), { title: 'Clear the focus', attrs: { 'aria-label': 'Clear the focus' } }));
    }
    this.matchCount.textContent = filter.search.trim() ? `${options.matches} match${options.matches === 1 ? '' : 'es'}` : '';
    this.expandButton.hidden = options.collapsed === 0;
    this.collapseButton.hidden = options.collapsible === 0 || options.collapsed === options.collapsible;
    this.notesButton.hidden = options.notes === 0;
    this.notesButton.textContent = `Notes (${options.notes})`;
  }

  /** "Focus" works on a selected node. */
  setFocusable(focusable: boolean): void {
    this.focusButton.disabled = !focusable;
  }

  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  private emit(next: GraphFilter): void {
    this.filterState = next;
    this.actions.filter(next);
  }
}

interface Menu {
  readonly element: HTMLDetailsElement;
  readonly list: HTMLElement;
  readonly summary: HTMLElement;
  readonly title: string;
  /** The entries drawn, so an update that changes only what is checked keeps the boxes (and keyboard focus). */
  drawn: string;
  boxes: HTMLInputElement[];
  changed: (hidden: string[]) => void;
}

function menu(title: string, control: string): Menu {
  const summary = h('summary', {}, title);
  const list = h('div', { className: 'menu-list' });
  const element = h('details', { className: 'menu', attrs: { 'data-control': control } }, summary, list);
  return { element, list, summary, title, drawn: '', boxes: [], changed: () => undefined };
}

/** Checkboxes, checked for what is shown; the callback gets the values left unchecked. */
function fillMenu(target: Menu, entries: readonly (readonly [string, string])[], hidden: readonly string[], changed: (hidden: string[]) => void): void {
  target.changed = changed;
  const key = JSON.stringify(entries);
  if (key !== target.drawn) {
    target.drawn = key;
    clear(target.list);
    target.boxes = entries.map(([value, label]) => {
      const box = h('input', { attrs: { type: 'checkbox', value } });
      box.addEventListener('change', () => target.changed(target.boxes.filter((b) => !b.checked).map((b) => b.value)));
      target.list.append(h('label', {}, box, label));
      return box;
    });
  }
  const hiddenSet = new Set(hidden);
  for (const box of target.boxes) box.checked = !hiddenSet.has(box.value);
  const hiddenCount = entries.filter(([value]) => hiddenSet.has(value)).length;
  target.summary.textContent = hiddenCount ? `${target.title} (${entries.length - hiddenCount}/${entries.length})` : target.title;
}
