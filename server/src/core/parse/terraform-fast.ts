/**
 * A fast reader for the well-formed, common subset of HCL, giving exactly what tree-sitter and
 * readItem (terraform-tree.ts) give for one top-level item, spans included. tree-sitter's
 * WebAssembly parse, and the walk of its tree across the WebAssembly boundary, are most of the time
 * a cold index of a large organisation takes; most of its items are blocks of plain attributes,
 * literals, references and jsonencode calls.
 *
 * It reads: blocks with identifier or quoted labels; attributes; comments; quoted strings, with
 * `${ … }` interpolations of what it reads, written on one line without comments; heredocs (`<<EOF`,
 * `<<-EOF`) with such interpolations; numbers; true, false, null; tuples; objects with identifier or
 * quoted keys; references (`a.b.c`, `a.b[0]`, `a["k"]`); function calls. Anything else (operators,
 * conditionals, `for`, `%{` directives, `~` strip markers, splats, any syntax error) gives undefined:
 * the caller then parses the item with tree-sitter, which also reports what is wrong. It never
 * guesses: every construct it accepts is one whose tree it reproduces node for node
 * (test/unit/terraform-fast.test.ts checks it against tree-sitter on every .tf text of the
 * repository and on mutated copies of them).
 */
import { Span } from '../model';
import { MAX_NESTING_DEPTH } from './nesting';
import { ReadItem } from './terraform-tree';
import { TfAttribute, TfBlock, TfExpression, TfInterpolation, TfLabel, TfObjectEntry, TfObjectKey, TfString, TfTemplate } from './terraform-syntax';
import { heredocValue, unescapeQuoted } from './terraform-values';

