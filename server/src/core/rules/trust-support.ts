/** What the trust and permission rules share: placeholders, the condition fixes, item lookups. */
import { Fix } from '../findings';
import { addConditionFix } from '../fixes/conditions';
import { PolicyDocument, Scalar, Statement } from '../model';
import { KeyCondition, ValueCheck, conditionsOnKey } from '../policy/conditions';
import { RuleContext } from './types';

/** Values a fix writes where only the user knows the real one. Each is obviously not real. */
export const PLACEHOLDERS = {
  organizationId: 'o-xxxxxxxxxx',
  externalId: 'EXTERNAL_ID_FROM_THIRD_PARTY',
  accountId: 'ACCOUNT_ID',
  accountRoot: 'arn:aws:iam::ACCOUNT_ID:root',
  githubSubject: 'repo:OWNER/REPO:ref:refs/heads/main',
  eksSubject: 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT',
  cognitoPool: 'REGION:IDENTITY_POOL_ID',
} as const;

/** The audience AWS STS expects in GitHub Actions and EKS tokens. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The audience of SAML assertions for the AWS console and STS. */
export const SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';

export function orgIdFix(document: PolicyDocument, statement: Statement, context: RuleContext): Fix | undefined {
  const organizationId = context.config.organizationId;
  const value = organizationId ?? PLACEHOLDERS.organizationId;
  const title = organizationId
    ? `Add condition aws:PrincipalOrgID = "${organizationId}"`
    : 'Add condition aws:PrincipalOrgID (placeholder organisation id)';
  return addConditionFix(title, context.text, document, statement, { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: [value] });
}

export function stringEqualsFix(title: string, document: PolicyDocument, statement: Statement, context: RuleContext, key: string, value: string): Fix | undefined {
  return addConditionFix(title, context.text, document, statement, { operator: 'StringEquals', key, values: [value] });
}

export function fixes(...candidates: (Fix | undefined)[]): Fix[] | undefined {
  const present = candidates.filter((fix): fix is Fix => fix !== undefined);
  return present.length ? present : undefined;
}

/**
 * Where to point for a key whose condition does not bound: the first value that fails the check
 * under a bounding operator, else the key itself (the operator is what makes it weak).
 */
export function weakConditionTarget(statement: Statement, key: string, check: ValueCheck): { scalar?: Scalar; condition: KeyCondition } | undefined {
  const conditions = conditionsOnKey(statement, key);
  for (const condition of conditions) {
    const wildcards = /^(stringlike|arnlike|arnequals)$/i.test(condition.parsed.base);
    const failing = condition.values.find((value) => !check(value.text, wildcards));
    if (failing) return { scalar: failing, condition };
  }
  return conditions[0] ? { condition: conditions[0] } : undefined;
}

/** Why a condition that names the key still does not bound it, for messages. */
export function weaknessReason(condition: KeyCondition, scalar: Scalar | undefined): string {
  const { parsed } = condition;
  const name = condition.operator.operator.name;
  if (parsed.ifExists) return `${name} passes when the key is absent`;
  if (parsed.set === 'ForAllValues') return `${name} passes when the key is absent`;
  if (/not/i.test(parsed.base) || !/^(stringequals|stringequalsignorecase|stringlike|arnequals|arnlike)$/i.test(parsed.base)) {
    return `${name} does not name the allowed values`;
  }
  if (scalar) return `"${scalar.text}" matches too much under ${name}`;
  return `${name} does not bound it`;
}
