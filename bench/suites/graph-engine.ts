/**
 * The trust graph engine in-process, as the language server and `iam-atlas graph` drive it: one
 * `WorkspaceIndex` fed every file of the workspace (with the configuration read from its
 * `iam-atlas.json`), then asked for the graph. The Terraform parser is started first when the
 * workspace has .tf files, as they do.
 */
import { readWorkspaceConfig } from '../../server/src/core/config';
import { WorkspaceIndex } from '../../server/src/core/graph';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { GeneratedFile } from '../generate/files';

/** A folder that needs not exist: the index holds the texts it is given. */
const ROOT = '/bench/workspace';

export interface GraphEngine {
  /** Indexes every file from scratch and builds the graph. */
  index(): void;
  /** Replaces one file's text and builds the graph again. */
  change(path: string, text: string): void;
  /** Nodes and edges of the last graph built. */
  size(): { nodes: number; edges: number };
}

export async function graphEngine(files: readonly GeneratedFile[]): Promise<() => GraphEngine> {
  if (files.some((file) => file.path.endsWith('.tf'))) await initTerraform();
  const configFile = files.find((file) => file.path === 'iam-atlas.json');
  const { config, problems } = configFile ? readWorkspaceConfig(configFile.text) : { config: {}, problems: [] };
  if (problems.length) throw new Error(`the generated iam-atlas.json has problems: ${problems.map((p) => p.message).join('; ')}`);
  const uriOf = (path: string): string => `file://${ROOT}/${path}`;
  return () => {
    const index = new WorkspaceIndex({ config, root: ROOT });
    let last = { nodes: 0, edges: 0 };
    const build = (): void => {
      const graph = index.graph();
      last = { nodes: graph.nodes.length, edges: graph.edges.length };
    };
    return {
      index() {
        for (const file of files) index.update(uriOf(file.path), file.text, file.path);
        build();
      },
      change(path, text) {
        if (!index.update(uriOf(path), text, path)) throw new Error(`${path} did not change`);
        build();
      },
      size: () => last,
    };
  };
}
