/**
 * The rules' time budget: checked between rules and between the documents of a file. The clock is
 * the test's own, advanced by the rules themselves, so what runs and what stops is exact.
 */
import * as assert from 'node:assert/strict';
import { BudgetStop, analyze } from '../../server/src/core/analyze';
import { PolicyDocument } from '../../server/src/core/model';
import { parseTerraformFile } from '../../server/src/core/parse/terraform';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { ALL_KINDS, DocumentRule, FileRule, Rule } from '../../server/src/core/rules/types';

let now = 0;
const clock = (): number => now;

/** A rule that takes `cost` milliseconds of the test's clock per document and reports each one. */
/** What every test rule here shares: only its id, scope and check differ. */
function described(id: string) {
  return { id, name: `rule-${id.toLowerCase()}`, severity: 'warning', kinds: ALL_KINDS, category: 'grammar', summary: 'test', fixable: false } as const;
}

function costly(id: string, cost: number): DocumentRule {
  return {
    ...described(id),
    scope: 'document',
    check(document: PolicyDocument) {
      now += cost;
      return [{ span: { start: document.span.start, end: document.span.start + 1 }, message: `${id} saw it` }];
    },
  };
}

function fileRule(id: string, cost: number): FileRule {
  return {
    ...described(id),
    scope: 'file',
    checkFile() {
      now += cost;
      return [{ span: { start: 0, end: 1 }, message: `${id} saw it` }];
    },
  };
}

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const THREE_POLICIES = ['a', 'b', 'c']
  .map((name) => `resource "aws_iam_policy" "${name}" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n}\n`)
  .join('');

function run(text: string, uri: string, rules: Rule[], timeBudgetMs?: number): { seen: string[]; stops: { elapsedMs: number; budgetMs: number; unfinished: string[] }[] } {
  now = 0;
  const stops: BudgetStop[] = [];
  const { findings } = analyze(uri, text, {
    rules,
    clock,
    ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}),
    onBudgetExceeded: (stop) => stops.push(stop),
  });
  return {
    seen: findings.map((f) => `${f.ruleId}@${f.span.start}`),
    stops: stops.map((stop) => ({ elapsedMs: stop.elapsedMs, budgetMs: stop.budgetMs, unfinished: stop.unfinished.map((rule) => rule.id) })),
  };
}

describe('time budget', () => {
  before(() => initTerraform());

  it('runs every rule when there is no budget', () => {
    const { seen, stops } = run(POLICY, 'file:///w/p.json', [costly('A', 10), costly('B', 1000), costly('C', 10)]);
    assert.deepEqual(seen, ['A@0', 'B@0', 'C@0']);
    assert.deepEqual(stops, []);
  });

  it('finishes the rule that crosses the budget, skips the rest, and says which once', () => {
    const { seen, stops } = run(POLICY, 'file:///w/p.json', [costly('A', 10), fileRule('B', 30), costly('C', 10), costly('D', 10)], 25);
    assert.deepEqual(seen, ['A@0', 'B@0']);
    assert.deepEqual(stops, [{ elapsedMs: 40, budgetMs: 25, unfinished: ['C', 'D'] }]);
  });

  it('stops a rule between the documents of a file, keeping its findings on the ones it checked', () => {
    const { seen, stops } = run(THREE_POLICIES, 'file:///w/main.tf', [costly('A', 20), costly('B', 1)], 30);
    const starts = [...THREE_POLICIES.matchAll(/\(\{/g)].map((match) => match.index! + 1);
    // A checks the first policy (20), then the second (40 > 30): the third is left, and B never starts.
    assert.deepEqual(seen, [`A@${starts[0]}`, `A@${starts[1]}`]);
    assert.deepEqual(stops, [{ elapsedMs: 40, budgetMs: 30, unfinished: ['A', 'B'] }]);
  });

  it('stops the Terraform parser on an item it cannot read in time, and reads the next item with a fresh parser', () => {
    // tree-sitter's error recovery is quadratic here: 40,000 blank lines after "policy =" take 15 s unbounded.
    const slow = `resource "aws_iam_policy" "slow" {\n  policy =\n${'\n'.repeat(40_000)}  name = "x"\n}\n`;
    const fine = 'resource "aws_iam_policy" "fine" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [] })\n}\n';
    const file = parseTerraformFile('file:///w/main.tf', slow + fine, { itemBudgetMs: 50 });
    assert.deepEqual(
      file.hclProblems.map((problem) => [problem.span.start, problem.span.end, problem.message]),
      [
        [
          0,
          slow.indexOf('\n'),
          "IAM Atlas stopped reading this block after 50 ms: Terraform's parser cannot make sense of it in time. Until it is fixed, IAM Atlas cannot check the policies of aws_iam_policy.slow.",
        ],
      ],
    );
    assert.deepEqual(file.documents.map((document) => document.span.start), [slow.length + fine.indexOf('({') + 1]);
  });

  it('leaves rules turned off out of the unfinished ones', () => {
    now = 0;
    const stops: BudgetStop[] = [];
    analyze('file:///w/p.json', POLICY, {
      rules: [costly('A', 50), costly('B', 1), costly('C', 1)],
      severities: { B: 'off' },
      clock,
      timeBudgetMs: 10,
      onBudgetExceeded: (stop) => stops.push(stop),
    });
    assert.deepEqual(stops.map((stop) => stop.unfinished.map((rule) => rule.id)), [['C']]);
  });
});
