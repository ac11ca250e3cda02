/**
 * Where the cursor is, for completion and hover: each syntax has its locator, all give a
 * `CursorContext`: JSON files here, `.tf` files in terraform.ts.
 */
import { ParsedFile, PolicyKind, PolicyOrigin, SourceLanguage, spanContains } from '../model';
import { TerraformParseState } from '../parse/terraform';
import { CursorContext } from './context';
import { locateJson } from './json';
import { jsonStatementAt } from './json-statement';
import { locateInDocument } from './model';
import { locateTerraformForCompletion, locateTerraformForHover } from './terraform';

export type { CursorContext, CursorElement } from './context';

/** A file's text and what is known about it; none of it needs the file parsed whole. */
export interface LocateInput {
  readonly uri: string;
  readonly text: string;
  readonly language: SourceLanguage;
  /** The policy kind when known from outside the text (a file glob, from an earlier parse), with its reason. */
  readonly kind?: PolicyKind;
  readonly kindReason?: PolicyOrigin['kindReason'];
  /** Terraform: the last parse of the file, of whatever version (the kinds its module gave its policies). */
  readonly previous?: ParsedFile;
  /** Terraform: the parser's memory of the document (the last readable version of a block being typed). */
  readonly terraformState?: TerraformParseState;
}

/** For completion: works on half-typed text. */
export function locateForCompletion(input: LocateInput, offset: number): CursorContext | undefined {
  if (input.language === 'json') return locateJson(input.text, offset, input);
  return locateTerraformForCompletion(input, offset);
}

/** For hover: the name under the cursor, read from the statement around it. */
export function locateForHover(input: LocateInput, offset: number): CursorContext | undefined {
  if (input.language === 'terraform') return locateTerraformForHover(input, offset);
  const slice = jsonStatementAt(input.text, offset, input);
  return slice && spanContains(slice.statement.span, offset) ? locateInDocument(slice.document, input.text, offset) : undefined;
}

export { locateInDocument } from './model';
export { locateJson } from './json';
