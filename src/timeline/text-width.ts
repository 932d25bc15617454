/**
 * Text widths without a browser: a conservative estimate per glyph, so text
 * laid out at build time never overlaps whatever font the page supplies. Pure.
 */

/** Em widths, rounded up from wide sans-serif fonts (Inter, Segoe UI, Roboto, Helvetica). */
const narrow = new Set([...'iljtfrIJ!|.,:;\'"`()[]{}/\\ ']);
const wide = new Set([...'mwMW@%&']);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The user-perceived characters of a text, so truncation never splits an emoji or an accent. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function emWidth(grapheme: string): number {
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

/** The estimated width of a text in px at a font size; errs on the wide side. Pure. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  const ems = graphemes(text).reduce((sum, grapheme) => sum + emWidth(grapheme), 0);
  return ems * fontSize * (bold ? 1.08 : 1);
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
