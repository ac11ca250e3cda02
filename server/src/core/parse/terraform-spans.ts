/**
 * Moves results read from one text into another: a whole item shifted after an edit above it, or an
 * item's last readable result carried into its edited (and unreadable) text.
 */
import { Span } from '../model';

/** A copy of `value` with every span (an object holding exactly `start` and `end`) passed through `map`. */
export function mapSpans<T>(value: T, map: (span: Span) => Span): T {
  return mapValue(value, map) as T;
}

function mapValue(value: unknown, map: (span: Span) => Span): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => mapValue(item, map));
  const record = value as Record<string, unknown>;
  if (isSpan(record)) return map(record as unknown as Span);
  const copy: Record<string, unknown> = {};
  for (const key in record) copy[key] = mapValue(record[key], map);
  return copy;
}

function isSpan(record: Record<string, unknown>): boolean {
  if (typeof record.start !== 'number' || typeof record.end !== 'number') return false;
  let keys = 0;
  for (const key in record) {
    if (++keys > 2) return false;
    if (key !== 'start' && key !== 'end') return false;
  }
  return true;
}

export function shiftSpans<T>(value: T, by: number): T {
  if (by === 0) return value;
  return mapSpans(value, (span) => ({ start: span.start + by, end: span.end + by }));
}

/**
 * Maps offsets of `before` onto `after`, two versions of one text, through the one region where
 * they differ: offsets before it stay, offsets after it move by the change in length, and offsets
 * inside it go to the region's edge (a span that held the edit grows or shrinks with it).
 */
export function editMapper(before: string, after: string): (span: Span) => Span {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  const delta = after.length - before.length;
  const startOf = (offset: number): number => (offset < prefix ? offset : offset >= oldEnd ? offset + delta : prefix);
  const endOf = (offset: number): number => (offset <= prefix ? offset : offset > oldEnd ? offset + delta : newEnd);
  return (span) => {
    const start = startOf(span.start);
    return { start, end: Math.max(start, endOf(span.end)) };
  };
}
