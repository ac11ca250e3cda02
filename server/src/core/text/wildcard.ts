/**
 * IAM wildcard patterns (`*` any run, `?` one character), matched in time linear in the pattern and
 * at worst quadratic in the name, never exponential: a regular expression of `a*a*a*…b` backtracks
 * for hours on a name it does not match, and patterns come from the documents being typed.
 */

export interface WildcardMatcher {
  test(name: string): boolean;
}

/** Patterns come from the documents being edited: the cache is cleared rather than left to grow. */
const MAX_CACHED = 5000;
const caches = { insensitive: new Map<string, WildcardMatcher>(), sensitive: new Map<string, WildcardMatcher>() };

/**
 * A matcher for the pattern. Action names match ignoring case; resource ARNs match case-sensitively,
 * as IAM compares them.
 */
export function wildcardMatcher(pattern: string, caseSensitive = false): WildcardMatcher {
  const cache = caseSensitive ? caches.sensitive : caches.insensitive;
  let matcher = cache.get(pattern);
  if (!matcher) {
    if (cache.size >= MAX_CACHED) cache.clear();
    matcher = compile(pattern, caseSensitive);
    cache.set(pattern, matcher);
  }
  return matcher;
}

/** @deprecated The old name of `wildcardMatcher`, for code written before it stopped being a RegExp. */
export const wildcardRegExp = wildcardMatcher;

function compile(pattern: string, caseSensitive: boolean): WildcardMatcher {
  // `**` matches what `*` matches: one star stands for a run of them.
  const folded = (caseSensitive ? pattern : pattern.toLowerCase()).replace(/\*{2,}/g, '*');
  if (!/[*?]/.test(folded)) return { test: (name) => (caseSensitive ? name : name.toLowerCase()) === folded };
  // Characters the name must have at least: every one but the stars.
  const minimum = folded.length - (folded.match(/\*/g)?.length ?? 0);
  const unbounded = folded.includes('*');
  return {
    test(name) {
      const text = caseSensitive ? name : name.toLowerCase();
      if (text.length < minimum || (!unbounded && text.length !== minimum)) return false;
      return matches(folded, text);
    },
  };
}

/**
 * Greedy matching with one backtrack point, the last star: a later star makes the earlier one's
 * choice final, so the work is bounded by pattern × name instead of growing with the number of stars.
 */
function matches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c !== undefined && c !== '*' && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (c === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
