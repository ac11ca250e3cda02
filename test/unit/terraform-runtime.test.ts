/** The Terraform parser starts asynchronously; parsing a .tf file before it is ready is a loud mistake. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const PARSE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core', 'parse', 'index.js');
const RUNTIME = path.resolve(__dirname, '..', '..', 'server', 'src', 'core', 'parse', 'terraform-runtime.js');

function node(script: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Terraform parser start', () => {
  it('parsing a .tf file before initTerraform() throws, naming the fix', () => {
    const { code, stderr } = node(`require(${JSON.stringify(PARSE)}).parse('file:///w/main.tf', 'locals {}')`);
    assert.equal(code, 1);
    assert.match(stderr, /The Terraform parser is not-started: await initTerraform\(\) before parsing \.tf files\./);
  });

  it('after initTerraform() resolves, parsing is synchronous; JSON never needs it', () => {
    const script = `
      const { parse } = require(${JSON.stringify(PARSE)});
      const { initTerraform, terraformParserStatus } = require(${JSON.stringify(RUNTIME)});
      const json = parse('file:///w/p.json', '{ "Statement": [] }');
      initTerraform().then(() => {
        const tf = parse('file:///w/main.tf', 'resource "aws_iam_policy" "p" {\\n  policy = jsonencode({ Statement = [] })\\n}\\n');
        console.log(JSON.stringify([json.documents.length, terraformParserStatus(), tf.documents.map((d) => d.syntax)]));
      });`;
    const { code, stdout } = node(script);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), JSON.stringify([1, 'ready', ['jsonencode']]));
  });
});
