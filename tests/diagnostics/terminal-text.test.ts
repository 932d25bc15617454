import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { pretty } from '../../src/diagnostics/reporters/pretty.js';
import { oneLine, ownControl, terminalText, visible } from '../../src/diagnostics/terminal-text.js';

/** Any character a terminal acts on rather than shows, as the issue lists them. */
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('visible', () => {
  test('shows escape sequences, C0 and C1 controls and bidi controls as \\u escapes; keeps line feeds, tabs and ordinary text', () => {
    expect(visible('title \x1b]0;pwned\x07')).toBe('title \\u001b]0;pwned\\u0007');
    expect(visible('\x1b[2J\x1b]52;c;ZXZpbA==\x07')).toBe('\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007');
    expect(visible('a\u009bb\u202ec\u2066d\u200fe\u061cf\rg\x7f')).toBe('a\\u009bb\\u202ec\\u2066d\\u200fe\\u061cf\\u000dg\\u007f');
    expect(visible('Jürgen Groß\tline\nnext — ✓ 日本')).toBe('Jürgen Groß\tline\nnext — ✓ 日本');
  });

  test('leaves no control character, and JSON printed through it is still the same JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\x1b', '\x07', '\u009b', '\u202e', '\r', '\n', '\t', '"', '\\'), fc.string({ minLength: 1, maxLength: 1 })) }), (text) => {
        expect(visible(text).replace(/[\n\t]/g, '')).not.toMatch(raw);
        const json = JSON.stringify({ text });
        expect(JSON.parse(visible(json))).toEqual({ text });
      }),
      { numRuns: 100 },
    );
  });
});

describe('terminalText', () => {
  test('keeps careerplan’s own control sequences and shows any other, even one that copies their look', () => {
    const own = `${ownControl('\x1b[31m')}error${ownControl('\x1b[0m')}`;
    expect(terminalText(`${own} \x1b[31mplan\x1b[0m`)).toBe('\x1b[31merror\x1b[0m \\u001b[31mplan\\u001b[0m');
    expect(terminalText(ownControl('\r\x1b[2K'))).toBe('\r\x1b[2K');
    // The mark without this process's secret is plain text.
    expect(terminalText('\ue0000123456789abcdef1b[2J')).toBe('\ue0000123456789abcdef1b[2J');
  });

  test('the pretty reporter’s colours survive, a plan’s codes in its message and code frame do not', () => {
    const source = '---\ntitle: "x"\nskills: [nope\x1b[2J]\n---\n';
    const report = pretty(
      [{ file: 'plans/\u202eevil.md', place: { start: { line: 3, column: 10 }, end: { line: 3, column: 19 } }, severity: 'error', ruleId: 'unknown-skill', message: 'Unknown skill `nope\x1b[2J`' }],
      { sources: new Map([['plans/\u202eevil.md', source]]), color: true, planCount: 1 },
    );
    const shown = terminalText(report);
    expect(shown).toContain('\x1b[1mplans/\\u202eevil.md:3:10\x1b[0m \x1b[31merror\x1b[0m Unknown skill `nope\\u001b[2J`');
    expect(shown.replace(/\x1b\[(?:0|1|2|31|32|33|36)m/g, '').replace(/[\n\t]/g, '')).not.toMatch(raw);
  });
});

describe('codeFrame with control characters', () => {
  test('shows them as escapes and underlines what the place covers', () => {
    const frame = codeFrame('a: \x1b[2J b\n', { start: { line: 1, column: 9 }, end: { line: 1, column: 10 } });
    // `b` is the line's 9th character and the 14th shown.
    expect(frame.split('\n').slice(0, 2)).toEqual(['> 1 | a: \\u001b[2J b', `    | ${' '.repeat(13)}^`]);
  });
});

describe('oneLine', () => {
  test('shows line breaks as escapes too, so a value stays on its line', () => {
    expect(oneLine('sql\n::error file=a.md::forged\r\x1b[2J')).toBe('sql\\u000a::error file=a.md::forged\\u000d\\u001b[2J');
    expect(terminalText(oneLine('a\nb'))).toBe('a\\u000ab');
  });

  test('a code frame of a long line escapes only what it shows', () => {
    const line = `${'x'.repeat(200_000)}\x1b`;
    const frame = codeFrame(`${line}\n`, { start: { line: 1, column: 5 } });
    expect(frame.split('\n')[0]).toBe(`> 1 | ${'x'.repeat(157)}...`);
  });
});
