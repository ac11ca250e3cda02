/** `Principal` / `NotPrincipal`: the principal types, and values for each. */
import { FEDERATED_PRINCIPALS, SERVICE_PRINCIPALS } from '../catalog/service-principals';
import { CursorContext } from '../locate/context';
import { keyEntry, templateSnippet, valueEntry } from './render';
import { CompletionEntry } from './types';

const PRINCIPAL_TYPES: readonly { readonly name: string; readonly description: string }[] = [
  { name: 'AWS', description: 'An AWS account (`123456789012` or `arn:aws:iam::123456789012:root`), IAM role, IAM user, or `*`.' },
  { name: 'Service', description: 'An AWS service principal, such as `lambda.amazonaws.com`.' },
  { name: 'Federated', description: 'A SAML or OIDC identity provider ARN, or a web identity provider such as `cognito-identity.amazonaws.com`.' },
  { name: 'CanonicalUser', description: 'An Amazon S3 canonical user ID (legacy; S3 bucket policies only).' },
];

export function principalTypeEntries(context: CursorContext): CompletionEntry[] {
  const taken = new Set(context.siblingKeys);
  return PRINCIPAL_TYPES.filter((type) => !taken.has(type.name)).map((type, index) =>
    keyEntry(context, {
      label: type.name,
      kind: 'key',
      shape: 'string',
      documentation: type.description,
      sortText: String(index),
      retrigger: type.name !== 'CanonicalUser',
    }),
  );
}

/** ARN templates for `AWS` and `Federated` principals; placeholders named as AWS names them. */
const AWS_TEMPLATES: readonly { readonly template: string; readonly description: string }[] = [
  { template: 'arn:aws:iam::${Account}:root', description: 'A whole AWS account: its identities that an identity policy allows.' },
  { template: 'arn:aws:iam::${Account}:role/${RoleName}', description: 'An IAM role.' },
  { template: 'arn:aws:iam::${Account}:user/${UserName}', description: 'An IAM user.' },
];
const FEDERATED_TEMPLATES: readonly { readonly template: string; readonly description: string }[] = [
  { template: 'arn:aws:iam::${Account}:oidc-provider/${ProviderUrl}', description: 'An IAM OIDC identity provider (GitHub Actions, EKS, …).' },
  { template: 'arn:aws:iam::${Account}:saml-provider/${ProviderName}', description: 'An IAM SAML identity provider.' },
];

export function principalValueEntries(context: CursorContext): CompletionEntry[] {
  switch (context.principalType) {
    case 'Service':
      return SERVICE_PRINCIPALS.map((principal) =>
        valueEntry(context, { label: principal.name, kind: 'principal', documentation: principal.description, sortText: principal.name }),
      );
    case 'AWS':
      return [
        ...templates(context, AWS_TEMPLATES),
        valueEntry(context, { label: '*', kind: 'principal', detail: 'anyone', documentation: 'Every principal, in every account, authenticated or not.', sortText: '9' }),
      ];
    case 'Federated':
      return [
        ...templates(context, FEDERATED_TEMPLATES),
        ...FEDERATED_PRINCIPALS.map((principal) =>
          valueEntry(context, { label: principal.name, kind: 'principal', documentation: principal.description, sortText: `1${principal.name}` }),
        ),
      ];
    default:
      return [];
  }
}

function templates(context: CursorContext, rows: readonly { readonly template: string; readonly description: string }[]): CompletionEntry[] {
  return rows.map((row, index) =>
    valueEntry(context, {
      label: row.template,
      kind: 'arn',
      documentation: row.description,
      sortText: `0${index}`,
      snippetBody: templateSnippet(row.template),
    }),
  );
}
