/**
 * What the build can do, found out at run time, so each benchmark runs as soon as its feature lands
 * and says "not available yet" until then. Each probe runs once per `npm run bench`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServerCapabilities } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core/analyze';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { generateTerraformFile } from '../generate/terraform';
import { BenchClient } from './lsp-client';
import { BenchPaths } from './paths';
import { runNodeScript } from './processes';
import { Availability } from './types';

const TERRAFORM_PROBE = generateTerraformFile({ seed: 'capability-probe', statements: 3, statementsPerPolicy: 1 });

export class Capabilities {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly paths: BenchPaths) {}

  /**
   * Whether `analyze()` (the compiled core in out/) finds the policies of a .tf file. Starts the
   * Terraform parser first (web-tree-sitter loads asynchronously, once per process), as the server
   * and the CLI do: every in-process benchmark of .tf files goes through here.
   */
  terraformInProcess(): Promise<Availability> {
    return this.once('terraform-in-process', async () => {
      try {
        await initTerraform();
        const { file } = analyze('file:///bench/probe/main.tf', TERRAFORM_PROBE.text, { languageId: 'terraform' });
        if (file.documents.length > 0) return { available: true };
        return { available: false, reason: '.tf files yield no policy documents (no Terraform parser yet)' };
      } catch (error) {
        return { available: false, reason: `analysing a .tf file failed: ${(error as Error).message}` };
      }
    });
  }

  /** Whether the built CLI counts a .tf file with policies as a policy file. */
  terraformInCli(): Promise<Availability> {
    return this.once('terraform-in-cli', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-probe-'));
      try {
        writeFileSync(path.join(folder, 'main.tf'), TERRAFORM_PROBE.text);
        const run = await runNodeScript(this.paths.cli, ['check', folder, '--format', 'json', '--fail-on', 'never'], { cwd: folder });
        const report = JSON.parse(run.stdout) as { policyFiles?: number };
        if ((report.policyFiles ?? 0) > 0) return { available: true };
        return { available: false, reason: 'the CLI finds no policies in .tf files (no Terraform parser yet)' };
      } catch (error) {
        return { available: false, reason: `the CLI probe failed: ${(error as Error).message}` };
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  /** The capabilities the built server announces in its `initialize` answer. */
  serverCapabilities(): Promise<ServerCapabilities> {
    return this.once('server-capabilities', async () => {
      const client = await BenchClient.start({ serverPath: this.paths.server });
      try {
        return client.initializeResult?.capabilities ?? {};
      } finally {
        await client.stop();
      }
    });
  }

  /** The commands the built CLI lists in its help. */
  cliCommands(): Promise<string[]> {
    return this.once('cli-commands', async () => {
      const run = await runNodeScript(this.paths.cli, ['--help'], { cwd: this.paths.root });
      const section = /Commands:\n((?:\s+\S.*\n)+)/.exec(run.stdout)?.[1] ?? '';
      return section
        .split('\n')
        .map((line) => /^\s+([a-z][a-z-]*)\b/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined);
    });
  }

  private once<T>(key: string, probe: () => Promise<T>): Promise<T> {
    let result = this.cache.get(key) as Promise<T> | undefined;
    if (!result) {
      result = probe();
      this.cache.set(key, result);
    }
    return result;
  }
}
