/**
 * How the graph benchmark drives the trust graph engine in-process. The engine is not built yet
 * (issue #6): this file is the one place that knows its entry point, so when the engine lands with
 * other names, only `loadGraphEngine` changes.
 *
 * Expected today: `out/server/src/core/graph/index.js` exports a class `WorkspaceIndex` whose
 * instances have `setFile(uri, text)` (add or replace one file, `iam-atlas.json` included) and
 * `graph()` (the trust graph, brought up to date). Either may return a promise.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface WorkspaceFile {
  readonly uri: string;
  readonly text: string;
}

export interface GraphEngine {
  /** Indexes every file from scratch and builds the graph. */
  index(files: readonly WorkspaceFile[]): Promise<void>;
  /** Replaces one file and brings the graph up to date. */
  change(file: WorkspaceFile): Promise<void>;
}

interface WorkspaceIndexLike {
  setFile(uri: string, text: string): unknown;
  graph(): unknown;
}

type Loaded = { readonly create: () => GraphEngine } | { readonly reason: string };

export function loadGraphEngine(root: string): Loaded {
  const entry = path.join(root, 'out', 'server', 'src', 'core', 'graph', 'index.js');
  if (!existsSync(entry)) return { reason: 'no graph engine yet (out/server/src/core/graph/index.js)' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module may not exist at compile time
  const module = require(entry) as { WorkspaceIndex?: new () => WorkspaceIndexLike };
  const Index = module.WorkspaceIndex;
  if (typeof Index !== 'function' || typeof Index.prototype?.setFile !== 'function' || typeof Index.prototype?.graph !== 'function') {
    return { reason: 'the graph engine has no WorkspaceIndex with setFile() and graph(): update bench/suites/graph-engine.ts to its entry point' };
  }
  return {
    create: () => {
      const index = new Index();
      return {
        async index(files) {
          for (const file of files) await index.setFile(file.uri, file.text);
          await index.graph();
        },
        async change(file) {
          await index.setFile(file.uri, file.text);
          await index.graph();
        },
      };
    },
  };
}
