/**
 * `JSON.stringify(value, null, 2)` in pieces: the trust graph of a large organisation is tens of
 * megabytes as one string, and as much again as the buffer written from it. The pieces join to the
 * same text exactly (test/unit/json-chunks.test.ts compares them).
 */

/** Objects and arrays this deep are split into pieces; deeper ones are one piece each. */
const SPLIT_DEPTH = 2;

export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksAt(value, '', 0);
}

function* chunksAt(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // JSON escapes line breaks inside strings: every line break here is between tokens.
    const text = JSON.stringify(value, null, 2);
    yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let index = 0; index < value.length; index++) {
      yield `${index ? ',' : ''}\n${inner}`;
      const item: unknown = value[index];
      // As JSON.stringify writes them in an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* chunksAt(item, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  // As JSON.stringify leaves them out of an object.
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let index = 0; index < entries.length; index++) {
    const [key, item] = entries[index]!;
    yield `${index ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
    yield* chunksAt(item, inner, depth + 1);
  }
  yield `\n${indent}}`;
}

/** The pieces gathered into strings of about `size` characters: fewer, larger writes. */
export function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length) yield parts.join('');
}
