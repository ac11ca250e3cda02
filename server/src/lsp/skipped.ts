/**
 * Documents the server does not analyse (over `iamAtlas.maxFileSize`, or binary): one line in the
 * output channel per file, and, when the file looks like it holds policies, one Information
 * diagnostic saying why it shows no findings and what to change.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SkipReason, describeSkip, looksLikePolicyText } from '../core/limits';
import { SourceLanguage } from '../core/model';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';

export const SKIP_CODES: Readonly<Record<SkipReason['kind'], string>> = { 'too-large': 'file-too-large', binary: 'binary-file' };

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

/** The diagnostic on the first line, or none when the text does not look like it holds policies. */
export function skipDiagnostics(document: TextDocument, language: SourceLanguage, reason: SkipReason, docsUrl: string): Diagnostic[] {
  const text = document.getText();
  if (!looksLikePolicyText(text, language)) return [];
  const lineEnd = text.search(/[\r\n]/);
  const end = Math.min(lineEnd < 0 ? text.length : lineEnd, 200);
  return [
    {
      range: toRange(document, { start: 0, end }),
      severity: DiagnosticSeverity.Information,
      code: SKIP_CODES[reason.kind],
      codeDescription: { href: docsUrl },
      source: DIAGNOSTIC_SOURCE,
      message: skipMessage(reason),
    },
  ];
}
