/** Reading the principals and ARNs that trust and identity policies name. */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the account: `role/path/name`, `root`, `oidc-provider/host`. */
  readonly resource: string;
}

export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** What an `AWS` principal value names. */
export type AwsPrincipal =
  | { readonly kind: 'anyone' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'role' | 'user'; readonly accountId: string; readonly name: string; readonly path: string; readonly arn: string }
  | { readonly kind: 'other'; readonly text: string };

const ACCOUNT_ID = /^\d{12}$/;

export function readAwsPrincipal(value: string): AwsPrincipal {
  if (value === '*') return { kind: 'anyone' };
  if (ACCOUNT_ID.test(value)) return { kind: 'account', accountId: value };
  const arn = parseArn(value);
  if (!arn || !ACCOUNT_ID.test(arn.account)) return { kind: 'other', text: value };
  if (arn.service === 'iam' && arn.resource === 'root') return { kind: 'account', accountId: arn.account };
  if (arn.service === 'iam') {
    const slash = arn.resource.indexOf('/');
    const type = arn.resource.slice(0, slash);
    if ((type === 'role' || type === 'user') && slash > 0) {
      const rest = arn.resource.slice(slash + 1);
      const last = rest.lastIndexOf('/');
      const name = rest.slice(last + 1);
      const path = last >= 0 ? `/${rest.slice(0, last + 1)}` : '/';
      return { kind: type, accountId: arn.account, name, path, arn: value };
    }
  }
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
    const name = arn.resource.split('/')[1] ?? '';
    return { kind: 'role', accountId: arn.account, name, path: '/', arn: `arn:${arn.partition}:iam::${arn.account}:role/${name}` };
  }
  return { kind: 'other', text: value };
}

/** What a `Federated` principal value names. */
export type FederatedPrincipal =
  | { readonly kind: 'oidc'; readonly name: string; readonly accountId?: string }
  | { readonly kind: 'saml'; readonly name: string; readonly accountId?: string };

export function readFederatedPrincipal(value: string): FederatedPrincipal {
  const arn = parseArn(value);
  if (arn && arn.service === 'iam') {
    if (arn.resource.startsWith('oidc-provider/')) return { kind: 'oidc', name: arn.resource.slice('oidc-provider/'.length), accountId: arn.account };
    if (arn.resource.startsWith('saml-provider/')) return { kind: 'saml', name: arn.resource.slice('saml-provider/'.length), accountId: arn.account };
  }
  // Bare identity-provider names: cognito-identity.amazonaws.com, accounts.google.com, www.amazon.com, graph.facebook.com
  return { kind: 'oidc', name: value };
}

export function roleArn(accountId: string, name: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:role${path.endsWith('/') ? path : path + '/'}${name}`;
}

export function userArn(accountId: string, name: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:user${path.endsWith('/') ? path : path + '/'}${name}`;
}
