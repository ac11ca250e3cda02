/**
 * Processes started in their own process group, stopped as a group: code-server leaves its file
 * watcher, extension host and our language server behind when only its first process is killed.
 */
import { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** The live (not zombie) processes of a group, from /proc; undefined where there is no /proc. */
export function groupMembers(pgid: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
  }
  return members;
}

function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

/** Resolves when `check` holds, re-checking every `everyMs`, or with false after `withinMs`. */
async function eventually(check: () => boolean, withinMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}

/** Waits for `promise`, or `ms` at most; the timer never outlives it. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Owns a child spawned with `detached: true` (so it leads a new process group): stops the whole
 * group with SIGTERM, then SIGKILL for what outlives a grace period, and kills it at process exit
 * if the tests never got to stop it.
 */
export class ProcessGroup {
  private readonly onExit = (): void => signalGroup(this.pgid, 'SIGKILL');
  private readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    if (child.pid === undefined) throw new Error('the process did not start');
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    process.once('exit', this.onExit);
  }

  get pgid(): number {
    return this.child.pid!;
  }

  /** Stops every process of the group; rejects naming the survivors if some would not die. */
  async stop(graceMs = 10_000): Promise<void> {
    process.removeListener('exit', this.onExit);
    signalGroup(this.pgid, 'SIGTERM');
    await settledWithin(this.exited, graceMs);
    if (await eventually(() => !groupAlive(this.pgid), graceMs)) return;
    signalGroup(this.pgid, 'SIGKILL');
    if (await eventually(() => !groupAlive(this.pgid), 5_000)) return;
    throw new Error(`process group ${this.pgid} outlived SIGKILL: ${groupMembers(this.pgid)?.join(', ')}`);
  }
}
