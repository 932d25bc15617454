/**
 * Whether a goal's measure can be checked: whether someone else could
 * confirm, on a given day, that the goal is reached. The words that tell
 * are data, one set per language, written in the theme's locale files
 * (`smart.counts`, `smart.dates`, `smart.results`, `smart.vague`); this
 * module only reads them. Pure.
 */

/** The word lists of one language as the locale writes them: words separated by commas. */
export interface MeasureWordLists {
  /** Number words: `three`, `twice`, `half`. */
  readonly counts: string;
  /** Words of the calendar: months, `week`, `deadline`. */
  readonly dates: string;
  /** Results someone can see or be shown: `signed`, `passed`, `certificate*`, `in writing`. */
  readonly results: string;
  /** Feelings and wishes to be better or more: `confident`, `better`, `improve*`. */
  readonly vague: string;
  /** A measure that can be checked, shown as the example of the rule's message. */
  readonly example: string;
}

/**
 * A list ready to match: each entry is the words it needs in a row, each
 * word split at its `*` (`certif*` → `certif`, `` ``), so a word of the
 * measure matches when it starts with the first part, ends with the last
 * and holds the others in order between them.
 */
export type WordList = ReadonlyArray<ReadonlyArray<readonly string[]>>;

/** The word lists of one language, ready to match. */
export interface MeasureWords {
  readonly counts: WordList;
  readonly dates: WordList;
  readonly results: WordList;
  readonly vague: WordList;
  readonly example: string;
  /** The language the lists are in, for lower-casing (`de`). */
  readonly language: string;
}

/** Makes the locale's lists matchable. Pure. */
export function measureWords(lists: MeasureWordLists, language: string): MeasureWords {
  const list = (text: string): WordList =>
    text
      .split(',')
      .map((entry) => wordsOf(entry.toLocaleLowerCase(language), /[^\p{L}\p{N}*]+/u).map((word) => word.split('*')))
      .filter((entry) => entry.length > 0);
  return { counts: list(lists.counts), dates: list(lists.dates), results: list(lists.results), vague: list(lists.vague), example: lists.example, language };
}

/**
 * Whether a measure can be checked. A number of things makes it checkable
 * ("three talks", "25%"); so does a date or a result someone can see
 * ("by June", "offer letter signed"), unless it is about a feeling or being
 * better or more ("feel more confident by June"). Pure.
 */
export function isMeasurable(measure: string, words: MeasureWords): boolean {
  // A measure is a line or two: what is past that is not read.
  const text = measure.slice(0, longestMeasure).normalize('NFC').toLocaleLowerCase(words.language);
  // Years, `2027-06` and `Q3` are dates; any other figure counts something.
  const withoutDates = text.replace(calendarFigures, ' ');
  const said = wordsOf(text, nonWord);
  if (/\p{N}/u.test(withoutDates) || holds(said, words.counts)) return true;
  const dated = withoutDates !== text || holds(said, words.dates);
  return (dated || holds(said, words.results)) && !holds(said, words.vague);
}

/** The characters of a measure that are read: far more than a measure needs. */
const longestMeasure = 1000;

/** What stands between words. */
const nonWord = /[^\p{L}\p{N}]+/u;

/** A year (1900–2099), alone or as the start of an ISO date or period (`2027-06`, `2027-Q3`, `2027-06-15`), or a quarter (`Q3`). */
const calendarFigures = /(?<![\p{L}\p{N}])(?:(?:19|20)\d\d(?:-(?:q[1-4]|\d\d)(?:-\d\d)?)?|q[1-4])(?![\p{L}\p{N}])/gu;

/** The words of a text, split where `between` matches. */
function wordsOf(text: string, between: RegExp): string[] {
  return text.split(between).filter((word) => word !== '');
}

/** Whether the measure's words hold an entry of the list: its words, in a row. */
function holds(said: readonly string[], list: WordList): boolean {
  return list.some((entry) => said.some((_, start) => entry.every((word, offset) => fits(said[start + offset], word))));
}

/** Whether a word of the measure fits a word of a list: the parts of its glob at its start, end and in order between. */
function fits(word: string | undefined, parts: readonly string[]): boolean {
  if (word === undefined) return false;
  const [first = '', ...rest] = parts;
  const last = rest.pop();
  if (last === undefined) return word === first;
  if (!word.startsWith(first) || word.length < first.length + last.length) return false;
  let at = first.length;
  for (const part of rest) {
    at = word.indexOf(part, at);
    if (at < 0) return false;
    at += part.length;
  }
  return at <= word.length - last.length && word.endsWith(last);
}
