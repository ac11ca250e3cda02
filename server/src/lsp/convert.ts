/** The one place where offsets become LSP positions, and findings become diagnostics and edits. */
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Range,
  TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceFinding } from '../core/analyze-workspace';
import { Finding, Fix, Severity } from '../core/findings';
import { Span } from '../core/model';

export const DIAGNOSTIC_SOURCE = 'iam-atlas';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** What a diagnostic carries so a code action can find its finding again. */
export interface DiagnosticData {
  readonly findingIndex: number;
  readonly version: number;
}

export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  findingIndex: number,
  docsUrl: (ruleName: string) => string,
): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.map((item) => ({
    location: { uri: document.uri, range: toRange(document, item.span) },
    message: item.message,
  }));
  const data: DiagnosticData = { findingIndex, version: document.version };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleName) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related?.length ? { relatedInformation: related } : {}),
    data,
  };
}

/**
 * A workspace rule's finding, placed in `document` (the text the finding was made on). Related
 * places may be in other files: `documentOf` gives their text. It carries no fixes, so no `data`.
 */
export function toWorkspaceDiagnostic(
  document: TextDocument,
  finding: WorkspaceFinding & { readonly span: Span },
  docsUrl: (ruleName: string) => string,
  documentOf: (uri: string) => TextDocument | undefined,
): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const item of finding.related ?? []) {
    const other = documentOf(item.uri);
    if (other) related.push({ location: { uri: item.uri, range: toRange(other, item.span) }, message: item.message });
  }
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleName) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
  };
}

export function toCodeAction(document: TextDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  const edits: LspTextEdit[] = fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.isPreferred ?? false,
    edit: { changes: { [document.uri]: edits } },
  };
}
