/**
 * One top-level item of a .tf file, found and read on its own: what completion and hover need. They
 * run on every keystroke, often on a version the analysis has not parsed yet, and must not split and
 * parse a 5,000-line file to answer about the block under the cursor.
 */
import { PolicyDocument } from '../model';
import { TerraformParseState, carriedInto, itemParseBudget, maskedText, readItemResult } from './terraform';
import { shiftSpans } from './terraform-spans';
import { TopLevelItem, splitTopLevel, startsTopLevelBlock } from './terraform-split';

/**
 * The top-level item holding `offset`. Only the lines from the block start above the offset to the
 * block start below it are split (`terraform fmt` writes block starts at column 0); when no block
 * starts above, the split begins at the top of the file.
 */
export function topLevelItemAt(text: string, offset: number): TopLevelItem | undefined {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  // Line by line upwards; a text that starts with a newline has its first line start at 0, not 1 again.
  while (start > 0 && !startsTopLevelBlock(text, start)) start = start >= 2 ? text.lastIndexOf('\n', start - 2) + 1 : 0;
  let newline = text.indexOf('\n', offset);
  while (newline >= 0 && !startsTopLevelBlock(text, newline + 1)) newline = text.indexOf('\n', newline + 1);
  const stop = newline < 0 ? text.length : newline + 1;
  const found = splitTopLevel(text.slice(start, stop)).items.find((item) => item.span.start + start <= offset && offset <= item.span.end + start);
  if (!found) return undefined;
  return {
    span: { start: found.span.start + start, end: found.span.end + start },
    problems: found.problems.map((problem) => ({ ...problem, span: { start: problem.span.start + start, end: problem.span.end + start } })),
    unterminatedQuotes: found.unterminatedQuotes.map((quote) => quote + start),
  };
}

/**
 * The policies of one item, at their place in the file. A policy whose text cannot be read (it is
 * being typed) is given as it was when it last could be, carried through the edits since, when the
 * document's parse state remembers it. Kinds are the ones the item itself tells (the argument
 * holding the policy, or the content); what other blocks say about a data source is not read here.
 */
export function itemPolicies(uri: string, text: string, item: TopLevelItem, state?: TerraformParseState): PolicyDocument[] {
  const itemText = maskedText(text, item);
  // The analysis may have parsed this very text already.
  const local = state?.items.get(itemText)?.local ?? readItemResult(uri, itemText, item, itemParseBudget(itemText.length));
  const start = item.span.start;
  const documents: PolicyDocument[] = [];
  const produced = new Set<string>();
  for (const candidate of local.candidates) {
    produced.add(candidate.key);
    if (!candidate.broken) documents.push(shiftSpans(candidate.document, start));
    else {
      const previous = state?.lastGood.get(candidate.key);
      if (previous) documents.push(carriedInto(previous, itemText, start).document);
    }
  }
  if (local.problem && local.address && state) {
    for (const previous of state.lastGood.values()) {
      if (previous.address === local.address && !produced.has(previous.candidate.key)) documents.push(carriedInto(previous, itemText, start).document);
    }
  }
  return documents;
}
