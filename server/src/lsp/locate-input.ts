/** What completion and hover need of a document: its text, and what an earlier parse knew of it. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocateInput } from '../core/locate';
import { languageOf } from '../core/parse';
import { AnalysisCache } from './analysis-cache';

/** The text of this version, with the policy kind an earlier parse found (edits rarely change it). */
export function locateInput(document: TextDocument, cache: AnalysisCache): LocateInput | undefined {
  const language = languageOf(document.uri, document.languageId);
  // A document too large or binary to analyse is too large or binary to complete in.
  if (!language || cache.isSkipped(document.uri)) return undefined;
  const known = cache.lastParsed(document.uri)?.documents[0];
  return { uri: document.uri, text: document.getText(), language, kind: known?.kind, kindReason: known?.origin.kindReason };
}

