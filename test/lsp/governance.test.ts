/**
 * The built server runs the workspace rules over its index: findings published on the files they
 * are about (open or not), guardrails on iam-atlas.json, both kept current as documents change, and
 * the severity setting applied to them.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { GraphRequest } from '../../server/src/protocol';
import { REPO_ROOT, TestClient, fileUri } from './client';

const codes = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((d) => String(d.code));

describe('workspace rules over stdio', function () {
  let client: TestClient;
  let folder: string;
  let adminPolicyUri: string;
  let configUri: string;
  let rolesUri: string;
  let adminPolicyPublished: Promise<PublishDiagnosticsParams>;
  let configPublished: Promise<PublishDiagnosticsParams>;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-governance-'));
    cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'governance', 'org'), folder, { recursive: true });
    adminPolicyUri = fileUri(path.join(folder, 'prod', 'admin-policy.tf'));
    configUri = fileUri(path.join(folder, 'iam-atlas.json'));
    rolesUri = fileUri(path.join(folder, 'prod', 'roles.tf'));
    client = await TestClient.start(folder);
    // Nothing is opened: these come from the first scan, published once it is over (after a pause).
    adminPolicyPublished = client.diagnostics(adminPolicyUri, (p) => codes(p).includes('IAM512'));
    configPublished = client.diagnostics(configUri, (p) => codes(p).includes('IAM510'));
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes a workspace finding on a file nobody opened, with code, docs link and source', async () => {
    const published = await adminPolicyPublished;
    assert.equal(published.version, undefined);
    assert.deepEqual(published.diagnostics, [
      {
        range: { start: { line: 3, character: 15 }, end: { line: 3, character: 60 } },
        severity: 2,
        code: 'IAM512',
        codeDescription: { href: published.diagnostics[0]!.codeDescription!.href },
        source: 'iam-atlas',
        message:
          'AdministratorAccess is attached to role "platform-admin", which principals of other accounts can assume (account dev (100000000003)): whoever controls it is an administrator of this account. Attach a policy scoped to what the callers need instead.',
      },
    ]);
    assert.match(published.diagnostics[0]!.codeDescription!.href, /docs\/rules\/privileged-managed-policy-cross-account\.md$/);
  });

  it('publishes the missing guardrails on iam-atlas.json, on its governance key', async () => {
    const published = await configPublished;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity, String(d.message).split(':')[0]]),
      [
        ['IAM510', 8, 2, 14, 3, 'No SCP denies actions by the root user of member accounts (guardrail'],
        ['IAM510', 8, 2, 14, 3, 'No SCP denies iam'],
      ],
    );
  });

  it('answers the guardrails with the graph, for the graph view', async () => {
    const graph = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    const organization = fileUri(path.join(folder, 'management', 'organization.tf'));
    assert.deepEqual(graph.guardrails, [
      { id: 'leave-organization', title: 'leaving the organisation', present: true, sources: [organization] },
      { id: 'root-user', title: 'root-user actions', present: false, sources: [] },
      { id: 'iam-users', title: 'IAM user and access-key creation', present: false, sources: [] },
      { id: 'cloudtrail', title: 'disabling CloudTrail', present: true, sources: [organization] },
    ]);
  });

  it('merges the document\'s own findings with the workspace ones, and follows edits', async () => {
    const text = readFileSync(path.join(folder, 'prod', 'roles.tf'), 'utf8');
    // The open document's own analysis (IAM204) comes with the workspace findings of the file.
    const merged = client.diagnostics(rolesUri, (p) => p.version === 1 && codes(p).includes('IAM204') && codes(p).includes('IAM507'));
    await client.open(rolesUri, 'terraform', text);
    assert.deepEqual(codes(await merged).sort(), ['IAM204', 'IAM507', 'IAM509']);

    // Requiring MFA of the operator: once the index has the new text, IAM507 goes.
    const withMfa = text.replace(
      'Principal = { AWS = "arn:aws:iam::100000000002:user/operator" }',
      'Principal = { AWS = "arn:aws:iam::100000000002:user/operator" }\n        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }',
    );
    assert.notEqual(withMfa, text);
    const fixed = client.diagnostics(rolesUri, (p) => p.version === 2 && !codes(p).includes('IAM507'));
    await client.replace(rolesUri, withMfa);
    assert.deepEqual(codes(await fixed).sort(), ['IAM204', 'IAM509']);
  });

  it('applies the iamAtlas.rules setting to workspace rules', async () => {
    client.settings = { rules: { 'shared-admin-role': 'off', IAM510: 'warning' } };
    const withoutShared = client.diagnostics(rolesUri, (p) => codes(p).length > 0 && !codes(p).includes('IAM509'));
    const guardrailsAsWarnings = client.diagnostics(configUri, (p) => p.diagnostics.length > 0 && p.diagnostics.every((d) => d.severity === 2));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(codes(await withoutShared), ['IAM204']);
    assert.deepEqual(codes(await guardrailsAsWarnings), ['IAM510', 'IAM510']);
  });

  it('follows iam-atlas.json changed on disk: expecting only the CloudTrail guardrail, which is present, clears the others', async () => {
    const file = path.join(folder, 'iam-atlas.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...config, governance: { ...config.governance, guardrails: ['cloudtrail'] } }, null, 2));
    const cleared = client.diagnostics(configUri, (p) => !codes(p).includes('IAM510'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    assert.deepEqual((await cleared).diagnostics, []);
  });
});
