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
];

export function ruleByName(name: string): Rule | undefined {
  return RULES.find((rule) => rule.name === name || rule.id === name);
}
