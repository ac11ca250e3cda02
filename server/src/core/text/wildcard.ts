/** IAM wildcard patterns (`*` any run, `?` one character) as regular expressions, cached. */

/** Patterns come from the documents being edited: the cache is cleared rather than left to grow. */
const MAX_CACHED = 5000;
const caches = { insensitive: new Map<string, RegExp>(), sensitive: new Map<string, RegExp>() };

/**
 * The pattern as an anchored regular expression. Action names match ignoring case; resource ARNs
 * match case-sensitively, as IAM compares them.
 */
export function wildcardRegExp(pattern: string, caseSensitive = false): RegExp {
  const cache = caseSensitive ? caches.sensitive : caches.insensitive;
  let regexp = cache.get(pattern);
  if (!regexp) {
    if (cache.size >= MAX_CACHED) cache.clear();
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regexp = new RegExp(`^${body}$`, caseSensitive ? '' : 'i');
    cache.set(pattern, regexp);
  }
  return regexp;
}
