/**
 * Globs written by the workspace (account `paths` in iam-atlas.json, policy-kind globs) as
 * matchers that cannot hang the server. picomatch turns a glob into a regular expression, and a
 * regular expression with many `*` backtracks for minutes on a path it does not match
 * (`*a*a*a*b` on a 255-character name takes half a second, one more star hours): globs with more
 * than three single stars, extglobs and very long globs are refused, and so are paths no file
 * system has.
 */
import picomatch from 'picomatch';

export const MAX_GLOB_LENGTH = 1000;
/** Single `*` wildcards (a `**` path segment does not count): three stay within milliseconds on any real path. */
export const MAX_GLOB_STARS = 3;
/** Longer paths, or paths with a longer segment, are not real file paths: no glob matches them. */
const MAX_PATH_LENGTH = 4096;
const MAX_SEGMENT_LENGTH = 255;
/** Enough for the paths of thousands of accounts; typing a glob adds one entry a keystroke, so it is cleared when full. */
const MAX_CACHED = 20_000;

export type PathMatcher = (path: string) => boolean;

const NEVER: PathMatcher = () => false;
const caches = { sensitive: new Map<string, PathMatcher>(), insensitive: new Map<string, PathMatcher>() };

/** Why IAM Atlas will not match this glob, or undefined when it will. */
export function globProblem(glob: string): string | undefined {
  const compiled = compileGlob(glob, false);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** A matcher for a path with forward slashes; a glob `globProblem` refuses matches nothing. */
export function globMatcher(glob: string, caseInsensitive = false): PathMatcher {
  const cache = caseInsensitive ? caches.insensitive : caches.sensitive;
  let matcher = cache.get(glob);
  if (!matcher) {
    if (cache.size >= MAX_CACHED) cache.clear();
    matcher = compile(glob, caseInsensitive);
    cache.set(glob, matcher);
  }
  return matcher;
}

function compile(glob: string, caseInsensitive: boolean): PathMatcher {
  const compiled = compileGlob(glob, caseInsensitive);
  if (typeof compiled === 'string') return NEVER;
  return (path) => isRealPath(path) && compiled.test(path);
}

/** The glob's regular expression, or why it is refused. */
function compileGlob(glob: string, caseInsensitive: boolean): RegExp | string {
  if (glob.length === 0) return 'is an empty glob';
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  const stars = glob.split('/').reduce((count, segment) => count + (segment === '**' ? 0 : (segment.match(/\*+/g)?.length ?? 0)), 0);
  if (stars > MAX_GLOB_STARS) return `has ${stars} "*" wildcards besides "**" segments; IAM Atlas matches globs with at most ${MAX_GLOB_STARS}, as more can take minutes to match`;
  try {
    return picomatch.makeRe(glob, options(caseInsensitive));
  } catch (error) {
    return `cannot be read: ${(error as Error).message}`;
  }
}

function options(caseInsensitive: boolean): picomatch.PicomatchOptions {
  // Extglobs (`+(a|b)`) nest quantifiers: read literally.
  return { dot: true, noextglob: true, ...(caseInsensitive ? { nocase: true } : {}) };
}

/** The same path is tried against every account's globs in turn: remember the last answer. */
let lastPath: string | undefined;
let lastAnswer = false;

function isRealPath(path: string): boolean {
  if (path === lastPath) return lastAnswer;
  lastPath = path;
  lastAnswer = checkRealPath(path);
  return lastAnswer;
}

function checkRealPath(path: string): boolean {
  if (path.length > MAX_PATH_LENGTH) return false;
  let segmentStart = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path[i] === '/') {
      if (i - segmentStart > MAX_SEGMENT_LENGTH) return false;
      segmentStart = i + 1;
    }
  }
  return true;
}
