/** textDocument/hover: locate the name under the cursor, ask the hover core. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../core/catalog/catalog';
import { hover } from '../core/hover/hover';
import { locateForHover } from '../core/locate';
import { AnalysisCache } from './analysis-cache';
import { toRange } from './convert';
import { locateInput } from './locate-input';

export function hoverAt(document: TextDocument, position: Position, cache: AnalysisCache, catalog: Catalog): Hover | null {
  const input = locateInput(document, cache);
  const context = input && locateForHover(input, document.offsetAt(position));
  const result = context && hover(context, catalog);
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(document, result.span) };
}
