/**
 * The built CLI and server with the network made impossible, twice over: a preload (preload.ts)
 * that makes every socket, DNS, HTTP, TLS, UDP and fetch call throw and records it, and, where the
 * system allows it, a network namespace with no interface up (`unshare --net`). Both must work as
 * usual, attempt nothing, and write no file but the CLI's requested --output: the preload records
 * every write, and the workspace, HOME and the temporary folder are compared before and after.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest, CompletionList, CompletionRequest, Hover, HoverRequest } from 'vscode-languageserver-protocol/node';
import { GraphRequest } from '../../server/src/protocol';
import { REPO_ROOT, TestClient, fileUri } from '../lsp/client';
import type { SandboxRecord } from './preload';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const PRELOAD = path.join(__dirname, 'preload.js');
const UNSHARE = ['unshare', '--net'];

/** Whether this system lets us create a network namespace (root, or user namespaces allowed). */
function canUnshare(): boolean {
  return spawnSync(UNSHARE[0]!, [...UNSHARE.slice(1), 'true']).status === 0;
}

interface Sandbox {
  readonly root: string;
  readonly workspace: string;
  readonly home: string;
  readonly temp: string;
  readonly output: string;
  readonly log: string;
  readonly env: NodeJS.ProcessEnv;
}

function makeSandbox(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), 'iam-atlas-offline-'));
  const sandbox = {
    root,
    workspace: path.join(root, 'workspace'),
    home: path.join(root, 'home'),
    temp: path.join(root, 'tmp'),
    output: path.join(root, 'output'),
    log: path.join(root, 'sandbox.json'),
  };
  cpSync(path.join(REPO_ROOT, 'examples'), sandbox.workspace, { recursive: true });
  for (const folder of [sandbox.home, sandbox.temp, sandbox.output]) mkdirSync(folder);
  const env: NodeJS.ProcessEnv = {
    IAM_ATLAS_SANDBOX_LOG: sandbox.log,
    HOME: sandbox.home,
    TMPDIR: sandbox.temp,
    XDG_CACHE_HOME: path.join(sandbox.home, '.cache'),
    XDG_CONFIG_HOME: path.join(sandbox.home, '.config'),
  };
  return { ...sandbox, env };
}

