import { isTerraformFile } from '../parse/terraform';
import { TfBlock, attributeOf } from '../parse/terraform-syntax';
import { literalString, referenceText, referencesIn } from '../parse/terraform-values';
import { resourcesOf } from '../governance/terraform-resources';
import { FileRule, Report } from './types';

const CREDENTIALS: readonly { type: string; what: string }[] = [
  { type: 'aws_iam_access_key', what: 'an access key' },
  { type: 'aws_iam_user_login_profile', what: 'a console password' },
];

export const longLivedCredentials: FileRule = {
  id: 'IAM501',
  name: 'long-lived-credentials',
  severity: 'warning',
  kinds: [],
  category: 'governance',
  summary: 'Terraform creates an IAM user access key (aws_iam_access_key) or console password (aws_iam_user_login_profile): long-lived credentials people and pipelines should not need.',
  fixable: false,
  scope: 'file',
  readsEveryFile: true,
  checkFile(file) {
    if (!isTerraformFile(file)) return [];
    const reports: Report[] = [];
    for (const { type, what } of CREDENTIALS) {
      for (const block of resourcesOf(file, type)) {
        reports.push({
          span: block.labels[0]!.span,
          message: `${type}.${block.labels[1]!.value} creates ${what} for ${userOf(block)}: it does not expire and works from anywhere until someone revokes it. Let people sign in through IAM Identity Center or federation, and workloads assume roles (OIDC for CI); remove the ${type}.`,
        });
      }
    }
    return reports;
  },
};

/** `the IAM user "ci"`, `the IAM user aws_iam_user.ci`, or `an IAM user` when the code does not say. */
function userOf(block: TfBlock): string {
  const user = attributeOf(block, 'user')?.value;
  const name = literalString(user);
  if (name !== undefined) return `the IAM user "${name}"`;
  const reference = referencesIn(user).find((r) => r.path[0] === 'aws_iam_user' && r.path[1]);
  return reference ? `the IAM user ${referenceText(reference).replace(/\.(name|id)$/, '')}` : 'an IAM user';
}
