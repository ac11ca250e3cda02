/**
 * "Fix all" takes the preferred fix of each finding unless one of its edits overlaps, or inserts at
 * the same place as, an edit already taken. The sorted edit set must decide exactly as comparing
 * with every taken edit did, only without the quadratic cost.
 */
import * as assert from 'node:assert/strict';
import { Finding, Fix, TextEdit } from '../../server/src/core/findings';
import { fixAllInFile } from '../../server/src/lsp/code-actions';
import { Random } from '../fuzz/random';

/** The previous implementation, as the reference. */
function reference(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
    if (!fix) continue;
    const clashes = fix.edits.some((edit) =>
      edits.some((other) => (edit.span.start < other.span.end && other.span.start < edit.span.end) || edit.span.start === other.span.start),
    );
    if (!clashes) edits.push(...fix.edits);
  }
  return edits;
}

/** A finding whose fix has one or two edits; a fix's own edits never overlap (VS Code refuses such an edit). */
function finding(random: Random, index: number): Finding {
  const edits: TextEdit[] = [];
  let from = random.int(60);
  for (let i = random.between(1, 2); i > 0; i--) {
    const end = from + random.pick([0, 0, 1, 2, 5]);
    edits.push({ span: { start: from, end }, newText: `e${index}` });
    from = end + 1 + random.int(20);
  }
  const fix: Fix = { title: `fix ${index}`, edits, isPreferred: true };
  return { ruleId: 'IAM006', ruleName: 'effect-invalid', severity: 'error', message: '', span: edits[0]!.span, fixes: [fix] };
}

describe('fix all', () => {
  it('takes the same edits as comparing with every taken edit, on 2,000 random sets', () => {
    const random = new Random(7);
    for (let round = 0; round < 2000; round++) {
      const findings = Array.from({ length: random.between(0, 30) }, (_, i) => finding(random, i));
      const expected = reference(findings);
      assert.deepEqual(fixAllInFile(findings)?.edits ?? [], expected, `round ${round}`);
    }
  });

  it('takes twenty thousand non-overlapping fixes without comparing each with all the others', () => {
    const findings = Array.from({ length: 20_000 }, (_, i): Finding => {
      const edit = { span: { start: i * 10, end: i * 10 + 5 }, newText: '"Allow"' };
      return { ruleId: 'IAM006', ruleName: 'effect-invalid', severity: 'error', message: '', span: edit.span, fixes: [{ title: 'fix', edits: [edit], isPreferred: true }] };
    });
    assert.equal(fixAllInFile(findings)!.edits.length, 20_000);
  });
});
