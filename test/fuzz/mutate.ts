/**
 * Mutations of a policy's text: the damage half-typed edits, bad pastes and strange files do. Each
 * is a pure function of (text, random source), so a case is made again from its seed.
 */
import { Random } from './random';

export interface Mutator {
  readonly name: string;
  /** How often it is picked, relative to the others. */
  readonly weight: number;
  apply(text: string, random: Random, other: () => string): string;
}

/** No mutation makes a text longer than this: the server does not analyse files over 2 MB anyway. */
export const MAX_MUTATED_LENGTH = 2_500_000;

/** Characters that mean something to JSON, HCL or templates, and some that mean nothing. */
const SYNTAX_CHARS = '{}[]()",:=\\ \n\t*?$%<>#/.-_+!~`\'0123456789aZ';

/** Strings that have broken parsers, editors and position conversions before. */
export const ODD_UNICODE: readonly string[] = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ud83d', // half of an emoji
  '\ufeff', // byte order mark
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u0000', // NUL
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0085', // next line
  '\r', // a carriage return alone
  '\u000b', // vertical tab
  '\u00a0', // no-break space
  '\u0301', // combining acute accent
  '\u{1f600}', // an astral emoji
  '\u{10ffff}', // the last code point
  '\ufffd', // replacement character
  'İ', // upper-cases and lower-cases to different lengths
  'ß',
  'ﬃ',
];

/** Tokens worth dropping anywhere: policy keys, HCL openers, template markers, escapes. */
const TOKENS: readonly string[] = [
  '"Statement"',
  '"Statement": [',
  '"Statement": {',
  '"Version": "2012-10-17",',
  '"Effect": "Allow",',
  '"Action": "s3:Get*",',
  '"Action": [',
  '"NotAction": "*",',
  '"Resource": "*"',
  '"Principal": {"AWS": "*"},',
  '"Principal": "*",',
  '"NotPrincipal": {"AWS": ["123456789012"]},',
  '"Condition": {',
  '"StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}',
  '"ForAllValues:StringLike": {"aws:TagKeys": ["*"]}',
  '"Sid": "S 1",',
  '"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"',
  '"Service": "ec2.amazonaws.com"',
  '"arn:aws:iam::123456789012:root"',
  '"arn:aws:s3:::*/*"',
  '"sts:AssumeRole"',
  'null',
  'true',
  '[]',
  '{}',
  '-1e400',
  '12345678901234567890123',
  '"\\u0000"',
  '"\\ud800"',
  '"\\',
  '\\u',
  ',',
  ':',
  '"',
  '${var.x}',
  '${',
  '$${',
  '%{ if var.x }',
  '%{ endif }',
  '%{',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '\n  EOT\n',
  'jsonencode(',
  'jsonencode({ Statement = [',
  'file("${path.module}/p.json")',
  'data.aws_iam_policy_document.trust.json',
  'dynamic "statement" {\n for_each = var.x\n content {\n',
  'statement {\n',
  'principals {\n type = "AWS"\n identifiers = ["*"]\n}\n',
  'condition {\n test = "StringLike"\n variable = "aws:PrincipalArn"\n values = ["*"]\n}\n',
  'resource "aws_iam_policy" "x" {\n policy = ',
  'data "aws_iam_policy_document" "x" {\n',
  'locals {\n',
  'for s in var.x : s',
  '[for k, v in local.m : v]',
  'var.x ? "a" : "b"',
  'local.x[*].y',
  '/*',
  '*/',
  '//',
  '#',
  '}',
  ']',
  ')',
  '\n}\n',
];

function randomOffset(text: string, random: Random): number {
  return random.int(text.length + 1);
}

/** An offset next to a character JSON or HCL cares about, where damage reaches the most code. */
function structuralOffset(text: string, random: Random): number {
  for (let attempt = 0; attempt < 8; attempt++) {
    const at = random.int(text.length + 1);
    if ('{}[]",:='.includes(text[at] ?? '')) return at;
  }
  return randomOffset(text, random);
}

function randomRange(text: string, random: Random, maxLength: number): [number, number] {
  const start = random.int(text.length + 1);
  const end = Math.min(text.length, start + random.between(1, maxLength));
  return [start, end];
}

function insertAt(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

function lineRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      ranges.push([start, Math.min(i + 1, text.length)]);
      start = i + 1;
    }
  }
  return ranges;
}

