/**
 * The trust graph app: receives the graph from its host, draws it, and answers the toolbar, clicks
 * and keys. Talks to the host only through its Transport. Starting it is the caller's choice
 * (main.ts); importing this module does nothing.
 */
import type { SingularElementArgument } from 'cytoscape';
import type { GraphEdge, GraphNode, ToWebviewMessage, TrustGraph } from '../../server/src/protocol';
import { showEdges, showNode, showNotes, DetailsContext } from './details';
import { h } from './dom';
import { DEFAULT_COLLAPSE_ABOVE, GraphElements, collapsibleAccounts, graphElements, initiallyCollapsed, nodeLabel } from './elements';
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
import { GraphFilter, elementVisibility, isRisky, visibility, withoutFocus } from './view-filter';
import { describeElement, installInspector } from './inspect';

type GraphMessage = Extract<ToWebviewMessage, { type: 'graph' }>;

export class GraphApp {
  private graph: TrustGraph = { nodes: [], edges: [], notes: [] };
  private nodes = new Map<string, GraphNode>();
  private edges = new Map<string, GraphEdge>();
  private elements: GraphElements = { nodes: [], edges: [] };
  /** Graph node or edge id → the element drawing it. */
  private elementOf = new Map<string, string>();
  private collapsed: Set<string> | undefined;
  private filter: GraphFilter;
  private selected: string | undefined;
  private message: GraphMessage | undefined;
  private drawing: Promise<void> = Promise.resolve();
  private drawnOnce = false;
  private pendingFocus: string | undefined;
  private state: PanelState;
  private shownCounts = { nodes: 0, edges: 0 };

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
      collapseAll: () => this.setCollapsed(collapsibleAccounts(this.graph), 'collapse'),
      exportPng: () => this.transport.post({ type: 'saveImage', format: 'png', data: exportPng(this.view.cy, this.palette), suggestedName: 'trust-graph.png' }),
      exportSvg: () => this.transport.post({ type: 'saveImage', format: 'svg', data: exportSvg(this.view.cy, this.palette), suggestedName: 'trust-graph.svg' }),
      toggleLegend: () => this.toggleLegend(),
      showNotes: () => showNotes(this.details, this.graph.notes),
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
      describe: (id) => describeElement(this.view.cy.getElementById(id) as SingularElementArgument, this.nodes),
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
        this.instrumentation.received();
        this.message = message;
        this.queueDraw('graph');
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
  private queueDraw(reason: DrawReason): void {
    this.drawing = this.drawing.then(() => this.draw(reason)).catch((error: unknown) => this.overlay.error(`The graph could not be drawn: ${(error as Error).message}`, () => this.transport.post({ type: 'refresh' })));
  }

  private async draw(reason: DrawReason): Promise<void> {
    const message = this.message;
    if (!message) return;
    if (reason === 'graph' && message.graph !== this.graph) this.takeGraph(message);
    const first = !this.drawnOnce;
    if (this.graph.nodes.length === 0) {
      this.view.cy.elements().remove();
      this.overlay.empty(message.folderName, message.fileCount, this.transport.host.opensFiles ? () => this.transport.post({ type: 'openConfigDocs' }) : undefined);
      this.instrumentation.laidOut();
      this.updateStatus();
      this.instrumentation.drawn({ reason: 'empty', version: message.version, nodes: 0, edges: 0, layout: 'kept' });
      return;
    }
    this.overlay.hide();
    this.collapsed ??= this.state.collapsed ? new Set(this.state.collapsed) : initiallyCollapsed(this.graph, message.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE);
    const accounts = collapsibleAccounts(this.graph);
    for (const id of this.collapsed) if (!accounts.has(id)) this.collapsed.delete(id);
    this.elements = graphElements(this.graph, this.collapsed);
    this.elementOf = new Map(
      [...this.elements.nodes, ...this.elements.edges].flatMap((element) => element.data.members.map((member): [string, string] => [member, element.data.id])),
    );
    const saved = first ? this.state.positions : undefined;
    const packed = usesPackedLayout(this.elements) && this.view.unplacedLeaves(this.elements, saved).size > 0 ? packedPositions(this.elements) : undefined;
    const sync = this.view.sync(this.elements, saved, packed);
    const layout: LayoutKind = packed ? 'packed' : await layOut(this.view.cy, sync.unplaced, sync.previous);
    this.instrumentation.laidOut();
    this.applyFilter();
    if (first && this.state.viewport && layout === 'kept') this.view.cy.viewport(this.state.viewport);
    else if (first || layout === 'fcose' || layout === 'packed') this.view.fit();
    this.drawnOnce = true;
    this.select(this.selected ?? this.state.selected, false);
    if (this.pendingFocus) {
      this.focusOn(this.pendingFocus);
      this.pendingFocus = undefined;
    }
    await this.view.whenDrawn();
    this.instrumentation.drawn({ reason, version: message.version, nodes: this.view.cy.nodes().length, edges: this.view.cy.edges().length, layout });
    this.save();
  }

