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

/** Files read at once: the walk is I/O-bound, one file at a time leaves the disk and the thread pool idle. */
const READ_CONCURRENCY = 32;

export async function collectFiles(inputs: readonly string[], options: CollectOptions): Promise<CollectResult> {
  const result: CollectResult = { files: [], skipped: [], missing: [] };
  const seen: Seen = { folders: new Set(), files: new Set() };
  // First the folders are walked (one readdir each) and the files to read listed, in walk order.
  const candidates: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      result.missing.push({ path: input, reason: describeError(error) });
      continue;
    }
    if (stat.isDirectory()) await walk(input, result, seen, candidates);
    else if (stat.isFile()) candidates.push(input);
    // A device or a pipe (/dev/zero, a FIFO) never ends or never answers: not something to read.
    else result.missing.push({ path: input, reason: 'not a file or folder' });
  }
  // Then each is looked at (many at once), a file reached twice is kept once (the first in walk
  // order, so the result does not depend on timing), and the rest are read, many at once.
  const looked = await mapConcurrently(candidates, READ_CONCURRENCY, (file) => lookAt(file));
  const toRead: string[] = [];
  looked.forEach((look, index) => {
    const file = candidates[index]!;
    if ('reason' in look) {
      result.skipped.push({ path: file, reason: look.reason });
      return;
    }
    if (seen.files.has(look.real)) return;
    seen.files.add(look.real);
    if (look.size > options.maxFileSize) {
      result.skipped.push({ path: file, reason: `larger than ${formatBytes(options.maxFileSize)} (${formatBytes(look.size)})` });
      return;
    }
    toRead.push(file);
  });
  await mapConcurrently(toRead, READ_CONCURRENCY, (file) => readSource(file, result, options));
  result.files.sort((a, b) => a.path.localeCompare(b.path));
  return result;
}

/** Real paths already read: they stop symlink loops, and keep a folder or file reached twice from being read twice. */
interface Seen {
  readonly folders: Set<string>;
  readonly files: Set<string>;
}

async function walk(folder: string, result: CollectResult, seen: Seen, candidates: string[]): Promise<void> {
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
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(child, result, seen, candidates);
    } else if (entry.isSymbolicLink()) {
      let target;
      try {
        target = await fs.stat(child);
      } catch (error) {
        result.skipped.push({ path: child, reason: `broken link: ${describeError(error)}` });
        continue;
      }
      if (target.isDirectory()) await walk(child, result, seen, candidates);
      else if (POLICY_FILE.test(entry.name)) candidates.push(child);
    } else if (entry.isFile() && POLICY_FILE.test(entry.name)) {
      candidates.push(child);
    } else if (POLICY_FILE.test(entry.name)) {
      result.skipped.push({ path: child, reason: NOT_A_FILE });
    }
  }
}

/** A file's real path and size, or why it is not read. */
async function lookAt(file: string): Promise<{ real: string; size: number } | { reason: string }> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { reason: NOT_A_FILE };
    return { real: await fs.realpath(file), size: stat.size };
  } catch (error) {
    return { reason: describeError(error) };
  }
}

async function readSource(file: string, result: CollectResult, options: CollectOptions): Promise<void> {
  try {
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

/** `work` on every item, at most `limit` at a time; the answers in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      answers[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return answers;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

