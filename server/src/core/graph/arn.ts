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
