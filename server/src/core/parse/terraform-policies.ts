/**
 * Finds the policy documents of one top-level block: the policy arguments of resources, the
 * `aws_iam_policy_document` data sources, and local values holding a policy. Each comes out with a
 * key that names it across edits (for reusing its last readable version) and the address its kind is
 * resolved by, when another argument of the module decides it.
 */
import { ParseError, PolicyDocument, PolicyKind, Span } from '../model';
import { embeddedJsonDocument } from './terraform-embedded-json';
import { jsonencodeDocument, jsonencodedObject, looksLikePolicyObject } from './terraform-jsonencode';
import { policyArguments } from './terraform-kinds';
import { isPolicyDocumentBlock, policyDocumentFromBlock } from './terraform-policy-document';
import { SyntaxProblem } from './terraform-split';
import { TfBlock, TfExpression, blockAddress } from './terraform-syntax';
import { literalString, unescapeQuoted } from './terraform-values';
import { pushAll } from '../text/push-all';

export interface PolicyCandidate {
  /** Stable across edits: `aws_iam_role.x#assume_role_policy`, `data.aws_iam_policy_document.y`, `local.z`. */
  readonly key: string;
  /** The top-level block's address. */
  readonly address: string;
  readonly document: PolicyDocument;
  /** The policy source whose resolved kind, if any, replaces the document's own (data sources, locals, managed policies used as boundaries). */
  readonly source?: string;
  /** Its text could not be read cleanly: its last readable version is used instead, or it is left out. */
  readonly broken: boolean;
}

/** A policy read from a file: `policy = file("${path.module}/policies/read.json")`. */
export interface TerraformFileLink {
  /** The `file(...)` call. */
  readonly span: Span;
  readonly address: string;
  readonly argument: string;
  readonly kind: PolicyKind;
  /** The path as Terraform reads it relative to the module folder, when it is known (`${path.module}/` removed). */
  readonly relativePath?: string;
}

export interface BlockPolicies {
  readonly candidates: PolicyCandidate[];
  readonly links: TerraformFileLink[];
  /** A policy argument holding text that is not a JSON object. */
  readonly jsonErrors: ParseError[];
  /** Whether the block is one that holds policies (its syntax errors are worth reporting). */
  readonly holdsPolicies: boolean;
  /** A policy argument is there but too broken to yield a document at all. */
  readonly unreadable: boolean;
}

export interface ExtractOptions {
  readonly uri: string;
  /** The text the blocks' spans point into. */
  readonly text: string;
  /** Syntax problems the lexer found in this text. */
  readonly problems: readonly SyntaxProblem[];
}

