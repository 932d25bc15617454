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

/** The word lists of one language, ready to match. */
export interface MeasureWords {
  readonly counts: RegExp;
  readonly dates: RegExp;
  readonly results: RegExp;
  readonly vague: RegExp;
  readonly example: string;
  /** The language the lists are in, for lower-casing (`de`). */
  readonly language: string;
}

/** Makes the locale's lists matchable. Pure. */
export function measureWords(lists: MeasureWordLists, language: string): MeasureWords {
  return {
    counts: wordList(lists.counts),
    dates: wordList(lists.dates),
    results: wordList(lists.results),
    vague: wordList(lists.vague),
    example: lists.example,
    language,
  };
}

/**
 * Whether a measure can be checked. A number of things makes it checkable
 * ("three talks", "25%"); so does a date or a result someone can see
 * ("by June", "offer letter signed"), unless it is about a feeling or being
 * better or more ("feel more confident by June"). Pure.
 */
export function isMeasurable(measure: string, words: MeasureWords): boolean {
  // A measure is a line or two; past that, a word of thousands of letters would make the patterns with two `*` slow.
  const text = measure.slice(0, longestMeasure).normalize('NFC').toLocaleLowerCase(words.language);
  // Years, `2027-06` and `Q3` are dates; any other figure counts something.
  const withoutDates = text.replace(calendarFigures, ' ');
  if (/\p{N}/u.test(withoutDates) || words.counts.test(text)) return true;
  const dated = withoutDates !== text || words.dates.test(text);
  return (dated || words.results.test(text)) && !words.vague.test(text);
}

/** The characters of a measure that are read: far more than a measure needs. */
const longestMeasure = 1000;

/** A year (1900–2099), alone or as the start of an ISO date or period (`2027-06`, `2027-Q3`, `2027-06-15`), or a quarter (`Q3`). */
const calendarFigures = /(?<![\p{L}\p{N}])(?:(?:19|20)\d\d(?:-(?:q[1-4]|\d\d)(?:-\d\d)?)?|q[1-4])(?![\p{L}\p{N}])/gu;

/**
 * One pattern for a list of words separated by commas. A word matches a
 * whole word of the measure; `*` stands for any letters, so `certif*`
 * matches `certified` and `*zeugnis` matches `Abschlusszeugnis`; words with a
 * space between them (`in writing`) match in that order.
 */
function wordList(list: string): RegExp {
  const entries = list
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  // A list left empty matches nothing.
  if (entries.length === 0) return /(?!)/u;
  const alternatives = entries.map((entry) =>
    entry
      .split(/\s+/u)
      .map((word) => word.split('*').map(escape).join('[\\p{L}\\p{N}]*'))
      .join('[^\\p{L}\\p{N}]+'),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
