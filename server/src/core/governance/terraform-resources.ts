/**
 * Reading the Terraform resources the governance rules are about: finding a resource block again from
 * a fact's span, where to point at it, and its tags (with the provider's `default_tags`).
 */
import { Span } from '../model';
import { TerraformFile, isTerraformFile } from '../parse/terraform';
import { TfBlock, TfExpression, attributeOf, blocksOf } from '../parse/terraform-syntax';
import { literalString } from '../parse/terraform-values';
import { WorkspaceContext, WorkspaceFile } from '../rules/workspace-context';

/** The top-level `resource` blocks of a type. */
export function resourcesOf(file: TerraformFile, type: string): TfBlock[] {
  return file.blocks.filter((block) => block.type === 'resource' && block.labels.length === 2 && block.labels[0]!.value === type);
}

/** The resource block a fact was read from (facts keep the block's span). */
export function blockAt(workspace: WorkspaceContext, uri: string, span: Span): { file: TerraformFile; block: TfBlock } | undefined {
  const file = workspace.file(uri)?.file;
  if (!file || !isTerraformFile(file)) return undefined;
  const block = file.blocks.find((candidate) => candidate.span.start === span.start && candidate.span.end === span.end);
  return block ? { file, block } : undefined;
}

/** `aws_iam_role.deploy`. */
export function resourceAddress(block: TfBlock): string {
  return block.labels.map((label) => label.value).join('.');
}

/** Where a finding about a whole resource points: its name label (`"deploy"` of `resource "aws_iam_role" "deploy"`). */
export function resourceAnchor(block: TfBlock): Span {
  return (block.labels[1] ?? block.labels[0])?.span ?? block.typeSpan;
}

/** How a resource names the thing it is about, for messages: its literal name, else its address. */
export function describeResource(block: TfBlock): string {
  const name = literalString(attributeOf(block, 'name')?.value);
  return name !== undefined ? `"${name}"` : resourceAddress(block);
}

/**
 * The keys of a tags map: known when written as an object whose keys are literal, `unknown` when
 * the map (or one of its keys) is an expression only Terraform knows (`var.tags`, `merge(...)`).
 */
export function tagKeys(expression: TfExpression | undefined): string[] | 'unknown' {
  if (!expression) return [];
  if (expression.kind !== 'object') return 'unknown';
  const keys: string[] = [];
  for (const entry of expression.entries) {
    if (entry.key.name === undefined) return 'unknown';
    // A value that is an empty literal string names nobody.
    if (entry.value.kind === 'string' && entry.value.value.trim() === '') continue;
    keys.push(entry.key.name);
  }
  return keys;
}

/** The folder part of a relative path (`` at the root). */
export function folderOfPath(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}

/** The provider alias a resource uses (`provider = aws.prod`), undefined for the default provider. */
export function providerAlias(block: TfBlock): string | undefined {
  const provider = attributeOf(block, 'provider')?.value;
  return provider?.kind === 'reference' && provider.path[0] === 'aws' ? provider.path[1] : undefined;
}

/**
 * The tag keys the AWS provider of a module folder adds to every resource (`default_tags`), for the
 * default provider or an alias: none when no provider says, `unknown` when it is an expression.
 */
export function defaultTagKeys(folderFiles: readonly WorkspaceFile[], alias: string | undefined): string[] | 'unknown' {
  const keys: string[] = [];
  for (const { file } of folderFiles) {
    if (!isTerraformFile(file)) continue;
    for (const block of file.blocks) {
      if (block.type !== 'provider' || block.labels[0]?.value !== 'aws') continue;
      if ((literalString(attributeOf(block, 'alias')?.value) ?? undefined) !== alias) continue;
      for (const defaults of blocksOf(block, 'default_tags')) {
        const found = tagKeys(attributeOf(defaults, 'tags')?.value);
        if (found === 'unknown') return 'unknown';
        keys.push(...found);
      }
    }
  }
  return keys;
}

/** The files of each folder, by folder. */
export function filesByFolder(workspace: WorkspaceContext): Map<string, WorkspaceFile[]> {
  const folders = new Map<string, WorkspaceFile[]>();
  for (const file of workspace.files) {
    const folder = folderOfPath(file.relativePath);
    const list = folders.get(folder);
    if (list) list.push(file);
    else folders.set(folder, [file]);
  }
  return folders;
}
