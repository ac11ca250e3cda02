/**
 * The condition operators of the IAM policy language: each base operator, its `…IfExists` form
 * (every operator but `Null` has one), and the `ForAllValues:` / `ForAnyValue:` set prefixes. Names
 * are written as AWS documents them; the meanings are our own words.
 */
import { ConditionKeyType } from './catalog';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface BaseOperator {
  readonly name: string;
  readonly family: OperatorFamily;
  readonly meaning: string;
}

export type SetOperator = 'ForAllValues' | 'ForAnyValue';

export const SET_OPERATORS: readonly SetOperator[] = ['ForAllValues', 'ForAnyValue'];

/** An operator as written, taken apart: `ForAnyValue:StringLikeIfExists`. */
export interface ParsedOperator {
  readonly written: string;
  readonly set?: SetOperator;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}

type Row = readonly [name: string, family: OperatorFamily, meaning: string];

const ROWS: readonly Row[] = [
  ['StringEquals', 'String', 'True when the value in the request equals one of the listed strings exactly (case-sensitive).'],
  ['StringNotEquals', 'String', 'True when the value in the request equals none of the listed strings (case-sensitive).'],
  ['StringEqualsIgnoreCase', 'String', 'True when the value in the request equals one of the listed strings, ignoring case.'],
  ['StringNotEqualsIgnoreCase', 'String', 'True when the value in the request equals none of the listed strings, ignoring case.'],
  ['StringLike', 'String', 'True when the value in the request matches one of the listed patterns (case-sensitive; `*` matches any run of characters, `?` one character).'],
  ['StringNotLike', 'String', 'True when the value in the request matches none of the listed patterns (case-sensitive; `*` and `?` as wildcards).'],
  ['NumericEquals', 'Numeric', 'True when the number in the request equals one of the listed numbers.'],
  ['NumericNotEquals', 'Numeric', 'True when the number in the request equals none of the listed numbers.'],
  ['NumericLessThan', 'Numeric', 'True when the number in the request is less than the listed number.'],
  ['NumericLessThanEquals', 'Numeric', 'True when the number in the request is less than or equal to the listed number.'],
  ['NumericGreaterThan', 'Numeric', 'True when the number in the request is greater than the listed number.'],
  ['NumericGreaterThanEquals', 'Numeric', 'True when the number in the request is greater than or equal to the listed number.'],
  ['DateEquals', 'Date', 'True when the date in the request equals the listed date (ISO 8601, or seconds since the epoch).'],
  ['DateNotEquals', 'Date', 'True when the date in the request differs from the listed date.'],
  ['DateLessThan', 'Date', 'True when the date in the request is before the listed date.'],
  ['DateLessThanEquals', 'Date', 'True when the date in the request is at or before the listed date.'],
  ['DateGreaterThan', 'Date', 'True when the date in the request is after the listed date.'],
  ['DateGreaterThanEquals', 'Date', 'True when the date in the request is at or after the listed date.'],
  ['Bool', 'Bool', 'True when the boolean in the request equals the listed value (`"true"` or `"false"`).'],
  ['BinaryEquals', 'Binary', 'True when the binary value in the request equals the listed base64-encoded value byte for byte.'],
  ['IpAddress', 'IpAddress', 'True when the IP address in the request lies in one of the listed CIDR ranges (IPv4 or IPv6).'],
  ['NotIpAddress', 'IpAddress', 'True when the IP address in the request lies in none of the listed CIDR ranges.'],
  ['ArnEquals', 'Arn', 'True when the ARN in the request matches one of the listed ARNs, segment by segment; `*` and `?` match within a segment. Behaves like ArnLike.'],
  ['ArnLike', 'Arn', 'True when the ARN in the request matches one of the listed ARN patterns, segment by segment; `*` and `?` match within a segment.'],
  ['ArnNotEquals', 'Arn', 'True when the ARN in the request matches none of the listed ARNs. Behaves like ArnNotLike.'],
  ['ArnNotLike', 'Arn', 'True when the ARN in the request matches none of the listed ARN patterns.'],
  ['Null', 'Null', '`"true"`: true when the key is absent from the request. `"false"`: true when the key is present.'],
];

