/** client/src/panel-options.ts: what the trust graph webview may run and load. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { panelOptions } from '../../client/src/panel-options';

const join = (base: string, ...segments: string[]): string => path.posix.join(base, ...segments);

describe('trust graph panel options', () => {
  it('lets the page load files from the bundle folder only, and run scripts', () => {
    const options = panelOptions('/ext/iam-atlas', join);
    assert.deepEqual(options, { enableScripts: true, localResourceRoots: ['/ext/iam-atlas/dist/webview'] });
  });

  it('names the folder the build writes the page bundle to', () => {
    const root = path.resolve(__dirname, '../../..');
    const [folder] = panelOptions(root, path.join).localResourceRoots;
    assert.ok(existsSync(path.join(folder!, 'graph.js')), `${folder} has no graph.js: npm run build writes the page there`);
  });
});
