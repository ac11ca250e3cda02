/** The contributed snippets: each expands, with its defaults, to a policy the analyser has no complaint about. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { WorkspaceIndex } from '../../server/src/core/graph';
import { initTerraform } from '../../server/src/core/parse/terraform-runtime';
import { analyze } from '../../server/src/core/analyze';
import { PolicyKind } from '../../server/src/core/model';
import { expandSnippet } from './snippet-body';

const root = path.resolve(__dirname, '..', '..', '..');

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

function readSnippets(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(path.join(root, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

/** Where a JSON snippet would be saved, so the kind globs see it, and the kind it must be read as. */
const JSON_SNIPPET_FILES: Readonly<Record<string, { readonly path: string; readonly kind: PolicyKind }>> = {
  'iam-trust-cross-account': { path: 'roles/deploy-trust.json', kind: 'trust' },
  'iam-trust-vendor': { path: 'roles/vendor-trust.json', kind: 'trust' },
  'iam-trust-github-oidc': { path: 'roles/github-trust.json', kind: 'trust' },
  'iam-trust-service': { path: 'roles/service-trust.json', kind: 'trust' },
  'iam-scp-deny-regions': { path: 'scps/deny-regions.json', kind: 'scp' },
  'iam-scp-deny-leave-organization': { path: 'scps/deny-leave.json', kind: 'scp' },
  'iam-scp-deny-iam-users': { path: 'scps/deny-iam-users.json', kind: 'scp' },
  'iam-permissions-boundary': { path: 'developer.boundary.json', kind: 'boundary' },
  'iam-s3-read': { path: 'policies/read-reports.json', kind: 'identity' },
};

const TERRAFORM_ONLY = ['iam-sso-permission-set'];

describe('snippets', () => {
  const json = readSnippets('json.json');
  const terraform = readSnippets('terraform.json');

  it('package.json contributes both files for the languages they are written in', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { snippets: { language: string; path: string }[] };
    };
    assert.deepEqual(manifest.contributes.snippets, [
      { language: 'json', path: './snippets/json.json' },
      { language: 'jsonc', path: './snippets/json.json' },
      { language: 'terraform', path: './snippets/terraform.json' },
    ]);
  });

  it('cover the same cases in JSON and Terraform, with unique prefixes and a description', () => {
    assert.deepEqual(json.map(([, s]) => s.prefix).sort(), Object.keys(JSON_SNIPPET_FILES).sort());
    assert.deepEqual(
      terraform.map(([, s]) => s.prefix).sort(),
      [...Object.keys(JSON_SNIPPET_FILES), ...TERRAFORM_ONLY].sort(),
    );
    for (const [name, snippet] of [...json, ...terraform]) {
      assert.match(snippet.prefix, /^iam-[a-z0-9-]+$/, name);
      assert.ok(snippet.description.endsWith('.') && snippet.description.length > 40, `${name}: a sentence saying what it is for`);
    }
  });

  for (const [name, snippet] of json) {
    it(`JSON "${snippet.prefix}" expands to a ${JSON_SNIPPET_FILES[snippet.prefix]?.kind ?? '?'} policy with no error or warning`, () => {
      const target = JSON_SNIPPET_FILES[snippet.prefix];
      assert.ok(target, `${name} has an entry in JSON_SNIPPET_FILES`);
      const text = expandSnippet(snippet.body.join('\n'));
      JSON.parse(text);
      const { file, findings } = analyze(`file:///workspace/${target.path}`, text);
      assert.equal(file.isPolicyFile, true);
      assert.deepEqual(file.documents.map((d) => d.kind), [target.kind]);
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map((f) => `${f.ruleId} ${f.message}`), []);
    });
  }

  describe('Terraform', () => {
    let parser: Parser;
    before(async () => {
      await Parser.init();
      const grammar = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
      parser = new Parser();
      parser.setLanguage(await Language.load(grammar));
    });

    for (const [, snippet] of terraform) {
      it(`"${snippet.prefix}" expands to Terraform that parses without a syntax error`, () => {
        const text = expandSnippet(snippet.body.join('\n'));
        const tree = parser.parse(text);
        assert.ok(tree, 'parsed');
        assert.equal(tree.rootNode.hasError, false, `syntax error in:\n${text}`);
        assert.ok(tree.rootNode.namedChildCount > 0);
      });

      it(`"${snippet.prefix}" holds IAM the analyser reads with no error or warning`, async () => {
        await initTerraform();
        const text = expandSnippet(snippet.body.join('\n'));
        const { file, findings } = analyze('file:///workspace/main.tf', text);
        if (snippet.prefix === 'iam-sso-permission-set') {
          // It attaches an AWS managed policy, so it holds no policy document: the graph reads it.
          const index = new WorkspaceIndex();
          index.update('file:///workspace/main.tf', text, 'main.tf');
          assert.deepEqual(index.graph().edges.map((e) => e.kind), ['sso-assignment']);
        } else {
          assert.ok(file.documents.length > 0, `no policy read from:\n${text}`);
        }
        const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(serious.map((f) => `${f.ruleId} ${f.message}`), []);
      });
    }
  });
});

describe('snippet expansion (the test helper)', () => {
  it('takes defaults, first choices and nested placeholders, drops tab stops, keeps escapes', () => {
    assert.equal(expandSnippet('a ${1:x ${2:y}} $0${3|p,q|} \\${var} \\}'), 'a x y p ${var} }');
  });

  it('rejects what it does not understand rather than guessing', () => {
    assert.throws(() => expandSnippet('${TM_FILENAME}'), /unsupported snippet syntax/);
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  });
});
