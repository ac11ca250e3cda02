/** Shared by unit tests: analyse inline text and look at findings as (id, covered text, message). */
import { AnalysisOptions, analyze } from '../../server/src/core/analyze';
import { Finding, TextEdit } from '../../server/src/core/findings';
import { spanText } from '../../server/src/core/model';

export interface Seen {
  readonly id: string;
  readonly text: string;
  readonly message: string;
  readonly severity: string;
}

/** Analyse `text` as a file at `uri` (a .json path by default). */
export function findings(text: string, uri = 'file:///work/policy.json', options: AnalysisOptions = {}): Finding[] {
  return analyze(uri, text, options).findings;
}

/** The findings of one rule, each as its id, the exact text it covers and its message. */
export function seen(text: string, ruleId: string, uri?: string, options?: AnalysisOptions): Seen[] {
  return findings(text, uri, options)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ id: f.ruleId, text: spanText(text, f.span), message: f.message, severity: f.severity }));
}

/** Applies edits to text, last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

/** A policy with the given statements, laid out as people write it. */
export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
