/** Replaces a principal value that lets everyone in, in the syntax of its document. */
import { TextEdit } from '../findings';
import { Member, PolicyDocument, PrincipalValue } from '../model';
import { PrincipalItem } from '../policy/principals';
import { renameKey, replaceString, replaceValue } from './members';

/**
 * Edits that turn one `"*"` principal into `{"AWS": arn}`:
 * - a bare `"Principal": "*"` (JSON, jsonencode) becomes an `AWS` map;
 * - an `AWS` entry's `"*"` item becomes the ARN, its siblings untouched;
 * - a policy_document `principals { type = "*" identifiers = ["*"] }` gets type `"AWS"` and the ARN.
 */
export function replaceEveryone(text: string, document: PolicyDocument, principal: Member<PrincipalValue>, item: PrincipalItem, arn: string): TextEdit[] | undefined {
  if (item.type === 'AWS') return [replaceString(item.scalar, arn, document.syntax)];
  if (item.type !== '*') return undefined;
  if (document.syntax === 'policy-document') {
    if (!item.entry) return undefined;
    return [renameKey(text, item.entry.key, 'AWS'), replaceString(item.scalar, arn, document.syntax)];
  }
  return [replaceValue(text, principal.value.span, { AWS: arn }, document.syntax)];
}
