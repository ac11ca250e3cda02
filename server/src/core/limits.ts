/**
 * Which texts are not analysed at all, and how to say so: files over the size limit, and binary
 * files. The language server and the CLI apply the same rules (the CLI to the bytes on disk, the
 * server to the editor's text).
 */

/** The default of `iamAtlas.maxFileSize` and of the CLI's `--max-file-size`. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** A NUL in this many first characters (or bytes, on disk) makes a file binary, as git decides. */
export const BINARY_PROBE_LENGTH = 8192;

export type SkipReason =
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'binary' };

/** Why the text is not analysed, or undefined when it is. */
export function skipReason(text: string, maxBytes: number): SkipReason | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return { kind: 'too-large', bytes, limit: maxBytes };
  if (text.slice(0, BINARY_PROBE_LENGTH).includes('\u0000')) return { kind: 'binary' };
  return undefined;
}

/** "it is 3.1 MB, over the limit of 2 MB" / "it holds a NUL character, so it is read as a binary file". */
export function describeSkip(reason: SkipReason): string {
  return reason.kind === 'too-large'
    ? `it is ${formatBytes(reason.bytes)}, over the limit of ${formatBytes(reason.limit)}`
    : `it holds a NUL character in its first ${formatBytes(BINARY_PROBE_LENGTH)}, so it is read as a binary file`;
}

/**
 * Whether text not analysed still looks like it holds IAM policies, so the editor says why it
 * shows no findings. A cheap look at the words, not a parse: the text may be megabytes long.
 */
export function looksLikePolicyText(text: string, language: 'json' | 'terraform'): boolean {
  return language === 'json'
    ? /"(?:Statement|Version)"\s*:/i.test(text)
    : /\b(?:aws_iam_policy_document|assume_role_policy|aws_iam_(?:role_)?policy|aws_organizations_policy)\b/.test(text);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
