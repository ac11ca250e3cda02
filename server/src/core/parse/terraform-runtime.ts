/**
 * Loads the Terraform grammar once per process. web-tree-sitter starts asynchronously (it compiles
 * WebAssembly), so the language server and the CLI await `initTerraform()` at start; parsing stays
 * synchronous afterwards.
 *
 * Both .wasm files are read from disk and handed over as bytes, so web-tree-sitter never looks for
 * them itself (its own lookup is relative to its module, which a bundle moves): beside the running
 * bundle in `tree-sitter/` (dist/, as shipped), else in node_modules (tests on out/).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as TreeSitter from 'web-tree-sitter';

export type TerraformTree = TreeSitter.Tree;
export type TerraformNode = TreeSitter.Node;

export type TerraformParserStatus = 'not-started' | 'loading' | 'ready' | 'failed';

/** The folder, beside the bundles, that the build copies both .wasm files into. */
export const WASM_FOLDER = 'tree-sitter';
export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

let status: TerraformParserStatus = 'not-started';
let loading: Promise<void> | undefined;
let parser: TreeSitter.Parser | undefined;
let failure: Error | undefined;

/**
 * Starts the Terraform parser; resolves when .tf files can be parsed. Safe to call many times. When
 * it rejects, .tf files are left unanalysed (parse returns them as non-policy files) and the caller
 * reports the reason once.
 */
export function initTerraform(): Promise<void> {
  loading ??= load();
  return loading;
}

async function load(): Promise<void> {
  status = 'loading';
  try {
    const files = locateTerraformWasm();
    await TreeSitter.Parser.init({ wasmBinary: readFileSync(files.runtime) } as object);
    const language = await TreeSitter.Language.load(new Uint8Array(readFileSync(files.grammar)));
    const created = new TreeSitter.Parser();
    created.setLanguage(language);
    parser = created;
    status = 'ready';
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    status = 'failed';
    throw failure;
  }
}

export function terraformParserStatus(): TerraformParserStatus {
  return status;
}

/** Throws, as parsing would, unless the parser is ready: readers that can do without it must not hide the caller's mistake. */
export function requireTerraformParser(): void {
  if (!parser) throwNotReady();
}

function throwNotReady(): never {
  throw new Error(`The Terraform parser is ${status}: await initTerraform() before parsing .tf files.`);
}

/** Why `initTerraform()` failed, when it did. */
export function terraformParserFailure(): Error | undefined {
  return failure;
}

/**
 * Parses HCL text. Throws when called before `initTerraform()` resolved: that is a mistake in the
 * caller, and it must show in development (the language server catches it per document and logs it).
 */
export function parseTerraformTree(text: string): TerraformTree {
  const tree = parseTerraformTreeWithin(text, Infinity);
  if (!tree) throw new Error('The Terraform parser returned no tree.');
  return tree;
}

/**
 * Parses HCL text, giving up after `budgetMs` milliseconds (undefined then). tree-sitter's error
 * recovery is quadratic on some broken text (`x =` followed by thousands of blank lines takes
 * 15 s for 40,000 of them); its progress callback, called every few milliseconds, stops it.
 */
export function parseTerraformTreeWithin(text: string, budgetMs: number): TerraformTree | undefined {
  if (!parser) throwNotReady();
  const deadline = performance.now() + budgetMs;
  const options = Number.isFinite(budgetMs) ? { progressCallback: () => performance.now() > deadline } : undefined;
  const tree = parser.parse((index: number) => chunkAt(text, index), null, options);
  if (tree) return tree;
  // A cancelled parse would otherwise resume on the next call, whatever text that is for.
  parser.reset();
  return undefined;
}

/**
 * The text from `index`, a chunk at a time: given the whole string, web-tree-sitter copies the rest
 * of it at every request, and error recovery makes tens of thousands of requests on a large item.
 * web-tree-sitter's buffer holds 5,119 UTF-16 units; a chunk never ends between the two halves of a
 * surrogate pair.
 */
function chunkAt(text: string, index: number): string {
  let end = Math.min(text.length, index + 4096);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
  return text.slice(index, end);
}

export interface TerraformWasmFiles {
  readonly runtime: string;
  readonly grammar: string;
}

/** Where the two .wasm files are: shipped beside the bundle, else in node_modules. */
export function locateTerraformWasm(): TerraformWasmFiles {
  const shipped = path.join(__dirname, WASM_FOLDER);
  const candidates: TerraformWasmFiles[] = [{ runtime: path.join(shipped, RUNTIME_WASM), grammar: path.join(shipped, GRAMMAR_WASM) }];
  try {
    candidates.push({
      runtime: require.resolve(`web-tree-sitter/${RUNTIME_WASM}`),
      grammar: path.join(path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), GRAMMAR_WASM),
    });
  } catch {
    // not installed: only the shipped copies can serve
  }
  const found = candidates.find((files) => existsSync(files.runtime) && existsSync(files.grammar));
  if (!found) {
    const looked = candidates.map((files) => `${files.runtime} and ${files.grammar}`).join('; ');
    throw new Error(`Terraform grammar not found (looked for ${looked})`);
  }
  return found;
}
