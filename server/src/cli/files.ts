/**
 * Which files are read: the paths given, and below folders every policy-bearing file. Used by the
 * CLI and by the language server's workspace scan.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BINARY_PROBE_LENGTH, formatBytes } from '../core/limits';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);
const POLICY_FILE = /\.(json|jsonc|tf)$/i;
/** A device or a pipe never ends or never answers: it is not read. */
const NOT_A_FILE = 'not a regular file (a device or a pipe)';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

export interface CollectResult {
  readonly files: SourceFile[];
  readonly skipped: Skipped[];
  /** Paths named on the command line that could not be read at all. */
  readonly missing: Skipped[];
}

export interface CollectOptions {
  readonly maxFileSize: number;
  /** Called after each file is read, with how many have been read so far. */
  readonly onFile?: (count: number) => void;
}

export async function collectFiles(inputs: readonly string[], options: CollectOptions): Promise<CollectResult> {
  const result: CollectResult = { files: [], skipped: [], missing: [] };
  const seen: Seen = { folders: new Set(), files: new Set() };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      result.missing.push({ path: input, reason: describeError(error) });
      continue;
    }
    if (stat.isDirectory()) await walk(input, result, seen, options);
    else if (stat.isFile()) await readSource(input, result, seen, options);
    // A device or a pipe (/dev/zero, a FIFO) never ends or never answers: not something to read.
    else result.missing.push({ path: input, reason: 'not a file or folder' });
  }
  result.files.sort((a, b) => a.path.localeCompare(b.path));
  return result;
}

/** Real paths already read: they stop symlink loops, and keep a folder or file reached twice from being read twice. */
interface Seen {
  readonly folders: Set<string>;
  readonly files: Set<string>;
}

async function walk(folder: string, result: CollectResult, seen: Seen, options: CollectOptions): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(folder);
  } catch (error) {
    result.skipped.push({ path: folder, reason: describeError(error) });
    return;
  }
  if (seen.folders.has(real)) return;
  seen.folders.add(real);
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    result.skipped.push({ path: folder, reason: describeError(error) });
    return;
  }
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(child, result, seen, options);
    } else if (entry.isSymbolicLink()) {
      let target;
      try {
        target = await fs.stat(child);
      } catch (error) {
        result.skipped.push({ path: child, reason: `broken link: ${describeError(error)}` });
        continue;
      }
      if (target.isDirectory()) await walk(child, result, seen, options);
      else if (POLICY_FILE.test(entry.name)) await readSource(child, result, seen, options);
    } else if (entry.isFile() && POLICY_FILE.test(entry.name)) {
      await readSource(child, result, seen, options);
    } else if (POLICY_FILE.test(entry.name)) {
      result.skipped.push({ path: child, reason: NOT_A_FILE });
    }
  }
}

async function readSource(file: string, result: CollectResult, seen: Seen, options: CollectOptions): Promise<void> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      result.skipped.push({ path: file, reason: NOT_A_FILE });
      return;
    }
    const real = await fs.realpath(file);
    if (seen.files.has(real)) return;
    seen.files.add(real);
    if (stat.size > options.maxFileSize) {
      result.skipped.push({ path: file, reason: `larger than ${formatBytes(options.maxFileSize)} (${formatBytes(stat.size)})` });
      return;
    }
    const bytes = await fs.readFile(file);
    if (bytes.subarray(0, BINARY_PROBE_LENGTH).includes(0)) {
      result.skipped.push({ path: file, reason: 'binary file' });
      return;
    }
    result.files.push({ path: file, text: bytes.toString('utf8') });
    options.onFile?.(result.files.length);
  } catch (error) {
    result.skipped.push({ path: file, reason: describeError(error) });
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

