// `npm run bench`: builds first when a source is newer than what was built from it, then runs the
// compiled benchmarks (out/bench/main.js) with the arguments given after `--`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (file) => path.join(root, file);

// Each build stamp, and the sources it is made from. tsc -b rewrites a project's .tsbuildinfo when it
// rebuilds that project; esbuild rewrites the bundles on every build.
const products = [
  { stamps: ['dist/server.js', 'dist/cli.js'], sources: ['server/src', 'scripts/build.mjs', 'package.json', 'package-lock.json'] },
  { stamps: ['out/server.tsbuildinfo'], sources: ['server/src', 'tsconfig.base.json'] },
  { stamps: ['out/bench.tsbuildinfo'], sources: ['bench', 'tsconfig.base.json'] },
];

/** The newest modification time below `file`; under bench/ only TypeScript counts (results, run.mjs do not). */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (stat.isDirectory()) {
    return Math.max(0, ...readdirSync(file).filter((entry) => entry !== 'results').map((entry) => newest(path.join(file, entry))));
  }
  return file.startsWith(at('bench')) && !file.endsWith('.ts') ? 0 : stat.mtimeMs;
}

function stale({ stamps, sources }) {
  const files = stamps.map(at);
  if (!files.every(existsSync)) return true;
  return Math.min(...files.map((file) => statSync(file).mtimeMs)) < Math.max(...sources.map((source) => newest(at(source))));
}

if (!existsSync(at('out/bench/main.js')) || products.some(stale)) {
  process.stderr.write('bench: the build is missing or older than its sources: running npm run build\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const run = spawnSync(process.execPath, [at('out/bench/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
