/** Generated files and writing them to a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface GeneratedFile {
  /** Relative, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Writes every file under `root`, creating folders as needed. */
export function writeFiles(root: string, files: readonly GeneratedFile[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.text);
  }
}

export function totalBytes(files: readonly GeneratedFile[]): number {
  return files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
}
