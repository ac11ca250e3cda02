/**
 * The HCL lexemes whose extent needs reading ahead: a quoted string (with its interpolations, and
 * unterminated at the end of its line), and a heredoc (to its closing marker).
 */
import { Span } from '../model';

export interface HclString {
  /** Just past the closing quote, or the end of the line when the string is not closed. */
  readonly end: number;
  readonly closed: boolean;
  readonly hasInterpolation: boolean;
  /** The cursor is inside one of its `${ }` or `%{ }`. */
  readonly cursorInInterpolation: boolean;
}

/** A quoted string starting at `at` (its opening quote), read no further than `end`. */
export function scanHclString(text: string, at: number, end: number, cursor: number): HclString {
  let depth = 0;
  let hasInterpolation = false;
  let cursorInInterpolation = false;
  let interpolationStart = -1;
  let i = at + 1;
  while (i < end) {
    const c = text[i];
    if (c === '\n') break;
    if (depth === 0) {
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '"') return { end: i + 1, closed: true, hasInterpolation, cursorInInterpolation };
      if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
        i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === '{') {
        depth = 1;
        hasInterpolation = true;
        interpolationStart = i;
        i += 2;
        continue;
      }
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0 && interpolationStart < cursor && cursor <= i) cursorInInterpolation = true;
    } else if (c === '"') {
      // A string inside the interpolation: skipped whole.
      let j = i + 1;
      while (j < end && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    i++;
  }
  if (depth > 0 && interpolationStart < cursor) cursorInInterpolation = true;
  // Not closed on its line: it ends there, as the splitter ends it for the parser.
  return { end: Math.min(i, end), closed: false, hasInterpolation, cursorInInterpolation };
}

export interface HclHeredoc {
  /** Its lines, between the introducing line and the closing marker's line. */
  readonly content: Span;
  /** Just past the closing marker (the end of what was read when there is none). */
  readonly end: number;
}

const HEREDOC_START = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** A heredoc starting at `at` (`<<EOF`, `<<-EOT`), or undefined when `<<` starts none. */
export function scanHeredoc(text: string, at: number, end: number): HclHeredoc | undefined {
  HEREDOC_START.lastIndex = at;
  const match = HEREDOC_START.exec(text);
  if (!match) return undefined;
  const marker = match[2]!;
  const contentStart = HEREDOC_START.lastIndex;
  const closing = new RegExp(`[ \\t]*${marker}[ \\t]*(?:\\r?\\n|$)`, 'y');
  for (let lineStart = contentStart; lineStart < end; ) {
    closing.lastIndex = lineStart;
    if (closing.test(text)) {
      let markerStart = lineStart;
      while (text[markerStart] === ' ' || text[markerStart] === '\t') markerStart++;
      return { content: { start: contentStart, end: lineStart }, end: markerStart + marker.length };
    }
    const next = text.indexOf('\n', lineStart);
    if (next < 0 || next >= end) break;
    lineStart = next + 1;
  }
  return { content: { start: contentStart, end }, end };
}

/** A quoted HCL string's value: its escapes resolved, `$${` read as `${`. */
export function unescapeHcl(raw: string): string {
  return raw
    .replace(/\\(["\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c)
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}
