/** client/src/panel-messages.ts: messages from the graph webview are checked before the extension acts. */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { MAX_IMAGE_CHARS, checkWebviewMessage } from '../../client/src/panel-messages';

const WORKSPACE = '/work/org';
const INSIDE = pathToFileURL('/work/org/accounts/prod/roles/deploy-trust.json').href;

const check = (data: unknown) => checkWebviewMessage(data, [WORKSPACE, '/work/other']);

describe('trust graph panel messages', () => {
  it('accepts the messages without data as they are', () => {
    for (const type of ['ready', 'refresh', 'openConfigDocs']) assert.deepEqual(check({ type, extra: 1 }), { ok: true, message: { type } });
  });

  it('accepts a source inside a workspace folder, keeping only the span fields', () => {
    assert.deepEqual(check({ type: 'openSource', source: { uri: INSIDE, start: 50, end: 224, line: 4, more: 'x' } }), {
      ok: true,
      message: { type: 'openSource', source: { uri: INSIDE, start: 50, end: 224, line: 4 } },
    });
  });

  it('refuses a source outside the workspace, or one that climbs out of it', () => {
    assert.deepEqual(check({ type: 'openSource', source: { uri: 'file:///etc/passwd', start: 0, end: 1, line: 1 } }), { ok: false, reason: 'outside the workspace' });
    assert.deepEqual(check({ type: 'openSource', source: { uri: 'file:///work/org/../secrets/key.json', start: 0, end: 1, line: 1 } }), {
      ok: false,
      reason: 'outside the workspace',
    });
    assert.deepEqual(check({ type: 'openSource', source: { uri: 'file:///work/organisation/x.json', start: 0, end: 1, line: 1 } }), {
      ok: false,
      reason: 'outside the workspace',
    });
    assert.deepEqual(check({ type: 'openSource', source: { uri: 'https://example.com/x.json', start: 0, end: 1, line: 1 } }), { ok: false, reason: 'not a file' });
    assert.deepEqual(check({ type: 'openSource', source: { uri: pathToFileURL(WORKSPACE).href, start: 0, end: 1, line: 1 } }), { ok: false, reason: 'outside the workspace' });
  });

  it('refuses spans that are not whole, ordered, non-negative offsets', () => {
    for (const source of [
      { uri: INSIDE, start: -1, end: 2, line: 1 },
      { uri: INSIDE, start: 5, end: 2, line: 1 },
      { uri: INSIDE, start: 1.5, end: 2, line: 1 },
      { uri: INSIDE, start: '1', end: 2, line: 1 },
      { uri: INSIDE, start: 1, end: 2 },
      null,
    ]) {
      assert.equal(check({ type: 'openSource', source }).ok, false, JSON.stringify(source));
    }
  });

  it('accepts rule names and nothing that could be a path', () => {
    assert.deepEqual(check({ type: 'openRuleDocs', ruleName: 'trust-admin-role' }), { ok: true, message: { type: 'openRuleDocs', ruleName: 'trust-admin-role' } });
    for (const ruleName of ['../../package', 'a/b', 'Trust', '', 'x-', 7]) assert.deepEqual(check({ type: 'openRuleDocs', ruleName }), { ok: false, reason: 'not a rule name' });
  });

  it('checks an image to save: format, size and a plain file name', () => {
    assert.deepEqual(check({ type: 'saveImage', format: 'svg', data: '<svg/>', suggestedName: 'trust-graph.svg' }), {
      ok: true,
      message: { type: 'saveImage', format: 'svg', data: '<svg/>', suggestedName: 'trust-graph.svg' },
    });
    assert.deepEqual(check({ type: 'saveImage', format: 'gif', data: 'x', suggestedName: 'a.gif' }), { ok: false, reason: 'unknown image format' });
    assert.deepEqual(check({ type: 'saveImage', format: 'png', data: '', suggestedName: 'a.png' }), { ok: false, reason: 'no image data, or too much' });
    assert.deepEqual(check({ type: 'saveImage', format: 'png', data: 'x'.repeat(MAX_IMAGE_CHARS + 1), suggestedName: 'a.png' }), {
      ok: false,
      reason: 'no image data, or too much',
    });
    assert.deepEqual(check({ type: 'saveImage', format: 'png', data: 'iVBO', suggestedName: '../a.png' }), { ok: false, reason: 'not a plain file name' });
  });

  it('refuses what is not a known message', () => {
    assert.deepEqual(check('ready'), { ok: false, reason: 'not a message' });
    assert.deepEqual(check(null), { ok: false, reason: 'not a message' });
    assert.deepEqual(check({ type: 'runCommand', command: 'rm' }), { ok: false, reason: 'unknown message type "runCommand"' });
  });
});
