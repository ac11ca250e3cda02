/** The built server indexes the workspace, answers the graph requests and shows a code lens on trust policies. */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeLens, CodeLensRequest, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { GraphChangedNotification, GraphRequest, WhoCanAssumeRequest } from '../../server/src/protocol';
import { REPO_ROOT, TestClient, fileUri } from './client';

describe('workspace trust graph over stdio', function () {
  let client: TestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-graph-'));
    cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'graph'), folder, { recursive: true });
    client = await TestClient.start(folder);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers the graph of the scanned workspace', async () => {
    const graph = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    assert.equal(graph.indexing, false);
    assert.equal(graph.fileCount, 5);
    assert.deepEqual(graph.edges.map((e) => `${e.id} ${e.risk}`), [
      'oidc-provider:111111111111:token.actions.githubusercontent.com->role:111111111111:ci:web-identity none',
      'role:111111111111:ci->role:222222222222:deploy:assume-role high',
    ]);
  });

  it('answers who can assume a role, with paths of nodes and edges', async () => {
    const result = await client.connection.sendRequest<WhoCanAssumeRequest.Result>(WhoCanAssumeRequest.method, { role: 'deploy' });
    assert.equal(result.role?.arn, 'arn:aws:iam::222222222222:role/deploy');
    assert.deepEqual(result.paths.map((p) => [p.nodes.map((n) => n.label).join(' > '), p.risk]), [
      ['ci > deploy', 'high'],
      ['token.actions.githubusercontent.com > ci > deploy', 'high'],
    ]);
  });

  it('puts a code lens above a trust policy: who can assume, how many risky', async () => {
    const uri = fileUri(path.join(folder, 'prod', 'roles', 'deploy-trust.json'));
    await client.open(uri, 'json', readFileSync(path.join(folder, 'prod', 'roles', 'deploy-trust.json'), 'utf8'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [0, '2 principals can assume · 2 risky', 'iamAtlas.showWhoCanAssume', ['role:222222222222:deploy', uri]],
        [0, 'Show in trust graph', 'iamAtlas.showTrustGraph', ['role:222222222222:deploy', uri]],
      ],
    );
  });

  it('follows a file changed on disk: the graph changes and the client is told', async () => {
    const before = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    const changed = client.notification<GraphChangedNotification.Params>(GraphChangedNotification.method, (p) => p.version > before.version);
    const policy = path.join(folder, 'dev', 'roles', 'ci-policy.json');
    writeFileSync(policy, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(policy), type: FileChangeType.Changed }] });
    const graph = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    assert.equal(graph.version, before.version + 1);
    assert.equal((await changed).fileCount, 5);
    assert.deepEqual(graph.edges.map((e) => e.id), ['oidc-provider:111111111111:token.actions.githubusercontent.com->role:111111111111:ci:web-identity']);
    assert.ok(graph.notes.some((note) => note.startsWith('ci → deploy: the trust allows it, but no identity policy of ci allows')));
  });

  it('forgets a document that was never saved once it closes (the index holds files, not every text once opened)', async () => {
    const uri = fileUri(path.join(folder, 'prod', 'roles', 'scratch-trust.json'));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await client.open(uri, 'json', text);
    const opened = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    assert.equal(opened.fileCount, 6);
    assert.ok(opened.edges.some((e) => e.to === 'role:222222222222:scratch'), 'the open document is in the graph');
    await client.close(uri);
    const closed = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
    assert.equal(closed.fileCount, 5);
    assert.ok(!closed.edges.some((e) => e.to === 'role:222222222222:scratch'));
  });
});
