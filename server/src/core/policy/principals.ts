/**
 * What a principal value names: everyone, an account, a principal of an account, a service, an
 * identity provider. Shared by the trust rules and (later) the trust graph.
 */
import { Member, PrincipalValue, Scalar, Statement, ValueList } from '../model';

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export type AwsPrincipal =
  /** `"*"`: every principal of every account. */
  | { readonly kind: 'everyone' }
  /** `"123456789012"` or `arn:aws:iam::123456789012:root`: the whole account. */
  | { readonly kind: 'account'; readonly accountId: string }
  /** A role, user, assumed-role session or federated user of one account. */
  | {
      readonly kind: 'principal';
      readonly accountId: string;
      readonly arn: string;
      readonly type: 'role' | 'user' | 'assumed-role' | 'federated-user';
      /** The role or user name (for an assumed-role session, the role's). */
      readonly name: string;
      /** The IAM path of a role or user, `/` when none is written. */
      readonly path: string;
    }
  /** Something we cannot read (a unique id such as AROA…, a malformed value). */
  | { readonly kind: 'other' };

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(role|user|assumed-role|federated-user)\/(.+)$/;

export function readAwsPrincipal(value: string): AwsPrincipal {
  if (value === '*') return { kind: 'everyone' };
  if (ACCOUNT_ID.test(value)) return { kind: 'account', accountId: value };
  const root = ROOT_ARN.exec(value);
  if (root) return { kind: 'account', accountId: root[1]! };
  const principal = PRINCIPAL_ARN.exec(value);
  if (!principal) return { kind: 'other' };
  const type = principal[2] as 'role' | 'user' | 'assumed-role' | 'federated-user';
  const rest = principal[3]!;
  if (type === 'assumed-role' || type === 'federated-user') {
    return { kind: 'principal', accountId: principal[1]!, arn: value, type, name: rest.split('/')[0]!, path: '/' };
  }
  const slash = rest.lastIndexOf('/');
  const path = slash >= 0 ? `/${rest.slice(0, slash + 1)}` : '/';
  return { kind: 'principal', accountId: principal[1]!, arn: value, type, name: rest.slice(slash + 1), path };
}

/** One principal value as written, with the member (`AWS`, `Service` …) it sits in. */
export interface PrincipalItem {
  readonly type: string;
  readonly scalar: Scalar;
  /** The `AWS`/`Service`/… entry; for a bare `"*"` principal none, except a policy_document block's. */
  readonly entry?: Member<ValueList>;
}

/**
 * The known string values of a Principal, each with its type; a bare `"*"` has type `*`. Unknown
 * Terraform values are left out: rules never report on them.
 */
export function principalItems(principal: PrincipalValue | undefined): PrincipalItem[] {
  if (!principal) return [];
  if (principal.form === 'wildcard' && principal.scalar) {
    // policy_document's `principals { type = "*" identifiers = ["*"] }` keeps its block as the entry.
    const entry = principal.entries[0];
    return [entry ? { type: '*', scalar: principal.scalar, entry } : { type: '*', scalar: principal.scalar }];
  }
  if (principal.form !== 'map') return [];
  const items: PrincipalItem[] = [];
  for (const entry of principal.entries) {
    for (const scalar of entry.value.items) {
      if (scalar.type === 'string') items.push({ type: entry.key.name, scalar, entry });
    }
  }
  return items;
}

/** Whether a Principal holds a value we cannot evaluate (then a rule cannot tell what it trusts). */
export function principalHasUnknown(principal: PrincipalValue | undefined): boolean {
  if (!principal) return false;
  if (principal.form === 'unknown') return true;
  return principal.entries.some((entry) => entry.value.form === 'unknown' || entry.value.items.some((item) => item.type === 'unknown'));
}

/**
 * The items that let everyone in: a bare `"*"`, `{"AWS": "*"}`, or (in a policy_document block)
 * `principals { type = "*" identifiers = ["*"] }`.
 */
export function everyoneItems(principal: PrincipalValue | undefined): PrincipalItem[] {
  return principalItems(principal).filter((item) => item.scalar.text === '*' && (item.type === '*' || item.type === 'AWS'));
}

/** The statement's effect when it is known and valid: as written, or the syntax's default (policy_document: Allow). */
export function effectOf(statement: Statement): 'Allow' | 'Deny' | undefined {
  const effect = statement.effect?.value;
  if (!effect) return statement.defaultEffect;
  if (effect.type !== 'string') return undefined;
  return effect.text === 'Allow' || effect.text === 'Deny' ? effect.text : undefined;
}

/** An OIDC identity provider a trust policy can name, and the condition keys that bound it. */
export interface OidcProvider {
  readonly kind: 'github' | 'eks' | 'cognito';
  /** Human name for messages. */
  readonly label: string;
  /** The condition key prefix: `token.actions.githubusercontent.com`, `oidc.eks.…/id/…`. */
  readonly host: string;
  /** The key that says who may assume the role: `…:sub`, for Cognito the identity pool `…:aud`. */
  readonly subjectKey: string;
  /** The key that says for whom the token was issued, when it is a separate check. */
  readonly audienceKey?: string;
}

const OIDC_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/(.+)$/;

/** The OIDC provider a `Federated` value names, for the providers the rules know. */
export function oidcProvider(federated: string): OidcProvider | undefined {
  if (federated === 'cognito-identity.amazonaws.com') {
    return { kind: 'cognito', label: 'Amazon Cognito', host: federated, subjectKey: `${federated}:aud` };
  }
  const host = OIDC_ARN.exec(federated)?.[1];
  if (!host) return undefined;
  if (host === 'token.actions.githubusercontent.com' || host.startsWith('token.actions.githubusercontent.com/')) {
    return { kind: 'github', label: 'GitHub Actions', host, subjectKey: `${host}:sub`, audienceKey: `${host}:aud` };
  }
  if (/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/.test(host)) {
    return { kind: 'eks', label: 'Amazon EKS', host, subjectKey: `${host}:sub`, audienceKey: `${host}:aud` };
  }
  return undefined;
}

const SAML_ARN = /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/.+$/;

export function isSamlProvider(federated: string): boolean {
  return SAML_ARN.test(federated);
}
