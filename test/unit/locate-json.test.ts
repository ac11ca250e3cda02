/** The JSON locator's statement reading: one statement found by a token scan and parsed on its own. */
import * as assert from 'node:assert/strict';
import { findStatement, jsonStatementAt, rootKeys } from '../../server/src/core/locate/json-statement';
import { spanText } from '../../server/src/core/model';
import { labelsAt, split } from './cursor';

describe('JSON locator: the statement at the cursor', () => {
  it('finds the statement by index, past strings holding braces and brackets', () => {
    const { text, offset } = split('{"Version":"2012-10-17","Statement":[{"Sid":"a{[\\"","Action":"s3:*"},{"Sid":"b","Action":"iam:Pass|Role"}]}');
    const range = findStatement(text, offset)!;
    assert.deepEqual([range.index, range.inArray, text.slice(range.start, range.end)], [1, true, '{"Sid":"b","Action":"iam:PassRole"}']);
    const slice = jsonStatementAt(text, offset, { uri: 'file:///p.json' })!;
    assert.equal(slice.statement.index, 1);
    assert.equal(spanText(text, slice.statement.action!.value.span), '"iam:PassRole"', 'spans are offsets in the file');
    assert.equal(slice.document.statements.length, 1);
  });

  it('reads a lone Statement object, and a statement still being typed at the end', () => {
    const lone = split('{"Statement":{"Effect":"Allow","Action":"s3:|"}}');
    assert.deepEqual({ ...findStatement(lone.text, lone.offset)!, start: 0 }, { start: 0, end: lone.text.length - 1, index: 0, inArray: false });
    const open = split('{\n  "Statement": [\n    { "Effect": "Allow" },\n    { "Action": "s3:Get|');
    const range = findStatement(open.text, open.offset)!;
    assert.deepEqual([range.index, range.end], [1, open.text.length]);
  });

  it('finds nothing outside statements, nor for a Statement key deeper down', () => {
    const between = split('{"Statement":[{"Sid":"a"}, | {"Sid":"b"}]}');
    assert.equal(findStatement(between.text, between.offset), undefined);
    const top = split('{"Version":"2012-|10-17","Statement":[]}');
    assert.equal(findStatement(top.text, top.offset), undefined);
    const deep = split('{"Policy":{"Statement":[{"Action":"s3:|"}]}}');
    assert.equal(findStatement(deep.text, deep.offset), undefined);
  });

  it('lists the keys at the top of the policy', () => {
    assert.deepEqual(rootKeys('{"Version":"2012-10-17","Statement":[{"Sid":"x"}],"Id":"a"}').map((k) => k.name), ['Version', 'Statement', 'Id']);
  });

  it('completes in a statement after a broken one (missing commas)', () => {
    const text = '{\n  "Statement": [\n    { "Effect": "Allow" "Action": "s3:*" }\n    { "Effect": "Allow", "Action": "sts:Assume|" }\n  ]\n}';
    assert.ok(labelsAt(text).includes('sts:AssumeRole'));
    const resources = '{\n  "Statement": [\n    { "Effect": "Allow" "Action": "s3:*" }\n    { "Action": "iam:PassRole", "Resource": "|" }\n  ]\n}';
    assert.deepEqual(labelsAt(resources), ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', '*']);
  });
});
