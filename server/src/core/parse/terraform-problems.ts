/**
 * Where tree-sitter could not read an item: the first ERROR or MISSING node, narrowed to the token
 * a person would fix rather than the whole region the parser gave up on.
 */
import { TerraformNode } from './terraform-runtime';
import { SyntaxProblem } from './terraform-split';
import { MAX_NESTING_DEPTH } from './nesting';

/**
 * The first ERROR or MISSING node, as a problem on the token where reading stopped. The descent is a
 * loop, not a recursion: a tree can be as deep as a chain of operators is long.
 */
export function firstProblem(node: TerraformNode, text: string, errorDepth = 0): SyntaxProblem | undefined {
  let current = node;
  for (;;) {
    if (current.isMissing) {
      let before = current.startIndex;
      while (before > 0 && /\s/.test(text[before - 1]!)) before--;
      const what = /^[^\w]+$/.test(current.type) ? `"${current.type}"` : `a ${current.type.replace(/_/g, ' ')}`;
      return { message: `Terraform expects ${what} here.`, span: { start: Math.max(0, before - 1), end: Math.max(before, 1) } };
    }
    if (current.isError) return errorProblem(current, text, errorDepth);
    const next = current.children.find((child) => child?.hasError);
    if (!next) return undefined;
    current = next;
  }
}

const COMPLETE_PARTS: ReadonlySet<string> = new Set(['attribute', 'block', 'body', 'comment']);

/**
 * An ERROR node holds what the parser could not fit, often with a good beginning: a block header,
 * whole attributes. The culprit is the first part after those.
 */
function errorProblem(node: TerraformNode, text: string, depth: number): SyntaxProblem {
  const children = node.children.filter((c): c is TerraformNode => c !== null && c.endIndex > c.startIndex);
  let i = 0;
  if (children[0]?.type === 'identifier') {
    let j = 1;
    while (children[j]?.type === 'string_lit' || children[j]?.type === 'identifier') j++;
    if (children[j]?.type === 'block_start') i = j + 1;
  }
  while (i < children.length && COMPLETE_PARTS.has(children[i]!.type) && !children[i]!.hasError) i++;
  const culprit = children[i] ?? children[0];
  // ERROR nodes inside ERROR nodes: past the nesting bound, this one is precise enough.
  if (culprit && culprit !== node && culprit.hasError && !culprit.isError && depth < MAX_NESTING_DEPTH) {
    const inner = firstProblem(culprit, text, depth + 1);
    if (inner) return inner;
  }
  let leaf: TerraformNode = culprit ?? node;
  while (leaf.childCount > 0 && leaf.firstChild) leaf = leaf.firstChild;
  const start = leaf.startIndex;
  const end = leaf.endIndex > start ? leaf.endIndex : start + 1;
  const token = text.slice(start, end).trim() || text.slice(start, start + 1);
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  const hint = leaf.type === 'identifier' ? ': an argument is written name = value, a block name { ... }.' : '.';
  return { message: `Terraform cannot read "${shown}" here${hint}`, span: { start, end } };
}
