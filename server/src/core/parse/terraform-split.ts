/**
 * Splits a .tf file into its top-level items (blocks, mostly) with a small lexer that knows strings,
 * interpolations, heredocs and comments. Each item is then parsed on its own, so a half-typed item
 * cannot swallow the ones after it, and an unchanged item's result can be reused after an edit.
 *
 * The lexer also finds the syntax problems it can place exactly: a string not closed on its line
 * (HCL strings cannot span lines), a heredoc without its closing marker, a bracket never closed or
 * one that closes nothing.
 */
import { Span } from '../model';
import { MAX_NESTING_DEPTH } from './nesting';

export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
}

export interface TopLevelItem {
  /** From the item's first token to its closing brace (or the end of its last line). */
  readonly span: Span;
  readonly problems: readonly SyntaxProblem[];
  /** Opening quotes of strings that do not close on their line: hidden from the parser, which would otherwise read the rest of the item as one string. */
  readonly unterminatedQuotes: readonly number[];
  /** The first bracket that nests deeper than IAM Atlas reads (nesting.ts): the item is then not parsed. */
  readonly tooDeep?: Span;
}

export interface SplitResult {
  readonly items: readonly TopLevelItem[];
  /** Problems outside every item, such as a "}" that closes nothing. */
  readonly strayProblems: readonly SyntaxProblem[];
}

type FrameKind = '{' | '[' | '(' | 'interpolation' | 'string';

interface Frame {
  readonly kind: FrameKind;
  readonly open: number;
  /** Indentation of the line the frame opened on: the closing bracket of formatted code has the same. */
  readonly indent: number;
}

const CLOSER_OF: Readonly<Record<string, FrameKind>> = { '}': '{', ']': '[', ')': '(' };

/**
 * A line that starts a top-level block. While a bracket is open, such a line at column 0 means the
 * bracket was never closed: the item ends before it (formatted Terraform never indents these).
 */
