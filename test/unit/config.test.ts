import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceConfig } from '../../server/src/core/config';
import { DEFAULT_POLICY_KIND_GLOBS } from '../../server/src/core/parse/kind';
import { RULES } from '../../server/src/core/rules';
import { findings } from './helpers';

const root = path.resolve(__dirname, '..', '..', '..');

describe('workspace configuration', () => {
  it('reads a valid file whole', () => {
    const { config, problems } = readWorkspaceConfig(readFileSync(path.join(root, 'examples', 'iam-atlas.json'), 'utf8'));
    assert.deepEqual(problems, []);
    assert.equal(config.organizationId, 'o-a1b2c3d4e5');
    assert.deepEqual(config.accounts?.map((a) => a.name), ['management', 'security', 'prod', 'dev']);
    assert.equal(config.trustedExternalAccounts?.[0]?.id, '999988887777');
  });

  it('drops malformed parts with a reason and keeps the rest', () => {
    const { config, problems } = readWorkspaceConfig(
      JSON.stringify({ organizationId: 'org-1', accounts: [{ id: '123' }, { id: '111122223333', paths: 'x' }], rules: { 'version-missing': 'loud' } }),
    );
    assert.deepEqual(problems.map((p) => p.path), ['organizationId', 'accounts[0]', 'accounts[1].paths', 'rules.version-missing']);
    assert.deepEqual(config.accounts?.map((a) => a.id), ['111122223333']);
    assert.equal(readWorkspaceConfig('{').problems[0]?.path, '');
  });

  it('rule severities from the file apply, and the editor setting wins over them', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const config = { rules: { 'version-missing': 'error' as const } };
    assert.equal(findings(text, undefined, { config })[0]?.severity, 'error');
    assert.equal(findings(text, undefined, { config, severities: { IAM002: 'info' } })[0]?.severity, 'info');
    assert.deepEqual(findings(text, undefined, { config, severities: { 'version-missing': 'off' } }), []);
  });

  it('the manifest declares the same policy-kind globs as the server defaults', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['iamAtlas.policyKinds'].default, DEFAULT_POLICY_KIND_GLOBS);
  });

  it('a rule that throws is reported to the caller and the other rules still run', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const broken = { id: 'IAM099', name: 'always-throws', severity: 'error' as const, kinds: ['identity' as const], category: 'grammar' as const, summary: 'x.', fixable: false, scope: 'document' as const, check: (): never => { throw new Error('boom'); } };
    const errors: string[] = [];
    const result = findings(text, undefined, { rules: [broken, ...RULES], onRuleError: (rule, error) => errors.push(`${rule.name}: ${(error as Error).message}`) });
    assert.deepEqual(errors, ['always-throws: boom']);
    assert.deepEqual(result.map((f) => f.ruleId), ['IAM002']);
  });
});
