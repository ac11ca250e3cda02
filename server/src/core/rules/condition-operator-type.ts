import { lookupConditionKey } from '../catalog/condition-keys';
import { OperatorFamily, familiesFor, familyAccepts, parseOperator } from '../catalog/operators';
import { conditionEntries, keyTypes } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

/** An operator of each family to name in the message. */
const EXAMPLE: Readonly<Record<OperatorFamily, string>> = {
  String: 'StringEquals',
  Numeric: 'NumericLessThan',
  Date: 'DateGreaterThan',
  Bool: 'Bool',
  Binary: 'BinaryEquals',
  IpAddress: 'IpAddress',
  Arn: 'ArnLike',
  Null: 'Null',
};

export const conditionOperatorType: DocumentRule = {
  id: 'IAM106',
  name: 'condition-operator-type',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'A condition operator that compares another type than its key holds, such as StringEquals on the Bool key aws:SecureTransport.',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const { operator, entry } of conditionEntries(statement)) {
        const parsed = parseOperator(operator.operator.name);
        if (!parsed || parsed.base.family === 'Null') continue;
        const family = parsed.base.family;
        const types = keyTypes(lookupConditionKey(catalog, entry.key.name));
        if (types.length === 0 || types.some((type) => familyAccepts(family, type))) continue;
        const type = types[0]!;
        const suggestions = familiesFor(type).map((f) => EXAMPLE[f]);
        const fix = suggestions.length ? ` Use ${suggestions.map((s) => `"${s}"`).join(' or ')}, or another operator of that type.` : '';
        reports.push({
          span: entry.key.span,
          message: `${parsed.written} compares ${familyNoun(family)}, but "${entry.key.name}" holds ${typeNoun(type)}: the condition does not test what it seems to.${fix}`,
        });
      }
    }
    return reports;
  },
};

function familyNoun(family: OperatorFamily): string {
  switch (family) {
    case 'String':
      return 'strings';
    case 'Numeric':
      return 'numbers';
    case 'Date':
      return 'dates';
    case 'Bool':
      return 'booleans';
    case 'Binary':
      return 'binary values';
    case 'IpAddress':
      return 'IP addresses';
    case 'Arn':
      return 'ARNs';
    case 'Null':
      return 'presence';
  }
}

function typeNoun(type: string): string {
  const base = type.replace(/^ArrayOf/, '');
  const noun: Record<string, string> = { String: 'a string', ARN: 'an ARN', Bool: 'a boolean', Numeric: 'a number', Date: 'a date', IPAddress: 'an IP address', Binary: 'a binary value' };
  const single = noun[base] ?? `a ${base}`;
  return type.startsWith('ArrayOf') ? `a list of ${single.replace(/^an? /, '')} values` : single;
}
