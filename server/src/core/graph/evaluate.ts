/**
 * Just enough policy evaluation for the trust graph: whether a statement covers an action, a
 * resource and a principal, and whether its conditions hold for what we know about the caller.
 * Answers are three-valued: Terraform expressions and conditions on request context we cannot know
 * give `maybe`, never a guess.
 */
import { wildcardMatcher } from '../catalog/catalog';
import { effectOf } from '../policy/principals';
import { PolicyDocument, Scalar, Statement, ValueList } from '../model';

export type Tri = 'yes' | 'no' | 'maybe';

function anyTri(values: Iterable<Tri>): Tri {
  let result: Tri = 'no';
  for (const value of values) {
    if (value === 'yes') return 'yes';
    if (value === 'maybe') result = 'maybe';
  }
  return result;
}

function notTri(value: Tri): Tri {
  return value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'maybe';
}

function listMatches(list: ValueList, test: (item: Scalar) => Tri): Tri {
  if (list.form === 'unknown' || list.form === 'invalid') return 'maybe';
  return anyTri(list.items.map((item) => (item.type === 'string' ? test(item) : 'maybe')));
}

/** Whether the statement's Action (or NotAction) covers `action`, e.g. `sts:AssumeRole`. */
export function coversAction(statement: Statement, action: string): Tri {
  const match = (item: Scalar): Tri => (wildcardMatches(item.text, action, false) ? 'yes' : 'no');
  if (statement.action) return listMatches(statement.action.value, match);
  if (statement.notAction) return notTri(listMatches(statement.notAction.value, match));
  return 'no';
}

/** ARN patterns: `*` and `?` wildcards, case-sensitive as IAM compares resource ARNs. */
function resourceMatches(pattern: string, arn: string): boolean {
  return wildcardMatches(pattern, arn, true);
}

const WILDCARD = /[*?]/;

/**
 * Whether a wildcard pattern matches the text. Most patterns in trust and grant statements are
 * plain ARNs and action names: those are compared as text, which answers as the regular expression
 * would (a case-insensitive match needs equal lengths) without building one per ARN.
 */
function wildcardMatches(pattern: string, text: string, caseSensitive: boolean): boolean {
  if (pattern === text) return true;
  if (!WILDCARD.test(pattern) && (caseSensitive || pattern.length !== text.length)) return false;
  return wildcardMatcher(pattern, caseSensitive).test(text);
}

/** Whether the statement's Resource (or NotResource) covers the ARN; no element at all covers it (trust policies). */
export function coversResource(statement: Statement, arn: string | undefined): Tri {
  const match = (item: Scalar): Tri => {
    if (item.text === '*') return 'yes';
    if (arn === undefined) return 'maybe';
    return resourceMatches(item.text, arn) ? 'yes' : 'no';
  };
  if (statement.resource) return listMatches(statement.resource.value, match);
  if (statement.notResource) return notTri(listMatches(statement.notResource.value, match));
  return 'yes';
}

/** What is known about the caller when conditions are evaluated. */
export interface CallerContext {
  /** The caller's organisation id; null when the caller is known to be outside the organisation. */
  readonly principalOrgId?: string | null;
  readonly principalAccount?: string;
  readonly principalArn?: string;
}

const STRING_TESTS: Readonly<Record<string, (actual: string, expected: string) => boolean>> = {
  stringequals: (a, e) => a === e,
  stringequalsignorecase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  stringlike: (a, e) => resourceMatches(e, a),
  arnequals: (a, e) => a === e,
  arnlike: (a, e) => resourceMatches(e, a),
};

/**
 * Whether every condition of the statement holds for the caller. Conditions on the caller's
 * organisation, account and ARN are decided when the caller is known; any other key gives `maybe`.
 */
export function conditionsHold(statement: Statement, caller: CallerContext): Tri {
  const condition = statement.condition?.value;
  if (!condition) return 'yes';
  if (condition.form !== 'map') return 'maybe';
  let result: Tri = 'yes';
  for (const operator of condition.operators) {
    for (const entry of operator.entries) {
      const outcome = evaluateOne(operator.operator.name, entry.key.name, entry.value, caller);
      if (outcome === 'no') return 'no';
      if (outcome === 'maybe') result = 'maybe';
    }
    if (operator.form !== 'map') result = 'maybe';
  }
  return result;
}

function evaluateOne(operatorName: string, key: string, values: ValueList, caller: CallerContext): Tri {
  let operator = operatorName.toLowerCase();
  if (operator.startsWith('forallvalues:') || operator.startsWith('foranyvalue:')) return 'maybe';
  const ifExists = operator.endsWith('ifexists');
  if (ifExists) operator = operator.slice(0, -'ifexists'.length);
  const negated = /^(string|arn)not/.test(operator);
  const base = negated ? operator.replace('not', '') : operator;
  const test = STRING_TESTS[base];
  if (!test) return 'maybe';

  let actual: string | null | undefined;
  switch (key.toLowerCase()) {
    case 'aws:principalorgid':
      actual = caller.principalOrgId;
      break;
    case 'aws:principalaccount':
      actual = caller.principalAccount;
      break;
    case 'aws:principalarn':
      actual = caller.principalArn;
      break;
    default:
      return 'maybe';
  }
  if (actual === undefined) return 'maybe';
  if (actual === null) {
    // The key is absent from the request (a caller outside any organisation has no PrincipalOrgID).
    if (ifExists) return 'yes';
    return negated ? 'yes' : 'no';
  }
  if (values.form !== 'single' && values.form !== 'array') return 'maybe';
  const known = values.items.filter((item) => item.type === 'string');
  if (known.length !== values.items.length) return 'maybe';
  const matched = known.some((item) => test(actual as string, item.text));
  return (negated ? !matched : matched) ? 'yes' : 'no';
}

export interface GrantCheck {
  readonly result: Tri;
  /** The Allow statement that grants it, when one does. */
  readonly statement?: Statement;
  readonly document?: PolicyDocument;
}

/**
 * Whether identity policies allow `action` on `resourceArn` for the caller: an Allow that covers it
 * and no Deny that surely covers it. A Deny that only may cover it turns `yes` into `maybe`.
 */
export function identityAllows(
  documents: readonly PolicyDocument[],
  action: string,
  resourceArn: string | undefined,
  caller: CallerContext,
): GrantCheck {
  let denied: Tri = 'no';
  let best: GrantCheck = { result: 'no' };
  for (const document of documents) {
    for (const statement of document.statements) {
      const effect = effectOf(statement);
      const applies = allOf(coversAction(statement, action), coversResource(statement, resourceArn), conditionsHold(statement, caller));
      if (applies === 'no') continue;
      if (effect === 'Deny') denied = applies === 'yes' ? 'yes' : denied === 'yes' ? 'yes' : 'maybe';
      else if (effect === 'Allow' && RANK[applies] > RANK[best.result]) best = { result: applies, statement, document };
    }
  }
  if (denied === 'yes') return { result: 'no' };
  if (denied === 'maybe' && best.result === 'yes') return { ...best, result: 'maybe' };
  return best;
}

const RANK: Readonly<Record<Tri, number>> = { no: 0, maybe: 1, yes: 2 };

export function allOf(...values: Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('maybe') ? 'maybe' : 'yes';
}
