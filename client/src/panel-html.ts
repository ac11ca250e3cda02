/**
 * The HTML of the trust graph panel. It holds no data: the graph comes by postMessage once the page
 * says it is ready. Scripts run only by nonce, styles only from the webview's own resources.
 * No vscode import, so tests read the page as the panel makes it.
 */
import { randomBytes } from 'node:crypto';

export interface PanelAssets {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  readonly cspSource: string;
  /** The bundled app and its stylesheet, as webview URIs. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh nonce per page; `newNonce()` by default. */
  readonly nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
}

export function panelHtml(assets: PanelAssets): string {
  const nonce = assets.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(assets.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust Graph</title>
<link rel="stylesheet" href="${attribute(assets.styleUri)}">
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${attribute(nonce)}" src="${attribute(assets.scriptUri)}"></script>
</body>
</html>
`;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
