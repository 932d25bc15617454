import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { estimateTextWidth, graphemes, truncateText } from '../../src/timeline/text-width.js';
import { property } from '../support/property.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const bySegmenter = (text: string): string[] => Array.from(segmenter.segment(text), (part) => part.segment);

/** The characters split without the segmenter: printable ASCII and typographic punctuation. */
const singles = [...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)), '–', '—', '‘', '’', '“', '”', '…'];

/** Characters that combine with their neighbours, or that look close to the plain ones. */
const combining = ['\u0301', '\u200d', '\u200c', '\ufe0f', '\r', '\n', '\r\n', '\t', '\0', '\u0600', '\u0915\u094d', '👩', '💻', '🇩', '🇪', '🏽', '‼', 'é', 'Ç', '日', '한', '\u1100', '\u1161', '\u00a0', '\u2028', '\ud800'];

/** What the module did before it split plain text itself: the segmenter and a width per grapheme. */
function referenceWidth(text: string, fontSize: number, bold = false): number {
  const narrow = new Set([...'iljtfrIJ!|.,:;\'"`()[]{}/\\ ']);
  const wide = new Set([...'mwMW@%&']);
  const emWidth = (grapheme: string): number => {
    const code = grapheme.codePointAt(0) ?? 0;
    if (narrow.has(grapheme)) return 0.38;
    if (wide.has(grapheme)) return 0.95;
    if (/^[0-9]$/.test(grapheme)) return 0.64;
    if (/^[A-Z]$/.test(grapheme)) return 0.76;
    if (/^[a-z]$/.test(grapheme)) return 0.62;
    if (code >= 0x1100) return 1.1;
    return 0.72;
  };
  return bySegmenter(text).reduce((sum, grapheme) => sum + emWidth(grapheme), 0) * fontSize * (bold ? 1.08 : 1);
}

function referenceTruncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (referenceWidth(text, fontSize, bold) <= maxWidth) return text;
  let kept = '';
  for (const part of bySegmenter(text)) {
    const next = kept + part;
    if (referenceWidth(`${next.trimEnd()}…`, fontSize, bold) > maxWidth) break;
    kept = next;
  }
  return `${kept.trimEnd()}…`;
}

const texts = (alphabet: readonly string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));
const mixed = fc.oneof(texts(singles), texts([...singles, ...combining]), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('graphemes', () => {
  test('no two of the plain characters form one grapheme (every pair, by the segmenter)', () => {
    for (const first of singles) {
      for (const second of singles) expect(bySegmenter(first + second)).toEqual([first, second]);
    }
  });

  /** The graphemes of `text`, and how many times the segmenter was asked for them. */
  const split = (text: string): [string[], number] => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const parts = graphemes(text);
    const calls = segment.mock.calls.length;
    segment.mockRestore();
    return [parts, calls];
  };

  test('plain text: the same graphemes as the segmenter, without asking it', () => {
    fc.assert(
      fc.property(texts(singles), (text) => {
        expect(split(text)).toEqual([bySegmenter(text), 0]);
      }),
      property(500),
    );
  });

  test.each(['e\u0301', 'Née', '👩‍💻 dev', '🇩🇪', 'a\r\nb', 'x\u200dy', '‼\ufe0f', 'Café…', '\u0600a'])('%j goes through the segmenter', (text) => {
    expect(split(text)).toEqual([bySegmenter(text), 1]);
  });

  test('any text: the same graphemes as the segmenter', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(graphemes(text)).toEqual(bySegmenter(text));
      }),
      property(1_000),
    );
  });
});

describe('widths and truncation', () => {
  test('the same width and the same cut text as measuring every grapheme found by the segmenter', () => {
    fc.assert(
      fc.property(mixed, fc.integer({ min: 0, max: 400 }), fc.constantFrom(10, 11, 12.5, 13), fc.boolean(), (text, maxWidth, fontSize, bold) => {
        expect(estimateTextWidth(text, fontSize, bold)).toBe(referenceWidth(text, fontSize, bold));
        expect(truncateText(text, maxWidth, fontSize, bold)).toBe(referenceTruncate(text, maxWidth, fontSize, bold));
      }),
      property(500),
    );
  });
});
