/**
 * Timings of each draw, for benchmarks and tests: `performance` marks and measures, an
 * `iam-atlas:drawn` event on the window, the list `window.iamAtlas.draws`, and the body's
 * `data-draws` count (a selector to wait for).
 *
 *   mark    iam-atlas:graph-received  the graph message arrived (or an expand/collapse began)
 *   mark    iam-atlas:layout-done     every node has its position
 *   mark    iam-atlas:first-draw      Cytoscape has painted them
 *   measure iam-atlas:layout          received -> layout-done
 *   measure iam-atlas:draw            received -> first-draw
 */
import type { LayoutKind } from './layout';

export type DrawReason = 'graph' | 'expand' | 'collapse' | 'empty';

export interface DrawReport {
  readonly reason: DrawReason;
  readonly version: number;
  readonly nodes: number;
  readonly edges: number;
  readonly layout: LayoutKind;
  /** From the graph message (or the click) to every node placed. */
  readonly layoutMs: number;
  /** From the graph message (or the click) to the first paint of the result. */
  readonly drawMs: number;
}

export const MARKS = {
  received: 'iam-atlas:graph-received',
  laidOut: 'iam-atlas:layout-done',
  drawn: 'iam-atlas:first-draw',
  layoutMeasure: 'iam-atlas:layout',
  drawMeasure: 'iam-atlas:draw',
} as const;

export class Instrumentation {
  readonly draws: DrawReport[] = [];
  private laidOutAt = 0;

  constructor(private readonly target: Window) {}

  /** A graph came (or a click asks for a new drawing): the start of what is measured. */
  received(): number {
    return this.target.performance.mark(MARKS.received).startTime;
  }

  laidOut(start: number): void {
    this.laidOutAt = this.target.performance.mark(MARKS.laidOut).startTime;
    this.target.performance.measure(MARKS.layoutMeasure, { start, end: this.laidOutAt });
  }

  drawn(start: number, report: Omit<DrawReport, 'layoutMs' | 'drawMs'>): DrawReport {
    const drawnAt = this.target.performance.mark(MARKS.drawn).startTime;
    this.target.performance.measure(MARKS.drawMeasure, { start, end: drawnAt });
    const full: DrawReport = { ...report, layoutMs: this.laidOutAt - start, drawMs: drawnAt - start };
    this.draws.push(full);
    const body = this.target.document.body;
    body.dataset.draws = String(this.draws.length);
    body.dataset.version = String(report.version);
    this.target.dispatchEvent(new CustomEvent('iam-atlas:drawn', { detail: full }));
    return full;
  }
}
