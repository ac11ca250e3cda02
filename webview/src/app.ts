/**
 * The trust graph app: receives the graph from its host, draws it, and answers the toolbar, clicks
 * and keys. Talks to the host only through its Transport. Starting it is the caller's choice
 * (main.ts); importing this module does nothing.
 */
import type { SingularElementArgument } from 'cytoscape';
import type { ToWebviewMessage } from '../../server/src/protocol';
import { showEdges, showNode, showNotes, DetailsContext } from './details';
import { h } from './dom';
import { DrawnGraph } from './drawn-graph';
import { DEFAULT_COLLAPSE_ABOVE, collapsibleAccounts, initiallyCollapsed } from './elements';
import { exportPng, exportSvg } from './export-image';
import { GraphView } from './graph-view';
import { DrawReason, Instrumentation } from './instrumentation';
import { KeyboardNavigation } from './keyboard';
import { LayoutKind, layOut, packedPositions, usesPackedLayout } from './layout';
import { legend } from './legend';
import { Overlay } from './overlay';
import { MAX_SAVED_POSITIONS, PanelState } from './state';
import { Palette, onThemeChange, readPalette } from './theme';
import { Toolbar } from './toolbar';
import { Transport } from './transport';
import { GraphFilter, elementVisibility, visibility, withoutFocus } from './view-filter';
import { describeElement, installInspector } from './inspect';

type GraphMessage = Extract<ToWebviewMessage, { type: 'graph' }>;

export class GraphApp {
  private readonly drawn = new DrawnGraph();
  private collapsed: Set<string> | undefined;
  private filter: GraphFilter;
  private selected: string | undefined;
  private message: GraphMessage | undefined;
  private drawing: Promise<void> = Promise.resolve();
  private drawnOnce = false;
  private pendingFocus: string | undefined;
  /** The account last expanded by a click: the view moves to it. */
  private expanded: string | undefined;
  private state: PanelState;

