/** One entry point: parse(uri, text) for every language IAM Atlas reads. */
import { ParsedFile, SourceLanguage } from '../model';
import { buildPolicyFromJson, looksLikePolicy, parseJsonTree } from './json';
import { DEFAULT_POLICY_KIND_GLOBS, PolicyKindGlobs, kindFromPath } from './kind';
import { TerraformModuleContext, TerraformParseState, parseTerraformFile } from './terraform';

export interface ParseOptions {
  /** Glob → kind (the `iamAtlas.policyKinds` setting); matched against `path`. */
  readonly policyKinds?: PolicyKindGlobs;
  /** The file's path with forward slashes, for glob matching; defaults to the URI's path. */
  readonly path?: string;
  /** The editor's language id, when there is one; else the file extension decides. */
  readonly languageId?: string;
  /** Terraform: the document's memory between versions, for incremental re-parsing (the language server keeps one per open document). */
  readonly terraformState?: TerraformParseState;
  /** Terraform: what the other .tf files of the file's folder say (which arguments use which policy sources). */
  readonly terraformModule?: TerraformModuleContext;
}

export function languageOf(uri: string, languageId?: string): SourceLanguage | undefined {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'terraform') return 'terraform';
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (path.endsWith('.json') || path.endsWith('.jsonc')) return 'json';
  if (path.endsWith('.tf')) return 'terraform';
  return undefined;
}

export function pathOfUri(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri.slice('file://'.length);
  }
}

export function parse(uri: string, text: string, options: ParseOptions = {}): ParsedFile {
  const language = languageOf(uri, options.languageId);
  if (language === 'json') return parseJsonFile(uri, text, options);
  if (language === 'terraform') {
    return parseTerraformFile(uri, text, { path: options.path ?? pathOfUri(uri), state: options.terraformState, module: options.terraformModule });
  }
  return { uri, language: language ?? 'json', text, documents: [], isPolicyFile: false, syntaxErrors: [] };
}

function parseJsonFile(uri: string, text: string, options: ParseOptions): ParsedFile {
  const path = options.path ?? pathOfUri(uri);
  // A JSON file a Terraform argument reads with file() has that argument's kind.
  const link = options.terraformModule?.linkTo?.(path);
  const globKind = link ? undefined : kindFromPath(path, options.policyKinds ?? DEFAULT_POLICY_KIND_GLOBS);
  const { root, errors, tooDeep } = parseJsonTree(text);
  // A file counts as a policy when its content says so, or when a policy-kind glob names it and it
  // has something in it: an empty scratch file in an scps/ folder is not worth an error yet.
  const isPolicyFile = (tooDeep ? tooDeep.looksLikePolicy : looksLikePolicy(root)) || ((globKind !== undefined || link !== undefined) && text.trim().length > 0);
  if (!isPolicyFile) {
    return { uri, language: 'json', text, documents: [], isPolicyFile: false, syntaxErrors: [] };
  }
  if (tooDeep) return { uri, language: 'json', text, documents: [], isPolicyFile: true, syntaxErrors: errors };
  if (!root || root.type !== 'object') {
    const syntaxErrors = errors.length
      ? errors
      : [{ message: 'An IAM policy must be a JSON object: { "Version": "2012-10-17", "Statement": [...] }.', span: { start: 0, end: text.length } }];
    return { uri, language: 'json', text, documents: [], isPolicyFile: true, syntaxErrors };
  }
  const document = buildPolicyFromJson(root, {
    uri,
    kind: link?.kind ?? globKind,
    origin: link
      ? { kindReason: 'terraform', usedBy: { address: link.address, argument: link.argument } }
      : { kindReason: globKind ? 'glob' : 'content' },
    syntaxErrors: errors,
  });
  return { uri, language: 'json', text, documents: [document], isPolicyFile: true, syntaxErrors: [] };
}
