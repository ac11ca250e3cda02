/**
 * A real VS Code (code-server 4.100.3, VS Code 1.100.3) with the packaged extension installed,
 * serving the workbench on 127.0.0.1. scripts/e2e-setup.sh installs it; this starts and stops it.
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ProcessGroup, settledWithin } from './process-group';
import { REPO_ROOT } from './workspace';

export const CODE_SERVER_VERSION = '4.100.3';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/** The code-server launcher installed by scripts/e2e-setup.sh, or an error that says how to get it. */
export function codeServerExecutable(): string {
  const root = process.env.IAM_ATLAS_E2E_CACHE ?? path.join(REPO_ROOT, '.vscode-test', 'code-server');
  const stamp = path.join(root, 'cs', '.installed');
  const executable = path.join(root, 'cs', 'node_modules', '.bin', 'code-server');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== CODE_SERVER_VERSION || !existsSync(executable)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${root}: run \`bash scripts/e2e-setup.sh\` (\`npm run test:e2e\` runs it first).`);
  }
  return executable;
}

/** The .vsix `npm run package` wrote for the version in package.json. */
export function packagedExtension(): string {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(REPO_ROOT, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (\`npm run test:e2e\` does).`);
  return vsix;
}

export class CodeServer {
  private constructor(
    private readonly group: ProcessGroup,
    readonly origin: string,
    readonly userDataDir: string,
  ) {}

  /**
   * Installs the .vsix into a fresh extensions folder under `runDir` and starts code-server with all
   * its state there, on a free port of 127.0.0.1. Its output goes to `logFile`.
   */
  static async start(runDir: string, vsix: string, logFile: string): Promise<CodeServer> {
    const executable = codeServerExecutable();
    const userDataDir = path.join(runDir, 'data');
    const extensionsDir = path.join(runDir, 'extensions');
    const config = path.join(runDir, 'config.yaml');
    mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
    writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    // code-server keeps logs and caches under the XDG folders: keep them in the run folder too.
    const env = { ...process.env, XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'), XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'), XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache') };
    const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    const installed = await promisify(execFile)(executable, [...common, '--install-extension', vsix, '--force'], { env });
    if (!/was successfully installed/.test(installed.stdout)) {
      throw new Error(`installing ${vsix} into code-server failed:\n${installed.stdout}${installed.stderr}`);
    }

    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(
      executable,
      [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const group = new ProcessGroup(child);
    child.stderr!.pipe(log);
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          log.write(chunk);
          seen += chunk.toString();
          const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
          if (listening) resolve(listening[1]!);
        });
        child.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${seen}`)));
        child.once('error', reject);
      });
      const health = await fetch(`${origin}/healthz`);
      if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);
      return new CodeServer(group, origin, userDataDir);
    } catch (error) {
      await group.stop();
      throw error;
    }
  }

  /** The workbench URL with `folder` open, or an empty window. */
  url(folder?: string): string {
    return folder ? `${this.origin}/?folder=${encodeURIComponent(folder)}` : `${this.origin}/`;
  }

  /** Stops code-server and every process it started (file watcher, extension host, our language server). */
  async stop(): Promise<void> {
    const closed = new Promise((resolve) => this.group.child.stdout?.once('close', resolve));
    await this.group.stop();
    await settledWithin(closed, 2_000);
  }
}
