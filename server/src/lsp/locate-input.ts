/** What completion and hover need of a document: its text, and what an earlier parse knew of it. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocateInput } from '../core/locate';
import { languageOf } from '../core/parse';
import { AnalysisCache } from './analysis-cache';

/**
 * The text of this version, with what an earlier parse found (edits rarely change it): a JSON
 * file's policy kind; for a .tf file, the kinds its module gave its policies and the parser's memory
 * of the blocks being typed.
 */
export function locateInput(document: TextDocument, cache: AnalysisCache): LocateInput | undefined {
  const language = languageOf(document.uri, document.languageId);
  // A document too large or binary to analyse is too large or binary to complete in.
  if (!language || cache.isSkipped(document.uri)) return undefined;
  const previous = cache.lastParsed(document.uri);
  if (language === 'terraform') {
    const terraformState = cache.terraformState(document.uri);
    return { uri: document.uri, text: document.getText(), language, ...(previous ? { previous } : {}), ...(terraformState ? { terraformState } : {}) };
  }
  const known = previous?.documents[0];
  return { uri: document.uri, text: document.getText(), language, kind: known?.kind, kindReason: known?.origin.kindReason };
}

