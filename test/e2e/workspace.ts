/** The folder a scenario opens: a fresh copy of examples/ with the e2e fixtures as scratch/. */
import { cpSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { StartFolder } from './ide';

/** The repository root, from out/test/e2e/ where this file runs. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Makes the folder a scenario starts in at `target` and returns it: the example organisation with
 * the fixtures as scratch/, or nothing.
 */
export function prepareWorkspace(target: string, folder: StartFolder = 'examples'): string {
  mkdirSync(target, { recursive: true });
  if (folder !== 'examples') return target;
  cpSync(path.join(REPO_ROOT, 'examples'), target, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'e2e'), path.join(target, 'scratch'), { recursive: true });
  return target;
}

/** A file or folder name made of a title: lower case, words joined by dashes. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
