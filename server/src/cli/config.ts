/** The CLI's iam-atlas.json: the one named by --config, else the nearest one above the first path. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EMPTY_CONFIG, WorkspaceConfig, readWorkspaceConfig } from '../core/config';
import { DEFAULT_MAX_FILE_SIZE, formatBytes } from '../core/limits';
import { CliIo, UsageError } from './io';

export interface LoadedConfig {
  readonly config: WorkspaceConfig;
  /** The folder paths in the configuration are relative to: the configuration's own folder. */
  readonly root?: string;
  /** The configuration file itself, when one was read. */
  readonly file?: string;
}

export async function loadConfig(configPath: string | undefined, firstPath: string, io: CliIo): Promise<LoadedConfig> {
  const file = configPath ? path.resolve(io.cwd, configPath) : await findConfig(path.resolve(io.cwd, firstPath));
  if (!file) return { config: EMPTY_CONFIG };
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > DEFAULT_MAX_FILE_SIZE) {
      // A configuration is a few kilobytes: one of megabytes, or a pipe of that name, is not read.
      const why = stat.isFile() ? `it is ${formatBytes(stat.size)}, over the limit of ${formatBytes(DEFAULT_MAX_FILE_SIZE)}` : 'it is not a regular file';
      if (configPath) throw new UsageError(`cannot read the configuration ${configPath}: ${why}`);
      io.stderr(`iam-atlas: ${path.relative(io.cwd, file) || file} is not read: ${why}\n`);
      return { config: EMPTY_CONFIG };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (configPath) throw new UsageError(`cannot read the configuration ${configPath}: ${(error as Error).message}`);
    return { config: EMPTY_CONFIG };
  }
  const { config, problems } = readWorkspaceConfig(text);
  const shown = path.relative(io.cwd, file).split(path.sep).join('/') || file;
  for (const problem of problems) io.stderr(`iam-atlas: ${shown}: ${problem.path ? problem.path + ' ' : ''}${problem.message}\n`);
  return { config, root: path.dirname(file), file };
}

/** The nearest `iam-atlas.json` in the folder of `start` or above it. */
async function findConfig(start: string): Promise<string | undefined> {
  let dir = start;
  try {
    if (!(await fs.stat(dir)).isDirectory()) dir = path.dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = path.join(dir, 'iam-atlas.json');
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
