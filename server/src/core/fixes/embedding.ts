/**
 * Fixes for JSON written inside Terraform text. Rules build their edits as JSON; inside a heredoc a
 * `${` must become `$${` (else Terraform interpolates it), and inside a quoted string the JSON must
 * also be escaped (`"` → `\"`).
 */
import { Fix } from '../findings';
import { PolicyDocument } from '../model';
import { Report } from '../rules/types';

export function escapeForEmbedding(newText: string, embedding: NonNullable<PolicyDocument['origin']['embedding']>): string {
  const escaped = embedding === 'quoted-string' ? JSON.stringify(newText).slice(1, -1) : newText;
  return escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The reports of a rule, with their fixes' edits escaped for the text the document is embedded in. */
export function embedReports(document: PolicyDocument, reports: Report[]): Report[] {
  const embedding = document.origin.embedding;
  if (!embedding) return reports;
  const embed = (fix: Fix): Fix => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: escapeForEmbedding(edit.newText, embedding) })) });
  return reports.map((report) => (report.fixes?.length ? { ...report, fixes: report.fixes.map(embed) } : report));
}
