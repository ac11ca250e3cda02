/**
 * Checks a message from the trust graph webview before the extension acts on it. The page shows
 * data from the repository, so a message is treated as untrusted input: its shape is checked, and
 * a file it names must lie inside a workspace folder. No vscode import, so it is tested in node.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FromWebviewMessage, SourceRef } from '../../server/src/protocol';

/** An exported image is at most this large (base64 or SVG text). */
export const MAX_IMAGE_CHARS = 64 * 1024 * 1024;
const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_NAME = /^[\w.-]{1,100}$/;

export type Checked = { readonly ok: true; readonly message: FromWebviewMessage } | { readonly ok: false; readonly reason: string };

/** `workspaceFolders`: file system paths of the open folders. */
export function checkWebviewMessage(data: unknown, workspaceFolders: readonly string[]): Checked {
  if (!isRecord(data) || typeof data.type !== 'string') return rejected('not a message');
  const message = data as { type: FromWebviewMessage['type'] } & Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'openConfigDocs':
    case 'refresh':
      return { ok: true, message: { type: message.type } };
    case 'openSource': {
      const source = checkSource(message.source, workspaceFolders);
      return typeof source === 'string' ? rejected(source) : { ok: true, message: { type: 'openSource', source } };
    }
    case 'openRuleDocs':
      return typeof message.ruleName === 'string' && RULE_NAME.test(message.ruleName)
        ? { ok: true, message: { type: 'openRuleDocs', ruleName: message.ruleName } }
        : rejected('not a rule name');
    case 'saveImage': {
      const { format, data: image, suggestedName } = message;
      if (format !== 'png' && format !== 'svg') return rejected('unknown image format');
      if (typeof image !== 'string' || image.length === 0 || image.length > MAX_IMAGE_CHARS) return rejected('no image data, or too much');
      if (typeof suggestedName !== 'string' || !FILE_NAME.test(suggestedName)) return rejected('not a plain file name');
      return { ok: true, message: { type: 'saveImage', format, data: image, suggestedName } };
    }
    default: {
      // Every FromWebviewMessage type is handled above: a new one fails to compile here.
      const unknown: never = message.type;
      return rejected(`unknown message type "${String(unknown)}"`);
    }
  }
}

function checkSource(value: unknown, workspaceFolders: readonly string[]): SourceRef | string {
  if (!isRecord(value)) return 'no source';
  const { uri, start, end, line } = value;
  if (typeof uri !== 'string' || !isOffset(start) || !isOffset(end) || !isOffset(line) || end < start) return 'not a source span';
  let file: string;
  try {
    if (!uri.startsWith('file:')) return 'not a file';
    file = path.resolve(fileURLToPath(uri));
  } catch {
    return 'not a file URI';
  }
  if (!workspaceFolders.some((folder) => isInside(file, path.resolve(folder)))) return 'outside the workspace';
  return { uri, start, end, line };
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(reason: string): Checked {
  return { ok: false, reason };
}
