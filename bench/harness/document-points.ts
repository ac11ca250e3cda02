/**
 * Places in a generated document where a benchmark types or points: inside a Sid value for a
 * one-character edit, on an action for hover and completion. Near the middle, as a person editing a
 * long file would be, and found by pattern so they work in JSON and in every Terraform syntax.
 */
import { Position } from 'vscode-languageserver-protocol';
import { SERVICES } from '../generate/vocabulary';

export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function firstMatchFromMiddle(text: string, pattern: RegExp): RegExpExecArray {
  const sticky = new RegExp(pattern.source, 'g');
  sticky.lastIndex = Math.floor(text.length / 2);
  const match = sticky.exec(text) ?? new RegExp(pattern.source, 'g').exec(text);
  if (!match) throw new Error(`no match for ${pattern} in the generated document`);
  return match;
}

/** The offset just after the first character of a Sid's value: typing there keeps the Sid valid. */
export function sidEditOffset(text: string): number {
  // JSON `"Sid": "`, jsonencode `Sid = "`, policy_document `sid = "`.
  const match = firstMatchFromMiddle(text, /"?[Ss]id"?\s*[:=]\s*"/);
  return match.index + match[0].length + 1;
}

export interface ActionPoint {
  /** Offset of the first character of the action name, after `service:`. */
  readonly nameStart: number;
  readonly action: string;
}

/** An action string such as `"s3:GetObject"` near the middle of the document. */
export function actionNearMiddle(text: string): ActionPoint {
  // Only the services generated policies grant: `"aws:SourceIp"` has the same shape but is a condition key.
  const services = SERVICES.map((service) => service.prefix).join('|');
  const match = firstMatchFromMiddle(text, new RegExp(`"(${services}):([A-Z][A-Za-z]+)"`));
  return { nameStart: match.index + 1 + match[1]!.length + 1, action: `${match[1]}:${match[2]}` };
}
