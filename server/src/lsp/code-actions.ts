/** Quick-fixes: the fixes of the findings under the cursor, and "fix all" per rule. */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, Fix } from '../core/findings';
import { AnalysisCache } from './analysis-cache';
import { DIAGNOSTIC_SOURCE, DiagnosticData, toCodeAction } from './convert';
import { NonOverlappingEdits } from './edit-set';

/** The kind of the "fix everything IAM Atlas can fix" action, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.iamAtlas`;

/** Whether a requested kind (`source`, `source.fixAll`, …) covers `kind`. */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

export function codeActions(document: TextDocument, params: CodeActionParams, cache: AnalysisCache): CodeAction[] {
  const analysis = cache.peek(document.uri, document.version);
  if (!analysis) return [];
  const only = params.context.only;
  if (only?.some((kind) => covers(kind, FIX_ALL_KIND))) {
    const fix = fixAllInFile(analysis.findings);
    return fix ? [{ ...toCodeAction(document, fix, []), kind: FIX_ALL_KIND, isPreferred: false }] : [];
  }
  if (only && !only.some((kind) => covers(kind, CodeActionKind.QuickFix))) return [];

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
  const edits = new NonOverlappingEdits();
  for (const fix of fixes) {
    if (!fix.edits.some((edit) => edits.clashes(edit))) edits.add(fix.edits);
  }
  return { title: `Fix all "${findings[0]!.ruleName}" problems in this file`, edits: edits.taken };
}

/**
 * The preferred fix of every finding in the file, of every rule, whose edits do not overlap or
 * share an insertion point with one already taken (those are left for a second run).
 */
export function fixAllInFile(findings: readonly Finding[]): Fix | undefined {
  const edits = new NonOverlappingEdits();
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
    if (fix && !fix.edits.some((edit) => edits.clashes(edit))) edits.add(fix.edits);
  }
  return edits.taken.length ? { title: 'Fix all IAM Atlas problems in this file', edits: edits.taken } : undefined;
}

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).findingIndex === 'number';
}