export const BASE_OPERATORS: readonly BaseOperator[] = ROWS.map(([name, family, meaning]) => ({ name, family, meaning }));

const byName = new Map(BASE_OPERATORS.map((operator) => [operator.name, operator]));

/** Every operator name without a set prefix: each base operator and its IfExists form. */
export const OPERATOR_NAMES: readonly string[] = BASE_OPERATORS.flatMap((operator) =>
  operator.family === 'Null' ? [operator.name] : [operator.name, `${operator.name}IfExists`],
);

/** Every valid operator name, set prefixes included; for "did you mean". */
export const ALL_OPERATOR_NAMES: readonly string[] = [
  ...OPERATOR_NAMES,
  ...SET_OPERATORS.flatMap((set) => OPERATOR_NAMES.filter((name) => name !== 'Null').map((name) => `${set}:${name}`)),
];

/** Takes a written operator apart; undefined when it is not an operator, exactly as AWS writes them. */
export function parseOperator(written: string): ParsedOperator | undefined {
  let rest = written;
  let set: SetOperator | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') return undefined;
    set = prefix;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = byName.get(rest);
  if (!base && rest.endsWith('IfExists')) {
    base = byName.get(rest.slice(0, -'IfExists'.length));
    ifExists = true;
    if (base?.family === 'Null') return undefined;
  }
  if (!base) return undefined;
  if (set && base.family === 'Null') return undefined;
  return { written, set, base, ifExists };
}

/**
 * The key types each family compares. String and ARN operators are both accepted on String and ARN
 * keys: an ARN is a string, and AWS's own policies compare ARN keys with `StringEquals` and
 * ARN-valued string keys (`kms:EncryptionContext:aws:sso:instance-arn`) with `ArnLike`.
 */
const FAMILY_TYPES: Readonly<Record<OperatorFamily, readonly ConditionKeyType[]>> = {
  String: ['String', 'ArrayOfString', 'ARN', 'ArrayOfARN'],
  Numeric: ['Numeric', 'ArrayOfNumeric'],
  Date: ['Date', 'ArrayOfDate'],
  Bool: ['Bool', 'ArrayOfBool'],
  Binary: ['Binary'],
  IpAddress: ['IPAddress', 'ArrayOfIPAddress'],
  Arn: ['ARN', 'ArrayOfARN', 'String', 'ArrayOfString'],
  Null: [],
};

/** Whether operators of the family can compare a key of the type (`Null` takes any key). */
export function familyAccepts(family: OperatorFamily, type: string): boolean {
  return family === 'Null' || (FAMILY_TYPES[family] as readonly string[]).includes(type);
}

/** The operator families that compare keys of the type, for a message saying what to use instead. */
export function familiesFor(type: string): OperatorFamily[] {
  return (Object.keys(FAMILY_TYPES) as OperatorFamily[]).filter((family) => family !== 'Null' && familyAccepts(family, type));
}

export const SET_OPERATOR_MEANINGS: Readonly<Record<SetOperator, string>> = {
  ForAllValues: 'ForAllValues: every value of the multivalued key in the request must pass; also true when the key is absent or empty.',
  ForAnyValue: 'ForAnyValue: at least one value of the multivalued key in the request must pass; false when the key is absent.',
};

/** What the IfExists suffix and the set prefixes add to the base meaning. */
export function operatorMeaning(parsed: ParsedOperator): string {
  const parts = [parsed.base.meaning];
  if (parsed.ifExists) parts.push('IfExists: also true when the key is absent from the request.');
  if (parsed.set) parts.push(SET_OPERATOR_MEANINGS[parsed.set]);
  return parts.join('\n\n');
}
