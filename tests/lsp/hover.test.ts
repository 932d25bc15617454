import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/format/dates.js';
import { hoverAt, periodInWords } from '../../src/lsp/hover.js';
import { formatDocs } from '../../src/lsp/format-docs.js';

describe('periodInWords', () => {
  it('names a quarter by its months, a month, a year and a day, in the plan\'s language', () => {
    const words = (text: string, lang = 'en'): string => periodInWords(parsePeriod(text)!, lang);
    expect(words('2027-Q2')).toMatch(/^\*\*April\s–\sJune 2027\*\*: April 1\s–\sJune 30, 2027$/u);
    expect(words('2027-06')).toMatch(/^\*\*June 2027\*\*: June 1\s–\s30, 2027$/u);
    expect(words('2027')).toMatch(/^\*\*2027\*\*: January 1\s–\sDecember 31, 2027$/u);
    expect(words('2027-06-15')).toBe('**June 15, 2027**');
    expect(words('2027-Q2', 'de')).toMatch(/^\*\*April–Juni 2027\*\*/u);
  });
});

describe('hoverAt', () => {
  it('shows a date\'s days in the plan\'s own language, and nothing in the body', () => {
    const text = '---\ntitle: A\nlang: de\ngoals:\n  - due: 2027-Q2\n---\n2027-Q2\n';
    const hover = hoverAt(text, { line: 4, character: 12 }, formatDocs(''), []);
    expect(hover?.contents).toMatchObject({ value: expect.stringMatching(/^\*\*April–Juni 2027\*\*/u) as unknown });
    expect(hoverAt(text, { line: 6, character: 2 }, formatDocs(''), [])).toBeUndefined();
  });
});