const TOP_LEVEL_BLOCK_LINE =
  /(?:(?:resource|data|ephemeral)[ \t]+(?:"[^"\n]*"|[\w-]+)[ \t]+(?:"[^"\n]*"|[\w-]+)|(?:module|variable|output|provider|check)[ \t]+(?:"[^"\n]*"|[\w-]+)|locals|terraform|moved|import|removed)[ \t]*\{/y;

const HEREDOC_START = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

export function startsTopLevelBlock(text: string, lineStart: number): boolean {
  TOP_LEVEL_BLOCK_LINE.lastIndex = lineStart;
  return TOP_LEVEL_BLOCK_LINE.test(text);
}

export function splitTopLevel(text: string): SplitResult {
  return new Splitter(text).run();
}

class Splitter {
  private readonly items: TopLevelItem[] = [];
  private readonly strayProblems: SyntaxProblem[] = [];
  private readonly stack: Frame[] = [];
  private itemStart = -1;
  private problems: SyntaxProblem[] = [];
  private unterminatedQuotes: number[] = [];
  private tooDeep: Span | undefined;
  /** Heredoc marker → a body start after which no line closes it (see closingLine). */
  private readonly unclosedMarkers = new Map<string, number>();
  /** Where lineIndent and isFirstOnLine have read up to, and what they found on that line (see advanceLine). */
  private readonly line = { scanned: 0, start: 0, firstNonBlank: -1, firstNonSpace: -1 };
  /** The first bracket of the item closed by a bracket on a line of another indentation: the likely culprit when the item runs away. */
  private suspect: Frame | undefined;
  private i = 0;

  constructor(private readonly text: string) {}

  run(): SplitResult {
    const { text } = this;
    const n = text.length;
    while (this.i < n) {
      const top = this.stack[this.stack.length - 1];
      if (top?.kind === 'string') this.stringChar(top);
      else this.codeChar();
    }
    if (this.stack.length) this.reportUnclosed();
    this.endItem(n);
    return { items: this.items, strayProblems: this.strayProblems };
  }

  private stringChar(frame: Frame): void {
    const { text } = this;
    const c = text[this.i];
    const next = text[this.i + 1];
    if (c === '\\' && next !== '\n' && next !== undefined) {
      this.i += 2;
    } else if (c === '"') {
      this.stack.pop();
      this.i++;
    } else if (c === '\n' || (c === '\r' && next === '\n')) {
      this.stack.pop();
      this.unterminatedQuotes.push(frame.open);
      this.problems.push({
        message: 'Unterminated string: add the closing double quote (") on this line; Terraform strings cannot span lines.',
        span: { start: frame.open, end: trimEnd(text, frame.open + 1, this.i) },
      });
      // the newline itself is read as code, so the item can end or recover there
    } else if ((c === '$' || c === '%') && next === c && text[this.i + 2] === '{') {
      this.i += 3;
    } else if ((c === '$' || c === '%') && next === '{') {
      this.push({ kind: 'interpolation', open: this.i, indent: frame.indent });
      this.i += 2;
    } else {
      this.i++;
    }
  }

  private codeChar(): void {
    const { text } = this;
    const c = text[this.i]!;
    if (c === '\n') {
      this.newline();
      return;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
      this.i++;
      return;
    }
    const next = text[this.i + 1];
    if (c === '#' || (c === '/' && next === '/')) {
      this.skipLineComment();
      return;
    }
    if (c === '/' && next === '*') {
      this.skipBlockComment();
      return;
    }
    if (this.itemStart < 0) {
      if (this.stack.length === 0 && CLOSER_OF[c]) {
        this.strayProblems.push({ message: `Unexpected "${c}": it closes nothing. Remove it, or add the block it should close.`, span: { start: this.i, end: this.i + 1 } });
        this.i++;
        return;
      }
      this.itemStart = this.i;
    }
    if (c === '"') {
      this.push({ kind: 'string', open: this.i, indent: this.lineIndent(this.i) });
      this.i++;
    } else if (c === '<' && next === '<') {
      this.heredoc();
    } else if (c === '{' || c === '[' || c === '(') {
      this.push({ kind: c, open: this.i, indent: this.lineIndent(this.i) });
      this.i++;
    } else if (CLOSER_OF[c]) {
      this.close(c);
      this.i++;
    } else {
      this.i++;
    }
  }

  private push(frame: Frame): void {
    this.stack.push(frame);
    if (this.stack.length > MAX_NESTING_DEPTH) this.tooDeep ??= { start: frame.open, end: frame.open + 1 };
  }

  private newline(): void {
    const lineStart = this.i + 1;
    if (this.stack.length === 0) {
      this.endItem(this.i);
    } else if (startsTopLevelBlock(this.text, lineStart)) {
      this.reportUnclosed();
      this.stack.length = 0;
      this.endItem(this.i);
    }
    this.i = lineStart;
  }

  private close(c: string): void {
    const { stack } = this;
    const kind = CLOSER_OF[c]!;
    const top = stack[stack.length - 1];
    if (top && (top.kind === kind || (c === '}' && top.kind === 'interpolation'))) {
      stack.pop();
      if (top.kind === '{' && this.isFirstOnLine(this.i) && this.lineIndent(this.i) !== top.indent) this.suspect ??= top;
      return;
    }
    // A closer that does not match the innermost bracket: if an outer one matches, the ones between were never closed.
    for (let depth = stack.length - 2; depth >= 0; depth--) {
      if (stack[depth]!.kind !== kind) continue;
      this.problems.push(unclosedProblem(stack[stack.length - 1]!));
      stack.length = depth;
      return;
    }
    this.problems.push({ message: `Unexpected "${c}": it closes nothing. Remove it, or add the bracket it should close.`, span: { start: this.i, end: this.i + 1 } });
  }

  private heredoc(): void {
    const { text } = this;
    HEREDOC_START.lastIndex = this.i;
    const match = HEREDOC_START.exec(text);
    if (!match) {
      this.i += 2;
      return;
    }
    const marker = match[2]!;
    const introEnd = this.i + 2 + match[1]!.length + marker.length;
    const bodyStart = HEREDOC_START.lastIndex;
    const closingLine = this.closingLine(marker, bodyStart);
    if (closingLine !== undefined) {
      this.heredocDepth(bodyStart, closingLine);
      let markerStart = closingLine;
      while (text[markerStart] === ' ' || text[markerStart] === '\t') markerStart++;
      this.i = markerStart + marker.length;
      return;
    }
    this.problems.push({
      message: `Unterminated heredoc: add a line holding only ${marker} to end it.`,
      span: { start: this.i, end: introEnd },
    });
    // Without its marker the heredoc would run to the end of the file: end it where a top-level block starts.
    let resume = HEREDOC_START.lastIndex;
    while (resume < text.length && !startsTopLevelBlock(text, resume)) {
      const lineEnd = text.indexOf('\n', resume);
      if (lineEnd < 0) {
        resume = text.length;
        break;
      }
      resume = lineEnd + 1;
    }
    this.heredocDepth(bodyStart, resume);
    this.i = resume > 0 && resume < text.length ? resume - 1 : resume;
  }

  /**
   * Where the line closing a heredoc starts, or undefined when none follows. Once a marker is known
   * to have no closing line after some point, later heredocs with that marker are not searched
   * again: a file of unterminated heredocs would otherwise be read once per heredoc.
   */
  private closingLine(marker: string, bodyStart: number): number | undefined {
    const { text } = this;
    const knownOpen = this.unclosedMarkers.get(marker);
    if (knownOpen !== undefined && bodyStart >= knownOpen) return undefined;
    const closing = new RegExp(`[ \\t]*${marker}[ \\t]*(?:\\r?\\n|$)`, 'y');
    for (let lineStart = bodyStart; lineStart < text.length; ) {
      closing.lastIndex = lineStart;
      if (closing.test(text)) return lineStart;
      const lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
    this.unclosedMarkers.set(marker, Math.min(bodyStart, knownOpen ?? bodyStart));
    return undefined;
  }

  /** A heredoc's brackets (JSON, interpolations) nest below the ones already open; strings are not told apart, which only errs towards too deep. */
  private heredocDepth(start: number, end: number): void {
    let depth = this.stack.length;
    for (let i = start; i < end; i++) {
      const c = this.text[i];
      if (c === '{' || c === '[' || c === '(') {
        if (++depth > MAX_NESTING_DEPTH) {
          this.tooDeep ??= { start: i, end: i + 1 };
          return;
        }
      } else if ((c === '}' || c === ']' || c === ')') && depth > this.stack.length) depth--;
    }
  }

  private skipLineComment(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end < 0 ? this.text.length : end;
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.i + 2);
    if (end >= 0) {
      this.i = end + 2;
      return;
    }
    this.problems.push({ message: 'Unterminated comment: add */ to end it.', span: { start: this.i, end: this.i + 2 } });
    this.i = this.text.length;
  }

  /** Blames one bracket for an item that never closed: the suspect, else the innermost one still open. */
  private reportUnclosed(): void {
    const open = this.stack.filter((frame) => frame.kind !== 'string');
    const innermost = open[open.length - 1];
    if (!innermost) return;
    this.problems.push(unclosedProblem(this.suspect ?? innermost));
  }

  private endItem(at: number): void {
    if (this.itemStart >= 0) {
      const end = trimEnd(this.text, this.itemStart, at);
      const tooDeep = this.tooDeep && this.tooDeep.start < end ? { tooDeep: this.tooDeep } : {};
      this.items.push({ span: { start: this.itemStart, end }, problems: this.problems, unterminatedQuotes: this.unterminatedQuotes, ...tooDeep });
    }
    this.itemStart = -1;
    this.problems = [];
    this.unterminatedQuotes = [];
    this.tooDeep = undefined;
    this.suspect = undefined;
  }

  /** The indentation (spaces and tabs) of the line holding `offset`, a non-blank character. */
  private lineIndent(offset: number): number {
    const line = this.advanceLine(offset + 1);
    return line.firstNonBlank - line.start;
  }

  /** Whether only whitespace precedes `offset` on its line. */
  private isFirstOnLine(offset: number): boolean {
    const line = this.advanceLine(offset);
    return line.firstNonSpace < 0;
  }

  /**
   * Reads the text up to `end` once, in order, noting where the current line starts and its first
   * non-blank and non-space characters. Looking back from each bracket instead made a long line
   * with many brackets quadratic (a minute for a 600 KB line).
   */
  private advanceLine(end: number): { readonly start: number; readonly firstNonBlank: number; readonly firstNonSpace: number } {
    const { line, text } = this;
    if (end < line.scanned) {
      // Never happens while the lexer moves forward; answered the slow way if it does.
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const blank = /[^ \t]/.exec(text.slice(start, end));
      const space = /\S/.exec(text.slice(start, end));
      return { start, firstNonBlank: blank ? start + blank.index : -1, firstNonSpace: space ? start + space.index : -1 };
    }
    for (let i = line.scanned; i < end; i++) {
      const c = text[i]!;
      if (c === '\n') {
        line.start = i + 1;
        line.firstNonBlank = -1;
        line.firstNonSpace = -1;
        continue;
      }
      if (line.firstNonBlank < 0 && c !== ' ' && c !== '\t') line.firstNonBlank = i;
      if (line.firstNonSpace < 0 && !/\s/.test(c)) line.firstNonSpace = i;
    }
    line.scanned = end;
    return line;
  }
}

function unclosedProblem(frame: Frame): SyntaxProblem {
  const opener = frame.kind === 'interpolation' ? '${' : frame.kind;
  const closer = frame.kind === '{' || frame.kind === 'interpolation' ? '}' : frame.kind === '[' ? ']' : ')';
  return {
    message: `This "${opener}" is never closed: add the matching "${closer}".`,
    span: { start: frame.open, end: frame.open + opener.length },
  };
}

/** The end of `[start, end)` without trailing whitespace. */
function trimEnd(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  return last;
}
