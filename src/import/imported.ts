/**
 * What `import` took from a résumé or a LinkedIn export, before it becomes a
 * plan: the same shape whatever the source, so one mapping writes the plan.
 * Pure data and its helpers.
 */

/** A skill as the source gave it: its name, its level in the source's words (or a number), and notes. */
export interface ImportedSkill {
  readonly name: string;
  readonly level?: string | number;
  readonly note?: string;
}

/** Everything a source gave that a plan has room for, and what it left out. */
export interface Imported {
  /** The source's name for messages and the plan's first review note (`resume.json`, `the LinkedIn export`). */
  readonly source: string;
  readonly owner: string;
  /** The current position, and the field it came from. */
  readonly role?: Sourced;
  readonly summary?: string;
  readonly skills: readonly ImportedSkill[];
  /** Qualifications, the most recent first. */
  readonly education: readonly string[];
  readonly certificates: readonly string[];
  /** Positions held, the most recent first, each as one line. */
  readonly positions: readonly string[];
  /** What the source held that the plan has no place for, by the source's own names. */
  readonly leftOut: readonly string[];
}

/** A text a source gave, with the field it came from (`work[0]`, `Profile.csv \`Headline\``). */
export interface Sourced {
  readonly text: string;
  readonly from: string;
}

/** The role: the current position when the source has one, else the title the person gives themselves; that title is left out when the position wins. Pure. */
export function roleOf(position: Sourced | undefined, title: Sourced | undefined): { role?: Sourced; leftOut: string[] } {
  if (position !== undefined) return { role: position, leftOut: title === undefined ? [] : [`${title.from} (the role is the current position)`] };
  return title === undefined ? { leftOut: [] } : { role: title, leftOut: [] };
}

/** A source that cannot be imported: the message names the file and the field. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** `text` with the field it came from, or `undefined` when there is no text. Pure. */
export function sourced(text: string | undefined, from: string): Sourced | undefined {
  return text === undefined ? undefined : { text, from };
}

/** A text from an untrusted file as one clean line: no control characters, whitespace collapsed; `undefined` when empty. Pure. */
export function cleanLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return line === '' ? undefined : line;
}

/** `from` and `to` as a span of time for a position or a qualification (`2019-09 – 2023-06`, `Jan 2020 – now`); empty when neither is known. Pure. */
export function span(from: string | undefined, to: string | undefined, current: boolean): string {
  const end = to ?? (current ? 'now' : undefined);
  if (from === undefined && end === undefined) return '';
  if (from === undefined) return ` (until ${end})`;
  return end === undefined ? ` (from ${from})` : ` (${from} – ${end})`;
}

/** A list of one line, `text` and then `when` (its span of time), or of none when there is no text: for `flatMap`. Pure. */
export function lineOf(text: string | undefined, when = ''): string[] {
  const clean = cleanLine(text);
  return clean === undefined ? [] : [`${clean}${when}`];
}

/** The parts of a line that are there, joined by `, ` (`BSc, Statistics, University of Leeds`). Pure. */
export function joined(...parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.map(cleanLine).filter((part): part is string => part !== undefined);
  return present.length === 0 ? undefined : present.join(', ');
}

/** A file's bytes as text: UTF-8, its byte order mark dropped; an ImportError naming `name` when they are not UTF-8 (`usually` says whose files are). Pure. */
export function utf8(bytes: Uint8Array, name: string, usually: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${name} is not UTF-8 text: save it again as UTF-8 (${usually})`);
  }
}
