/**
 * Expands a VS Code snippet body the way accepting every default does: each placeholder becomes its
 * default text (the first option of a choice), tab stops become nothing, escapes become the
 * character. Covers the snippet grammar the project's snippets use; variables are rejected.
 */
export function expandSnippet(body: string): string {
  const parser = new SnippetParser(body);
  const text = parser.sequence('');
  if (!parser.atEnd()) throw new Error(`unexpected "${body[parser.position]}" at ${parser.position}`);
  return text;
}

class SnippetParser {
  position = 0;

  constructor(private readonly body: string) {}

  atEnd(): boolean {
    return this.position >= this.body.length;
  }

  /** Text up to (not including) an unescaped `stop` character, or to the end when stop is ''. */
  sequence(stop: string): string {
    let text = '';
    while (!this.atEnd()) {
      const char = this.body[this.position]!;
      if (stop && char === stop) return text;
      if (char === '\\' && this.position + 1 < this.body.length && '$}\\,|'.includes(this.body[this.position + 1]!)) {
        text += this.body[this.position + 1];
        this.position += 2;
      } else if (char === '$') {
        text += this.dollar();
      } else {
        text += char;
        this.position += 1;
      }
    }
    if (stop) throw new Error(`unterminated placeholder: missing "${stop}"`);
    return text;
  }

  private dollar(): string {
    const rest = this.body.slice(this.position);
    const tabStop = /^\$(\d+)/.exec(rest);
    if (tabStop) {
      this.position += tabStop[0].length;
      return '';
    }
    const open = /^\$\{(\d+)([:|}])/.exec(rest);
    if (!open) throw new Error(`unsupported snippet syntax at ${this.position}: ${rest.slice(0, 20)}`);
    this.position += open[0].length;
    if (open[2] === '}') return '';
    if (open[2] === ':') {
      const text = this.sequence('}');
      this.position += 1;
      return text;
    }
    const end = this.body.indexOf('|}', this.position);
    if (end < 0) throw new Error('unterminated choice');
    const first = this.body.slice(this.position, end).split(',')[0]!;
    this.position = end + 2;
    return first;
  }
}
