/**
 * `capabilities.untrustedWorkspaces: { supported: true }` says IAM Atlas runs no code from the
 * workspace, so VS Code enables it in Restricted Mode. It stays true while nothing the workspace
 * controls can name a program to run: no setting holds a free-form string (a path or a command),
 * and the extension contributes no tasks, debuggers or terminals. That the server and the CLI start
 * no process at all is shown by test/sandbox/offline.test.ts, which refuses and records every try.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../fuzz/seeds';

interface SettingSchema {
  readonly type: string;
  readonly enum?: readonly string[];
  readonly additionalProperties?: SettingSchema;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited' } };
  contributes: Record<string, unknown> & { configuration: { properties: Record<string, SettingSchema> } };
};

/** Whether a value of this schema could be any string: a path, a command line. */
function allowsFreeText(schema: SettingSchema): boolean {
  if (schema.type === 'string') return schema.enum === undefined;
  if (schema.type === 'object') return schema.additionalProperties === undefined || allowsFreeText(schema.additionalProperties);
  return false;
}

describe('untrusted workspaces', () => {
  it('are declared supported', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('can set nothing that names a program: every setting is a number, a choice, or a map onto choices', () => {
    const settings = Object.entries(manifest.contributes.configuration.properties);
    // Adding a setting? If it can hold a path or a command, Restricted Mode support must be revisited
    // (`supported: "limited"` with the setting in `restrictedConfigurations`) before this list grows.
    assert.deepEqual(settings.filter(([, schema]) => allowsFreeText(schema)).map(([name]) => name), []);
    assert.ok(settings.some(([name]) => name === 'iamAtlas.maxFileSize'));
  });

  it('contribute no tasks, debuggers or terminals', () => {
    for (const contribution of ['taskDefinitions', 'debuggers', 'terminal', 'problemMatchers']) {
      assert.equal(manifest.contributes[contribution], undefined, contribution);
    }
  });
});
