import { ValueCheck, exactValue, keyStrength, literalPrefix } from '../policy/conditions';
import { OidcProvider, effectOf, oidcProvider, principalItems } from '../policy/principals';
import { PLACEHOLDERS, fixes, stringEqualsFix, weakConditionTarget, weaknessReason } from './trust-support';
import { DocumentRule, Report } from './types';

/** `repo:OWNER/REPO:…`: a wildcard is fine once the repository is written out (`repo:org/app:*`). */
const githubSubject: ValueCheck = (value, wildcards) => {
  if (!wildcards || !/[*?]/.test(value)) return value.length > 0 && value !== '*';
  return /^repo:[^/]+\/[^:]+:/.test(literalPrefix(value, wildcards));
};

/** `system:serviceaccount:NAMESPACE:NAME`: a wildcard is fine once the namespace is written out. */
const eksSubject: ValueCheck = (value, wildcards) => {
  if (!wildcards || !/[*?]/.test(value)) return value.length > 0;
  return /^system:serviceaccount:[^:]+:/.test(literalPrefix(value, wildcards));
};

const SUBJECT_CHECK: Record<OidcProvider['kind'], ValueCheck> = { github: githubSubject, eks: eksSubject, cognito: exactValue };

const MISSING: Record<OidcProvider['kind'], (key: string) => string> = {
  github: (key) =>
    `Any GitHub Actions workflow, in any repository of any owner, can assume this role: the statement has no ${key} condition. Add one naming the repository and branch or environment, such as "${PLACEHOLDERS.githubSubject}".`,
  eks: (key) =>
    `Any service account of this EKS cluster can assume this role: the statement has no ${key} condition. Add one naming the service account ("system:serviceaccount:NAMESPACE:NAME").`,
  cognito: (key) =>
    `Identities of any Amazon Cognito identity pool, in any account, can assume this role: the statement has no ${key} condition. Add one with your identity pool ID.`,
};

const SUBJECT_FIX: Record<OidcProvider['kind'], string> = {
  github: PLACEHOLDERS.githubSubject,
  eks: PLACEHOLDERS.eksSubject,
  cognito: PLACEHOLDERS.cognitoPool,
};

export const trustOidcUnboundedSubject: DocumentRule = {
  id: 'IAM205',
  name: 'trust-oidc-unbounded-subject',
  severity: 'error',
  kinds: ['trust'],
  category: 'trust',
  summary: 'A role trusts GitHub Actions, EKS or Cognito tokens without a condition on the subject (sub, or the Cognito identity pool aud), or with a wildcard one.',
  fixable: true,
  scope: 'document',
  check(document, context) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.principal) continue;
      for (const item of principalItems(statement.principal.value)) {
        if (item.type !== 'Federated') continue;
        const provider = oidcProvider(item.scalar.text);
        if (!provider) continue;
        const check = SUBJECT_CHECK[provider.kind];
        const strength = keyStrength(statement, provider.subjectKey, check);
        if (strength === 'bounding' || strength === 'unknown') continue;
        if (strength === 'absent') {
          reports.push({
            span: item.scalar.span,
            message: MISSING[provider.kind](provider.subjectKey),
            fixes: fixes(
              stringEqualsFix(`Add condition ${provider.subjectKey} (placeholder)`, document, statement, context, provider.subjectKey, SUBJECT_FIX[provider.kind]),
            ),
          });
          continue;
        }
        const target = weakConditionTarget(statement, provider.subjectKey, check)!;
        reports.push({
          span: target.scalar?.span ?? target.condition.entry.key.span,
          message: `The ${provider.subjectKey} condition does not bound who can assume this role (${weaknessReason(target.condition, target.scalar)}): ${provider.label} tokens of ${provider.kind === 'github' ? 'other repositories' : provider.kind === 'eks' ? 'other service accounts' : 'other identity pools'} pass it. ${provider.kind === 'github' ? 'Write the repository out ("repo:OWNER/REPO:…") and use a wildcard only after it.' : provider.kind === 'eks' ? 'Write the namespace out and use a wildcard only after it.' : 'Use StringEquals with the identity pool ID.'}`,
        });
      }
    }
    return reports;
  },
};
