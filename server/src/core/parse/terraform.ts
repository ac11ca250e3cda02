/**
 * Reads a .tf file: its blocks, the IAM policies in them with their kinds, and the syntax problems in
 * the blocks that hold policies.
 *
 * The file is split into top-level items by a lexer (terraform-split.ts), and each item is parsed by
 * tree-sitter on its own. A `TerraformParseState`, kept per open document by the language server,
 * makes re-parsing incremental: items whose text did not change reuse their result, shifted to where
 * they now stand; and a policy whose text cannot be read (half-typed) keeps its last readable
 * version, carried through the edit, so the rest of the analysis does not flicker while typing.
 */
import * as posixPath from 'node:path/posix';
import { ParseError, ParsedFile, PolicyDocument } from '../model';
import { tooDeepMessage } from './nesting';
import { PolicyCandidate, TerraformFileLink, blockPolicies } from './terraform-policies';
import { POLICY_ARGUMENTS, PolicyUse, policyUses, resolveKinds } from './terraform-kinds';
import { TerraformParserStatus, parseTerraformTreeWithin, requireTerraformParser, terraformParserStatus } from './terraform-runtime';
import { editMapper, mapSpans, shiftSpans } from './terraform-spans';
import { SyntaxProblem, TopLevelItem, splitTopLevel } from './terraform-split';
import { TfAttribute, TfBlock, blockAddress } from './terraform-syntax';
import { readItem } from './terraform-tree';
import { readItemFast } from './terraform-fast';
import { pushAll } from '../text/push-all';

export interface TerraformFile extends ParsedFile {
  readonly language: 'terraform';
  /** Every top-level block, in source order: walk them with terraform-syntax.ts. */
  readonly blocks: readonly TfBlock[];
  /** Top-level attributes (not valid in a .tf file, kept for callers that want them). */
  readonly attributes: readonly TfAttribute[];
  /** How this file's arguments use policy sources (data sources, locals) of its module. */
  readonly uses: readonly PolicyUse[];
  /** Policies read from other files with `file(...)`: those files are analysed as JSON on their own. */
  readonly fileLinks: readonly ResolvedFileLink[];
  /** Syntax problems in blocks that hold policies, one per block, on the token where reading failed. */
  readonly hclProblems: readonly SyntaxProblem[];
}

export interface ResolvedFileLink extends TerraformFileLink {
  /** The linked file's path (forward slashes), when the .tf file's path and the link's path are known. */
  readonly path?: string;
}

export function isTerraformFile(file: ParsedFile): file is TerraformFile {
  return file.language === 'terraform' && 'blocks' in file;
}

/** What the other .tf files of a module folder say (terraform-module.ts keeps one for a workspace). */
export interface TerraformModuleContext {
  /** The policy sources the other .tf files of the folder holding `path` use, and how. */
  siblingUses(path: string): readonly PolicyUse[];
  /** The .tf argument that reads the JSON file at `path` with `file()`, if any. */
  linkTo?(path: string): ResolvedFileLink | undefined;
}

export interface TerraformParseOptions {
  /** The file's path with forward slashes: its folder is its module, and `file()` links are resolved from it. */
  readonly path?: string;
  /** Per-document memory for incremental re-parsing; without it every parse starts afresh. */
  readonly state?: TerraformParseState;
  readonly module?: TerraformModuleContext;
  /** Milliseconds the parser may spend on one top-level item (itemParseBudget by default); past them the item is reported as unread. */
  readonly itemBudgetMs?: number;
}

/**
 * How long tree-sitter may take over one top-level item: half a second, and 5 ms more per thousand
 * characters. It reads about a thousand characters a millisecond, so only broken text on which its
 * error recovery turns quadratic (thousands of blank lines after `x =`) reaches the bound.
 */
export function itemParseBudget(length: number): number {
  return Math.round(500 + length / 200);
}

/** One top-level item's result, in offsets relative to the item's start. */
export interface ItemResult {
  readonly blocks: readonly TfBlock[];
  readonly attributes: readonly TfAttribute[];
  readonly candidates: readonly PolicyCandidate[];
  readonly links: readonly TerraformFileLink[];
  readonly jsonErrors: readonly ParseError[];
  readonly uses: readonly PolicyUse[];
  readonly problem?: SyntaxProblem;
  readonly holdsPolicies: boolean;
  readonly unreadable: boolean;
  readonly address?: string;
}

interface CachedItem {
  readonly local: ItemResult;
  /** The result shifted to where the item stood last time: most items do not move between edits. */
  absolute?: { readonly start: number; readonly result: ItemResult };
}

export interface LastGood {
  readonly address: string;
  /** In offsets relative to the start of `itemText`. */
  readonly candidate: PolicyCandidate;
  readonly itemText: string;
}