/** Every file and folder below `folder`, with its size and modification time. */
function snapshot(folder: string): string[] {
  const entries: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      entries.push(`${path.relative(folder, full)} ${stat.isDirectory() ? 'dir' : `${stat.size} ${stat.mtimeMs}`}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(folder);
  return entries;
}

function readRecord(sandbox: Sandbox): SandboxRecord {
  assert.ok(existsSync(sandbox.log), 'the preload wrote its record at exit');
  return JSON.parse(readFileSync(sandbox.log, 'utf8')) as SandboxRecord;
}

/** The written paths alone, without the function that wrote them. */
function writtenPaths(record: SandboxRecord): string[] {
  return record.writes.map((entry) => entry.slice(entry.indexOf(' ') + 1));
}

function runCli(sandbox: Sandbox, args: string[], wrap: readonly string[] = []): { code: number | null; stdout: string; stderr: string } {
  const command = [...wrap, process.execPath, '--require', PRELOAD, CLI, ...args];
  const result = spawnSync(command[0]!, command.slice(1), { cwd: sandbox.workspace, env: { ...process.env, ...sandbox.env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('offline: no network, no writes', function () {
  this.timeout(60_000);

  describe('the preload', () => {
    it('refuses and records network and process attempts, and records writes (so the checks below can fail)', () => {
      const sandbox = makeSandbox();
      try {
        const script = [
          "try { require('net').connect(443, 'example.com'); } catch {}",
          "try { require('dns').lookup('example.com', () => {}); } catch {}",
          "try { fetch('https://example.com'); } catch {}",
          "try { require('https').get('https://example.com'); } catch {}",
          "try { require('child_process').execSync('true'); } catch {}",
          `require('fs').writeFileSync(${JSON.stringify(path.join(sandbox.output, 'x.txt'))}, 'x');`,
        ].join('\n');
        const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { env: { ...process.env, ...sandbox.env } });
        assert.equal(result.status, 0, result.stderr.toString());
        const record = readRecord(sandbox);
        assert.deepEqual(record.blocked, [
          'net.connect 443 example.com',
          'dns.lookup example.com',
          'globalThis.fetch https://example.com',
          'https.get https://example.com',
          'child_process.execSync true',
        ]);
        assert.deepEqual(writtenPaths(record), [path.join(sandbox.output, 'x.txt')]);
      } finally {
        rmSync(sandbox.root, { recursive: true, force: true });
      }
    });
  });

  for (const layer of ['preload', 'preload and unshare --net'] as const) {
    const wrap = layer === 'preload' ? [] : UNSHARE;

    describe(`the CLI (${layer})`, () => {
      let sandbox: Sandbox;
      beforeEach(function () {
        if (wrap.length && !canUnshare()) {
          // Creating a network namespace needs root or unprivileged user namespaces; the preload layer still ran.
          this.skip();
        }
        sandbox = makeSandbox();
      });
      afterEach(() => sandbox && rmSync(sandbox.root, { recursive: true, force: true }));

      it('checks the example organisation and writes only the requested --output', () => {
        const before = [snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp)];
        const report = path.join(sandbox.output, 'report.sarif');
        const { code, stderr } = runCli(sandbox, ['check', '.', '--format', 'sarif', '--output', report], wrap);
        assert.equal(code, 1, stderr);
        assert.equal(stderr, '');
        const sarif = JSON.parse(readFileSync(report, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
        assert.ok(sarif.runs[0]!.results.some((result) => result.ruleId === 'IAM201'), 'the example organisation has a wildcard trust');
        assert.ok(sarif.runs[0]!.results.some((result) => result.ruleId === 'IAM008'), 'and a Terraform finding: the parser started offline');
        const record = readRecord(sandbox);
        assert.deepEqual(record.blocked, []);
        assert.deepEqual(writtenPaths(record), [report]);
        assert.deepEqual([snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp)], before);
      });

      it('prints the graph to standard output and writes nothing', () => {
        const before = [snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp), snapshot(sandbox.output)];
        const { code, stdout, stderr } = runCli(sandbox, ['graph', '.', '--format', 'dot'], wrap);
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^digraph /);
        const record = readRecord(sandbox);
        assert.deepEqual(record, { blocked: [], writes: [] });
        assert.deepEqual([snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp), snapshot(sandbox.output)], before);
      });
    });

    describe(`the language server (${layer})`, () => {
      let sandbox: Sandbox;
      beforeEach(function () {
        if (wrap.length && !canUnshare()) this.skip();
        sandbox = makeSandbox();
      });
      afterEach(() => sandbox && rmSync(sandbox.root, { recursive: true, force: true }));

      it('diagnoses, completes, hovers and draws the graph, and writes nothing', async () => {
        const before = [snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp)];
        const client = await TestClient.start(sandbox.workspace, { execArgv: ['--require', PRELOAD], env: sandbox.env, wrap });
        try {
          const trust = path.join(sandbox.workspace, 'accounts', 'dev', 'roles', 'sandbox-anyone-trust.json');
          const trustUri = fileUri(trust);
          const published = await client.open(trustUri, 'json', readFileSync(trust, 'utf8'));
          assert.ok(published.diagnostics.some((d) => d.code === 'IAM201'));
          const tf = path.join(sandbox.workspace, 'accounts', 'prod', 'terraform', 'roles.tf');
          const tfPublished = await client.open(fileUri(tf), 'terraform', readFileSync(tf, 'utf8'));
          assert.ok(tfPublished.diagnostics.some((d) => d.code === 'IAM008'), 'the Terraform parser started offline');

          const text = readFileSync(trust, 'utf8');
          const lines = text.split('\n');
          const line = lines.findIndex((l) => l.includes('sts:AssumeRole'));
          const character = lines[line]!.indexOf('sts:') + 5;
          const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: trustUri }, position: { line, character } })) as Hover | null;
          assert.match(JSON.stringify(hover?.contents), /AssumeRole/);
          const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: trustUri }, position: { line, character } })) as CompletionList;
          assert.ok(completion.items.length > 0);
          const graph = await client.connection.sendRequest<GraphRequest.Result>(GraphRequest.method, {});
          assert.ok(graph.nodes.some((node) => node.kind === 'role'));
          const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: trustUri } });
          assert.ok(Array.isArray(lenses));
        } finally {
          await client.stop();
        }
        assert.deepEqual(readRecord(sandbox), { blocked: [], writes: [] });
        assert.deepEqual([snapshot(sandbox.workspace), snapshot(sandbox.home), snapshot(sandbox.temp)], before);
      });
    });
  }
});
