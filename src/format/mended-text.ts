/**
 * Text changed in memory with every character remembering where it stood in
 * the text as written, so whatever is found in the changed text is shown at
 * the author's own line and column. Pure.
 */

/** A text and, for each of its offsets (its end included), the offset it came from. */
export interface MendedText {
  readonly text: string;
  readonly origin: readonly number[];
}

/** A text not changed yet. Pure. */
export function unmended(text: string): MendedText {
  return { text, origin: Array.from({ length: text.length + 1 }, (_, offset) => offset) };
}

/** Replaces `length` characters at `start` by `insert`; inserted characters come from where the replaced ones started. Pure. */
export function splice(mended: MendedText, start: number, length: number, insert: string): MendedText {
  const from = mended.origin[start] ?? start;
  return {
    text: mended.text.slice(0, start) + insert + mended.text.slice(start + length),
    origin: [...mended.origin.slice(0, start), ...Array.from({ length: insert.length }, () => from), ...mended.origin.slice(start + length)],
  };
}

/** One replacement: `length` characters at `start` become `insert`. */
export interface Edit {
  readonly start: number;
  readonly length: number;
  readonly insert: string;
}

/** Makes replacements that do not overlap, in one pass over the text, as `splice` makes one. Pure. */
export function spliceAll(mended: MendedText, edits: readonly Edit[]): MendedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const origin: number[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(mended.text.slice(at, edit.start), edit.insert);
    for (let offset = at; offset < edit.start; offset++) origin.push(mended.origin[offset] ?? offset);
    const from = mended.origin[edit.start] ?? edit.start;
    for (let count = 0; count < edit.insert.length; count++) origin.push(from);
    at = edit.start + edit.length;
  }
  parts.push(mended.text.slice(at));
  for (let offset = at; offset < mended.origin.length; offset++) origin.push(mended.origin[offset] ?? offset);
  return { text: parts.join(''), origin };
}

/** Where an offset of the changed text stood in the text as written. Pure. */
export function originOf(mended: MendedText, offset: number): number {
  return mended.origin[Math.min(Math.max(offset, 0), mended.origin.length - 1)] ?? offset;
}
