/**
 * The fast HCL reader against tree-sitter: whenever it reads an item, it must read exactly what
 * tree-sitter and readItem read (spans included), on every .tf text of the repository, on the bench
 * generators' Terraform, on hand-written edge cases and on thousands of mutated copies of them. And
 * it must read the plain items, or the fast path would never be taken.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { generateOrganisation } from '../../bench/generate/organisation';
import { organisationAsTerraform } from '../../bench/generate/organisation-files';
import { generateLargeTerraformFile, generateTerraformFile } from '../../bench/generate/terraform';
import { maskedText } from '../../server/src/core/parse/terraform';
import { readItemFast } from '../../server/src/core/parse/terraform-fast';
import { initTerraform, parseTerraformTree } from '../../server/src/core/parse/terraform-runtime';
import { splitTopLevel } from '../../server/src/core/parse/terraform-split';
import { ReadItem, readItem } from '../../server/src/core/parse/terraform-tree';
import { mutate } from '../fuzz/mutate';
import { Random } from '../fuzz/random';
import { INLINE_SEEDS, REPO_ROOT } from '../fuzz/seeds';
import { expandSnippet } from './snippet-body';

function treeSitterRead(itemText: string): ReadItem {
  const tree = parseTerraformTree(itemText);
  try {
    return readItem(tree.rootNode, itemText);
  } finally {
    tree.delete();
  }
}

/** Each top-level item's text, as parseTerraformFile hands it to the readers. */
function itemTexts(text: string): string[] {
  return splitTopLevel(text)
    .items.filter((item) => !item.tooDeep)
    .map((item) => maskedText(text, item));
}

function tfFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.tf')) found.push(full);
    }
  };
  walk(folder);
  return found;
}

/** Checks one item; returns whether the fast reader read it. */
function agrees(itemText: string, where: string): boolean {
  const fast = readItemFast(itemText);
  if (!fast) return false;
  assert.deepStrictEqual(fast, treeSitterRead(itemText), `${where}: the fast reader differs from tree-sitter on ${JSON.stringify(itemText.slice(0, 400))}`);
  return true;
}

const EDGE_CASES: Readonly<Record<string, string>> = {
  'comments between entries': `resource "aws_iam_role" "r" { # trailing
  // line comment
  name = "r" /* inline */ # after
  /* block
     comment */
  tags = {
    a = "1" # one
    // two
    b = "2", /* three */ c = "3"
  }
}`,
  'colon keys and quoted keys': `locals {
  m = { "a": 1, b: "x", "c" = [], d = {} }
}`,
  'nested blocks': `data "aws_iam_policy_document" "d" {
  statement {
    effect = "Allow"
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc"]
    }
  }
}`,
  'escapes': `locals {
  q = "say \\"hi\\" \\\\ done"
  u = "caf\\u00e9 \\U0001F600 \\n\\r\\t"
  d = "$\${literal} %%{also} $$ %% $ %"
  e = "$$$\${x}"
  f = "$$\${x}"
}`,
  'numbers': `locals {
  a = 1
  b = 1.5
  c = 1.5e3
  d = 2.25E-2
  e = 007
  f = 1e3
  g = 0x1F
}`,
  'empty and trailing commas': `locals {
  t = []
  o = {}
  u = [1, 2, 3,]
  v = { a = 1, }
  w = f(1, 2,)
  x = g()
}`,
  'references and indexes': `resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  other  = aws_organizations_organization.org.roots[0].id
  keyed  = var.m["k"].v
  each   = var.list[count.index]
  dashed = module.my-module.out-put
}`,
  'labels as identifiers': `resource aws_iam_role r {
  name = "r"
}`,
  'one line': `resource "a" "b" { x = 1 y = "2" }`,
  'keyword-like names': `locals {
  truex   = true
  nullish = null
  t       = true-ish
  f       = false
}`,
  'calls': `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
  name = lower(format("%s-x", "a"))
  spaced = max (1, 2)
}`,
  'templates': `resource "aws_iam_role" "r" {
  name  = "\${var.prefix}-role"
  arn   = "arn:aws:iam::\${var.account_id}:root"
  quote = "\${lookup(var.names, "key", "}")}"
  start = "\${a.b}tail"
  end   = "head\${a.b}"
  pair  = "\${a}\${b.c[0]}"
  only  = "\${ var.x }"
  empty = "x\${}y\${ }z"
  lit   = "$\${not} %%{not} \${real} $$ %% $"
  dd    = "$$\${x}"
  deep  = "\${"\${"\${x}"}"}"
  kinds = ["\${1}", "\${true}", "\${null}", "\${[1, "a"]}", "\${{ a = 1 }}", "\${f(x)}", "\${x["\${k}"]}"]
  keyed = { "\${var.k}" = 1, plain = "\${var.v}" }
  call  = format("%s", "\${var.x}")
  esc   = "\\"\${x}\\" \\u00e9\${y}\\n"
}`,
  'heredocs': `resource "aws_iam_policy" "p" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::\${var.bucket}/*" }]
}
EOF
  empty = <<EOF
EOF
  blank = <<EOT

  EOT
  indented = <<-EOT
      deeper
    {
      "a": "\${var.a}\${b}",
      "b": "$\${not} %%{not}"
    }
  EOT
  plain-indented = <<-END_OF-TEXT2
    one
      two
    END_OF-TEXT2
  spaced = <<EOF   
text # not a comment
    EOF   
  listed = [<<EOF
x
EOF
  , "y"]
  arg = jsonencode(<<EOF
EOF
  )
  prefix = <<EOF
EO
E\${x}
EOF
}`,
  'heredoc with CRLF': 'locals {\r\n  a = <<EOF\r\nline \${x}\r\n\r\nEOF\r\n  b = <<-EOF\r\n    y\r\n    EOF\r\n  c = "\${d}"\r\n}\r\n',
  'outside the subset': `locals {
  a = "\${~var.x}"
  b = var.x ? 1 : 2
  c = [for x in var.y : x]
  d = 1 + 2
  e = var.list[*].id
  f = var.list.0
  g = <<EOF
text
EOF
  h = -1
  i = (1)
  j = provider::aws::arn_parse("x")
  k = "\\q"
  l = "\${var.x~}"
  m = "%{ if var.x }x%{ endif }"
  n = "\${var.x ? 1 : 2}"
  o = "\${var.x # comment }"
  p = "\${var.x /* comment */}"
  q = "\${<<EOF}"
  r = "a%{ for x in y }\${x}%{ endfor }"
}`,
};

