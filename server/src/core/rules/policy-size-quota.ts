import { PolicyDocument } from '../model';
import { policySize } from '../policy/size';
import { documentAnchor } from './support';
import { DocumentRule } from './types';

interface Quota {
  readonly limit: number;
  /** What the quota is for, in a sentence. */
  readonly what: string;
  /** The most the quota can be raised to (role trust policies). */
  readonly raisableTo?: number;
  /** AWS Organizations counts whitespace when a policy is sent as written. */
  readonly countsWrittenWhitespace?: boolean;
}

/** Terraform resources whose policy is inline, with the quota for all inline policies of the identity. */
const INLINE: readonly [RegExp, Quota][] = [
  [/^aws_iam_role_policy\./, { limit: 10240, what: 'the inline policies of a role (all of them together)' }],
  [/^aws_iam_group_policy\./, { limit: 5120, what: 'the inline policies of a group (all of them together)' }],
  [/^aws_iam_user_policy\./, { limit: 2048, what: 'the inline policies of a user (all of them together)' }],
];

function quotaOf(document: PolicyDocument): Quota | undefined {
  switch (document.kind) {
    case 'scp':
      return { limit: 5120, what: 'a service control policy', countsWrittenWhitespace: true };
    case 'rcp':
      return { limit: 5120, what: 'a resource control policy', countsWrittenWhitespace: true };
    case 'trust':
      return { limit: 2048, raisableTo: 4096, what: 'a role trust policy' };
    case 'session':
      return { limit: 2048, what: 'a session policy' };
    case 'boundary':
      return { limit: 6144, what: 'a managed policy (a permissions boundary is one)' };
    case 'identity': {
      const address = document.origin.address ?? '';
      return INLINE.find(([pattern]) => pattern.test(address))?.[1] ?? { limit: 6144, what: 'a managed policy' };
    }
    default:
      return undefined;
  }
}

const n = (value: number): string => value.toLocaleString('en-US');

export const policySizeQuota: DocumentRule = {
  id: 'IAM403',
  name: 'policy-size-quota',
  severity: 'error',
  kinds: ['identity', 'trust', 'scp', 'rcp', 'boundary', 'session'],
  category: 'organization',
  summary: 'The policy is longer than AWS accepts: SCP and RCP 5,120 characters, managed policy 6,144, role trust policy 2,048 (4,096 when raised), inline policies by identity.',
  fixable: false,
  scope: 'document',
  check(document, { text }) {
    const quota = quotaOf(document);
    const size = quota && policySize(text, document);
    if (!quota || !size) return [];
    const span = documentAnchor(document);
    const hardLimit = quota.raisableTo ?? quota.limit;
    if (size.packed > hardLimit) {
      return [
        {
          span,
          message: `The policy is ${n(size.packed)} characters without whitespace, over the ${n(hardLimit)} AWS accepts for ${quota.what}${quota.raisableTo ? ' even with the quota raised' : ''}. Split it into several policies, or shorten it (fewer statements, wildcards such as s3:Get*).`,
        },
      ];
    }
    if (size.packed > quota.limit) {
      return [
        {
          span,
          severity: 'warning',
          message: `The policy is ${n(size.packed)} characters without whitespace, over the default quota of ${n(quota.limit)} for ${quota.what}: AWS rejects it unless the account's quota was raised (up to ${n(hardLimit)}, in Service Quotas). Shorten it, or raise the quota.`,
        },
      ];
    }
    if (quota.countsWrittenWhitespace && size.written !== undefined && size.written > quota.limit) {
      return [
        {
          span,
          severity: 'warning',
          message: `The policy is ${n(size.written)} characters as written (${n(size.packed)} without whitespace), over the ${n(quota.limit)} AWS Organizations accepts when the AWS CLI or an SDK sends it as written (the console removes the whitespace). Send it minified, or shorten it.`,
        },
      ];
    }
    return [];
  },
};
