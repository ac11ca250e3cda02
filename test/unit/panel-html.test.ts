/** client/src/panel-html.ts: the trust graph panel's page holds no data and runs nothing without its nonce. */
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, panelHtml } from '../../client/src/panel-html';

const ASSETS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/graph.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/graph.css',
};

describe('trust graph panel HTML', () => {
  const html = panelHtml({ ...ASSETS, nonce: 'n0nce/With+Chars=' });

  it('carries a strict Content-Security-Policy: nothing by default, scripts by nonce, styles from the webview', () => {
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta, 'a CSP meta tag');
    assert.equal(meta[1], `default-src 'none'; script-src 'nonce-n0nce/With+Chars='; style-src ${ASSETS.cspSource}; font-src ${ASSETS.cspSource}`);
    assert.doesNotMatch(meta[1]!, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(contentSecurityPolicy('X', 'n'), `default-src 'none'; script-src 'nonce-n'; style-src X; font-src X`);
  });

  it('puts the nonce on every script, and every script is the bundle', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes!, / nonce="n0nce\/With\+Chars="/);
      assert.match(attributes!, / src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/graph\.js"/);
      assert.equal(body, '', 'no inline code');
    }
    assert.match(html, /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/graph\.css">/);
  });

  it('holds no data: no inline styles, no JSON, only the empty root the app fills', () => {
    assert.doesNotMatch(html, /<style|style="|application\/json|\{"|"nodes"/);
    const body = html.slice(html.indexOf('<body>'), html.indexOf('</body>'));
    assert.equal(body.replace(/<script[\s\S]*?<\/script>/, '').trim(), '<body>\n<div id="app" class="app"></div>');
  });

  it('makes a fresh nonce for each page', () => {
    const first = newNonce();
    assert.match(first, /^[A-Za-z0-9+/]{24}$/);
    assert.notEqual(first, newNonce());
    const a = panelHtml(ASSETS).match(/nonce="([^"]+)"/)![1];
    const b = panelHtml(ASSETS).match(/nonce="([^"]+)"/)![1];
    assert.notEqual(a, b);
  });

  it('escapes the URIs it is given', () => {
    const page = panelHtml({ ...ASSETS, scriptUri: 'https://x/"><script>alert(1)</script>', nonce: 'n' });
    assert.equal([...page.matchAll(/<script/g)].length, 1);
    assert.ok(page.includes('src="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  });
});
