/**
 * Where the cursor is, for completion and hover: each syntax has its locator, all give a
 * `CursorContext`. A Terraform locator joins here (for `.tf` files); the cores it feeds stay as
 * they are.
 */
import { PolicyKind, PolicyOrigin, SourceLanguage, spanContains } from '../model';
import { CursorContext } from './context';
import { locateJson } from './json';
import { jsonStatementAt } from './json-statement';
import { locateInDocument } from './model';

export type { CursorContext, CursorElement } from './context';

/** A file's text and what is known about it; none of it needs the file parsed whole. */
export interface LocateInput {
  readonly uri: string;
  readonly text: string;
  readonly language: SourceLanguage;
  /** The policy kind when known from outside the text (a file glob, from an earlier parse), with its reason. */
  readonly kind?: PolicyKind;
  readonly kindReason?: PolicyOrigin['kindReason'];
}

/** For completion: works on half-typed text. */
export function locateForCompletion(input: LocateInput, offset: number): CursorContext | undefined {
  if (input.language === 'json') return locateJson(input.text, offset, input);
  return undefined;
}

/** For hover: the name under the cursor, read from the statement around it. */
export function locateForHover(input: LocateInput, offset: number): CursorContext | undefined {
  if (input.language !== 'json') return undefined;
  const slice = jsonStatementAt(input.text, offset, input);
  return slice && spanContains(slice.statement.span, offset) ? locateInDocument(slice.document, input.text, offset) : undefined;
}

export { locateInDocument } from './model';
export { locateJson } from './json';
