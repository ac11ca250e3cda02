/**
 * Loaded with `node --require` in front of the CLI or the server: every way Node has to reach the
 * network (sockets, DNS, HTTP, TLS, HTTP/2, UDP, fetch, WebSocket) throws, every way to start
 * another program throws, and every way to write, create, move or delete a file is recorded. At
 * exit the record is written to $IAM_ATLAS_SANDBOX_LOG (with the fs function saved before the
 * patching, so that write is not recorded) for the test to read.
 */
// Default imports bind the modules themselves: an `import * as` namespace is a copy whose
// properties cannot be replaced, and replacing them there would not reach the code under test.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

export interface SandboxRecord {
  /** Network and process attempts, each refused: `net.connect example.com:443`. */
  readonly blocked: string[];
  /** Absolute paths written, created, moved or deleted, in order: `fs.writeFile /tmp/x`. */
  readonly writes: string[];
}

const record: SandboxRecord = { blocked: [], writes: [] };
const logPath = process.env.IAM_ATLAS_SANDBOX_LOG;
const writeRecord = fs.writeFileSync.bind(fs);

type AnyFunction = (...args: unknown[]) => unknown;

function replace(target: object, name: string, make: (original: AnyFunction) => AnyFunction): void {
  const holder = target as Record<string, unknown>;
  const original = holder[name];
  if (typeof original !== 'function') return;
  const replacement = make(original as AnyFunction);
  try {
    holder[name] = replacement;
  } catch {
    Object.defineProperty(target, name, { value: replacement, configurable: true, writable: true });
  }
}

function describe(args: readonly unknown[]): string {
  const first = args[0];
  if (typeof first === 'string' || typeof first === 'number') return String(first) + (typeof args[1] === 'string' ? ` ${args[1]}` : '');
  if (first instanceof URL) return first.href;
  if (first && typeof first === 'object') {
    const options = first as { host?: unknown; hostname?: unknown; port?: unknown; path?: unknown; url?: unknown };
    return [options.hostname ?? options.host, options.port, options.path, options.url].filter((part) => part !== undefined).join(':');
  }
  return '';
}

/** Refuses the call: records it and throws, as a machine without network would fail it. */
function refuse(target: object, prefix: string, names: readonly string[]): void {
  for (const name of names) {
    replace(target, name, () => (...args: unknown[]) => {
      const attempt = `${prefix}.${name} ${describe(args)}`.trim();
      record.blocked.push(attempt);
      throw new Error(`IAM Atlas sandbox: ${attempt} refused (no network, no programs)`);
    });
  }
}

refuse(net, 'net', ['connect', 'createConnection', 'createServer']);
refuse(net.Socket.prototype, 'net.Socket', ['connect']);
refuse(net.Server.prototype, 'net.Server', ['listen']);
refuse(tls, 'tls', ['connect', 'createServer']);
refuse(http, 'http', ['request', 'get', 'createServer']);
refuse(https, 'https', ['request', 'get', 'createServer']);
refuse(http2, 'http2', ['connect', 'createServer', 'createSecureServer']);
refuse(dgram, 'dgram', ['createSocket']);
refuse(dns, 'dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']);
refuse(dns.promises, 'dns.promises', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
refuse(globalThis, 'globalThis', ['fetch', 'WebSocket', 'EventSource']);
refuse(childProcess, 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);

function absolute(target: unknown): string {
  if (typeof target === 'number') return `fd ${target}`;
  if (target instanceof URL) return target.pathname;
  if (Buffer.isBuffer(target)) return path.resolve(target.toString());
  return typeof target === 'string' ? path.resolve(target) : String(target);
}

/** Records the call's path (and its second path, for renames and copies), then does it. */
function recordWrites(target: object, prefix: string, names: readonly string[], paths = 1): void {
  for (const name of names) {
    replace(target, name, (original) =>
      function (this: unknown, ...args: unknown[]) {
        for (let i = 0; i < paths; i++) record.writes.push(`${prefix}.${name} ${absolute(args[i])}`);
        return original.apply(this, args);
      },
    );
  }
}

/** `open` writes only with a writing flag: `w`, `a`, `+`, or O_WRONLY / O_RDWR / O_CREAT. */
function writes(flags: unknown): boolean {
  if (typeof flags === 'string') return /[wa+]/.test(flags);
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_TRUNC)) !== 0;
  return false;
}

function recordOpens(target: object, prefix: string, names: readonly string[]): void {
  for (const name of names) {
    replace(target, name, (original) =>
      function (this: unknown, ...args: unknown[]) {
        if (writes(args[1])) record.writes.push(`${prefix}.${name} ${absolute(args[0])}`);
        return original.apply(this, args);
      },
    );
  }
}

const ONE_PATH = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'lchmod', 'lchown', 'lutimes'];
const TWO_PATHS = ['rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync'];
const PROMISE_ONE_PATH = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'truncate', 'chmod', 'chown', 'utimes', 'lchown', 'lutimes'];
const PROMISE_TWO_PATHS = ['rename', 'copyFile', 'cp', 'symlink', 'link'];

recordWrites(fs, 'fs', ONE_PATH);
recordWrites(fs, 'fs', TWO_PATHS, 2);
recordOpens(fs, 'fs', ['open', 'openSync']);
recordWrites(fs.promises, 'fs.promises', PROMISE_ONE_PATH);
recordWrites(fs.promises, 'fs.promises', PROMISE_TWO_PATHS, 2);
recordOpens(fs.promises, 'fs.promises', ['open']);

process.on('exit', () => {
  if (logPath) writeRecord(logPath, JSON.stringify(record));
});
