/**
 * The error of a broken template: a syntax error found when the theme is
 * created, or an error while a page renders. Its message starts with the
 * template's path and line, as an editor opens them. Pure.
 */

/** A template that cannot be compiled or rendered; `file:line: what went wrong`. */
export class ThemeError extends Error {
  override readonly name = 'ThemeError';
  /** The template's path as the user would open it. */
  readonly file: string;
  /** The 1-based line, when it is known. */
  readonly line?: number;

  constructor(file: string, line: number | undefined, reason: string, options?: { cause?: unknown }) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`, options);
    this.file = file;
    if (line !== undefined) this.line = line;
  }
}

/** Where a Handlebars error happened and what it says, without Handlebars' own ` - line:column` suffix. Pure. */
export function describeHandlebarsError(error: unknown): { line?: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  // The parser's messages: "Parse error on line 3:\n<excerpt>\n---^\nExpecting …".
  const parse = /^(Parse|Lexical) error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) {
    const [excerpt = '', pointer = '', ...rest] = (parse[3] ?? '').split('\n');
    const expected = rest.join(' ').trim();
    if (expected.includes("'OPEN_ENDBLOCK'") && expected.endsWith("got 'EOF'")) {
      return { line: Number(parse[2]), reason: 'Unexpected end of the template, expected `{{/…}}` to close an open block' };
    }
    const reason = `${parse[1]} error${expected ? `: ${lowerFirst(expected)}` : ''}\n  ${excerpt}\n  ${pointer}`;
    return { line: Number(parse[2]), reason };
  }
  // Compiler and runtime exceptions end with " - line:column" and carry `lineNumber`.
  const located = /^([\s\S]*) - (\d+):(\d+)$/.exec(message);
  if (located) return { line: Number(located[2]), reason: located[1] ?? message };
  return { reason: message };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
