/**
 * `iam-atlas graph --format html`: one self-contained page that a browser opens offline. The
 * webview bundle and its stylesheet are inlined (under a nonce), and the graph travels as JSON in
 * a non-executable script tag that the app reads; nothing is fetched.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TrustGraph } from '../core/graph/types';
import { packageRoot } from '../package-root';

export interface WebviewAssets {
  readonly script: string;
  readonly style: string;
}

export interface HtmlPageInfo {
  readonly title: string;
  /** The folder the graph was made from, as a file URL: the page shows sources relative to it. */
  readonly root?: string;
  /** Where the rule pages are (file URL of docs/rules/, ending in a slash). */
  readonly docsBaseUrl?: string;
}

/** The bundle `npm run build` writes to dist/webview/. */
export function readWebviewAssets(root = packageRoot()): WebviewAssets {
  const folder = path.join(root, 'dist', 'webview');
  try {
    return { script: readFileSync(path.join(folder, 'graph.js'), 'utf8'), style: readFileSync(path.join(folder, 'graph.css'), 'utf8') };
  } catch (error) {
    throw new Error(`the graph page's bundle is missing from ${folder} (run npm run build): ${(error as Error).message}`);
  }
}

export function renderGraphHtml(graph: TrustGraph, assets: WebviewAssets, info: HtmlPageInfo): string {
  const nonce = randomBytes(18).toString('base64');
  const data = { graph, title: info.title, ...(info.root ? { root: info.root } : {}), ...(info.docsBaseUrl ? { docsBaseUrl: info.docsBaseUrl } : {}) };
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="iam-atlas">
<title>${text(`Trust graph: ${info.title}`)}</title>
<style nonce="${nonce}">${inRawText(assets.style, 'style')}</style>
</head>
<body>
<div id="app" class="app"></div>
<script type="application/json" id="iam-atlas-data">${jsonForScript(data)}</script>
<script nonce="${nonce}">${inRawText(assets.script, 'script')}</script>
</body>
</html>
`;
}

/** JSON that cannot end its script element or open a comment: `<`, `>` and `&` become escapes JSON.parse reads back. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Code inlined in a <script> or <style> element must not contain its closing tag. In the bundle
 * such text can only sit in strings or regular expressions, where `<\/` means the same.
 */
function inRawText(code: string, tag: 'script' | 'style'): string {
  return code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
