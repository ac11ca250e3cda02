/** Runs a Node.js script as a child process and times it from spawn to exit, with its peak memory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PEAK_MEMORY_FILE_VARIABLE } from './report-peak-memory';

export interface ProcessRun {
  readonly ms: number;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakMemoryBytes?: number;
}

const PRELOAD = path.join(__dirname, 'report-peak-memory.js');

export async function runNodeScript(script: string, args: readonly string[], options: { cwd: string }): Promise<ProcessRun> {
  const folder = mkdtempSync(path.join(tmpdir(), 'iam-atlas-bench-rss-'));
  const memoryFile = path.join(folder, 'peak');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, [PEAK_MEMORY_FILE_VARIABLE]: memoryFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    const ms = performance.now() - started;
    let peakMemoryBytes: number | undefined;
    try {
      peakMemoryBytes = Number(readFileSync(memoryFile, 'utf8'));
    } catch {
      peakMemoryBytes = undefined;
    }
    return { ms, exitCode, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), peakMemoryBytes };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
