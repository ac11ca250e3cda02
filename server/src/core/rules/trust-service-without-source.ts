import { arnValue, exactValue, orgPathValue, strengthOfAny } from '../policy/conditions';
import { effectOf, principalItems } from '../policy/principals';
import { PLACEHOLDERS, fixes, stringEqualsFix } from './trust-support';
import { DocumentRule, Report } from './types';

/**
 * Service principals for which AWS documents the cross-service confused deputy in role trust
 * policies, and recommends aws:SourceAccount or aws:SourceArn. Execution roles of EC2 instances and
 * Lambda functions are not here: the role is bound to the caller's own resource.
 */
const CONFUSED_DEPUTY_SERVICES: ReadonlySet<string> = new Set([
  'appsync',
  'bedrock',
  'codebuild',
  'comprehend',
  'config',
  'datasync',
  'delivery.logs',
  'dms',
  'ecs-tasks',
  'events',
  'frauddetector',
  'iot',
  'kendra',
  'logs',
  'monitoring.rds',
  'personalize',
  'pipes',
  'sagemaker',
  'scheduler',
  'ssm',
  'states',
  'transfer',
  'vpc-flow-logs',
]);

/** `events.amazonaws.com` → `events`; regional `logs.eu-west-1.amazonaws.com` → `logs`. */
function serviceName(principal: string): string | undefined {
  const match = /^(.+?)(?:\.[a-z]{2}(?:-[a-z]+)+-\d)?\.amazonaws\.com(?:\.cn)?$/.exec(principal);
  return match?.[1];
}

const SOURCE_KEYS = [
  { key: 'aws:SourceAccount', check: exactValue },
  { key: 'aws:SourceArn', check: arnValue },
  { key: 'aws:SourceOrgID', check: exactValue },
  { key: 'aws:SourceOrgPaths', check: orgPathValue },
];

export const trustServiceWithoutSource: DocumentRule = {
  id: 'IAM208',
  name: 'trust-service-without-source',
  severity: 'info',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts a service principal with a documented confused-deputy risk without aws:SourceAccount or aws:SourceArn.',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      const strength = strengthOfAny(statement, SOURCE_KEYS);
      if (strength === 'bounding' || strength === 'unknown') continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'Service') continue;
        const service = serviceName(item.scalar.text);
        if (!service || !CONFUSED_DEPUTY_SERVICES.has(service)) continue;
        const account = context.account?.id;
        reports.push({
          span: item.scalar.span,
          message: `${item.scalar.text} can be made to assume this role on behalf of resources in other accounts (the cross-service confused deputy). Add an aws:SourceAccount condition with this role's account${account ? ` (${account})` : ''}, or aws:SourceArn with the resource that uses the role.`,
          fixes: fixes(
            stringEqualsFix(
              account ? `Add condition aws:SourceAccount = "${account}"` : 'Add condition aws:SourceAccount (placeholder account)',
              document,
              statement,
              context,
              'aws:SourceAccount',
              account ?? PLACEHOLDERS.accountId,
            ),
          ),
        });
      }
    }
    return reports;
  },
};
