/**
 * Where a cursor stands in one top-level HCL item, read token by token from the text as it is typed:
 * the blocks, objects, tuples and calls around it (each with the member it is the value of), whether
 * it is on a key or in a value, and the token under it. Unlike the parser's tree, this holds up on
 * half-typed text (`actions = ["s3:Get` with no closing quote), which is what completion sees.
 */
import { Span } from '../model';
import { scanHclString, scanHeredoc, unescapeHcl } from './hcl-lexemes';

export type HclFrameKind = 'body' | 'block' | 'object' | 'tuple' | 'call' | 'paren';

/** A key or attribute written in a body or object, or a nested block (named by its type). */
export interface HclMember {
  readonly name: string;
  readonly span: Span;
  /** The value, when it is a single quoted string without interpolation. */
  value?: string;
}

export interface HclFrame {
  readonly kind: HclFrameKind;
  /** The opening bracket. */
  readonly open: number;
  /** A block's type (`statement`), a call's function name (`jsonencode`). */
  readonly name?: string;
  /** A block's labels, quotes removed. */
  readonly labels: readonly string[];
  /** The member of the enclosing body or object whose value this frame is (`Action` in `Action = [`). */
  readonly member?: string;
  /** The position among the items of an enclosing tuple or call. */
  readonly index?: number;
  /** What the frame holds, all of it (members written after the cursor included). */
  readonly members: HclMember[];
}

/** The token under the cursor. */
export interface HclToken {
  readonly kind: 'string' | 'word' | 'none';
  /** The whole token: quotes included; an empty span at the cursor for `none`. */
  readonly span: Span;
  /** The characters of the name (inside the quotes). */
  readonly name: Span;
  /** A string closed on its line. */
  readonly closed: boolean;
}

export interface HclCursor {
  /** The frames around the cursor, outermost (the file's body) first. */
  readonly frames: readonly HclFrame[];
  /** In the innermost body or object: on a key (or attribute name) being written, or in a member's value. */
  readonly position: 'key' | 'value';
  /** For `value` directly in a body or object: the member being assigned. */
  readonly member?: string;
  /** For an item of a tuple: its index. */
  readonly index?: number;
  readonly token: HclToken;
  /** The cursor is in the lines of a heredoc: its content, and the member it is the value of. */
  readonly heredoc?: { readonly content: Span; readonly member?: string };
}

interface MutableFrame extends HclFrame {
  readonly members: HclMember[];
  /** The key or block type written at the start of the current member, and the labels after a block type. */
  key?: { name: string; span: Span };
  headerLabels: string[];
  /** The key whose value is being read (after `=` or `:`). */
  assigned?: HclMember;
  /** Whether the assigned value has begun (only its first token can be its literal value). */
  valueStarted: boolean;
  /** Items separated so far, in a tuple or call. */
  commas: number;
}


const WORD = /[A-Za-z_][\w-]*/y;

/** Reads `text[start, end)` (one top-level item) up to the cursor and past it to the item's end. */
export function hclCursorAt(text: string, start: number, end: number, offset: number): HclCursor | undefined {
  return new Scanner(text, start, end, offset).run();
}

