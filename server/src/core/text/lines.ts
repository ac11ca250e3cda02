/** Offsets to 1-based lines and columns, for output outside the editor (CLI text, SARIF). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) this.starts.push(i + 1);
      else if (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column (columns count UTF-16 code units, as LSP and SARIF do). */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