  private takeGraph(message: GraphMessage): void {
    this.graph = message.graph;
    this.nodes = new Map(this.graph.nodes.map((node) => [node.id, node]));
    this.edges = new Map(this.graph.edges.map((edge) => [edge.id, edge]));
    this.state = { ...this.state, folderUri: message.folderUri };
    if (this.filter.focus !== undefined && !this.nodes.has(this.filter.focus)) this.filter = withoutFocus(this.filter);
  }

  private setFilter(next: GraphFilter): void {
    this.filter = next;
    this.applyFilter();
    this.save();
  }

  private applyFilter(): void {
    const view = visibility(this.graph, this.filter);
    const elements = elementVisibility(this.elements, view);
    this.view.applyVisibility(elements);
    this.shownCounts = {
      nodes: this.elements.nodes.filter(({ data, classes }) => !elements.hidden.has(data.id) && !classes.includes('container')).length,
      edges: this.elements.edges.filter(({ data }) => !elements.hidden.has(data.id)).length,
    };
    const focus = this.filter.focus !== undefined ? this.nodes.get(this.filter.focus) : undefined;
    this.toolbar.update(this.filter, {
      environments: [...new Set(this.graph.nodes.filter((node) => node.kind === 'account').map((node) => node.environment ?? ''))].sort(),
      accounts: this.graph.nodes.filter((node) => node.kind === 'account' || node.kind === 'external-account').map((node) => ({ id: node.id, label: node.label })),
      collapsible: collapsibleAccounts(this.graph).size,
      collapsed: this.collapsed?.size ?? 0,
      notes: this.graph.notes.length,
      matches: view.matches.size,
      ...(focus ? { focusLabel: focus.label } : {}),
    });
    this.updateStatus();
  }

  private setCollapsed(next: Set<string>, reason: DrawReason): void {
    this.instrumentation.received();
    this.collapsed = next;
    this.queueDraw(reason);
  }

  /** The focus on a role from the code lens or the details: its account opened, its paths lit. */
  private focusOn(nodeId: string): void {
    const node = this.nodes.get(nodeId);
    if (!node) return;
    if (node.parent && this.collapsed?.has(node.parent)) {
      this.collapsed.delete(node.parent);
      this.pendingFocus = nodeId;
      this.setCollapsed(this.collapsed, 'expand');
      return;
    }
    this.setFilter({ ...this.filter, focus: nodeId });
    this.select(this.elementOf.get(nodeId));
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
      this.collapsed?.delete(id);
      if (this.collapsed) this.setCollapsed(this.collapsed, 'expand');
      return;
    }
    this.select(id);
  }

  /** Selects an element (a graph id is mapped to the element drawing it) and shows its details. */
  private select(id: string | undefined, save = true): void {
    const elementId = id === undefined ? undefined : this.view.cy.getElementById(id).nonempty() ? id : this.elementOf.get(id);
    const element = elementId === undefined ? undefined : (this.view.cy.getElementById(elementId) as SingularElementArgument);
    this.view.cy.elements(':selected').unselect();
    if (!element || element.empty()) {
      this.selected = undefined;
      this.details.replaceChildren();
      this.showDetailsPanel(false);
    } else {
      this.selected = elementId;
      element.select();
      this.showDetailsPanel(true);
      const context = this.detailsContext();
      if (element.isEdge()) showEdges(this.details, (element.data('members') as string[]).flatMap((member) => this.edges.get(member) ?? []), context);
      else {
        const node = this.nodes.get(elementId!);
        if (node) showNode(this.details, node, context);
        else this.details.replaceChildren(h('h2', {}, String(element.data('label'))));
      }
    }
    if (save) this.save();
  }

  private showDetailsPanel(show: boolean): void {
    this.details.hidden = !show;
  }

  private detailsContext(): DetailsContext {
    return {
      graph: this.graph,
      nodes: this.nodes,
      host: this.transport.host,
      focus: this.filter.focus,
      actions: {
        openSource: (source) => this.transport.post({ type: 'openSource', source }),
        openRuleDocs: (ruleName) => this.transport.post({ type: 'openRuleDocs', ruleName }),
        select: (id) => {
          const graphNode = this.nodes.get(id);
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

  private updateStatus(): void {
    const risky = this.graph.edges.filter(isRisky).length;
    const shown = this.shownCounts;
    const [shownNodes, shownEdges] = [shown.nodes, shown.edges];
    const message = this.message;
    this.status.textContent = [
      `${this.graph.nodes.length} nodes, ${this.graph.edges.length} edges, ${risky} risky`,
      `showing ${shownNodes} nodes and ${shownEdges} edges`,
      message && message.fileCount > 0 ? `${message.fileCount} files read in ${message.folderName}` : '',
    ]
      .filter(Boolean)
      .join(' \u00b7 ');
  }

  private save(): void {
    const positions = this.graph.nodes.length <= MAX_SAVED_POSITIONS && this.drawnOnce ? this.view.positions() : undefined;
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

  /** For the inspector (tests, benchmarks): the graph node or edge behind an element. */
  graphItem(id: string): GraphNode | GraphEdge | undefined {
    return this.nodes.get(id) ?? this.edges.get(id);
  }

  get keyboardCursor(): string | undefined {
    return this.keyboard.current;
  }

  labelOf(id: string): string {
    const node = this.nodes.get(id);
    return node ? nodeLabel(node) : id;
  }
}