/** The item read as tree-sitter and readItem would read it, or undefined when it is outside the subset. */
export function readItemFast(text: string): ReadItem | undefined {
  // tree-sitter stops reading at a NUL, even in a comment.
  if (text.includes('\0')) return undefined;
  try {
    return new FastReader(text).item();
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/** Thrown (as this one value, no stack to build) whenever the text leaves the subset. */
const OUTSIDE_SUBSET = Symbol('outside the fast subset');

/**
 * readItem counts two to three levels per level of syntax (`expression` → `collection_value` →
 * `object`); this reader counts one. Giving up at a third of the bound leaves every text readItem
 * refuses as too deep to it, with a margin, and keeps this reader's own recursion shallow.
 */
const MAX_FAST_DEPTH = Math.floor(MAX_NESTING_DEPTH / 3);

/** Words tree-sitter's lexer may read as keywords rather than identifiers: never taken as names here. */
const KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Hash = 0x23,
  Dollar = 0x24,
  Percent = 0x25,
  Star = 0x2a,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  Less = 0x3c,
  Equals = 0x3d,
  Greater = 0x3e,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  Underscore = 0x5f,
  OpenParen = 0x28,
  CloseParen = 0x29,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

class FastReader {
  private i = 0;
  private depth = 0;
  /** Inside an interpolation: white space stops at a line break or a comment (see skipExtras). */
  private inline = false;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  item(): ReadItem {
    const blocks: TfBlock[] = [];
    const attributes: TfAttribute[] = [];
    this.skipExtras();
    if (this.i >= this.length) throw OUTSIDE_SUBSET;
    this.body(blocks, attributes, true);
    return { blocks, attributes };
  }

  /** Attributes and blocks up to the end of the text (top level) or to a `}` (left for the caller). */
  private body(blocks: TfBlock[], attributes: TfAttribute[], topLevel: boolean): void {
    for (;;) {
      this.skipExtras();
      if (this.i >= this.length) {
        if (topLevel) return;
        throw OUTSIDE_SUBSET;
      }
      if (this.code() === Char.CloseBrace) {
        if (topLevel) throw OUTSIDE_SUBSET;
        return;
      }
      const name = this.identifier();
      this.skipExtras();
      if (this.code() === Char.Equals) attributes.push(this.attribute(name));
      else blocks.push(this.block(name));
    }
  }

  private attribute(name: Span): TfAttribute {
    this.equals();
    const value = this.expression();
    return { name: this.text.slice(name.start, name.end), nameSpan: name, value, span: { start: name.start, end: value.span.end }, hasErrors: false };
  }

  private block(type: Span): TfBlock {
    this.enter();
    const labels: TfLabel[] = [];
    for (;;) {
      this.skipExtras();
      const c = this.code();
      if (c === Char.OpenBrace) break;
      if (c === Char.Quote) {
        // A label is a plain string literal in tree-sitter's grammar: an interpolation there is an error.
        const label = this.quoted();
        if (label.kind !== 'string') throw OUTSIDE_SUBSET;
        labels.push({ value: label.value, span: label.span });
      } else {
        const label = this.identifier();
        labels.push({ value: this.text.slice(label.start, label.end), span: label });
      }
    }
    const open = ++this.i;
    const blocks: TfBlock[] = [];
    const attributes: TfAttribute[] = [];
    this.body(blocks, attributes, false);
    const close = this.i++;
    this.depth--;
    return {
      type: this.text.slice(type.start, type.end),
      typeSpan: type,
      labels,
      attributes,
      blocks,
      span: { start: type.start, end: close + 1 },
      bodySpan: { start: open, end: close },
      hasErrors: false,
    };
  }

  /** `=` (or `:` in an object) as its own token: `==` and `=>` are operators this reader does not read. */
  private equals(allowColon = false): void {
    const c = this.code();
    if (c !== Char.Equals && !(allowColon && c === Char.Colon)) throw OUTSIDE_SUBSET;
    const next = this.text.charCodeAt(++this.i);
    if (next === Char.Equals || next === Char.Greater || (c === Char.Colon && next === Char.Colon)) throw OUTSIDE_SUBSET;
  }

  private expression(): TfExpression {
    this.enter();
    this.skipExtras();
    const c = this.code();
    let result: TfExpression;
    if (c === Char.Quote) result = this.quoted();
    else if (c >= Char.Zero && c <= Char.Nine) result = this.number();
    else if (c === Char.OpenBracket) result = this.tuple();
    else if (c === Char.OpenBrace) result = this.object();
    else if (c === Char.Less) result = this.heredoc();
    else result = this.named();
    this.depth--;
    return result;
  }

  /** A literal keyword, a function call or a reference. */
  private named(): TfExpression {
    const name = this.identifier(true);
    const word = this.text.slice(name.start, name.end);
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true', span: name };
    if (word === 'null') return { kind: 'null', span: name };
    if (KEYWORDS.has(word)) throw OUTSIDE_SUBSET;
    const afterName = this.i;
    this.skipExtras();
    if (this.code() === Char.OpenParen) return this.call(word, name);
    this.i = afterName;
    const path = [word];
    for (;;) {
      const c = this.code();
      if (c === Char.Dot) {
        this.i++;
        const attribute = this.identifier();
        path.push(this.text.slice(attribute.start, attribute.end));
      } else if (c === Char.OpenBracket) {
        path.push(this.index());
      } else {
        break;
      }
    }
    return { kind: 'reference', path, span: { start: name.start, end: this.i } };
  }

  /** `[expression]` after a name, as readItem writes it into a reference's path. */
  private index(): string {
    this.i++;
    this.skipExtras();
    if (this.code() === Char.Star) throw OUTSIDE_SUBSET;
    const value = this.expression();
    this.skipExtras();
    if (this.code() !== Char.CloseBracket) throw OUTSIDE_SUBSET;
    this.i++;
    return value.kind === 'number' ? `[${value.value}]` : value.kind === 'string' ? `[${JSON.stringify(value.value)}]` : '[?]';
  }

  private call(name: string, nameSpan: Span): TfExpression {
    this.i++;
    const args = this.listUntil(Char.CloseParen);
    return { kind: 'call', name, nameSpan, args, span: { start: nameSpan.start, end: this.i } };
  }

  private tuple(): TfExpression {
    const start = this.i++;
    const items = this.listUntil(Char.CloseBracket);
    return { kind: 'tuple', items, span: { start, end: this.i } };
  }

  /** Expressions separated by commas (a trailing one allowed) up to `close`, which is read too. */
  private listUntil(close: number): TfExpression[] {
    const items: TfExpression[] = [];
    this.skipExtras();
    if (this.code() !== close) {
      for (;;) {
        items.push(this.expression());
        this.skipExtras();
        const c = this.code();
        if (c === Char.Comma) {
          this.i++;
          this.skipExtras();
          if (this.code() === close) break;
        } else if (c === close) {
          break;
        } else {
          throw OUTSIDE_SUBSET;
        }
      }
    }
    this.i++;
    return items;
  }

  /** Entries separated by commas, or by nothing but white space (tree-sitter's grammar needs no newline). */
  private object(): TfExpression {
    const start = this.i++;
    const entries: TfObjectEntry[] = [];
    this.skipExtras();
    while (this.code() !== Char.CloseBrace) {
      const key = this.key();
      this.skipExtras();
      this.equals(true);
      const value = this.expression();
      entries.push({ key, value, span: { start: key.span.start, end: value.span.end } });
      this.skipExtras();
      if (this.code() === Char.Comma) {
        this.i++;
        this.skipExtras();
      }
    }
    this.i++;
    return { kind: 'object', entries, span: { start, end: this.i } };
  }

  private key(): TfObjectKey {
    if (this.code() === Char.Quote) {
      // readItem reads a template key as an expression, three levels deep before its interpolations: counted here too.
      this.enter();
      const quoted = this.quoted();
      this.depth--;
      if (quoted.kind === 'template') return { name: undefined, span: quoted.span, computed: quoted };
      return { name: quoted.value, span: quoted.span };
    }
    const name = this.identifier(true);
    const word = this.text.slice(name.start, name.end);
    if (KEYWORDS.has(word)) throw OUTSIDE_SUBSET;
    return { name: word, span: name };
  }

  /** ASCII identifiers only: tree-sitter's also take Unicode letters and `::`, which this reader leaves to it. */
  private identifier(mayBeKeyword = false): Span {
    const start = this.i;
    const first = this.code();
    if (!isIdentifierStart(first)) throw OUTSIDE_SUBSET;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (isIdentifierStart(c) || (c >= Char.Zero && c <= Char.Nine) || c === Char.Minus) i++;
      else if (c >= 0x80 || (c === Char.Colon && this.text.charCodeAt(i + 1) === Char.Colon)) throw OUTSIDE_SUBSET;
      else break;
    }
    this.i = i;
    if (!mayBeKeyword && KEYWORDS.has(this.text.slice(start, i))) throw OUTSIDE_SUBSET;
    return { start, end: i };
  }

  /** `[0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?)?`, tree-sitter's decimal literal, and nothing glued to it. */
  private number(): TfExpression {
    const start = this.i;
    let i = this.digits(start);
    if (this.text.charCodeAt(i) === Char.Dot && isDigit(this.text.charCodeAt(i + 1))) {
      i = this.digits(i + 1);
      const e = this.text.charCodeAt(i);
      if (e === 0x65 || e === 0x45) {
        let j = i + 1;
        const sign = this.text.charCodeAt(j);
        if (sign === 0x2b || sign === Char.Minus) j++;
        if (!isDigit(this.text.charCodeAt(j))) throw OUTSIDE_SUBSET;
        i = this.digits(j);
      }
    }
    const next = this.text.charCodeAt(i);
    if (isIdentifierStart(next) || isDigit(next) || next === Char.Dot || next >= 0x80) throw OUTSIDE_SUBSET;
    this.i = i;
    return { kind: 'number', value: Number(this.text.slice(start, i)), span: { start, end: i } };
  }

  private digits(from: number): number {
    let i = from;
    while (isDigit(this.text.charCodeAt(i))) i++;
    return i;
  }

  /**
   * A quoted string, scanned as tree-sitter-hcl's external scanner does: `$${` and `%%{` are
   * literal, `$$` and `%%` before anything else are two characters (so `$$${x}` is `$$` then an
   * interpolation), an escape other than `\" \n \r \t \\ \uXXXX \UXXXXXXXX` is an error, and
   * any `%{` directive is left to tree-sitter. With interpolations it is a template, as
   * TreeReader.template() makes it.
   */
  private quoted(): TfString | TfTemplate {
    const start = this.i;
    const text = this.text;
    const interpolations: TfInterpolation[] = [];
    let i = start + 1;
    for (;;) {
      if (i >= this.length) throw OUTSIDE_SUBSET;
      const c = text.charCodeAt(i);
      if (c === Char.Quote) break;
      if (c === Char.Backslash) {
        i = this.escape(i);
      } else if (c === Char.Dollar || c === Char.Percent) {
        i = this.templateMark(i, interpolations);
      } else if (c < Char.Space && c !== Char.Tab) {
        // Line breaks end an unterminated string (the splitter blanks its quote); NUL ends tree-sitter's input.
        throw OUTSIDE_SUBSET;
      } else {
        i++;
      }
    }
    this.i = i + 1;
    const span = { start, end: i + 1 };
    const content = { start: start + 1, end: i };
    if (interpolations.length) return { kind: 'template', quoting: 'quoted', span, content, interpolations, directives: [] };
    return { kind: 'string', value: unescapeQuoted(text.slice(start + 1, i)).value, quoting: 'quoted', span, content };
  }

  /**
   * The `$` or `%` at `at` in a template, as the scanner splits it: an interpolation (read into
   * `interpolations`), an escaped `$${` or `%%{`, or one or two literal characters. Returns the
   * offset after it.
   */
  private templateMark(at: number, interpolations: TfInterpolation[]): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    if (next === Char.OpenBrace) {
      if (c === Char.Percent) throw OUTSIDE_SUBSET;
      return this.interpolation(at, interpolations);
    }
    if (next === c) return text.charCodeAt(at + 2) === Char.OpenBrace ? at + 3 : at + 2;
    return at + 1;
  }

  /** `${ expression }` (or `${}`) on one line, without strip markers; returns the offset after its `}`. */
  private interpolation(at: number, interpolations: TfInterpolation[]): number {
    // A level of its own: readItem spends three (expression, template_expr, quoted_template) on the template around it.
    this.enter();
    const wasInline = this.inline;
    this.inline = true;
    this.i = at + 2;
    this.skipExtras();
    let expression: TfExpression | undefined;
    if (this.code() !== Char.CloseBrace) {
      // `~` strip markers are left to tree-sitter: the expression reader refuses them before or after it.
      expression = this.expression();
      this.skipExtras();
      if (this.code() !== Char.CloseBrace) throw OUTSIDE_SUBSET;
    }
    this.inline = wasInline;
    this.depth--;
    const end = ++this.i;
    interpolations.push(expression ? { span: { start: at, end }, expression } : { span: { start: at, end } });
    return end;
  }

  /**
   * `<<EOF` or `<<-EOF` (the marker right after `<<`, nothing but blanks after it on its line) up to
   * its closing line: the marker, only blanks before and after it. tree-sitter-hcl's scanner tries
   * the marker wherever blanks that hold a line break end, so a line starting with the marker that
   * does not close the heredoc is read its own way there (`EOF${x}` is all literal): left to it, as
   * are white space characters other than space, tab and CR at the start of a line, which the
   * scanner's iswspace may count as blanks. Contents are as TreeReader.template() cuts them: from
   * the line after the opening marker to the start of the closing marker's line.
   */
  private heredoc(): TfExpression {
    if (this.inline) throw OUTSIDE_SUBSET;
    const text = this.text;
    const start = this.i;
    if (text.charCodeAt(start + 1) !== Char.Less) throw OUTSIDE_SUBSET;
    const indented = text.charCodeAt(start + 2) === Char.Minus;
    const markerStart = start + (indented ? 3 : 2);
    if (!isIdentifierStart(text.charCodeAt(markerStart))) throw OUTSIDE_SUBSET;
    let i = markerStart + 1;
    while (isMarkerCharacter(text.charCodeAt(i))) i++;
    const marker = text.slice(markerStart, i);
    i = skipBlanks(text, i);
    if (text.charCodeAt(i) !== Char.LineFeed) throw OUTSIDE_SUBSET;
    const contentStart = i + 1;
    const interpolations: TfInterpolation[] = [];
    let lineStart = contentStart;
    for (;;) {
      if (lineStart >= this.length) throw OUTSIDE_SUBSET;
      const first = skipBlanks(text, lineStart);
      const c = text.charCodeAt(first);
      if (c === Char.LineFeed) {
        lineStart = first + 1;
        continue;
      }
      if (c >= 0x80) throw OUTSIDE_SUBSET;
      if (text.startsWith(marker, first)) {
        if (text.charCodeAt(skipBlanks(text, first + marker.length)) !== Char.LineFeed) throw OUTSIDE_SUBSET;
        const end = first + marker.length;
        this.i = end;
        const span = { start, end };
        const content = { start: contentStart, end: text.lastIndexOf('\n', first - 1) + 1 };
        const quoting = indented ? 'heredoc-indented' : 'heredoc';
        if (interpolations.length) return { kind: 'template', quoting, span, content, interpolations, directives: [] };
        return { kind: 'string', value: heredocValue(text.slice(content.start, content.end), indented), quoting, span, content };
      }
      let k = first;
      for (;;) {
        const d = text.charCodeAt(k);
        if (d === Char.LineFeed) break;
        if (d === Char.Dollar || d === Char.Percent) k = this.templateMark(k, interpolations);
        else if (Number.isNaN(d) || (d < Char.Space && d !== Char.Tab && d !== Char.CarriageReturn)) throw OUTSIDE_SUBSET;
        else k++;
      }
      lineStart = k + 1;
    }
  }

  /** The offset after the escape at `at`. */
  private escape(at: number): number {
    const e = this.text.charCodeAt(at + 1);
    if (e === Char.Quote || e === Char.Backslash || e === 0x6e || e === 0x72 || e === 0x74) return at + 2;
    const digits = e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
    if (!digits) throw OUTSIDE_SUBSET;
    for (let k = 0; k < digits; k++) if (!isHexDigit(this.text.charCodeAt(at + 2 + k))) throw OUTSIDE_SUBSET;
    // A code point past U+10FFFF cannot be decoded: left to the tree-sitter path, whatever it makes of it.
    if (parseInt(this.text.slice(at + 2, at + 2 + digits), 16) > 0x10ffff) throw OUTSIDE_SUBSET;
    return at + 2 + digits;
  }

  /**
   * White space and comments, as tree-sitter's extras; any other white space character leaves the
   * subset. Inside an interpolation, a line break or a comment leaves it too (the splitter ends a
   * quoted string at a line break; the subset keeps to what both read the same way).
   */
  private skipExtras(): void {
    const text = this.text;
    let i = this.i;
    if (this.inline) {
      while (text.charCodeAt(i) === Char.Space || text.charCodeAt(i) === Char.Tab) i++;
      const c = text.charCodeAt(i);
      if (c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Hash || (c === Char.Slash && (text.charCodeAt(i + 1) === Char.Slash || text.charCodeAt(i + 1) === Char.Star))) {
        throw OUTSIDE_SUBSET;
      }
      this.i = i;
      return;
    }
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === Char.Space || c === Char.LineFeed || c === Char.Tab || c === Char.CarriageReturn) {
        i++;
      } else if (c === Char.Hash || (c === Char.Slash && text.charCodeAt(i + 1) === Char.Slash)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? this.length : end;
      } else if (c === Char.Slash && text.charCodeAt(i + 1) === Char.Star) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) throw OUTSIDE_SUBSET;
        i = end + 2;
      } else {
        break;
      }
    }
    this.i = i;
  }

  /** The character at the cursor (NaN past the end, which equals nothing). */
  private code(): number {
    return this.text.charCodeAt(this.i);
  }

  private enter(): void {
    if (++this.depth > MAX_FAST_DEPTH) throw OUTSIDE_SUBSET;
  }
}

function isIdentifierStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === Char.Underscore;
}

/** What the scanner's heredoc marker may hold past its first character (ASCII only here: its iswalnum may take more). */
function isMarkerCharacter(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c) || c === Char.Minus;
}

/** Past spaces, tabs and carriage returns: blanks within a heredoc's line. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== Char.Space && c !== Char.Tab && c !== Char.CarriageReturn) return i;
    i++;
  }
}

function isDigit(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
