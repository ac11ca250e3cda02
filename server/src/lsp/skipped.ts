/**
 * What the server does not show, and says so. Documents it does not analyse (over
 * `iamAtlas.maxFileSize`, or binary): one line in the output channel per file, and, when the file
 * looks like it holds policies, one Information diagnostic saying why it shows no findings and what
 * to change. Findings past the first thousand of a file: one diagnostic saying how many there are.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SkipReason, describeSkip, looksLikePolicyText } from '../core/limits';
import { SourceLanguage } from '../core/model';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';

export const SKIP_CODES: Readonly<Record<SkipReason['kind'], string>> = { 'too-large': 'file-too-large', binary: 'binary-file' };

/**
 * Diagnostics published for one file. A broken 2 MB file can have a million findings: as many
 * diagnostics would be a message of hundreds of megabytes the editor could not show anyway.
 */
export const MAX_DIAGNOSTICS = 1000;

/** For the output channel. */
export function skipLogLine(path: string, reason: SkipReason): string {
  const remedy = reason.kind === 'too-large' ? ' (iamAtlas.maxFileSize); raise that setting to analyse it' : '';
  return `Skipped ${path}: ${describeSkip(reason)}${remedy}.`;
}

export function skipMessage(reason: SkipReason): string {
  return reason.kind === 'too-large'
    ? `IAM Atlas did not check this file: ${describeSkip(reason)} set by iamAtlas.maxFileSize. Raise that setting to check it.`
    : `IAM Atlas did not check this file: ${describeSkip(reason)}. Remove the NUL character to check it.`;
}

/** Said on the first line when a file has more findings than MAX_DIAGNOSTICS. */
export function tooManyDiagnostic(document: TextDocument, findings: number, docsUrl: string): Diagnostic {
  return {
    range: firstLine(document),
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    codeDescription: { href: docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: `IAM Atlas shows the first ${MAX_DIAGNOSTICS.toLocaleString('en')} of the ${findings.toLocaleString('en')} problems in this file; iam-atlas check lists them all.`,
  };
}

function firstLine(document: TextDocument): ReturnType<typeof toRange> {
  const text = document.getText();
  const lineEnd = text.search(/[\r\n]/);
  return toRange(document, { start: 0, end: Math.min(lineEnd < 0 ? text.length : lineEnd, 200) });
}

/** The diagnostic on the first line, or none when the text does not look like it holds policies. */
export function skipDiagnostics(document: TextDocument, language: SourceLanguage, reason: SkipReason, docsUrl: string): Diagnostic[] {
  const text = document.getText();
  if (!looksLikePolicyText(text, language)) return [];
  return [
    {
      range: firstLine(document),
      severity: DiagnosticSeverity.Information,
      code: SKIP_CODES[reason.kind],
      codeDescription: { href: docsUrl },
      source: DIAGNOSTIC_SOURCE,
      message: skipMessage(reason),
    },
  ];
}