class Scanner {
  private readonly stack: MutableFrame[];
  private cursor: HclCursor | undefined;
  private done = false;
  /** Set when the cursor is somewhere no completion belongs (a comment, an interpolation). */
  private blocked = false;
  private previousWord: string | undefined;
  private i: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly offset: number,
  ) {
    this.i = start;
    this.stack = [frame('body', start, {})];
  }

  run(): HclCursor | undefined {
    while (this.i < this.end) this.step();
    if (!this.done) this.capture(emptyToken(this.offset));
    return this.blocked ? undefined : this.cursor;
  }

  private step(): void {
    const { text } = this;
    const at = this.i;
    const c = text[at]!;
    const next = text[at + 1];
    if (c === '\n') {
      this.before(at);
      this.newline();
      this.i++;
      return;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      this.i++;
      return;
    }
    if (c === '#' || (c === '/' && next === '/') || (c === '/' && next === '*')) {
      const close = c === '/' && next === '*' ? text.indexOf('*/', at + 2) : -1;
      const stop = c === '/' && next === '*' ? (close < 0 ? this.end : close + 2) : lineEnd(text, at, this.end);
      if (!this.done && this.offset > at && this.offset <= stop) this.block();
      this.before(at);
      this.i = stop;
      return;
    }
    if (c === '"') {
      this.string(at);
      return;
    }
    if (c === '<' && next === '<' && this.heredoc(at)) return;
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    if (word) {
      const wordEnd = at + word[0].length;
      if (!this.done && at <= this.offset && this.offset <= wordEnd) this.capture({ kind: 'word', span: { start: at, end: wordEnd }, name: { start: at, end: wordEnd }, closed: true });
      this.before(at);
      this.word(word[0], { start: at, end: wordEnd });
      this.i = wordEnd;
      return;
    }
    this.before(at);
    this.punctuation(c, at);
    this.i++;
  }

  /** Takes the cursor as it stands before a token at `at` when the cursor is in front of it. */
  private before(at: number): void {
    if (!this.done && this.offset <= at) this.capture(emptyToken(this.offset));
  }

  private block(): void {
    this.blocked = true;
    this.done = true;
  }

  private capture(token: HclToken, heredoc?: HclCursor['heredoc']): void {
    this.done = true;
    const top = this.stack[this.stack.length - 1]!;
    const inBody = top.kind === 'body' || top.kind === 'block' || top.kind === 'object';
    const position = inBody && !top.assigned ? 'key' : 'value';
    this.cursor = {
      frames: [...this.stack],
      position,
      ...(inBody && top.assigned ? { member: top.assigned.name } : {}),
      ...(top.kind === 'tuple' || top.kind === 'call' ? { index: top.commas } : {}),
      token,
      ...(heredoc ? { heredoc } : {}),
    };
  }

  private newline(): void {
    const top = this.stack[this.stack.length - 1]!;
    if (top.kind === 'body' || top.kind === 'block' || top.kind === 'object') resetMember(top);
  }

  private word(word: string, span: Span): void {
    const top = this.stack[this.stack.length - 1]!;
    const inBody = top.kind === 'body' || top.kind === 'block' || top.kind === 'object';
    if (inBody && !top.assigned) {
      if (!top.key) top.key = { name: word, span };
      else top.headerLabels.push(word);
    } else if (inBody) {
      top.valueStarted = true;
    }
    this.previousWord = word;
  }

  private string(at: number): void {
    const top = this.stack[this.stack.length - 1]!;
    const scan = scanHclString(this.text, at, this.end, this.offset);
    const value = scan.hasInterpolation || !scan.closed ? undefined : unescapeHcl(this.text.slice(at + 1, scan.end - 1));
    if (!this.done && at < this.offset && (this.offset < scan.end || (!scan.closed && this.offset <= scan.end))) {
      if (scan.cursorInInterpolation || scan.hasInterpolation) this.block();
      else if (scan.closed) this.capture({ kind: 'string', span: { start: at, end: scan.end }, name: { start: at + 1, end: scan.end - 1 }, closed: true });
      // An open string runs to the end of the line: only what is before the cursor is the name.
      else this.capture({ kind: 'string', span: { start: at, end: this.offset }, name: { start: at + 1, end: this.offset }, closed: false });
    } else {
      this.before(at);
    }
    const inBody = top.kind === 'body' || top.kind === 'block' || top.kind === 'object';
    if (inBody && !top.assigned) {
      if (!top.key) top.key = { name: value ?? this.text.slice(at + 1, scan.end - 1), span: { start: at, end: scan.end } };
      else top.headerLabels.push(value ?? '');
    } else if (inBody && top.assigned && !top.valueStarted) {
      top.valueStarted = true;
      if (value !== undefined) top.assigned.value = value;
    } else if (inBody) {
      top.assigned!.value = undefined;
    }
    this.previousWord = undefined;
    this.i = scan.end;
  }

  /** A heredoc from `at` (`<<EOF` / `<<-EOF`): skipped whole, or the cursor found in its lines. */
  private heredoc(at: number): boolean {
    const heredoc = scanHeredoc(this.text, at, this.end);
    if (!heredoc) return false;
    const { content } = heredoc;
    const top = this.stack[this.stack.length - 1]!;
    if (!this.done && content.start <= this.offset && this.offset <= content.end) {
      const member = top.assigned?.name;
      this.capture(emptyToken(this.offset), { content, ...(member ? { member } : {}) });
    } else if (!this.done && at < this.offset && this.offset < content.start) {
      this.block();
    } else {
      this.before(at);
    }
    if (top.assigned) top.valueStarted = true;
    this.i = heredoc.end;
    return true;
  }

  private punctuation(c: string, at: number): void {
    const top = this.stack[this.stack.length - 1]!;
    const inBody = top.kind === 'body' || top.kind === 'block' || top.kind === 'object';
    switch (c) {
      case '=':
      case ':':
        if (inBody && !top.assigned && top.key && (c === '=' || top.kind === 'object') && this.text[at + 1] !== '=') {
          top.assigned = { name: top.key.name, span: top.key.span };
          top.members.push(top.assigned);
        } else if (inBody && top.assigned) top.valueStarted = true;
        break;
      case ',':
        if (top.kind === 'object') resetMember(top);
        else if (top.kind === 'tuple' || top.kind === 'call') top.commas++;
        break;
      case '{':
      case '[':
      case '(':
        this.open(c, at, top, inBody);
        break;
      case '}':
      case ']':
      case ')':
        this.close(c);
        break;
      default:
        if (inBody && top.assigned) top.valueStarted = true;
    }
    if (c !== '(') this.previousWord = undefined;
  }

  private open(c: '{' | '[' | '(', at: number, parent: MutableFrame, inBody: boolean): void {
    const where: { member?: string; index?: number } = inBody ? (parent.assigned ? { member: parent.assigned.name } : {}) : { index: parent.commas };
    if (c === '{' && inBody && !parent.assigned && parent.key && parent.kind !== 'object') {
      // A nested block: `statement {`, `principals {`, `resource "aws_iam_role" "x" {`.
      parent.members.push({ name: parent.key.name, span: parent.key.span });
      this.stack.push(frame('block', at, { name: parent.key.name, labels: parent.headerLabels }));
      resetMember(parent);
      return;
    }
    if (inBody && parent.assigned) {
      if (parent.valueStarted && c !== '(') parent.assigned.value = undefined;
      parent.valueStarted = true;
    }
    if (c === '(') {
      const name = this.previousWord;
      this.stack.push(frame(name ? 'call' : 'paren', at, { ...where, ...(name ? { name } : {}) }));
      return;
    }
    this.stack.push(frame(c === '{' ? 'object' : 'tuple', at, where));
  }

  private close(c: '}' | ']' | ')'): void {
    const kinds: readonly HclFrameKind[] = c === '}' ? ['block', 'object'] : c === ']' ? ['tuple'] : ['call', 'paren'];
    for (let depth = this.stack.length - 1; depth > 0; depth--) {
      if (!kinds.includes(this.stack[depth]!.kind)) continue;
      this.stack.length = depth;
      return;
    }
  }
}

function frame(kind: HclFrameKind, open: number, options: { name?: string; labels?: string[]; member?: string; index?: number }): MutableFrame {
  return {
    kind,
    open,
    ...(options.name !== undefined ? { name: options.name } : {}),
    labels: options.labels ?? [],
    ...(options.member !== undefined ? { member: options.member } : {}),
    ...(options.index !== undefined ? { index: options.index } : {}),
    members: [],
    headerLabels: [],
    valueStarted: false,
    commas: 0,
  };
}

function resetMember(frame: MutableFrame): void {
  frame.key = undefined;
  frame.headerLabels = [];
  frame.assigned = undefined;
  frame.valueStarted = false;
}

function emptyToken(offset: number): HclToken {
  return { kind: 'none', span: { start: offset, end: offset }, name: { start: offset, end: offset }, closed: false };
}

function lineEnd(text: string, from: number, end: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 || newline > end ? end : newline;
}
