/**
 * Where the cursor is, for completion and hover: each syntax has its locator, all give a
 * `CursorContext`. A Terraform locator joins here; the cores it feeds stay as they are.
 */
import { ParsedFile, spanContains } from '../model';
import { CursorContext } from './context';
import { locateJson } from './json';
import { locateInDocument } from './model';

export type { CursorContext, CursorElement } from './context';

/** For completion: works on half-typed text. */
export function locateForCompletion(file: ParsedFile, offset: number): CursorContext | undefined {
  if (file.language === 'json') return locateJson(file, offset);
  return undefined;
}

/** For hover: what the model holds at the offset, whatever the syntax. */
export function locateForHover(file: ParsedFile, offset: number): CursorContext | undefined {
  const document = file.documents.find((d) => spanContains(d.span, offset));
  return document ? locateInDocument(document, file.text, offset) : undefined;
}