  readonly instrumentation: Instrumentation;
  readonly view: GraphView;
  private readonly toolbar: Toolbar;
  private readonly details = h('aside', { className: 'details', attrs: { 'aria-label': 'Details', 'aria-live': 'polite', tabindex: '-1' } });
  private readonly legendPanel = legend();
  private readonly status = h('footer', { className: 'status' });
  private readonly overlay = new Overlay();
  private readonly announcer = h('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  private readonly keyboard: KeyboardNavigation;
  private palette: Palette;

  constructor(
    root: HTMLElement,
    private readonly transport: Transport,
    private readonly window: Window,
  ) {
    this.state = transport.loadState();
    this.filter = this.state.filter;
    this.instrumentation = new Instrumentation(window);
    this.toolbar = new Toolbar(this.filter, {
      filter: (next) => this.setFilter(next),
      showMatches: () => this.view.fit(this.view.cy.elements('.match')),
      fit: () => this.view.fit(),
      expandAll: () => this.setCollapsed(new Set(), 'expand'),
      collapseAll: () => this.setCollapsed(collapsibleAccounts(this.drawn.graph), 'collapse'),
      focusSelection: () => {
        if (this.selected && this.drawn.nodes.has(this.selected)) this.focusOn(this.selected);
      },
      exportPng: () => this.transport.post({ type: 'saveImage', format: 'png', data: exportPng(this.view.cy, this.palette), suggestedName: 'trust-graph.png' }),
      exportSvg: () => this.transport.post({ type: 'saveImage', format: 'svg', data: exportSvg(this.view.cy, this.palette), suggestedName: 'trust-graph.svg' }),
      toggleLegend: () => this.toggleLegend(),
      showNotes: () => {
        showNotes(this.details, this.drawn.graph.notes);
        this.details.hidden = false;
      },
    });
    const canvas = h('div', {
      className: 'graph',
      attrs: { tabindex: '0', role: 'application', 'aria-roledescription': 'graph', 'aria-label': 'Trust graph. Arrow keys move between nodes and edges, Enter shows details.' },
    });
    root.append(this.toolbar.element, h('div', { className: 'main' }, canvas, this.details, this.overlay.element), this.legendPanel, this.status, this.announcer);
    this.legendPanel.hidden = !this.state.legendOpen;
    this.details.hidden = true;
    this.palette = readPalette(root.ownerDocument);
    this.view = new GraphView(canvas, this.palette);
    this.keyboard = new KeyboardNavigation(canvas, this.view.cy, this.announcer, {
      activate: (id) => this.activate(id),
      clear: () => this.select(undefined),
      fit: () => this.view.fit(),
      search: () => this.toolbar.focusSearch(),
      describe: (id) => describeElement(this.view.cy.getElementById(id) as SingularElementArgument, this.drawn.nodes),
    });
    this.wireCytoscape();
    onThemeChange(root.ownerDocument, () => {
      this.palette = readPalette(root.ownerDocument);
      this.view.setPalette(this.palette);
    });
    installInspector(window, this);
  }

  start(): void {
    this.overlay.loading();
    this.transport.listen((message) => this.receive(message));
    this.transport.post({ type: 'ready' });
  }

  private receive(message: ToWebviewMessage): void {
    switch (message.type) {
      case 'graph':
        this.message = message;
        this.queueDraw('graph', this.instrumentation.received());
        return;
      case 'indexing':
        if (!this.drawnOnce) this.overlay.indexing(message.folderName, message.filesRead);
        return;
      case 'focus':
        if (this.drawnOnce) this.focusOn(message.nodeId);
        else this.pendingFocus = message.nodeId;
        return;
      case 'error':
        this.overlay.error(message.message, () => this.transport.post({ type: 'refresh' }));
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Draws one at a time: a graph that comes while one is being laid out waits, and the latest wins. */
  private queueDraw(reason: DrawReason, start: number): void {
    this.drawing = this.drawing.then(() => this.draw(reason, start)).catch((error: unknown) => this.overlay.error(`The graph could not be drawn: ${(error as Error).message}`, () => this.transport.post({ type: 'refresh' })));
  }

  private async draw(reason: DrawReason, start: number): Promise<void> {
    const message = this.message;
    if (!message) return;
    if (reason === 'graph' && message.graph !== this.drawn.graph) this.takeGraph(message);
    const first = !this.drawnOnce;
    if (this.drawn.graph.nodes.length === 0) {
      this.view.cy.elements().remove();
      this.overlay.empty(message.folderName, message.fileCount, this.transport.host.opensFiles ? () => this.transport.post({ type: 'openConfigDocs' }) : undefined);
      this.applyFilter();
      // The next graph with something in it is drawn as a first one: laid out afresh and fitted.
      this.drawnOnce = false;
      this.instrumentation.laidOut(start);
      this.instrumentation.drawn(start, { reason: 'empty', version: message.version, nodes: 0, edges: 0, layout: 'kept' });
      return;
    }
    this.overlay.hide();
    this.collapsed ??= this.state.collapsed ? new Set(this.state.collapsed) : initiallyCollapsed(this.drawn.graph, message.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE);
    const elements = this.drawn.build(this.collapsed);
    const saved = first ? this.state.positions : undefined;
    const packed = usesPackedLayout(elements) && this.view.unplacedLeaves(elements, saved).size > 0 ? packedPositions(elements) : undefined;
    const sync = this.view.sync(elements, saved, packed);
    const layout: LayoutKind = packed ? 'packed' : await layOut(this.view.cy, sync.unplaced, sync.previous);
    this.instrumentation.laidOut(start);
    this.applyFilter();
    if (first && this.state.viewport && layout === 'kept') this.view.cy.viewport(this.state.viewport);
    else if (first && packed) this.view.fitPositions(packed);
    else if (first) this.view.fit();
    else if (reason === 'expand' && this.expanded) this.view.fit(this.view.cy.getElementById(this.expanded).union(this.view.cy.getElementById(this.expanded).descendants()));
    // Otherwise (the graph changed, an account collapsed) the view stays where the reader left it.
    this.drawnOnce = true;
    this.select(this.selected ?? this.state.selected, false);
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    // A role in a collapsed account: focusOn expands it and asks again after that draw.
    if (focus) this.focusOn(focus);
    await this.view.whenDrawn();
    this.instrumentation.drawn(start, { reason, version: message.version, nodes: this.view.cy.nodes().length, edges: this.view.cy.edges().length, layout });
    this.save();
  }

  private takeGraph(message: GraphMessage): void {
    this.drawn.take(message.graph);
    this.state = { ...this.state, folderUri: message.folderUri };
    if (this.filter.focus !== undefined && !this.drawn.nodes.has(this.filter.focus)) this.filter = withoutFocus(this.filter);
  }

  private setFilter(next: GraphFilter): void {
    this.filter = next;
    this.applyFilter();
    this.save();
  }

  private applyFilter(): void {
    const view = visibility(this.drawn.graph, this.filter);
    const elements = elementVisibility(this.drawn.elements, view);
    this.view.applyVisibility(elements);
    this.toolbar.update(this.filter, this.drawn.toolbarOptions(this.filter, this.collapsed?.size ?? 0, view.matches.size));
    this.status.textContent = this.drawn.statusText(elements, this.message);
  }

  private setCollapsed(next: Set<string>, reason: DrawReason): void {
    this.collapsed = next;
    this.queueDraw(reason, this.instrumentation.received());
  }

  /** The focus on a role from the code lens or the details: its account opened, its paths lit. */
  private focusOn(nodeId: string): void {
    const node = this.drawn.nodes.get(nodeId);
    if (!node) return;
    if (node.parent && this.collapsed?.has(node.parent)) {
      this.collapsed.delete(node.parent);
      this.pendingFocus = nodeId;
      this.setCollapsed(this.collapsed, 'expand');
      return;
    }
    this.setFilter({ ...this.filter, focus: nodeId });
    this.select(this.drawn.elementFor(nodeId));
    this.view.fit(this.view.shown().not('.faded'));
  }

  private wireCytoscape(): void {
    const cy = this.view.cy;
    cy.on('tap', 'node, edge', (event) => this.activate(event.target.id() as string));
    cy.on('tap', (event) => {
      if (event.target === cy) this.select(undefined);
    });
    let saving: number | undefined;
    cy.on('viewport', () => {
      if (saving !== undefined) return;
      saving = this.window.setTimeout(() => {
        saving = undefined;
        this.save();
      }, 400);
    });
  }

  /** A click or Enter: a collapsed account expands, anything else shows its details. */
  private activate(id: string): void {
    const element = this.view.cy.getElementById(id);
    if (element.nonempty() && element.isNode() && element.hasClass('collapsed')) {
      this.expanded = id;
      this.collapsed?.delete(id);
      if (this.collapsed) this.setCollapsed(this.collapsed, 'expand');
      return;
    }
    this.select(id);
  }

  /** Selects an element (a graph id is mapped to the element drawing it) and shows its details. */
  private select(id: string | undefined, save = true): void {
    const elementId = id === undefined ? undefined : this.view.cy.getElementById(id).nonempty() ? id : this.drawn.elementFor(id);
    const element = elementId === undefined ? undefined : (this.view.cy.getElementById(elementId) as SingularElementArgument);
    this.view.cy.elements(':selected').unselect();
    if (!element || element.empty()) {
      this.selected = undefined;
      this.details.replaceChildren();
      this.details.hidden = true;
    } else {
      this.selected = elementId;
      element.select();
      this.details.hidden = false;
      const context = this.detailsContext();
      if (element.isEdge()) showEdges(this.details, this.drawn.edgesOf(element.data('members') as string[]), context);
      else {
        const node = this.drawn.nodes.get(elementId!);
        if (node) showNode(this.details, node, context);
        else this.details.replaceChildren(h('h2', {}, String(element.data('label'))));
      }
    }
    this.toolbar.setFocusable(this.selected !== undefined && this.drawn.nodes.has(this.selected));
    if (save) this.save();
  }

  private detailsContext(): DetailsContext {
    return {
      graph: this.drawn.graph,
      nodes: this.drawn.nodes,
      host: this.transport.host,
      focus: this.filter.focus,
      actions: {
        openSource: (source) => this.transport.post({ type: 'openSource', source }),
        openRuleDocs: (ruleName) => this.transport.post({ type: 'openRuleDocs', ruleName }),
        select: (id) => {
          const graphNode = this.drawn.nodes.get(id);
          if (graphNode?.parent && this.collapsed?.has(graphNode.parent)) this.activate(graphNode.parent);
          this.select(id);
          const element = this.selected ? this.view.cy.getElementById(this.selected) : undefined;
          if (element?.nonempty()) this.view.cy.center(element);
        },
        focus: (nodeId) => this.focusOn(nodeId),
        clearFocus: () => {
          this.setFilter(withoutFocus(this.filter));
          if (this.selected) this.select(this.selected);
        },
        collapse: (accountId) => {
          this.collapsed?.add(accountId);
          if (this.collapsed) this.setCollapsed(this.collapsed, 'collapse');
        },
      },
    };
  }

  private toggleLegend(): void {
    this.legendPanel.hidden = !this.legendPanel.hidden;
    this.state = { ...this.state, legendOpen: !this.legendPanel.hidden };
    this.save();
  }

  private save(): void {
    const positions = this.drawn.graph.nodes.length <= MAX_SAVED_POSITIONS && this.drawnOnce ? this.view.positions() : undefined;
    this.state = {
      ...this.state,
      filter: this.filter,
      ...(this.collapsed ? { collapsed: [...this.collapsed] } : {}),
      selected: this.selected,
      viewport: { zoom: this.view.cy.zoom(), pan: { ...this.view.cy.pan() } },
      positions,
    };
    this.transport.saveState(this.state);
  }

  get keyboardCursor(): string | undefined {
    return this.keyboard.current;
  }
}
