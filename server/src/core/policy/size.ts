/**
 * How long a policy is, counted as AWS counts it against its size quotas: the JSON without the
 * whitespace between tokens (whitespace inside strings counts). For a policy written as JSON the
 * text itself is measured; for one written in Terraform the JSON Terraform would send is rebuilt
 * from the model (jsonencode writes no whitespace). Undefined when a value is unknown.
 */
import { ConditionBlock, Member, PolicyDocument, PrincipalValue, Scalar, Statement, ValueList } from '../model';

export interface PolicySize {
  /** Characters without whitespace between tokens. */
  readonly packed: number;
  /** Characters as written (JSON only): what the AWS CLI and SDKs send when given the file. */
  readonly written?: number;
}

export function policySize(text: string, document: PolicyDocument): PolicySize | undefined {
  if (document.syntax === 'json') {
    // JSON in a Terraform template may hold interpolations: its length is then unknown. A .json
    // file has none, and is measured without rebuilding it.
    if (document.origin.embedding && rebuild(document) === undefined) return undefined;
    const source = text.slice(document.span.start, document.span.end);
    return { packed: packedLength(source), written: source.length };
  }
  const rebuilt = rebuild(document);
  return rebuilt === undefined ? undefined : { packed: rebuilt.length };
}

/** Length of JSON text without the whitespace outside strings. */
export function packedLength(json: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i]!;
    if (inString) {
      count++;
      if (char === '\\') {
        count++;
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      count++;
    } else if (!isJsonWhitespace(char.charCodeAt(0))) {
      count++;
    }
  }
  return count;
}

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

class Unknown extends Error {}

function rebuild(document: PolicyDocument): string | undefined {
  try {
    const parts = [`"Version":${scalar(document.version?.value) ?? '"2012-10-17"'}`];
    if (document.id) parts.push(`"Id":${scalar(document.id.value)}`);
    parts.push(`"Statement":[${document.statements.map(statement).join(',')}]`);
    return `{${parts.join(',')}}`;
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
}

function statement(s: Statement): string {
  const parts: string[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined) parts.push(`${JSON.stringify(name)}:${value}`);
  };
  add('Sid', s.sid && scalar(s.sid.value));
  add('Effect', s.effect && scalar(s.effect.value));
  add('Principal', s.principal && principal(s.principal));
  add('NotPrincipal', s.notPrincipal && principal(s.notPrincipal));
  add('Action', s.action && list(s.action.value));
  add('NotAction', s.notAction && list(s.notAction.value));
  add('Resource', s.resource && list(s.resource.value));
  add('NotResource', s.notResource && list(s.notResource.value));
  add('Condition', s.condition && condition(s.condition.value));
  return `{${parts.join(',')}}`;
}

function scalar(value: Scalar | undefined): string | undefined {
  if (!value) return undefined;
  if (value.type === 'unknown') throw new Unknown();
  return value.type === 'string' ? JSON.stringify(value.text) : value.text;
}

function list(value: ValueList): string {
  if (value.form === 'unknown') throw new Unknown();
  const items = value.items.map((item) => scalar(item)!);
  return value.form === 'single' ? items[0]! : `[${items.join(',')}]`;
}

function principal(member: Member<PrincipalValue>): string {
  const value = member.value;
  if (value.form === 'unknown') throw new Unknown();
  if (value.scalar) return scalar(value.scalar)!;
  return `{${value.entries.map((entry) => `${JSON.stringify(entry.key.name)}:${list(entry.value)}`).join(',')}}`;
}

function condition(block: ConditionBlock): string {
  if (block.form === 'unknown') throw new Unknown();
  const operators = new Map<string, string[]>();
  for (const operator of block.operators) {
    if (operator.form === 'unknown') throw new Unknown();
    const entries = operators.get(operator.operator.name) ?? [];
    for (const entry of operator.entries) entries.push(`${JSON.stringify(entry.key.name)}:${list(entry.value)}`);
    operators.set(operator.operator.name, entries);
  }
  return `{${[...operators].map(([name, entries]) => `${JSON.stringify(name)}:{${entries.join(',')}}`).join(',')}}`;
}