/** A balanced (or, half the time, unclosed) nest of brackets around a value, in JSON or HCL spelling. */
function nest(random: Random, depth: number): string {
  const style = random.int(6);
  const closed = random.chance(0.6);
  let open: string;
  let inner: string;
  let close: string;
  switch (style) {
    case 0:
      [open, inner, close] = ['[', '"s3:GetObject"', ']'];
      break;
    case 1:
      [open, inner, close] = ['{"a":', '1', '}'];
      break;
    case 2:
      [open, inner, close] = ['{a=', '1', '}'];
      break;
    case 3:
      [open, inner, close] = ['(', 'var.x', ')'];
      break;
    case 4:
      [open, inner, close] = ['"${', 'x', '}"'];
      break;
    default:
      [open, inner, close] = ['statement {\n', 'effect = "Allow"\n', '}\n'];
      break;
  }
  return open.repeat(depth) + inner + (closed ? close.repeat(depth) : '');
}

const DEPTHS: readonly (readonly [number, number])[] = [
  [30, 20],
  [20, 60],
  [10, 99],
  [10, 100],
  [10, 101],
  [10, 130],
  [6, 300],
  [4, 1_000],
  [2, 5_000],
  [1, 30_000],
];

const HUGE_LENGTHS: readonly (readonly [number, number])[] = [
  [40, 1_000],
  [20, 10_000],
  [6, 100_000],
  [2, 600_000],
];

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'byte-flip',
    weight: 14,
    apply(text, random) {
      let result = text;
      const flips = random.between(1, 8);
      for (let i = 0; i < flips && result.length; i++) {
        const at = random.chance(0.5) ? structuralOffset(result, random) : random.int(result.length);
        const replacement = random.chance(0.8) ? SYNTAX_CHARS[random.int(SYNTAX_CHARS.length)]! : random.pick(ODD_UNICODE);
        result = result.slice(0, at) + replacement + result.slice(at + 1);
      }
      return result;
    },
  },
  {
    name: 'truncate',
    weight: 10,
    apply(text, random) {
      return text.slice(0, randomOffset(text, random));
    },
  },
  {
    name: 'delete',
    weight: 10,
    apply(text, random) {
      if (random.chance(0.4)) {
        const lines = lineRanges(text);
        const [start] = random.pick(lines);
        const [, end] = lines[Math.min(lines.length - 1, lines.findIndex(([s]) => s === start) + random.int(3))]!;
        return text.slice(0, start) + text.slice(end);
      }
      const [start, end] = randomRange(text, random, 40);
      return text.slice(0, start) + text.slice(end);
    },
  },
  {
    name: 'duplicate',
    weight: 8,
    apply(text, random) {
      const [start, end] = randomRange(text, random, random.chance(0.3) ? 400 : 60);
      const copy = text.slice(start, end);
      return insertAt(text, random.chance(0.5) ? end : randomOffset(text, random), copy);
    },
  },
  {
    name: 'repeat',
    weight: 2,
    apply(text, random) {
      // A statement, line or token repeated many times: big files, and anything quadratic in them.
      const [start, end] = randomRange(text, random, 200);
      const chunk = text.slice(start, end);
      if (!chunk) return text;
      const times = random.weighted([
        [10, 20],
        [5, 300],
        [2, 3_000],
        [1, Math.max(1, Math.floor(400_000 / chunk.length))],
      ] as const);
      return text.slice(0, end) + chunk.repeat(times) + text.slice(end);
    },
  },
  {
    name: 'insert-token',
    weight: 14,
    apply(text, random) {
      let result = text;
      const count = random.between(1, 3);
      for (let i = 0; i < count; i++) result = insertAt(result, random.chance(0.6) ? structuralOffset(result, random) : randomOffset(result, random), random.pick(TOKENS));
      return result;
    },
  },
  {
    name: 'deep-nesting',
    weight: 5,
    apply(text, random) {
      return insertAt(text, structuralOffset(text, random), nest(random, random.weighted(DEPTHS)));
    },
  },
  {
    name: 'huge-string',
    weight: 4,
    apply(text, random) {
      const length = random.weighted(HUGE_LENGTHS);
      const unit = random.pick(['A', '*', '?', '*a', 'a*', '\\"', '\\u00e9', '${x}', ' ', '\n', 'é', '\u{1f600}', ':', '/']);
      const body = unit.repeat(Math.ceil(length / unit.length));
      // Most often as a value where policies hold names, so the wildcard matcher and the catalog see it.
      const quote = text.indexOf('"', randomOffset(text, random));
      if (quote >= 0 && random.chance(0.7)) {
        const prefix = random.pick(['', 's3:', 'arn:aws:s3:::', 'aws:', 'sts:AssumeRole', 'iam:*', '*:']);
        return insertAt(text, quote + 1, prefix + body);
      }
      return insertAt(text, randomOffset(text, random), `"${body}"`);
    },
  },
  {
    name: 'wildcards',
    weight: 4,
    apply(text, random) {
      // Patterns that make naive wildcard matching exponential, where actions and ARNs are.
      const pattern = random.pick([
        '*'.repeat(random.between(2, 60)) + 'x',
        'a*'.repeat(random.between(5, 40)) + 'b',
        '*?'.repeat(random.between(5, 40)),
        's3:' + '*G*e*t'.repeat(random.between(3, 30)) + 'Z',
        '*:*',
        'arn:aws:*:*:*:' + '*/'.repeat(random.between(2, 40)) + '!',
        '??????????????????????????????:?',
      ]);
      const quotes: number[] = [];
      for (let i = text.indexOf('"'); i >= 0 && quotes.length < 400; i = text.indexOf('"', i + 1)) quotes.push(i);
      if (quotes.length < 2) return insertAt(text, randomOffset(text, random), `"${pattern}"`);
      const at = random.int(quotes.length - 1);
      return text.slice(0, quotes[at]! + 1) + pattern + text.slice(quotes[at + 1]!);
    },
  },
  {
    name: 'odd-unicode',
    weight: 8,
    apply(text, random) {
      if (random.chance(0.15)) return random.pick(['\ufeff', '\u0000', '\ud800', '\u202e']) + text;
      let result = text;
      const count = random.between(1, 4);
      for (let i = 0; i < count; i++) result = insertAt(result, random.chance(0.5) ? structuralOffset(result, random) : randomOffset(result, random), random.pick(ODD_UNICODE));
      return result;
    },
  },
  {
    name: 'line-ends',
    weight: 4,
    apply(text, random) {
      const style = random.int(4);
      if (style === 0) return text.replace(/\r?\n/g, '\r');
      if (style === 1) return text.replace(/\r?\n/g, '\r\n');
      if (style === 2) return text.replace(/\n/g, () => random.pick(['\n', '\r', '\r\n', '\u2028', '\n\r']));
      return text.replace(/\n/g, '');
    },
  },
  {
    name: 'splice',
    weight: 6,
    apply(text, random, other) {
      const donor = other();
      const [start, end] = randomRange(donor, random, random.chance(0.5) ? 80 : 800);
      return insertAt(text, random.chance(0.5) ? structuralOffset(text, random) : randomOffset(text, random), donor.slice(start, end));
    },
  },
  {
    name: 'swap-lines',
    weight: 4,
    apply(text, random) {
      const lines = text.split('\n');
      if (lines.length < 2) return text;
      const a = random.int(lines.length);
      const b = random.int(lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    },
  },
  {
    name: 'case-flip',
    weight: 3,
    apply(text, random) {
      return text.replace(/"?(Statement|Effect|Action|Resource|Principal|Condition|Version|Sid|AWS|Federated|Service|statement|actions|principals|identifiers|condition)"?/g, (word) =>
        random.chance(0.3) ? (random.chance(0.5) ? word.toLowerCase() : word.toUpperCase()) : word,
      );
    },
  },
  {
    name: 'numbers',
    weight: 2,
    apply(text, random) {
      return text.replace(/\d+/g, (digits) => (random.chance(0.2) ? random.pick(['1e999', '-0', '0x1F', '99999999999999999999999', '1.5', 'NaN', '']) : digits));
    },
  },
];

/** Applies one to four mutations; returns the text and the names of the mutations applied. */
export function mutate(text: string, random: Random, other: () => string): { text: string; mutations: string[] } {
  const entries = MUTATORS.map((mutator) => [mutator.weight, mutator] as const);
  const count = random.weighted([
    [5, 1],
    [3, 2],
    [2, 3],
    [1, 4],
  ] as const);
  let result = text;
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutator = random.weighted(entries);
    const next = mutator.apply(result, random, other);
    if (next.length > MAX_MUTATED_LENGTH) continue;
    result = next;
    mutations.push(mutator.name);
  }
  return { text: result, mutations };
}
