import { Member, PrincipalValue, Scalar, Statement, ValueList } from '../model';
import { elementName, statementLabel } from './support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const valueType: DocumentRule = {
  id: 'IAM015',
  name: 'value-type',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'An element holds the wrong type of value, such as a number in Action or a list in Effect.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const report = (span: Scalar['span'], message: string): void => {
      reports.push({ span, message });
    };
    const scalarString = (member: Member<Scalar> | undefined): void => {
      if (member && member.value.type !== 'string' && member.value.type !== 'unknown') {
        report(member.value.span, `${member.key.name} must be a string.`);
      }
    };
    scalarString(document.version);
    scalarString(document.id);
    if (document.statement?.value.form === 'invalid') {
      report(document.statement.value.span, 'Statement must be a list of statement objects, or a single statement object.');
    }
    for (const statement of document.statements) {
      if (!statement.isObject) {
        report(statement.span, `The ${statementLabel(statement)} must be an object: { "Effect": ..., "Action": ..., ... }.`);
        continue;
      }
      scalarString(statement.sid);
      scalarString(statement.effect);
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
        if (member) checkStringList(member.value, elementName(document, member.key.name), report);
      }
      for (const principal of [statement.principal, statement.notPrincipal]) {
        if (principal) checkPrincipal(principal, report);
      }
      checkCondition(statement, report);
    }
    return reports;
  },
};

function checkStringList(list: ValueList, name: string, report: (span: Scalar['span'], message: string) => void): void {
  if (list.form === 'invalid') {
    report(list.span, `${name} must be a string or a list of strings.`);
    return;
  }
  for (const item of list.items) {
    if (item.type !== 'string' && item.type !== 'unknown') report(item.span, `Each value of ${name} must be a string.`);
  }
}

function checkPrincipal(member: Member<PrincipalValue>, report: (span: Scalar['span'], message: string) => void): void {
  const { value, key } = member;
  if (value.form === 'invalid') {
    report(value.span, `${key.name} must be "*" or an object such as { "AWS": "arn:aws:iam::111122223333:root" }.`);
    return;
  }
  for (const entry of value.entries) checkStringList(entry.value, `${key.name} ${entry.key.name}`, report);
}

function checkCondition(statement: Statement, report: (span: Scalar['span'], message: string) => void): void {
  const condition = statement.condition?.value;
  if (!condition) return;
  if (condition.form === 'invalid') {
    report(condition.span, 'Condition must be an object of operators, such as { "StringEquals": { "aws:PrincipalOrgID": "o-..." } }.');
    return;
  }
  for (const operator of condition.operators) {
    if (operator.form === 'invalid') {
      report(operator.span, `Condition operator ${operator.operator.name} must hold an object of condition keys and values.`);
      continue;
    }
    for (const entry of operator.entries) {
      if (entry.value.form === 'invalid') {
        report(entry.value.span, `The values of condition key "${entry.key.name}" must be a string, number, boolean or a list of them.`);
        continue;
      }
      for (const item of entry.value.items) {
        if (item.type === 'invalid') report(item.span, `Each value of condition key "${entry.key.name}" must be a string, number or boolean.`);
      }
    }
  }
}
