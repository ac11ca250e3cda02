/**
 * How deep IAM Atlas reads nested text. jsonc-parser, the Terraform tree reader and the walkers
 * after them recurse once per level. Before this bound existed they ran out of stack (Node 20's
 * default stack, the depth found by bisection) at: Terraform objects in jsonencode 1,070 levels,
 * arrays in jsonencode 1,363, a chain of `? :` 2,083, nested blocks 2,255, `+` chains 3,134, JSON
 * objects 3,134, JSON arrays 6,259; with a 400 KB stack (`--stack-size=400`, as a thread with a
 * smaller stack has) the first of them at 430. An IAM policy needs fewer than ten levels and a
 * Terraform file rarely twenty: past 100 the text is reported as too deep and not read.
 */
import { Node } from 'jsonc-parser';
import { Span } from '../model';

export const MAX_NESTING_DEPTH = 100;

/** For a JSON policy, which is then not checked; for a Terraform block, whose consequence terraform.ts adds. */
export function tooDeepMessage(what: 'policy' | 'block'): string {
  const consequence = what === 'policy' ? ', so this policy is not checked' : '';
  return `Nested more than ${MAX_NESTING_DEPTH} levels deep: IAM Atlas reads no deeper${consequence} (an IAM policy needs fewer than 10 levels).`;
}

/**
 * The first `{` or `[` of JSON text that opens a level deeper than the bound, as jsonc-parser would
 * read it: brackets inside strings do not count, a string ends at its closing quote or at a line
 * break, and a closer closes only a bracket of its own kind (jsonc-parser skips a `}` inside an
 * array, so `["a" }` repeated nests deeper and deeper). Undefined when the text stays within the
 * bound. It errs only towards too deep: jsonc-parser also skips some openers this counts.
 */
export function jsonTooDeep(text: string, limit = MAX_NESTING_DEPTH): Span | undefined {
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */ || c === 0x0a || c === 0x0d) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      // A comment (an error in a policy, but read past all the same): to the end of the line.
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(c);
      if (open.length > limit) return { start: i, end: i + 1 };
    } else if ((c === 0x7d /* } */ && open[open.length - 1] === 0x7b) || (c === 0x5d /* ] */ && open[open.length - 1] === 0x5b)) {
      open.pop();
    }
  }
  return undefined;
}

/** The first node of a parsed tree deeper than the bound, found without recursion. */
export function treeTooDeep(root: Node, limit = MAX_NESTING_DEPTH): Span | undefined {
  const pending: { node: Node; depth: number }[] = [{ node: root, depth: root.type === 'object' || root.type === 'array' ? 1 : 0 }];
  while (pending.length) {
    const { node, depth } = pending.pop()!;
    if (depth > limit) return { start: node.offset, end: node.offset + 1 };
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      pending.push({ node: child, depth: depth + (child.type === 'object' || child.type === 'array' ? 1 : 0) });
    }
  }
  return undefined;
}

/** Whether a call into jsonc-parser, or a walk of its tree, ran out of stack. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
