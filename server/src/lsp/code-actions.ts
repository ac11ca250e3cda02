/** Quick-fixes: the fixes of the findings under the cursor, and "fix all" per rule. */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, Fix, TextEdit } from '../core/findings';
import { AnalysisCache } from './analysis-cache';
import { DIAGNOSTIC_SOURCE, DiagnosticData, toCodeAction } from './convert';

export function codeActions(document: TextDocument, params: CodeActionParams, cache: AnalysisCache): CodeAction[] {
  const analysis = cache.peek(document.uri, document.version);
  if (!analysis) return [];
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind))) return [];

  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && isData(d.data) && d.data.version === document.version);
  for (const diagnostic of ours) {
    const finding = analysis.findings[(diagnostic.data as DiagnosticData).findingIndex];
    if (!finding) continue;
    for (const fix of finding.fixes) actions.push(toCodeAction(document, fix, [diagnostic]));
  }
  for (const ruleName of new Set(ours.map((d) => analysis.findings[(d.data as DiagnosticData).findingIndex]?.ruleName))) {
    const fixAll = fixAllForRule(analysis.findings.filter((f) => f.ruleName === ruleName));
    if (fixAll) {
      const action = toCodeAction(document, fixAll, []);
      action.isPreferred = false;
      actions.push(action);
    }
  }
  return actions;
}

/**
 * One fix applying the preferred fix of every finding of a rule, when there are two or more and
 * their edits do not overlap (overlapping ones are left for a second run).
 */
export function fixAllForRule(findings: readonly Finding[]): Fix | undefined {
  const preferred = findings.map((f) => f.fixes.find((fix) => fix.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined));
  const fixes = preferred.filter((fix): fix is Fix => fix !== undefined);
  if (fixes.length < 2) return undefined;
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    const overlaps = fix.edits.some((edit) => edits.some((other) => edit.span.start < other.span.end && other.span.start < edit.span.end));
    const sameInsertionPoint = fix.edits.some((edit) => edits.some((other) => edit.span.start === other.span.start));
    if (!overlaps && !sameInsertionPoint) edits.push(...fix.edits);
  }
  return { title: `Fix all "${findings[0]!.ruleName}" problems in this file`, edits };
}

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).findingIndex === 'number';
}
