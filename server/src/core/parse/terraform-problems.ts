/**
 * Where tree-sitter could not read an item: the first ERROR or MISSING node, narrowed to the token
 * a person would fix rather than the whole region the parser gave up on.
 */
import { TerraformNode } from './terraform-runtime';
import { SyntaxProblem } from './terraform-split';

/** The first ERROR or MISSING node, as a problem on the token where reading stopped. */
export function firstProblem(node: TerraformNode, text: string): SyntaxProblem | undefined {
  if (node.isMissing) {
    let before = node.startIndex;
    while (before > 0 && /\s/.test(text[before - 1]!)) before--;
    const what = /^[^\w]+$/.test(node.type) ? `"${node.type}"` : `a ${node.type.replace(/_/g, ' ')}`;
    return { message: `Terraform expects ${what} here.`, span: { start: Math.max(0, before - 1), end: Math.max(before, 1) } };
  }
  if (node.isError) return errorProblem(node, text);
  for (const child of node.children) {
    if (child?.hasError) {
      const found = firstProblem(child, text);
      if (found) return found;
    }
  }
  return undefined;
}

const COMPLETE_PARTS: ReadonlySet<string> = new Set(['attribute', 'block', 'body', 'comment']);

/**
 * An ERROR node holds what the parser could not fit, often with a good beginning: a block header,
 * whole attributes. The culprit is the first part after those.
 */
function errorProblem(node: TerraformNode, text: string): SyntaxProblem {
  const children = node.children.filter((c): c is TerraformNode => c !== null && c.endIndex > c.startIndex);
  let i = 0;
  if (children[0]?.type === 'identifier') {
    let j = 1;
    while (children[j]?.type === 'string_lit' || children[j]?.type === 'identifier') j++;
    if (children[j]?.type === 'block_start') i = j + 1;
  }
  while (i < children.length && COMPLETE_PARTS.has(children[i]!.type) && !children[i]!.hasError) i++;
  const culprit = children[i] ?? children[0];
  if (culprit && culprit !== node && culprit.hasError && !culprit.isError) {
    const inner = firstProblem(culprit, text);
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
