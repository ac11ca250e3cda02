/**
 * Condition key lookup across every place a key can come from: the global `aws:` keys, a service's
 * own keys, keys AWS documents under another service (`saml:aud`, GitHub's OIDC keys under sts),
 * and the keys of any OIDC identity provider (`oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub`),
 * which no list can hold.
 */
import { Catalog, ConditionKeyInfo, hasVariablePart } from './catalog';
import { GLOBAL_CONDITION_KEYS, GlobalConditionKey, globalConditionKey } from './global-keys';

export type ConditionKeyLookup =
  | { readonly status: 'known'; readonly info: ConditionKeyInfo; readonly global: boolean }
  /** A key of an OIDC identity provider, named by its host: any such key may exist. */
  | { readonly status: 'provider'; readonly provider: string }
  | { readonly status: 'unknown'; readonly reason: 'unknown-key' | 'unknown-prefix'; readonly prefix: string };

export function lookupConditionKey(catalog: Catalog, name: string): ConditionKeyLookup {
  // The prefix ends at the first colon: tag keys after a slash may hold colons themselves
  // (`aws:ResourceTag/aws:cloudformation:stack-name`).
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  if (!prefix) return { status: 'unknown', reason: 'unknown-prefix', prefix };
  if (prefix.toLowerCase() === 'aws') {
    const info = globalConditionKey(name);
    return info ? { status: 'known', info, global: true } : { status: 'unknown', reason: 'unknown-key', prefix };
  }
  const servicePrefix = prefix;
  if (catalog.hasService(servicePrefix)) {
    const info = catalog.serviceConditionKey(name);
    if (info) return { status: 'known', info, global: false };
  }
  const elsewhere = catalog.documentedElsewhereKey(name);
  if (elsewhere) return { status: 'known', info: elsewhere, global: false };
  if (catalog.hasService(servicePrefix)) return { status: 'unknown', reason: 'unknown-key', prefix: servicePrefix };
  // An identity provider is named by its URL without the scheme: a host, perhaps with a path.
  if (/[./]/.test(prefix)) return { status: 'provider', provider: prefix };
  return { status: 'unknown', reason: 'unknown-prefix', prefix };
}

/** The global keys, for completion. */
export function globalConditionKeys(): readonly GlobalConditionKey[] {
  return GLOBAL_CONDITION_KEYS;
}

/** Names a misspelt key could have meant: the global keys, or the keys of its service. */
export function conditionKeyCandidates(catalog: Catalog, prefix: string): string[] {
  const fixed = (keys: readonly ConditionKeyInfo[]): string[] => keys.map((k) => k.key).filter((k) => !hasVariablePart(k));
  if (prefix.toLowerCase() === 'aws') return fixed(GLOBAL_CONDITION_KEYS);
  return fixed(catalog.conditionKeys(prefix));
}
