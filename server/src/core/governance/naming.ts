/**
 * Naming conventions: a pattern per resource type, such as `{env}-{team}-{function}`, whose
 * placeholders take the values listed for them (or any IAM name characters when none are listed).
 * A pattern starting with `^` is a regular expression instead.
 */

/** The characters IAM accepts in role, policy and permission set names. */
const NAME_CHARACTERS = '[\\w+=,.@-]+';
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export interface NamingPattern {
  /** The pattern as written in the configuration. */
  readonly source: string;
  readonly test: (name: string) => boolean;
  /** The placeholder values a name takes, when it matches (`{ env: 'prod', team: 'payments' }`). */
  readonly parts: (name: string) => Readonly<Record<string, string>> | undefined;
  /** The pattern with the allowed values of each listed placeholder: `{env}-{team}-{function} (env: prod, dev; team: payments)`. */
  readonly shape: string;
  /** A name that follows the pattern, built from the first allowed values (undefined for a regular expression). */
  readonly example?: string;
}

/** Compiles a pattern; throws an Error saying what is wrong with it. */
export function compileNamingPattern(pattern: string, values: Readonly<Record<string, readonly string[]>> = {}): NamingPattern {
  if (pattern.startsWith('^')) {
    let expression: RegExp;
    try {
      expression = new RegExp(pattern);
    } catch (error) {
      throw new Error(`is not a valid regular expression: ${(error as Error).message}`);
    }
    return {
      source: pattern,
      test: (name) => expression.test(name),
      parts: (name) => {
        const found = expression.exec(name);
        return found ? { ...found.groups } : undefined;
      },
      shape: `/${pattern}/`,
    };
  }
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, ''))) {
    throw new Error('has a brace that is not part of a {placeholder} (letters, digits and _ between braces)');
  }
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    source += escapeRegExp(pattern.slice(last, match.index));
    const allowed = values[name];
    const alternatives = allowed?.length ? `(?:${allowed.map(escapeRegExp).join('|')})` : NAME_CHARACTERS;
    // A placeholder used twice must take the same value both times.
    source += names.includes(name) ? `\\k<${name}>` : `(?<${name}>${alternatives})`;
    names.push(name);
    last = match.index + match[0].length;
  }
  source += `${escapeRegExp(pattern.slice(last))}$`;
  const expression = new RegExp(source);
  const listed = [...new Set(names)].filter((name) => values[name]?.length);
  const shape = listed.length ? `${pattern} (${listed.map((name) => `${name}: ${values[name]!.join(', ')}`).join('; ')})` : pattern;
  const example = pattern.replace(PLACEHOLDER, (_whole, name: string) => values[name]?.[0] ?? name);
  return {
    source: pattern,
    test: (name) => expression.test(name),
    parts: (name) => {
      const found = expression.exec(name);
      return found ? { ...found.groups } : undefined;
    },
    shape,
    example,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
