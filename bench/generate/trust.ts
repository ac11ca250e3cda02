/** Role trust statements of every shape the trust graph reads, from a description of who is trusted. */
import { StatementJson } from './policy';

export type TrustSpec =
  /** A named role, in the same account or another one; optionally bounded to the organisation. */
  | { readonly kind: 'role'; readonly principalArn: string; readonly organizationId?: string }
  /** A whole account (`arn:aws:iam::ID:root`): its principals need an identity grant as well. */
  | { readonly kind: 'account-root'; readonly accountId: string; readonly organizationId?: string }
  /** An AWS service, bounded to the role's own account. */
  | { readonly kind: 'service'; readonly service: string; readonly sourceAccount: string }
  /** GitHub Actions through the account's OIDC provider, bounded to one repository. */
  | { readonly kind: 'github-oidc'; readonly accountId: string; readonly repository: string }
  /** A SAML identity provider of the account. */
  | { readonly kind: 'saml'; readonly accountId: string; readonly provider: string }
  /** An account outside the organisation (a vendor), with an external ID. */
  | { readonly kind: 'external'; readonly accountId: string; readonly externalId: string };

export type TrustKind = TrustSpec['kind'];

export function trustStatement(spec: TrustSpec, sid: string): StatementJson {
  switch (spec.kind) {
    case 'role':
      return withOrgCondition({ Sid: sid, Effect: 'Allow', Principal: { AWS: spec.principalArn }, Action: 'sts:AssumeRole' }, spec.organizationId);
    case 'account-root':
      return withOrgCondition(
        { Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${spec.accountId}:root` }, Action: 'sts:AssumeRole' },
        spec.organizationId,
      );
    case 'service':
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: spec.service },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': spec.sourceAccount } },
      };
    case 'github-oidc':
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${spec.accountId}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': `repo:${spec.repository}:ref:refs/heads/main` },
        },
      };
    case 'saml':
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${spec.accountId}:saml-provider/${spec.provider}` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      };
    case 'external':
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${spec.accountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': spec.externalId } },
      };
  }
}

function withOrgCondition(statement: StatementJson, organizationId: string | undefined): StatementJson {
  return organizationId ? { ...statement, Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } } } : statement;
}
