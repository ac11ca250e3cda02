/**
 * The documents the benchmarks share, each from a fixed seed: JSON policies of 10, 100, 500 and
 * 1,000 statements and one of about 1 MB; Terraform files of 10, 100 and 1,000 statements; and the
 * Terraform module of issue #4 (300 policies, at least 5,000 lines). Same seed, same bytes, so runs
 * compare.
 */
import { generatePolicy, generatePolicyOfSize } from './policy';
import { generateLargeTerraformFile, generateTerraformFile } from './terraform';

export interface BenchDocument {
  /** Short and stable, used in case ids: `500`, `1mb`, `tf-100`, `tf-module`. */
  readonly id: string;
  readonly label: string;
  readonly languageId: 'json' | 'terraform';
  /** A file name with the right extension. */
  readonly fileName: string;
  readonly text: string;
  readonly statements: number;
}

export const JSON_STATEMENT_COUNTS = [10, 100, 500, 1000] as const;
export const TERRAFORM_STATEMENT_COUNTS = [10, 100, 1000] as const;
export const ONE_MB = 1024 * 1024;

export function jsonDocuments(): BenchDocument[] {
  const documents: BenchDocument[] = JSON_STATEMENT_COUNTS.map((count) => {
    const { text } = generatePolicy({ seed: 'bench', statements: count });
    return { id: String(count), label: `${count.toLocaleString('en')} statements`, languageId: 'json', fileName: `policy-${count}.json`, text, statements: count };
  });
  const large = generatePolicyOfSize({ seed: 'bench', bytes: ONE_MB });
  documents.push({
    id: '1mb',
    label: `1 MB (${large.statements.toLocaleString('en')} statements)`,
    languageId: 'json',
    fileName: 'policy-1mb.json',
    text: large.text,
    statements: large.statements,
  });
  return documents;
}

export function terraformDocuments(): BenchDocument[] {
  return TERRAFORM_STATEMENT_COUNTS.map((count) => {
    const { text } = generateTerraformFile({ seed: 'bench', statements: count });
    return { id: `tf-${count}`, label: `.tf, ${count.toLocaleString('en')} statements`, languageId: 'terraform', fileName: `policies-${count}.tf`, text, statements: count };
  });
}

/** The module of issue #4: 300 one-statement policies in the three syntaxes, at least 5,000 lines. */
export function terraformModule(): BenchDocument {
  const module = generateLargeTerraformFile({ seed: 'bench', policies: 300, lines: 5000 });
  return {
    id: 'tf-module',
    label: `.tf module, ${module.lines.toLocaleString('en')} lines, ${module.policies} policies`,
    languageId: 'terraform',
    fileName: 'module.tf',
    text: module.text,
    statements: module.statements,
  };
}
