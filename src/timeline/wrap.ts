/**
 * Wraps a label into lines that fit a width, by the same conservative width
 * estimate as the rest of the timeline: at spaces, and a word wider than the
 * whole line (a long German compound) split with a hyphen, never cut bare.
 * Only what is left beyond the last allowed line ends in an ellipsis. Pure.
 */
import { estimateTextWidth, graphemes, truncateText } from './text-width.js';

/** A line of a wrapped label; `split` when it ends in the middle of a word (drawn with a hyphen). */
interface Line {
  readonly text: string;
  readonly split: boolean;
}

/** The lines of `text` at `fontSize`, each at most `maxWidth` wide, at most `maxLines` of them. Pure. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines = wrapLines(text, maxWidth, fontSize);
  const shown = (line: Line): string => (line.split ? `${line.text}-` : line.text);
  if (lines.length <= maxLines) return lines.map(shown);
  // What does not fit is read again as the text it came from (a split word joined up) and cut with an ellipsis.
  const rest = lines.slice(maxLines - 1).reduce((joined, line) => joined + line.text + (line.split ? '' : ' '), '');
  return [...lines.slice(0, maxLines - 1).map(shown), truncateText(rest.trimEnd(), maxWidth, fontSize)];
}

/** All the lines of a text, as many as it takes. */
function wrapLines(text: string, maxWidth: number, fontSize: number): Line[] {
  const fits = (line: string): boolean => estimateTextWidth(line, fontSize) <= maxWidth;
  const lines: Line[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push({ text: line, split: false });
    const pieces = fits(word) ? [word] : splitWord(word, maxWidth, fontSize);
    lines.push(...pieces.slice(0, -1).map((piece) => ({ text: piece, split: true })));
    line = pieces.at(-1) ?? '';
  }
  if (line !== '') lines.push({ text: line, split: false });
  return lines;
}

/** A word too wide for a line, in pieces that each fit with a hyphen after them. */
function splitWord(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const grapheme of graphemes(word)) {
    if (piece !== '' && estimateTextWidth(`${piece}${grapheme}-`, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += grapheme;
  }
  return [...pieces, piece];
}
