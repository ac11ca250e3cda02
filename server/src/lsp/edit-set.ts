/**
 * The edits "fix all" has taken so far, to tell whether another one clashes with them: overlaps one,
 * or inserts at the same place. Kept sorted, so each question is a binary search: comparing every
 * new edit with every taken one was quadratic, seconds on a policy with twenty thousand fixes.
 */
import { TextEdit } from '../core/findings';

export class NonOverlappingEdits {
  /** In the order taken, for the edit that results. */
  readonly taken: TextEdit[] = [];
  /** The same edits by start; they never overlap each other, so their starts strictly increase. */
  private readonly byStart: TextEdit[] = [];

  clashes(edit: TextEdit): boolean {
    const { start, end } = edit.span;
    const next = this.firstStartingAfter(start);
    const before = this.byStart[next - 1];
    if (before && (before.span.start === start || start < before.span.end)) return true;
    const after = this.byStart[next];
    return after !== undefined && after.span.start < end;
  }

  add(edits: readonly TextEdit[]): void {
    for (const edit of edits) {
      this.taken.push(edit);
      this.byStart.splice(this.firstStartingAfter(edit.span.start), 0, edit);
    }
  }

  /** The index of the first taken edit starting after `offset`. */
  private firstStartingAfter(offset: number): number {
    let low = 0;
    let high = this.byStart.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.byStart[mid]!.span.start <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
