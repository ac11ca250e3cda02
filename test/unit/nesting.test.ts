/** Text nested deeper than IAM Atlas reads: reported once, where the bound is crossed, never a stack overflow. */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { locateForCompletion, locateForHover } from '../../server/src/core/locate';
import { spanText } from '../../server/src/core/model';
import { MAX_NESTING_DEPTH, jsonTooDeep, tooDeepMessage } from '../../server/src/core/parse/nesting';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { covered } from './terraform-helpers';

const JSON_URI = 'file:///work/roles/app-policy.json';
const TF_URI = 'file:///work/main.tf';

function jsonPolicy(action: string): string {
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","Action":${action}}]}`;
}

function arrays(depth: number): string {
  return '['.repeat(depth) + '"s3:GetObject"' + ']'.repeat(depth);
}

const TOO_DEEP_POLICY = tooDeepMessage('policy');
const TOO_DEEP_BLOCK = tooDeepMessage('block');

describe('nesting bound', () => {
  before(() => initTerraform());

  describe('jsonTooDeep', () => {
    it('accepts 100 levels and points at the bracket that opens the 101st', () => {
      assert.equal(MAX_NESTING_DEPTH, 100);
      assert.equal(jsonTooDeep('['.repeat(100) + ']'.repeat(100)), undefined);
      // The object is the first level: its 100th array is the 101st.
      assert.deepEqual(jsonTooDeep('{"a":' + '['.repeat(100) + ']'.repeat(100) + '}'), { start: 104, end: 105 });
    });

    it('does not count brackets inside strings or comments; a string ends at a line break as jsonc-parser reads it', () => {
      assert.equal(jsonTooDeep(`["${'['.repeat(500)}"]`), undefined);
      assert.equal(jsonTooDeep(`[ // ${'['.repeat(500)}\n]`), undefined);
      assert.equal(jsonTooDeep(`[ /* ${'{'.repeat(500)} */ ]`), undefined);
      // An unterminated string stops at the line end: the brackets on the next line are read.
      assert.deepEqual(jsonTooDeep(`"open\n${'['.repeat(101)}`), { start: 106, end: 107 });
    });

    it('closes a bracket only with one of its own kind, as jsonc-parser reads it: a "}" inside an array closes nothing', () => {
      const text = '[' + '{"a":["x" }}},'.repeat(60) + ']';
      const openers = [...text.matchAll(/[[{]/g)].map((match) => match.index!);
      assert.deepEqual(jsonTooDeep(text), { start: openers[100]!, end: openers[100]! + 1 });
      assert.equal(jsonTooDeep('[' + '{"a":["x"]},'.repeat(60) + ']'), undefined);
    });
  });

  describe('JSON files', () => {
    it('reports a policy nested too deep once, on the bracket that crosses the bound, and checks nothing else', () => {
      const text = jsonPolicy(arrays(150));
      const { file, findings } = analyze(JSON_URI, text);
      assert.equal(file.isPolicyFile, true);
      assert.deepEqual(file.documents, []);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.span.start, spanText(text, f.span), f.message]),
        // The policy, its statements and the statement are 3 levels: Action's 98th array is the 101st.
        [['IAM001', text.indexOf('[[') + 97, '[', TOO_DEEP_POLICY]],
      );
    });

    it('reads 100 levels as usual', () => {
      const { findings } = analyze(JSON_URI, jsonPolicy(arrays(97)));
      assert.equal(findings.some((f) => f.message === TOO_DEEP_POLICY), false);
      assert.deepEqual([...new Set(findings.map((f) => f.ruleId))], ['IAM015']);
    });

    it('leaves a deep JSON file that is not a policy alone', () => {
      const { file, findings } = analyze('file:///work/data.json', arrays(10_000));
      assert.equal(file.isPolicyFile, false);
      assert.deepEqual(findings, []);
    });

    it('gives no completion or hover in text too deep for the locators, instead of overflowing the stack', () => {
      const text = jsonPolicy(arrays(20_000));
      const input = { uri: JSON_URI, text, language: 'json' as const };
      for (const offset of [text.indexOf('Action') + 2, text.indexOf('s3:') + 3]) {
        assert.equal(locateForCompletion(input, offset), undefined);
        assert.equal(locateForHover(input, offset), undefined);
      }
    });
  });

  describe('Terraform', () => {
    function policyResource(action: string): string {
      return `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Resource = "*", Action = ${action} }] })\n}\n`;
    }
    const consequence = ' Until it is fixed, IAM Atlas cannot check the policies of aws_iam_policy.p.';

    it('reports brackets nested too deep in a block that holds a policy, on the bracket that crosses the bound', () => {
      const text = policyResource(arrays(200));
      const { findings } = analyze(TF_URI, text);
      // The resource's `{`, jsonencode's `(`, the object, the statements and the statement are 5 levels.
      assert.deepEqual(findings.map((f) => [f.ruleId, f.span.start, f.message]), [['IAM016', text.indexOf('[[') + 95, TOO_DEEP_BLOCK + consequence]]);
      assert.deepEqual(covered(text, findings), ['IAM016 "["']);
    });

    it('reports a chain of operators, as deep as it is long without a bracket, from the tree reader', () => {
      const text = policyResource(`["a"${' + "a"'.repeat(5000)}]`);
      const { findings } = analyze(TF_URI, text);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['IAM016', TOO_DEEP_BLOCK + consequence]]);
    });

    it('counts the brackets of a heredoc below the ones already open', () => {
      const text = `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n${jsonPolicy(arrays(200))}\nEOF\n}\n`;
      const { findings } = analyze(TF_URI, text);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['IAM016', TOO_DEEP_BLOCK + consequence]]);
    });

    it('reads the other blocks of the file', () => {
      const deep = `locals {\n  x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n}\n`;
      const text = deep + policyResource('"s3:GetObjekt"');
      const { findings } = analyze(TF_URI, text);
      assert.deepEqual(covered(text, findings), ['IAM102 "\\"s3:GetObjekt\\""']);
    });
  });
});