/** Heredocs outside the subset: left to tree-sitter (each is also compared with it, if it reads them). */
const OUTSIDE_HEREDOCS: readonly string[] = [
  // never closed
  'locals {\n  a = <<EOF\ntext\n}',
  'locals {\n  a = <<EOF\ntext\nEOF',
  // a line starting with the marker that does not close it: the scanner reads `EOF\${x}` as literal text
  'locals {\n  a = <<EOF\nEOF\${x}\nEOF\n}',
  'locals {\n  a = <<EOF\nEOFX\nEOF\n}',
  'locals {\n  a = <<EOF\nEOF }\n}',
  // white space the scanner's iswspace counts before a marker
  'locals {\n  a = <<EOF\n\vEOF\nEOF\n}',
  'locals {\n  a = <<EOF\n\u2028EOF\nEOF\n}',
  // directives, strip markers, interpolations across lines
  'locals {\n  a = <<EOF\n%{ if x }y%{ endif }\nEOF\n}',
  'locals {\n  a = <<EOF\n\${~x}\nEOF\n}',
  'locals {\n  a = <<EOF\n\${x\n}\nEOF\n}',
  // text after the opening marker, a space or nothing before it
  'locals {\n  a = <<EOF x\ny\nEOF\n}',
  'locals {\n  a = << EOF\ny\nEOF\n}',
  'locals {\n  a = <<\ny\n\n}',
  'locals {\n  a = <<1\ny\n1\n}',
  // a heredoc inside an interpolation
  'locals {\n  a = "\${<<EOF\nx\nEOF\n}"\n}',
];

