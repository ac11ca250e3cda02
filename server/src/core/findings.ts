/** What analysis produces: findings with their fixes. Shared by the LSP adapter and the CLI. */
import { Span } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

/** One replacement in the file's text; an insertion has an empty span. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a "fix all" or a single keystroke should choose. */
  readonly isPreferred?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
  /** Places that explain the finding, such as the first of two duplicate Sids. */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}
