/** Where the installed package lives, for the files it ships beside the code (rule docs, reference data). */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let cached: string | undefined;

/** The nearest folder above this module whose package.json is IAM Atlas's (dist/ in a bundle, out/… in tests). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'iam-atlas') return (cached = dir);
      } catch {
        // an unreadable package.json is not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = path.resolve(__dirname, '..'));
    dir = parent;
  }
}

/** The rule's documentation page: a file shipped with the package, so it opens offline. */
export function ruleDocsUrl(ruleName: string): string {
  return pathToFileURL(path.join(packageRoot(), 'docs', 'rules', `${ruleName}.md`)).href;
}

/** The page on what IAM Atlas does not analyse and why (file size, binary files, nesting, time). */
export function limitsDocsUrl(): string {
  return pathToFileURL(path.join(packageRoot(), 'docs', 'limits.md')).href;
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
