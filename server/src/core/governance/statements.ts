import { PolicyDocument, Statement } from '../model';

/**
 * A statement's effect when it is known and valid. A policy_document block's statement without
 * `effect` is an Allow: Terraform's default.
 */
export function effectOfStatement(document: PolicyDocument, statement: Statement): 'Allow' | 'Deny' | undefined {
  const effect = statement.effect?.value;
  if (!effect) return document.syntax === 'policy-document' ? 'Allow' : undefined;
  if (effect.type !== 'string') return undefined;
  return effect.text === 'Allow' || effect.text === 'Deny' ? effect.text : undefined;
}
