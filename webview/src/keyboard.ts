/**
 * Keyboard use of the graph: the arrow keys walk the visible nodes in reading order, each followed
 * by the edges leaving it; Enter opens the details; Escape clears; + and - zoom; 0 fits; / goes to
 * the search box. What the cursor is on is announced to screen readers.
 */
import type { Core, NodeSingular, SingularElementArgument } from 'cytoscape';

export interface KeyboardHandlers {
  activate(id: string): void;
  clear(): void;
  fit(): void;
  search(): void;
  describe(id: string): string;
}

export class KeyboardNavigation {
  private cursor: string | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly cy: Core,
    private readonly announcer: HTMLElement,
    private readonly handlers: KeyboardHandlers,
  ) {
    container.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** The element the cursor is on, for tests and for the selection to follow. */
  get current(): string | undefined {
    return this.cursor;
  }

  moveTo(id: string | undefined): void {
    if (this.cursor) this.cy.getElementById(this.cursor).removeClass('keyboard-focus');
    this.cursor = id;
    if (!id) return;
    const element = this.cy.getElementById(id) as SingularElementArgument;
    if (element.empty()) return;
    element.addClass('keyboard-focus');
    this.bringIntoView(element);
    this.announcer.textContent = this.handlers.describe(id);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const order = this.order();
    const index = this.cursor ? order.indexOf(this.cursor) : -1;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        this.moveTo(order[Math.min(order.length - 1, index + 1)]);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        this.moveTo(order[Math.max(0, index - 1)]);
        break;
      case 'Home':
        this.moveTo(order[0]);
        break;
      case 'End':
        this.moveTo(order[order.length - 1]);
        break;
      case 'Enter':
      case ' ':
        if (this.cursor) this.handlers.activate(this.cursor);
        break;
      case 'Escape':
        this.moveTo(undefined);
        this.handlers.clear();
        break;
      case '+':
      case '=':
        this.zoom(1.25);
        break;
      case '-':
        this.zoom(0.8);
        break;
      case '0':
        this.handlers.fit();
        break;
      case '/':
        this.handlers.search();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** Visible nodes top to bottom, left to right (in rows of about a node's height), each followed by its outgoing edges. */
  private order(): string[] {
    const nodes = (this.cy.nodes().filter((node) => !node.hasClass('hidden')).toArray() as NodeSingular[]).sort((a, b) => {
      const ay = Math.round(a.position().y / 40);
      const by = Math.round(b.position().y / 40);
      return ay - by || a.position().x - b.position().x;
    });
    const ids: string[] = [];
    nodes.forEach((node) => {
      ids.push(node.id());
      node.connectedEdges().filter((edge) => !edge.hasClass('hidden')).forEach((edge) => {
        if (edge.source().id() === node.id()) ids.push(edge.id());
      });
    });
    return ids;
  }

  private bringIntoView(element: SingularElementArgument): void {
    const box = element.renderedBoundingBox({});
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > width || box.y2 > height) this.cy.center(element);
  }

  private zoom(factor: number): void {
    const level = this.cy.zoom() * factor;
    this.cy.zoom({ level, renderedPosition: { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 } });
  }
}