describe('fast Terraform reader', () => {
  before(() => initTerraform());

  it('reads the plain items of the generated organisation exactly as tree-sitter does', () => {
    const files = organisationAsTerraform(generateOrganisation({ seed: 'fast-reader', accounts: 20 })).filter((file) => file.path.endsWith('.tf'));
    let items = 0;
    for (const file of files) {
      for (const itemText of itemTexts(file.text)) {
        items++;
        assert.ok(agrees(itemText, file.path), `${file.path}: the fast reader gave up on ${JSON.stringify(itemText.slice(0, 200))}`);
      }
    }
    assert.ok(items > 100, `only ${items} items`);
  });

  it('agrees with tree-sitter on every .tf file of the repository, and reads the plain example items', () => {
    const folders = ['examples', path.join('test', 'fixtures')];
    let read = 0;
    let total = 0;
    for (const folder of folders) {
      for (const file of tfFiles(path.join(REPO_ROOT, folder))) {
        for (const itemText of itemTexts(readFileSync(file, 'utf8'))) {
          total++;
          if (agrees(itemText, path.relative(REPO_ROOT, file))) read++;
        }
      }
    }
    // Items without directives, operators or `for` expressions (heredocs and interpolations included): the fast reader must take them.
    for (const file of tfFiles(path.join(REPO_ROOT, 'examples'))) {
      for (const itemText of itemTexts(readFileSync(file, 'utf8'))) {
        if (/%\{|\?|\bfor\b|\[\*\]|\.\*| [-+*/] /.test(itemText)) continue;
        assert.ok(readItemFast(itemText), `${path.relative(REPO_ROOT, file)}: the fast reader gave up on ${JSON.stringify(itemText.slice(0, 200))}`);
      }
    }
    assert.ok(read > 20 && total > read / 2, `read ${read} of ${total}`);
  });

  it('agrees with tree-sitter on the bench generators, the fuzz seeds and the snippets', () => {
    const texts = [
      ...INLINE_SEEDS.filter((seed) => seed.language === 'terraform').map((seed) => seed.text),
      generateTerraformFile({ seed: 'fast-reader', statements: 60 }).text,
      generateLargeTerraformFile({ seed: 'fast-reader', policies: 20, lines: 800 }).text,
      ...snippetBodies(),
    ];
    let read = 0;
    for (const text of texts) for (const itemText of itemTexts(text)) if (agrees(itemText, 'generated')) read++;
    assert.ok(read > 20, `read ${read}`);
  });

  it('handles the edge cases: reads the subset, gives up outside it', () => {
    const outside = 'outside the subset';
    for (const [name, text] of Object.entries(EDGE_CASES)) {
      if (name === outside) continue;
      const fast = readItemFast(text);
      if (name === 'numbers') {
        // `1e3` and `0x1F` are not tree-sitter-hcl's decimal literals: left to it.
        assert.equal(fast, undefined);
        const kept = text.replace(/\n {2}[fg] = .*/g, '');
        assert.ok(agrees(kept, name), name);
        continue;
      }
      assert.ok(agrees(text, name), `${name}: not read`);
    }
    for (const line of EDGE_CASES[outside]!.split('\n').slice(1, -1)) {
      if (!/^ {2}\w = /.test(line)) continue;
      assert.equal(readItemFast(`locals {\n${line}\n}`), undefined, line);
    }
    for (const text of OUTSIDE_HEREDOCS) {
      assert.equal(readItemFast(text), undefined, JSON.stringify(text));
      agrees(text, 'outside heredoc');
    }
    // A label is a string literal: an interpolation there is a syntax error tree-sitter reports.
    assert.equal(readItemFast('resource "a_${x}" "b" {\n}'), undefined);
  });

  it('reads each piece of a template or heredoc as readItem does, and gives up past the nesting bound', () => {
    for (const text of templatePieces()) {
      assert.ok(agrees(text, 'piece'), `not read: ${JSON.stringify(text)}`);
      assert.ok(readItemFast(text)!.blocks[0]!.attributes.length === 1, text);
    }
    const nested = (levels: number): string => `locals {\n  a = ${'"${'.repeat(levels)}x${'}"'.repeat(levels)}\n}`;
    assert.ok(agrees(nested(15), 'nested templates'));
    assert.equal(readItemFast(nested(40)), undefined);
    agrees(nested(40), 'nested templates');
    // Objects keyed by templates of objects: readItem counts six levels for each, the fast reader must give up before it does.
    const keyed = (levels: number): string => `locals {\n  a = ${'{ "${ '.repeat(levels)}x${' }" = 1 }'.repeat(levels)}\n}`;
    assert.ok(agrees(keyed(10), 'template keys'));
    for (let levels = 11; levels <= 40; levels++) for (const itemText of itemTexts(keyed(levels))) agrees(itemText, `template keys, ${levels} levels`);
  });

  it('reads the values and spans readItem gives (spot checks)', () => {
    const text = 'locals {\n  a = "caf\\u00e9"\n  b = x.y[0]["k"]\n}';
    const read = readItemFast(text)!;
    const [a, b] = read.blocks[0]!.attributes;
    assert.deepEqual(a!.value, { kind: 'string', value: 'café', quoting: 'quoted', span: { start: 15, end: 26 }, content: { start: 16, end: 25 } });
    assert.deepEqual(b!.value, { kind: 'reference', path: ['x', 'y', '[0]', '["k"]'], span: { start: 33, end: 44 } });
    assert.deepEqual(read.blocks[0]!.bodySpan, { start: 8, end: text.length - 1 });

    // Offsets counted by hand: quotes at 15 and 28, `$$` at 16 (two characters), `${` at 18 and 22, `a` at 20, `b` at 25.
    const template = 'locals {\n  t = "$$${a}${ b }"\n}';
    assert.deepEqual(readItemFast(template)!.blocks[0]!.attributes[0]!.value, {
      kind: 'template',
      quoting: 'quoted',
      span: { start: 15, end: 29 },
      content: { start: 16, end: 28 },
      interpolations: [
        { span: { start: 18, end: 22 }, expression: { kind: 'reference', path: ['a'], span: { start: 20, end: 21 } } },
        { span: { start: 22, end: 28 }, expression: { kind: 'reference', path: ['b'], span: { start: 25, end: 26 } } },
      ],
      directives: [],
    });
    // `<<-EOT` at 15, its body from 22 (after the line break) to 37 (the start of the closing line), `EOT` closing at 39.
    const heredoc = 'locals {\n  h = <<-EOT\n    a\n      b\n\n  EOT\n}';
    assert.deepEqual(readItemFast(heredoc)!.blocks[0]!.attributes[0]!.value, {
      kind: 'string',
      value: 'a\n  b\n\n',
      quoting: 'heredoc-indented',
      span: { start: 15, end: 42 },
      content: { start: 22, end: 37 },
    });
  });

  it('agrees with tree-sitter on mutated items whenever it reads them (differential fuzz)', function () {
    this.timeout(120_000);
    const corpus = [
      ...Object.values(EDGE_CASES).flatMap(itemTexts),
      ...templatePieces(),
      ...tfFiles(path.join(REPO_ROOT, 'examples')).flatMap((file) => itemTexts(readFileSync(file, 'utf8'))),
      ...INLINE_SEEDS.filter((seed) => seed.language === 'terraform').flatMap((seed) => itemTexts(seed.text)),
      ...itemTexts(generateTerraformFile({ seed: 'fast-fuzz', statements: 20 }).text),
      ...organisationAsTerraform(generateOrganisation({ seed: 'fast-fuzz', accounts: 4 }))
        .filter((file) => file.path.endsWith('.tf'))
        .flatMap((file) => itemTexts(file.text)),
    ];
    const cases = Number(process.env.FAST_READER_FUZZ_CASES ?? 3000);
    let compared = 0;
    let comparedTemplates = 0;
    for (let index = 0; index < cases; index++) {
      const random = new Random(Number(process.env.FAST_READER_FUZZ_SEED ?? 6), index);
      const other = (): string => random.pick(corpus);
      let text = random.pick(corpus);
      const mutations: string[] = [];
      if (random.chance(0.5)) {
        const result = mutate(text, random, other);
        text = result.text;
        mutations.push(...result.mutations);
      }
      const insertions = 1 + random.int(3);
      for (let k = 0; k < insertions; k++) {
        const at = random.int(text.length + 1);
        const token = random.pick(HCL_TOKENS);
        text = text.slice(0, at) + token + text.slice(at);
        mutations.push(`insert ${JSON.stringify(token)}`);
      }
      for (const itemText of itemTexts(text)) {
        if (!agrees(itemText, `case ${index} (${mutations.join(', ')})`)) continue;
        compared++;
        if (itemText.includes('${') || itemText.includes('<<')) comparedTemplates++;
      }
    }
    assert.ok(compared > cases / 4, `compared only ${compared} items`);
    // Templates and heredocs must be among what is compared, or their mutations test nothing.
    assert.ok(comparedTemplates > cases / 20, `compared only ${comparedTemplates} items with templates or heredocs`);
    if (process.env.FAST_READER_FUZZ_REPORT) {
      console.log(`${cases} cases: ${compared} items read by both readers and equal, ${comparedTemplates} of them with \${ or <<`);
    }
  });

  it('agrees with tree-sitter on generated template and heredoc bodies whenever it reads them', () => {
    const cases = Number(process.env.FAST_READER_FUZZ_CASES ?? 3000);
    let compared = 0;
    for (let index = 0; index < cases; index++) {
      const random = new Random(Number(process.env.FAST_READER_FUZZ_SEED ?? 6), index, 1);
      let body = '';
      const pieces = random.int(12);
      for (let k = 0; k < pieces; k++) body += random.pick(BODY_PIECES);
      const text = random.pick([
        `locals {\n  a = <<EOF\n${body}\nEOF\n}`,
        `locals {\n  a = <<-EOF\n${body}\n  EOF\n  b = 1\n}`,
        `locals {\n  a = "${body}"\n}`,
        `locals {\n  a = [<<EOF\n${body}\nEOF\n  , "${body}"]\n}`,
      ]);
      for (const itemText of itemTexts(text)) if (agrees(itemText, `body case ${index}`)) compared++;
    }
    assert.ok(compared > cases / 4, `compared only ${compared} items`);
    if (process.env.FAST_READER_FUZZ_REPORT) console.log(`${cases} generated bodies: ${compared} items read by both readers and equal`);
  });
});

/** What template and heredoc bodies are made of: markers whole and cut, blanks and line ends, `$` and `%` in every role, escapes, odd white space. */
const BODY_PIECES: readonly string[] = [
  'EOF',
  'EO',
  'E',
  'F',
  ' ',
  '\t',
  '\r',
  '\n',
  '\n',
  '\r\n',
  '$',
  '%',
  '{',
  '}',
  '${x}',
  '${ a.b }',
  '${"q"}',
  '${"${y}"}',
  '${f(1, [2])}',
  '${}',
  '${x}EOF',
  '$${',
  '%%{',
  '$$',
  '%%',
  '${',
  '%{',
  '~',
  '\v',
  '\f',
  '\u2028',
  '\u00a0',
  '\u00e9',
  '"',
  '\\',
  '\\n',
  '\\"',
  'a',
  'b c',
  '#',
  '//',
  '/*',
  '*/',
  '<<EOF',
  '-',
];

/** Tokens at the edges of the subset: interpolations, escapes, postfixes, operators, keywords, odd characters. */
const HCL_TOKENS: readonly string[] = [
  '${',
  '%{',
  '$$',
  '$${',
  '%%{',
  '$',
  '\\u00e9',
  '\\U0001F600',
  '\\UFFFFFFFF',
  '\\q',
  '\\',
  '"',
  '.',
  '.0',
  '.*',
  '[*]',
  '[0]',
  '["k"]',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ',',
  ':',
  '::',
  '=',
  '==',
  '=>',
  '?',
  '-',
  '!',
  '+',
  '*',
  '...',
  '1e3',
  '1.5e3',
  '1.',
  '0x1F',
  'true',
  'false',
  'null',
  'for',
  'in',
  'if',
  'x',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\v',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u0000',
  '\ud800',
  '\ud83d\ude00',
  'é',
  '#',
  '//',
  '/*',
  '*/',
  '/',
  '<<EOF\n',
  '<<-EOF\n',
  // templates and heredocs
  '${x}',
  '${ var.a.b }',
  '${"q"}',
  '${f(1)}',
  '${}',
  '${~',
  '~}',
  '$${x}',
  '%{ if x }',
  '%{ endif }',
  '"${x}"',
  '"a${b}c"',
  '<<EOF\nx\nEOF\n',
  '<<-EOT\n  a ${b}\n  EOT\n',
  '<<EOF\n',
  '<<EOF',
  'EOF\n',
  '\nEOF\n',
  '  EOF  \n',
  'EOF',
  'EOT',
  '\nEOT',
];

/** Each attribute of the template and heredoc edge cases in a `locals` block of its own. */
function templatePieces(): string[] {
  const pieces = [...EDGE_CASES['templates']!.split('\n').slice(1, -1), ...EDGE_CASES['heredocs']!.split(/\n(?= {2}[\w-]+ += )/).slice(1)];
  return pieces.map((piece) => `locals {\n${piece.replace(/\n\}$/, '')}\n}`);
}

function snippetBodies(): string[] {
  const snippets = JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', 'terraform.json'), 'utf8')) as Record<string, { body: readonly string[] }>;
  return Object.values(snippets).map((snippet) => expandSnippet(snippet.body.join('\n')));
}
