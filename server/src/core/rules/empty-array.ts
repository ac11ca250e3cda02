import { Member, ValueList } from '../model';
import { elementName } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const emptyArray: DocumentRule = {
  id: 'IAM013',
  name: 'empty-array',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'An element is an empty list, such as "Action": [] or a condition key with no values.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const check = (member: Member<ValueList> | undefined, what: string): void => {
      if (member && member.value.form === 'array' && member.value.items.length === 0) {
        reports.push({ span: member.value.span, message: `${what} is an empty list: AWS rejects it. List at least one value, or remove ${what}.` });
      }
    };
    for (const statement of document.statements) {
      check(statement.action, elementName(document, 'Action'));
      check(statement.notAction, elementName(document, 'NotAction'));
      check(statement.resource, elementName(document, 'Resource'));
      check(statement.notResource, elementName(document, 'NotResource'));
      for (const principal of [statement.principal, statement.notPrincipal]) {
        for (const entry of principal?.value.entries ?? []) check(entry, `${principal!.key.name} ${entry.key.name}`);
      }
      for (const operator of statement.condition?.value.operators ?? []) {
        for (const entry of operator.entries) check(entry, `Condition key "${entry.key.name}"`);
      }
    }
    return reports;
  },
};
