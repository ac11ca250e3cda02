/** The registry: every rule, in id order. A rule is listed here once; nothing else registers rules. */
import { actionElement } from './action-element';
import { duplicateKey } from './duplicate-key';
import { effectInvalid } from './effect-invalid';
import { emptyArray } from './empty-array';
import { jsonSyntax } from './json-syntax';
import { principalElement } from './principal-element';
import { resourceElement } from './resource-element';
import { sidDuplicate } from './sid-duplicate';
import { sidInvalid } from './sid-invalid';
import { statementMissing } from './statement-missing';
import { terraformSyntax } from './terraform-syntax';
import { Rule } from './types';
import { unknownKey } from './unknown-key';
import { valueType } from './value-type';
import { versionInvalid } from './version-invalid';
import { versionMissing } from './version-missing';
import { versionOutdated } from './version-outdated';
import { unknownService } from './unknown-service';
import { unknownAction } from './unknown-action';
import { wildcardNoMatch } from './wildcard-no-match';
import { unknownConditionKey } from './unknown-condition-key';
import { unknownConditionOperator } from './unknown-condition-operator';
import { conditionOperatorType } from './condition-operator-type';
import { conditionSetOperator } from './condition-set-operator';
import { resourceServiceMismatch } from './resource-service-mismatch';
import { allowWithNotElement } from './allow-with-not-element';
import { assumeRoleAnyResource } from './assume-role-any-resource';
import { passRoleUnrestricted } from './pass-role-unrestricted';
import { policySizeQuota } from './policy-size-quota';
import { privilegeEscalation } from './privilege-escalation';
import { rcpPrincipal } from './rcp-principal';
import { rcpUnsupportedService } from './rcp-unsupported-service';
import { trustCrossAccountWithoutOrgCondition } from './trust-cross-account-without-org-condition';
import { trustExternalAccountWithoutExternalId } from './trust-external-account-without-external-id';
import { trustNotPrincipal } from './trust-not-principal';
import { trustOidcUnboundedSubject } from './trust-oidc-unbounded-subject';
import { trustOidcWithoutAudience } from './trust-oidc-without-audience';
import { trustSamlWithoutAudience } from './trust-saml-without-audience';
import { trustServiceWithoutSource } from './trust-service-without-source';
import { trustWholeAccount } from './trust-whole-account';
import { trustWildcardPrincipal } from './trust-wildcard-principal';
import { wildcardAction } from './wildcard-action';
import { writeOnAnyResource } from './write-on-any-resource';
import { longLivedCredentials } from './long-lived-credentials';
import { iamUserInIdentityCenterAccount } from './iam-user-in-identity-center-account';
import { namingConvention } from './naming-convention';
import { roleWithoutOwner } from './role-without-owner';
import { roleWithoutPermissionsBoundary } from './role-without-permissions-boundary';
import { delegatedAdminWithoutBoundary } from './delegated-admin-without-boundary';
import { adminTrustWithoutMfa } from './admin-trust-without-mfa';
import { adminSessionDuration } from './admin-session-duration';
import { sharedAdminRole } from './shared-admin-role';
import { scpGuardrailMissing } from './scp-guardrail-missing';
import { adminPermissionSetInProd } from './admin-permission-set-in-prod';
import { privilegedManagedPolicyCrossAccount } from './privileged-managed-policy-cross-account';

export const RULES: readonly Rule[] = [
  jsonSyntax,
  versionMissing,
  versionInvalid,
  versionOutdated,
  statementMissing,
  effectInvalid,
  actionElement,
  resourceElement,
  principalElement,
  sidDuplicate,
  sidInvalid,
  unknownKey,
  emptyArray,
  duplicateKey,
  valueType,
  terraformSyntax,
  unknownService,
  unknownAction,
  wildcardNoMatch,
  unknownConditionKey,
  unknownConditionOperator,
  conditionOperatorType,
  conditionSetOperator,
  resourceServiceMismatch,
  trustWildcardPrincipal,
  trustCrossAccountWithoutOrgCondition,
  trustExternalAccountWithoutExternalId,
  trustWholeAccount,
  trustOidcUnboundedSubject,
  trustOidcWithoutAudience,
  trustSamlWithoutAudience,
  trustServiceWithoutSource,
  trustNotPrincipal,
  wildcardAction,
  writeOnAnyResource,
  allowWithNotElement,
  passRoleUnrestricted,
  assumeRoleAnyResource,
  privilegeEscalation,
  rcpPrincipal,
  rcpUnsupportedService,
  policySizeQuota,
  longLivedCredentials,
  iamUserInIdentityCenterAccount,
  namingConvention,
  roleWithoutOwner,
  roleWithoutPermissionsBoundary,
  delegatedAdminWithoutBoundary,
  adminTrustWithoutMfa,
  adminSessionDuration,
  sharedAdminRole,
  scpGuardrailMissing,
  adminPermissionSetInProd,
  privilegedManagedPolicyCrossAccount,
];

export function ruleByName(name: string): Rule | undefined {
  return RULES.find((rule) => rule.name === name || rule.id === name);
}
