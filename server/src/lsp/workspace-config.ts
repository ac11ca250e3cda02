/** Finds and reads `iam-atlas.json` at the root of the workspace folder holding a document. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ConfigProblem, EMPTY_CONFIG, WorkspaceConfig, readWorkspaceConfig } from '../core/config';
import { DEFAULT_MAX_FILE_SIZE, formatBytes } from '../core/limits';

export const CONFIG_FILE_NAME = 'iam-atlas.json';
const MAX_CONFIG_SIZE = DEFAULT_MAX_FILE_SIZE;

export class WorkspaceConfigs {
  private folders: string[] = [];
  private readonly cache = new Map<string, Promise<WorkspaceConfig>>();

  constructor(private readonly log: (message: string) => void) {}

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((uri) => URI.parse(uri).fsPath).sort((a, b) => b.length - a.length);
    this.cache.clear();
  }

  /** Forget what was read, e.g. after `iam-atlas.json` changed on disk. */
  invalidate(): void {
    this.cache.clear();
  }

  folderOf(documentUri: string): string | undefined {
    const parsed = URI.parse(documentUri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    return this.folders.find((folder) => file === folder || file.startsWith(folder + path.sep));
  }

  async forDocument(documentUri: string): Promise<WorkspaceConfig> {
    const folder = this.folderOf(documentUri);
    if (!folder) return EMPTY_CONFIG;
    let config = this.cache.get(folder);
    if (!config) {
      config = this.load(folder);
      this.cache.set(folder, config);
    }
    return config;
  }

  private async load(folder: string): Promise<WorkspaceConfig> {
    const file = path.join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      // A configuration is a few kilobytes: one of megabytes is not read (nor a pipe of that name).
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_CONFIG_SIZE) {
        this.log(`${file} is not read: it is ${stat.isFile() ? `${formatBytes(stat.size)}, over the limit of ${formatBytes(MAX_CONFIG_SIZE)}` : 'not a regular file'}.`);
        return EMPTY_CONFIG;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Could not read ${file}: ${(error as Error).message}`);
      return EMPTY_CONFIG;
    }
    const { config, problems } = readWorkspaceConfig(text);
    if (problems.length) this.log(`${file}: ${problems.map(describeProblem).join('; ')}`);
    return config;
  }
}

function describeProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.path} ${problem.message}` : problem.message;
}
