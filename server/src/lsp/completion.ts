/** textDocument/completion: locate the cursor, ask the completion core, convert its items. */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../core/catalog/catalog';
import { complete } from '../core/complete/complete';
import { snippetToPlain } from '../core/complete/render';
import { CompletionEntry, EntryKind } from '../core/complete/types';
import { locateForCompletion } from '../core/locate';
import { AnalysisCache } from './analysis-cache';
import { toRange } from './convert';
import { locateInput } from './locate-input';

const KINDS: Readonly<Record<EntryKind, CompletionItemKind>> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  conditionKey: CompletionItemKind.Field,
  principal: CompletionItemKind.EnumMember,
  arn: CompletionItemKind.Reference,
};

/** VS Code's command to open the suggestions again, after a service prefix or a new key. */
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function completions(document: TextDocument, position: Position, cache: AnalysisCache, catalog: Catalog, snippets: boolean): CompletionList | null {
  const input = locateInput(document, cache);
  const context = input && locateForCompletion(input, document.offsetAt(position));
  if (!context) return null;
  const result = complete(context, catalog);
  const range = toRange(document, result.span);
  return { isIncomplete: result.incomplete, items: result.items.map((entry) => toItem(entry, range, snippets)) };
}

function toItem(entry: CompletionEntry, range: ReturnType<typeof toRange>, snippets: boolean): CompletionItem {
  const snippet = entry.snippet && snippets;
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    textEdit: { range, newText: entry.snippet && !snippets ? snippetToPlain(entry.insertText) : entry.insertText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    filterText: entry.filterText,
    sortText: entry.sortText,
    ...(entry.retrigger && snippets ? { command: TRIGGER_SUGGEST } : {}),
  };
}
