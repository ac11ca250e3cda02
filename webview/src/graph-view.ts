/**
 * The Cytoscape instance and what the app asks of it: take a new set of elements keeping the
 * places of those that stay, mark what is hidden or faded, keep or fit the viewport.
 */
import cytoscape, { Core, ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphElements } from './elements';
import { Position } from './packed-layout';
import { stylesheet } from './style';
import { Palette } from './theme';
import { ElementVisibility } from './view-filter';

/**
 * Cytoscape adds an inline <style> to the page unless an element with this id exists. The panel's
 * Content-Security-Policy refuses inline styles, and graph.css already does what that style does.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

let registered = false;

type SavedPositions = Readonly<Record<string, readonly [number, number]>>;

export interface SyncResult {
  /** Nodes that had no place: new, or not drawn before. */
  readonly unplaced: ReadonlySet<string>;
  /** Where every node was before, by id (a collapsed account's summary included). */
  readonly previous: ReadonlyMap<string, Position>;
}

export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement, palette: Palette) {
    if (!registered) {
      cytoscape.use(fcose);
      registered = true;
    }
    const document = container.ownerDocument;
    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      const marker = document.createElement('meta');
      marker.id = CYTOSCAPE_STYLESHEET_ID;
      document.head.appendChild(marker);
    }
    this.cy = cytoscape({
      container,
      style: stylesheet(palette),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: false,
    });
    // The container moves and changes size with the toolbar's wrapping and the details panel:
    // Cytoscape keeps the container's place cached and must be told, or clicks land beside their target.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  setPalette(palette: Palette): void {
    this.cy.style(stylesheet(palette));
  }

  /** Leaves of `elements` that would have no place: not drawn now, and not in the saved positions. */
  unplacedLeaves(elements: GraphElements, saved: SavedPositions | undefined): Set<string> {
    const unplaced = new Set<string>();
    for (const { data, classes } of elements.nodes) {
      if (!classes.includes('container') && !saved?.[data.id] && this.cy.getElementById(data.id).empty()) unplaced.add(data.id);
    }
    return unplaced;
  }

  /**
   * Makes the drawn elements these, keeping the positions of the nodes that stay; `planned`
   * positions (a new packed layout) win over all others.
   */
  sync(elements: GraphElements, saved: SavedPositions | undefined, planned?: ReadonlyMap<string, Position>): SyncResult {
    const cy = this.cy;
    const previous = new Map<string, Position>();
    cy.nodes().forEach((node) => {
      previous.set(node.id(), { ...node.position() });
    });
    const wanted = new Map<string, ElementDefinition>();
    for (const element of [...elements.nodes, ...elements.edges]) wanted.set(element.data.id!, element);
    const unplaced = new Set<string>();
    const boxes = new Set(elements.nodes.flatMap((element) => (element.data.parent === undefined ? [] : [element.data.parent])));
    cy.batch(() => {
      // Edges first: a node that goes takes its edges along.
      cy.edges().forEach((edge) => {
        const want = wanted.get(edge.id());
        if (!want || want.data.source !== edge.data('source') || want.data.target !== edge.data('target')) edge.remove();
      });
      cy.nodes().forEach((node) => {
        if (node.removed()) return;
        const want = wanted.get(node.id());
        // A node that turns into a box (an account expanded) or out of one is added anew.
        const wasBox = node.isParent();
        if (!want || wasBox !== boxes.has(node.id())) node.remove();
      });
      const toAdd: ElementDefinition[] = [];
      for (const element of elements.nodes) {
        const existing = cy.getElementById(element.data.id);
        const plan = planned?.get(element.data.id);
        if (existing.nonempty()) {
          if ((existing.data('parent') ?? undefined) !== element.data.parent) existing.move({ parent: element.data.parent ?? null });
          existing.data(element.data);
          existing.classes(element.classes);
          if (plan && existing.isChildless()) existing.position(plan);
          continue;
        }
        const at = saved?.[element.data.id];
        const position = plan ?? (at ? { x: at[0], y: at[1] } : previous.get(element.data.id));
        if (!position) unplaced.add(element.data.id);
        toAdd.push(position ? { ...element, position: { ...position } } : element);
      }
      for (const element of elements.edges) {
        const existing = cy.getElementById(element.data.id);
        if (existing.nonempty()) {
          existing.data(element.data);
          existing.classes(element.classes);
        } else toAdd.push(element);
      }
      cy.add(toAdd);
    });
    // Only nodes without children are placed; a box's place follows from them.
    const leaves = new Set(cy.nodes().filter((node) => node.isChildless()).map((node) => node.id()));
    return { unplaced: new Set([...unplaced].filter((id) => leaves.has(id))), previous };
  }

  applyVisibility(view: ElementVisibility): void {
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const id = element.id();
        // A class change costs a style pass on the element: only touch those that change.
        for (const [name, set] of [['hidden', view.hidden], ['faded', view.faded], ['match', view.matched]] as const) {
          if (element.hasClass(name) !== set.has(id)) element.toggleClass(name, set.has(id));
        }
      });
    });
  }

  /** Shown elements; by class, as Cytoscape's :visible walks every element's ancestors. */
  shown(): ReturnType<Core['elements']> {
    return this.cy.elements().not('.hidden');
  }

  fit(elements = this.shown()): void {
    this.cy.fit(elements, 40);
  }

  /**
   * Fits the view to planned positions without asking Cytoscape for bounding boxes first (at
   * 2,000 nodes that costs as much as the layout); `margin` leaves room for labels and box padding.
   */
  fitPositions(positions: ReadonlyMap<string, Position>, margin = 80): void {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { x, y } of positions.values()) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    if (minX === Infinity) return;
    const width = this.cy.width();
    const height = this.cy.height();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), Math.min(width / (maxX - minX + 2 * margin), height / (maxY - minY + 2 * margin))));
    this.cy.viewport({ zoom, pan: { x: width / 2 - zoom * ((minX + maxX) / 2), y: height / 2 - zoom * ((minY + maxY) / 2) } });
  }

  positions(): Record<string, [number, number]> {
    const positions: Record<string, [number, number]> = {};
    this.cy.nodes().forEach((node) => {
      if (!node.isChildless()) return;
      const { x, y } = node.position();
      positions[node.id()] = [Math.round(x), Math.round(y)];
    });
    return positions;
  }

  /** Resolves once Cytoscape has painted the current elements. */
  whenDrawn(): Promise<void> {
    return new Promise((resolve) => {
      this.cy.one('render', () => resolve());
      this.cy.forceRender();
    });
  }
}
