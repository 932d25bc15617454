/**
 * Text widths without a browser: a conservative estimate per glyph, so text
 * laid out at build time never overlaps whatever font the page supplies. Pure.
 */

/** Em widths, rounded up from wide sans-serif fonts (Inter, Segoe UI, Roboto, Helvetica). */
const narrow = new Set([...'iljtfrIJ!|.,:;\'"`()[]{}/\\ ']);
const wide = new Set([...'mwMW@%&']);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Printable ASCII and the typographic dashes, quotes and ellipsis: none of
 * them combines with a neighbour (no marks, joiners, emoji or CR LF), so each
 * is a grapheme of its own.
 */
const singles = /^[\x20-\x7e\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/** The user-perceived characters of a text, so truncation never splits an emoji or an accent. Pure. */
export function graphemes(text: string): string[] {
  // The segmenter is slow; most labels are plain text.
  if (singles.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function emWidth(grapheme: string): number {
  return (grapheme.length === 1 ? asciiWidths[grapheme.charCodeAt(0)] : undefined) ?? measureEmWidth(grapheme);
}

function measureEmWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (narrow.has(grapheme)) return 0.38;
  if (wide.has(grapheme)) return 0.95;
  if (/^[0-9]$/.test(grapheme)) return 0.64;
  if (/^[A-Z]$/.test(grapheme)) return 0.76;
  if (/^[a-z]$/.test(grapheme)) return 0.62;
  // CJK, Hangul, full-width forms and emoji take a whole em or more.
  if (code >= 0x1100) return 1.1;
  return 0.72;
}

/** `measureEmWidth` of each ASCII character, looked up instead of measured again for every label. */
const asciiWidths = Array.from({ length: 128 }, (_, code) => measureEmWidth(String.fromCharCode(code)));

/** The estimated width of a text in px at a font size; errs on the wide side. Pure. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return ems(text) * fontSize * (bold ? 1.08 : 1);
}

/** The em widths of a text's graphemes, added up from the first to the last. */
function ems(text: string): number {
  if (!singles.test(text)) return graphemes(text).reduce((sum, grapheme) => sum + emWidth(grapheme), 0);
  // One grapheme per character: added in the same order, without splitting the text first.
  let sum = 0;
  for (let index = 0; index < text.length; index++) sum += asciiWidths[text.charCodeAt(index)] ?? emWidth(text.charAt(index));
  return sum;
}

/** The text, cut and ended with an ellipsis when its estimated width exceeds `maxWidth`. Pure. */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const ellipsis = '…';
  const parts = graphemes(text);
  let kept = '';
  for (const part of parts) {
    const next = kept + part;
    if (estimateTextWidth(next.trimEnd() + ellipsis, fontSize, bold) > maxWidth) break;
    kept = next;
  }
  return kept.trimEnd() + ellipsis;
}
