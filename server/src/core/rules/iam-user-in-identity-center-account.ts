import { accountListed, describeAccount, terraformAccountNames } from '../governance/accounts';
import { blockAt, describeResource, resourceAnchor } from '../governance/terraform-resources';
import { WorkspaceReport, WorkspaceRule } from './types';

export const iamUserInIdentityCenterAccount: WorkspaceRule = {
  id: 'IAM502',
  name: 'iam-user-in-identity-center-account',
  severity: 'info',
  kinds: [],
  category: 'governance',
  summary: 'Terraform creates an IAM user in an account whose people sign in through IAM Identity Center (governance.identityCenterAccounts).',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const { config } = workspace;
    const accounts = config.governance?.identityCenterAccounts;
    if (!accounts?.length) return [];
    const names = terraformAccountNames(workspace.facts);
    const reports: WorkspaceReport[] = [];
    for (const user of workspace.facts.flatMap((file) => file.users)) {
      if (!user.accountId || !accountListed(accounts, user.accountId, config, names)) continue;
      const found = blockAt(workspace, user.uri, user.span);
      if (!found) continue;
      reports.push({
        uri: user.uri,
        span: resourceAnchor(found.block),
        message: `IAM user ${describeResource(found.block)} is created in account ${describeAccount(user.accountId, config, names)}, whose people sign in through IAM Identity Center (governance.identityCenterAccounts). Give the person a permission set assignment instead; a workload should assume a role.`,
      });
    }
    return reports;
  },
};