/**
 * What the parser remembers of one document between versions. Holds no tree-sitter memory (trees
 * are freed as soon as they are read), so dropping it is enough; `clear()` empties it early.
 */
export class TerraformParseState {
  items = new Map<string, CachedItem>();
  lastGood = new Map<string, LastGood>();

  clear(): void {
    this.items = new Map();
    this.lastGood = new Map();
  }
}

export function parseTerraformFile(uri: string, text: string, options: TerraformParseOptions = {}): TerraformFile {
  const status: TerraformParserStatus = terraformParserStatus();
  // A parser that failed to load was reported when it failed: leave .tf files alone then.
  if (status === 'failed') return emptyFile(uri, text);

  const state = options.state;
  const split = splitTopLevel(text);
  const nextItems = new Map<string, CachedItem>();
  const nextLastGood = new Map<string, LastGood>();
  const blocks: TfBlock[] = [];
  const attributes: TfAttribute[] = [];
  const documents: PolicyDocument[] = [];
  const sources: (string | undefined)[] = [];
  const links: TerraformFileLink[] = [];
  const syntaxErrors: ParseError[] = [];
  const uses: PolicyUse[] = [];
  const hclProblems: SyntaxProblem[] = [];

  for (const item of split.items) {
    const itemText = maskedText(text, item);
    let cached = state?.items.get(itemText) ?? nextItems.get(itemText);
    if (!cached) cached = { local: readItemResult(uri, itemText, item, options.itemBudgetMs ?? itemParseBudget(itemText.length)) };
    nextItems.set(itemText, cached);
    const start = item.span.start;
    if (cached.absolute?.start !== start) cached.absolute = { start, result: shiftSpans(cached.local, start) };
    const result = cached.absolute.result;

    pushAll(blocks, result.blocks);
    pushAll(attributes, result.attributes);
    pushAll(links, result.links);
    pushAll(syntaxErrors, result.jsonErrors);
    pushAll(uses, result.uses);

    let carried = false;
    let dropped = result.unreadable;
    const produced = new Set<string>();
    result.candidates.forEach((candidate, index) => {
      const local = cached.local.candidates[index]!;
      produced.add(candidate.key);
      if (!candidate.broken) {
        documents.push(candidate.document);
        sources.push(candidate.source);
        nextLastGood.set(candidate.key, { address: candidate.address, candidate: local, itemText });
        return;
      }
      const previous = state?.lastGood.get(candidate.key);
      if (previous) carryOver(previous);
      else dropped = true;
    });
    // A policy the broken text hides completely still has its last readable version.
    if (result.problem && result.address && state) {
      for (const previous of state.lastGood.values()) {
        if (previous.address === result.address && !produced.has(previous.candidate.key)) carryOver(previous);
      }
    }

    if (result.problem && (result.holdsPolicies || carried)) {
      const what = result.address ?? 'this block';
      const consequence = carried
        ? ` Until it is fixed, IAM Atlas checks the policies of ${what} as they were when it last could read them.`
        : dropped
          ? ` Until it is fixed, IAM Atlas cannot check the policies of ${what}.`
          : '';
      hclProblems.push({ message: result.problem.message + consequence, span: result.problem.span });
    }

    function carryOver(previous: LastGood): void {
      const placed = carriedInto(previous, itemText, start);
      carried = true;
      documents.push({ ...placed.document, origin: { ...placed.document.origin, carriedOver: true } });
      sources.push(placed.source);
      nextLastGood.set(previous.candidate.key, previous);
    }
  }

  const path = options.path;
  const kinds = resolveKinds([...uses, ...(path && options.module ? options.module.siblingUses(path) : [])]);
  const typed = documents.map((document, index) => {
    const source = sources[index];
    const resolved = source ? kinds.get(source) : undefined;
    if (!resolved) return document;
    return {
      ...document,
      kind: resolved.kind,
      origin: { ...document.origin, kindReason: 'terraform' as const, usedBy: { address: resolved.address, argument: resolved.argument } },
    };
  });
  typed.sort((a, b) => a.span.start - b.span.start);

  if (typed.length) for (const problem of split.strayProblems) hclProblems.push(problem);
  hclProblems.sort((a, b) => a.span.start - b.span.start);

  if (state) {
    state.items = nextItems;
    state.lastGood = nextLastGood;
  }
  const folder = path ? posixPath.dirname(path) : undefined;
  return {
    uri,
    language: 'terraform',
    text,
    documents: typed,
    isPolicyFile: typed.length > 0 || hclProblems.length > 0 || syntaxErrors.length > 0,
    syntaxErrors,
    blocks,
    attributes,
    uses,
    fileLinks: links.map((link) => (folder && link.relativePath !== undefined ? { ...link, path: posixPath.join(folder, link.relativePath) } : link)),
    hclProblems,
  };
}

