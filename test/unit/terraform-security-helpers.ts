/**
 * Shared by the Terraform security tests: analyse .tf text in a configured workspace, look at one
 * rule's findings as (id, covered text, message, severity), and apply a fix the way an editor does,
 * checking that the finding is gone and that nothing new appeared.
 */
import * as assert from 'node:assert/strict';
import { AnalysisOptions, analyze } from '../../server/src/core/analyze';
import { Finding } from '../../server/src/core/findings';
import { spanText } from '../../server/src/core/model';
import { Seen, applyEdits } from './helpers';

/** An organisation of two accounts whose files live under prod/ and dev/, and one known vendor. */
export const WORKSPACE: AnalysisOptions = {
  config: {
    organizationId: 'o-a1b2c3d4e5',
    accounts: [
      { id: '111111111111', name: 'prod', paths: ['prod/**'] },
      { id: '222222222222', name: 'dev', paths: ['dev/**'] },
    ],
    trustedExternalAccounts: [{ id: '999988887777', name: 'Acme Monitoring' }],
  },
  root: '/repo',
};

/** A .tf file of the prod account (111111111111). */
export const PROD_TF = 'file:///repo/prod/iam.tf';

export function tfFindings(text: string, options: AnalysisOptions = WORKSPACE, uri = PROD_TF): Finding[] {
  return analyze(uri, text, options).findings;
}

/** The findings of one rule, each as its id, the exact text it covers, its message and severity. */
export function reported(text: string, ruleId: string, options: AnalysisOptions = WORKSPACE, uri = PROD_TF): Seen[] {
  return tfFindings(text, options, uri)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ id: f.ruleId, text: spanText(text, f.span), message: f.message, severity: f.severity }));
}

/** Findings as `id message`, sorted: what must stay the same around a fix. */
export function signature(list: readonly Finding[]): string[] {
  return list.map((f) => `${f.ruleId} ${f.message}`).sort();
}

/**
 * Applies a fix (the first, or the one titled `title`) of the rule's first finding and returns the
 * new text, after checking that analysing it again shows that finding gone and nothing new.
 */
export function fixTf(text: string, ruleId: string, title?: string, options: AnalysisOptions = WORKSPACE, uri = PROD_TF): string {
  const before = tfFindings(text, options, uri);
  const finding = before.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding; got ${signature(before).join(' | ')}`);
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes[0];
  assert.ok(fix, `no fix "${title ?? ''}"; offered: ${finding.fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(signature(tfFindings(fixed, options, uri)), signature(before.filter((f) => f !== finding)), 'the finding is gone and nothing new appeared');
  return fixed;
}

/** Lines joined: expected texts read as the file they stand for. */
export function lines(...rows: string[]): string {
  return rows.join('\n');
}
