/**
 * `window.iamAtlas`: a read-only look at what is drawn, for tests and benchmarks (which element is
 * where on the screen, with which classes) and the timings of every draw. Screen readers get the
 * same descriptions through `describeElement`.
 */
import type { GraphNode } from '../../server/src/protocol';
import type { SingularElementArgument } from 'cytoscape';
import type { GraphApp } from './app';
import type { DrawReport } from './instrumentation';

export interface ElementSnapshot {
  readonly id: string;
  readonly group: 'nodes' | 'edges';
  readonly classes: readonly string[];
  readonly label: string;
  readonly visible: boolean;
  readonly selected: boolean;
  /** An edge's line colour, a node's fill, as drawn (rgb()). */
  readonly colour: string;
  /** Where to click it, in page coordinates: a node's centre, an edge's midpoint. */
  readonly x: number;
  readonly y: number;
  readonly source?: string;
  readonly target?: string;
}

export interface Snapshot {
  readonly nodes: readonly ElementSnapshot[];
  readonly edges: readonly ElementSnapshot[];
  readonly zoom: number;
  readonly keyboardCursor?: string;
}

export interface Inspector {
  readonly draws: readonly DrawReport[];
  snapshot(): Snapshot;
}

export function installInspector(target: Window, app: GraphApp): void {
  const inspector: Inspector = {
    draws: app.instrumentation.draws,
    snapshot: () => {
      const cy = app.view.cy;
      const box = cy.container()!.getBoundingClientRect();
      const of = (element: SingularElementArgument): ElementSnapshot => {
        // A hidden edge has no midpoint.
        const at = (element.isNode() ? element.renderedPosition() : element.renderedMidpoint()) ?? { x: NaN, y: NaN };
        return {
          id: element.id(),
          group: element.isNode() ? 'nodes' : 'edges',
          classes: element.classes(),
          label: String(element.data('label') ?? ''),
          visible: element.visible(),
          selected: element.selected(),
          colour: element.style(element.isNode() ? 'background-color' : 'line-color') as string,
          x: box.left + at.x,
          y: box.top + at.y,
          ...(element.isEdge() ? { source: element.data('source') as string, target: element.data('target') as string } : {}),
        };
      };
      return {
        nodes: cy.nodes().map(of),
        edges: cy.edges().map(of),
        zoom: cy.zoom(),
        ...(app.keyboardCursor ? { keyboardCursor: app.keyboardCursor } : {}),
      };
    },
  };
  (target as Window & { iamAtlas?: Inspector }).iamAtlas = inspector;
}

/** One sentence about an element, for the screen reader as the keyboard cursor lands on it. */
export function describeElement(element: SingularElementArgument, nodes: ReadonlyMap<string, GraphNode>): string {
  if (element.empty()) return '';
  if (element.isEdge()) {
    const from = nodes.get(element.data('source') as string)?.label ?? element.data('source');
    const to = nodes.get(element.data('target') as string)?.label ?? element.data('target');
    const risk = element.data('risk') as string;
    const conditional = element.hasClass('conditional') ? ', with conditions' : '';
    return `Edge: ${from} can assume ${to}. ${risk === 'none' ? 'No risk' : `${risk} risk`}${conditional}. Enter for details.`;
  }
  const node = nodes.get(element.id());
  const label = String(element.data('label') ?? '').replace(/\n/g, ', ');
  const degree = `${element.incomers('edge').length} incoming, ${element.outgoers('edge').length} outgoing`;
  if (element.hasClass('collapsed')) return `Collapsed account ${label}. Enter expands it.`;
  return `${node?.kind ?? 'Area'} ${label}. ${degree}. Enter for details.`;
}
