/** What the completion core returns: items with the text to insert, in offsets, for any syntax. */
import { Span } from '../model';

export type EntryKind = 'key' | 'value' | 'service' | 'action' | 'operator' | 'conditionKey' | 'principal' | 'arn';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: EntryKind;
  /** One short line beside the label: an access level, a key type, a service name. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Replaces the result's span. */
  readonly insertText: string;
  /** Whether `insertText` is a snippet (`$1`, `${1:default}`, `${1|a,b|}`). */
  readonly snippet: boolean;
  /** What the client matches the typed text against (it includes the quote when the span does). */
  readonly filterText: string;
  readonly sortText: string;
  /** Ask for completion again once inserted: after a service prefix, or a key whose value completes. */
  readonly retrigger?: boolean;
}

export interface CompletionResult {
  readonly items: readonly CompletionEntry[];
  /** What every item replaces. */
  readonly span: Span;
  /** The list depends on more than the client's filtering (e.g. services, then one service's actions): ask again as the user types. */
  readonly incomplete: boolean;
}
