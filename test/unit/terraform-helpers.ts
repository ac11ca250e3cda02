/** Shared by the Terraform unit tests: analyse inline .tf text and describe where findings point. */
import { AnalysisOptions, analyze } from '../../server/src/core/analyze';
import { Finding } from '../../server/src/core/findings';
import { ParsedFile, spanText } from '../../server/src/core/model';
import { TerraformFile, isTerraformFile } from '../../server/src/core/parse/terraform';
import { locatePolicyElement } from '../../server/src/core/parse/terraform-locate';

export const TF_URI = 'file:///work/main.tf';

export function analyzeTf(text: string, options: AnalysisOptions = {}, uri = TF_URI): { file: TerraformFile; findings: Finding[] } {
  const { file, findings } = analyze(uri, text, options);
  if (!isTerraformFile(file)) throw new Error(`${uri} was not read as Terraform`);
  return { file, findings };
}

/** Each finding as `id "covered text"`. */
export function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${JSON.stringify(spanText(text, f.span))}`);
}

/** Where a finding points, in words that do not depend on the syntax: `IAM006 statement 1 Effect value`. */
export function element(file: ParsedFile, finding: Finding): string {
  const location = locatePolicyElement(file, finding.span.start);
  if (!location) return `${finding.ruleId} outside any policy`;
  const parts = [finding.ruleId];
  if (location.statement) parts.push(`statement ${location.statement.index + 1}`);
  if (location.element) parts.push(location.element, location.part ?? '', location.principalPart ?? location.conditionPart ?? '');
  else parts.push(location.statement ? 'statement' : 'document');
  return parts.filter(Boolean).join(' ');
}
