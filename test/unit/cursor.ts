/**
 * Completion and hover at a `|` cursor in inline text, through the locators (JSON, or Terraform for a
 * `.tf` uri) and the cores.
 */
import { Catalog, defaultCatalog } from '../../server/src/core/catalog';
import { complete } from '../../server/src/core/complete/complete';
import { snippetToPlain } from '../../server/src/core/complete/render';
import { CompletionEntry } from '../../server/src/core/complete/types';
import { hover } from '../../server/src/core/hover/hover';
import { LocateInput, locateForCompletion, locateForHover } from '../../server/src/core/locate';
import { languageOf } from '../../server/src/core/parse';

const JSON_URI = 'file:///work/policy.json';

/** What else a locator may know of the file: an earlier parse, the Terraform parser's memory. */
export type Known = Partial<Pick<LocateInput, 'previous' | 'terraformState' | 'kind' | 'kindReason'>>;

function input(uri: string, text: string, known: Known = {}): LocateInput {
  return { uri, text, language: languageOf(uri) ?? 'json', ...known };
}

export function split(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0 || textWithCursor.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one |');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

/** The items offered at the cursor, in the order an editor shows them (by sortText, then label). */
export function itemsAt(textWithCursor: string, uri = JSON_URI, known?: Known): CompletionEntry[] {
  const { text, offset } = split(textWithCursor);
  const context = locateForCompletion(input(uri, text, known), offset);
  if (!context) return [];
  return [...complete(context, defaultCatalog()).items].sort((a, b) => a.sortText.localeCompare(b.sortText) || a.label.localeCompare(b.label));
}

export function labelsAt(textWithCursor: string, uri?: string, known?: Known): string[] {
  return itemsAt(textWithCursor, uri, known).map((item) => item.label);
}

/**
 * The text after choosing the item labelled `label`, with every snippet placeholder left at its
 * default and `|` where the cursor ends up (the first tab stop, or the end of the insertion).
 */
export function accept(textWithCursor: string, label: string, uri = JSON_URI, known?: Known): string {
  const { text, offset } = split(textWithCursor);
  const context = locateForCompletion(input(uri, text, known), offset);
  if (!context) throw new Error('no completion here');
  const result = complete(context, defaultCatalog());
  const item = result.items.find((i) => i.label === label);
  if (!item) throw new Error(`"${label}" is not offered; offered: ${result.items.slice(0, 20).map((i) => i.label).join(', ')}`);
  const inserted = item.snippet ? snippetToPlain(markFirstStop(item.insertText)) : `${item.insertText}|`;
  return text.slice(0, result.span.start) + inserted + text.slice(result.span.end);
}

/** Puts a `|` at the snippet's first tab stop ($1, ${1:…}, $0), so tests see where the cursor lands. */
function markFirstStop(snippet: string): string {
  for (const stop of ['1', '0']) {
    const at = snippet.search(new RegExp(`(?<!\\\\)\\$(\\{${stop}[:|}]|${stop}(?!\\d))`));
    if (at >= 0) return `${snippet.slice(0, at)}|${snippet.slice(at)}`;
  }
  return `${snippet}|`;
}

export function hoverAt(textWithCursor: string, catalog: Catalog = defaultCatalog(), uri = JSON_URI, known?: Known): string | undefined {
  const { text, offset } = split(textWithCursor);
  const context = locateForHover(input(uri, text, known), offset);
  return context && hover(context, catalog)?.markdown;
}