export function blockPolicies(block: TfBlock, options: ExtractOptions): BlockPolicies {
  const result: { -readonly [K in keyof BlockPolicies]: BlockPolicies[K] } = { candidates: [], links: [], jsonErrors: [], holdsPolicies: false, unreadable: false };
  const address = blockAddress(block);
  const broken = (span: Span, hasErrors: boolean): boolean => hasErrors || options.problems.some((p) => p.span.start >= span.start && p.span.start < span.end);

  if (block.type === 'locals') {
    for (const attribute of block.attributes) {
      const local = `local.${attribute.name}`;
      const document = expressionDocument(attribute.value, { ...options, expected: false, origin: { address: local, kindReason: 'content' } });
      if (!document || document.status !== 'document') continue;
      result.candidates.push({ key: local, address: local, document: document.document, source: local, broken: broken(attribute.span, attribute.hasErrors) });
      result.holdsPolicies = true;
    }
    return result;
  }
  if (!address) return result;

  if (isPolicyDocumentBlock(block)) {
    const document = policyDocumentFromBlock(block, { uri: options.uri, text: options.text, origin: { address, kindReason: 'content' } });
    const childBroken = block.blocks.some((b) => b.hasErrors) || block.attributes.some((a) => a.hasErrors);
    result.candidates.push({ key: address, address, document, source: address, broken: broken(block.bodySpan, childBroken) });
    result.holdsPolicies = true;
    return result;
  }

  const resourceType = block.type === 'resource' ? block.labels[0]?.value : undefined;
  for (const { argument, kind } of policyArguments(block)) {
    result.holdsPolicies = true;
    const [nested, name] = argument.includes('.') ? argument.split('.') : [undefined, argument];
    const holders = nested ? block.blocks.filter((b) => b.type === nested) : [block];
    holders.forEach((holder, index) => {
      const attribute = holder.attributes.find((a) => a.name === name);
      if (!attribute) return;
      const key = nested ? `${address}#${nested}[${index}].${name}` : `${address}#${argument}`;
      const origin = { address, argument, kindReason: 'terraform' as const };
      const link = fileLink(attribute.value, options.text);
      if (link) {
        result.links.push({ span: attribute.value.span, address, argument, kind, ...(link.relativePath !== undefined ? { relativePath: link.relativePath } : {}) });
        return;
      }
      const found = expressionDocument(attribute.value, { ...options, expected: true, kind, origin });
      const isBroken = broken(attribute.span, attribute.hasErrors);
      if (isBroken && found?.status !== 'document') result.unreadable = true;
      if (!found) return;
      if (found.status === 'none') {
        pushAll(result.jsonErrors, found.errors);
        return;
      }
      if (found.status !== 'document') return;
      // A managed policy may turn out to be a permissions boundary: a role's permissions_boundary decides.
      const source = resourceType === 'aws_iam_policy' ? address : undefined;
      result.candidates.push({ key, address, document: found.document, ...(source ? { source } : {}), broken: isBroken });
    });
  }
  return result;
}

type ExpressionDocument = ReturnType<typeof embeddedJsonDocument> | undefined;

/** The document an argument's value holds when it is written in place: jsonencode, a heredoc or a string. */
function expressionDocument(
  expression: TfExpression,
  options: ExtractOptions & { readonly expected: boolean; readonly kind?: PolicyKind; readonly origin: PolicyDocument['origin'] },
): ExpressionDocument {
  const object = jsonencodedObject(expression);
  if (object) {
    if (!options.expected && !looksLikePolicyObject(object)) return undefined;
    return { status: 'document', document: jsonencodeDocument(object, { uri: options.uri, text: options.text, kind: options.kind, origin: options.origin }) };
  }
  if (expression.kind === 'string' || expression.kind === 'template') {
    return embeddedJsonDocument(expression, { uri: options.uri, text: options.text, kind: options.kind, origin: options.origin, expected: options.expected });
  }
  return undefined;
}

/** `file("x.json")`, `file("${path.module}/x.json")`: the path relative to the module, when it can be told. */
function fileLink(expression: TfExpression, text: string): { relativePath?: string } | undefined {
  if (expression.kind !== 'call' || expression.name !== 'file' || expression.args.length !== 1) return undefined;
  const [argument] = expression.args;
  const literal = literalString(argument);
  if (literal !== undefined) return { relativePath: literal };
  if (argument?.kind !== 'template' || argument.quoting !== 'quoted' || argument.directives.length) return {};
  // Only `${path.module}` (or path.root / path.cwd: the same folder for a root module) can be resolved.
  const modulePath = argument.interpolations.every(
    (i) => i.expression?.kind === 'reference' && i.expression.path.length === 2 && i.expression.path[0] === 'path' && ['module', 'root', 'cwd'].includes(i.expression.path[1]!),
  );
  if (!modulePath) return {};
  let relativePath = '';
  let at = argument.content.start;
  for (const interpolation of argument.interpolations) {
    relativePath += unescapeQuoted(text.slice(at, interpolation.span.start)).value + '.';
    at = interpolation.span.end;
  }
  return { relativePath: relativePath + unescapeQuoted(text.slice(at, argument.content.end)).value };
}