/**
 * A policy's last readable version, carried through the edits since into the item's text as it is
 * now (`itemText`, which starts at `start` in the file).
 */
export function carriedInto(previous: LastGood, itemText: string, start: number): PolicyCandidate {
  return shiftSpans(mapSpans(previous.candidate, editMapper(previous.itemText, itemText)), start);
}

/** Parses one top-level item on its own; spans are relative to the item's start. */
export function readItemResult(uri: string, itemText: string, item: TopLevelItem, budgetMs: number): ItemResult {
  const problems = item.problems.map((p) => ({ message: p.message, span: { start: p.span.start - item.span.start, end: p.span.end - item.span.start } }));
  if (item.tooDeep) return unreadResult(itemText, { message: tooDeepMessage('block'), span: { start: item.tooDeep.start - item.span.start, end: item.tooDeep.end - item.span.start } });
  requireTerraformParser();
  // Most items are plain blocks the fast reader reads as tree-sitter would; it leaves the rest to tree-sitter.
  let read = readItemFast(itemText);
  if (!read) {
    const tree = parseTerraformTreeWithin(itemText, budgetMs);
    if (!tree) {
      const firstLine = itemText.search(/[\r\n]/);
      const message = `IAM Atlas stopped reading this block after ${budgetMs} ms: Terraform's parser cannot make sense of it in time.`;
      return unreadResult(itemText, problems[0] ?? { message, span: { start: 0, end: firstLine < 0 ? itemText.length : firstLine } });
    }
    try {
      read = readItem(tree.rootNode, itemText);
    } finally {
      tree.delete();
    }
  }
  const candidates: PolicyCandidate[] = [];
  const links: TerraformFileLink[] = [];
  const jsonErrors: ParseError[] = [];
  const uses: PolicyUse[] = [];
  let holdsPolicies = false;
  let unreadable = read.tooDeep === true;
  for (const block of read.blocks) {
    const found = blockPolicies(block, { uri, text: itemText, problems });
    pushAll(candidates, found.candidates);
    pushAll(links, found.links);
    pushAll(jsonErrors, found.jsonErrors);
    holdsPolicies ||= found.holdsPolicies;
    unreadable ||= found.unreadable;
    pushAll(uses, policyUses(block, blockAddress(block)));
  }
  const problem = problems[0] ?? read.problem;
  const first = read.blocks[0];
  // A block the parser could not read at all is still named by its header line.
  const header = headerOf(itemText);
  const address = (first ? blockAddress(first) : undefined) ?? header.address;
  holdsPolicies ||= header.holdsPolicies;
  return {
    blocks: read.blocks,
    attributes: read.attributes,
    candidates,
    links,
    jsonErrors,
    uses,
    ...(problem ? { problem } : {}),
    holdsPolicies,
    unreadable,
    ...(address ? { address } : {}),
  };
}

/** An item too deep or too slow to read is not parsed at all: only its header line is known. */
function unreadResult(itemText: string, problem: SyntaxProblem): ItemResult {
  const header = headerOf(itemText);
  return {
    blocks: [],
    attributes: [],
    candidates: [],
    links: [],
    jsonErrors: [],
    uses: [],
    problem,
    holdsPolicies: header.holdsPolicies,
    unreadable: true,
    ...(header.address ? { address: header.address } : {}),
  };
}

const BLOCK_HEADER = /^(resource|data|ephemeral)[ \t]+"([^"\n]*)"[ \t]+"([^"\n]*)"/;

function headerOf(itemText: string): { address?: string; holdsPolicies: boolean } {
  const match = BLOCK_HEADER.exec(itemText);
  if (!match) return { holdsPolicies: false };
  const [, type, label, name] = match;
  const address = type === 'resource' ? `${label}.${name}` : `${type}.${label}.${name}`;
  const holdsPolicies = type === 'resource' ? POLICY_ARGUMENTS[label!] !== undefined : type === 'data' && label === 'aws_iam_policy_document';
  return { address, holdsPolicies };
}

/** The item's text, with the opening quote of each unterminated string blanked out for the parser. */
export function maskedText(text: string, item: TopLevelItem): string {
  const slice = text.slice(item.span.start, item.span.end);
  if (item.unterminatedQuotes.length === 0) return slice;
  const chars = slice.split('');
  for (const quote of item.unterminatedQuotes) chars[quote - item.span.start] = ' ';
  return chars.join('');
}

function emptyFile(uri: string, text: string): TerraformFile {
  return { uri, language: 'terraform', text, documents: [], isPolicyFile: false, syntaxErrors: [], blocks: [], attributes: [], uses: [], fileLinks: [], hclProblems: [] };
}
