/**
 * Reading conditions for what they bound. A condition bounds a key when every request that passes it
 * must carry that key with one of a few known values. Decisions (the docs pages repeat them):
 * - Negated operators (`StringNotEquals`, `ArnNotLike` …), `Null`, `Bool` and the other non-string
 *   operators never bound: they exclude or test presence, they do not name who may pass.
 * - `…IfExists` does not bound: it passes when the key is absent.
 * - `ForAllValues:` does not bound: it passes when the key is absent or empty.
 * - `ForAnyValue:` bounds like the plain operator: it fails when the key is absent.
 * - `StringLike`, `ArnLike` and `ArnEquals` match `*` and `?`: a value with a wildcard bounds only
 *   when the part before the first wildcard still pins what the key is about (an account, an
 *   organisation, a repository); `*` alone bounds nothing.
 * - A value we cannot evaluate (a Terraform expression) makes the key's strength unknown, and rules
 *   then stay quiet.
 */
import { ConditionOperator, Member, Scalar, Statement, ValueList } from '../model';

export interface ParsedOperator {
  /** The operator without qualifiers, as written: `StringEquals`. */
  readonly base: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
}

export function parseOperator(name: string): ParsedOperator {
  let rest = name;
  let set: ParsedOperator['set'];
  const qualifier = /^(ForAnyValue|ForAllValues):/i.exec(rest);
  if (qualifier) {
    set = qualifier[1]!.toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
    rest = rest.slice(qualifier[0].length);
  }
  const ifExists = /IfExists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  return { base: rest, ...(set ? { set } : {}), ifExists };
}

const POSITIVE = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
const WILDCARD_MATCHING = new Set(['stringlike', 'arnequals', 'arnlike']);

/** One condition on one key: `"StringEquals": { "aws:PrincipalOrgID": "o-123" }`. */
export interface KeyCondition {
  readonly operator: ConditionOperator;
  readonly parsed: ParsedOperator;
  readonly entry: Member<ValueList>;
  /** The known string values. */
  readonly values: readonly Scalar[];
  /** Whether some value (or the whole list) is a Terraform expression. */
  readonly unknown: boolean;
}

/** The conditions of a statement on one key (keys match case-insensitively, as IAM matches them). */
export function conditionsOnKey(statement: Statement, key: string): KeyCondition[] {
  const block = statement.condition?.value;
  if (!block || block.form !== 'map') return [];
  const wanted = key.toLowerCase();
  const found: KeyCondition[] = [];
  for (const operator of block.operators) {
    if (operator.form !== 'map') continue;
    const parsed = parseOperator(operator.operator.name);
    for (const entry of operator.entries) {
      if (entry.key.name.toLowerCase() !== wanted) continue;
      const list = entry.value;
      found.push({
        operator,
        parsed,
        entry,
        values: list.items.filter((item) => item.type === 'string'),
        unknown: list.form === 'unknown' || list.items.some((item) => item.type === 'unknown'),
      });
    }
  }
  return found;
}

/**
 * Whether the statement's conditions cannot be read in full: a Condition, an operator, or the
 * operator name itself written as an expression. Then no key can be said to be missing.
 */
export function conditionsUnreadable(statement: Statement): boolean {
  const block = statement.condition?.value;
  if (!block) return false;
  if (block.form === 'unknown') return true;
  return block.operators.some((operator) => operator.form === 'unknown' || /\$\{/.test(operator.operator.name));
}

/** Says whether one value, under an operator, pins what the key is about. */
export type ValueCheck = (value: string, wildcards: boolean) => boolean;

export type Strength = 'bounding' | 'weak' | 'unknown' | 'absent';

/**
 * How strongly the statement's conditions bound a key: `bounding` when one condition on it bounds
 * (conditions are ANDed), else `unknown` when one cannot be read, else `weak` when the key is there
 * but does not bound, else `absent`.
 */
export function keyStrength(statement: Statement, key: string, check: ValueCheck): Strength {
  const own = strongest(conditionsOnKey(statement, key).map((condition) => conditionStrength(condition, check)));
  return own === 'bounding' || !conditionsUnreadable(statement) ? own : 'unknown';
}

function conditionStrength(condition: KeyCondition, check: ValueCheck): Exclude<Strength, 'absent'> {
  if (condition.unknown) return 'unknown';
  const { parsed } = condition;
  const base = parsed.base.toLowerCase();
  if (!POSITIVE.has(base) || parsed.ifExists || parsed.set === 'ForAllValues') return 'weak';
  if (condition.values.length === 0) return 'weak';
  const wildcards = WILDCARD_MATCHING.has(base);
  return condition.values.every((value) => check(value.text, wildcards)) ? 'bounding' : 'weak';
}

/** The strongest of several keys (any one bounding is enough). */
export function strongest(strengths: readonly Strength[]): Strength {
  for (const wanted of ['bounding', 'unknown', 'weak'] as const) if (strengths.includes(wanted)) return wanted;
  return 'absent';
}

/** The text before the first `*` or `?` (the whole value when there is none, or wildcards are literal). */
export function literalPrefix(value: string, wildcards: boolean): string {
  if (!wildcards) return value;
  const at = value.search(/[*?]/);
  return at < 0 ? value : value.slice(0, at);
}

function hasWildcard(value: string, wildcards: boolean): boolean {
  return wildcards && /[*?]/.test(value);
}

/** An identifier that must match exactly: an organisation id, an account, an external id, an audience. */
export const exactValue: ValueCheck = (value, wildcards) => value.length > 0 && !hasWildcard(value, wildcards);

/** An organisation path: bounding when the organisation id before the first `/` is written out. */
export const orgPathValue: ValueCheck = (value, wildcards) => /^o-[a-z0-9]+\//.test(literalPrefix(value, wildcards));

/**
 * An ARN: bounding when its account field is written out, or (for ARNs without an account, such as
 * S3 buckets) when some of the resource part is.
 */
export const arnValue: ValueCheck = (value, wildcards) => {
  const prefix = literalPrefix(value, wildcards);
  return /^arn:[^:]+:[^:]+:[^:]*:\d{12}:/.test(prefix) || /^arn:[^:]+:[^:]+:[^:]*::[^:]+/.test(prefix);
};

/** Keys that bound who the caller of a `"*"` principal can be, with what makes their value bounding. */
export const CALLER_BOUNDING_KEYS: readonly { readonly key: string; readonly check: ValueCheck }[] = [
  { key: 'aws:PrincipalOrgID', check: exactValue },
  { key: 'aws:PrincipalOrgPaths', check: orgPathValue },
  { key: 'aws:PrincipalAccount', check: exactValue },
  { key: 'aws:PrincipalArn', check: arnValue },
  { key: 'aws:SourceAccount', check: exactValue },
  { key: 'aws:SourceArn', check: arnValue },
  { key: 'aws:SourceOrgID', check: exactValue },
  { key: 'aws:SourceOrgPaths', check: orgPathValue },
  { key: 'sts:ExternalId', check: exactValue },
];

/** The organisation keys that keep a cross-account principal inside the organisation. */
export const ORGANIZATION_KEYS: readonly { readonly key: string; readonly check: ValueCheck }[] = [
  { key: 'aws:PrincipalOrgID', check: exactValue },
  { key: 'aws:PrincipalOrgPaths', check: orgPathValue },
  { key: 'aws:PrincipalAccount', check: exactValue },
];

export function strengthOfAny(statement: Statement, keys: readonly { readonly key: string; readonly check: ValueCheck }[]): Strength {
  return strongest(keys.map(({ key, check }) => keyStrength(statement, key, check)));
}
