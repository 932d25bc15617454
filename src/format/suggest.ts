/**
 * "Did you mean" hints: the known word nearest to a misspelt one. The work
 * is bounded whatever the input: a word longer than `maxSuggestedLength`
 * gets no hint, a candidate whose length alone puts it too far is skipped,
 * the edit distance is computed only within the allowed distance (a band
 * of the table, left as soon as a row is all too far), and a suggester
 * stops suggesting once it has spent `suggestionBudget` steps. A plan of
 * 2,500 unknown skill names against 5,500 skills once took over ten
 * minutes here. Pure.
 */

/** Words longer than this get no suggestion: a typo of a key or skill name is short. */
export const maxSuggestedLength = 64;

/** Steps (cells of the distance table, and candidates looked at) one suggester may spend: a few milliseconds. */
export const suggestionBudget = 500_000;

/** Suggests the known word nearest to a misspelt one, within the budget it was made with. */
export interface Suggester {
  (word: string): string | undefined;
  /** Steps spent so far: never more than the budget (plus one distance table, at most 7 × 64 cells). */
  readonly spent: number;
}

/** Makes a suggester over `known` that spends at most `budget` steps over all its calls: one per plan or per message list. Pure. */
export function createSuggester(known: Iterable<string>, budget: number = suggestionBudget): Suggester {
  const candidates = [...known].map((name) => ({ name, lower: name.toLowerCase() }));
  const meter = { spent: 0 };
  // The rows of the distance table, made once: a suggester compares thousands of pairs.
  const rows = distanceRows(maxSuggestedLength + 3);
  const suggest = (word: string): string | undefined => {
    if (word.length > maxSuggestedLength) return undefined;
    const lower = word.toLowerCase();
    const allowed = allowedDistance(word);
    let best: string | undefined;
    let bound = allowed;
    for (const candidate of candidates) {
      if (meter.spent >= budget) return undefined;
      meter.spent++;
      // The first of the nearest wins: only a strictly nearer candidate replaces it.
      const distance = distanceWithin(lower, candidate.lower, bound, meter, rows);
      if (distance <= bound) {
        best = candidate.name;
        bound = distance - 1;
        if (bound < 0) break;
      }
    }
    return best;
  };
  return Object.defineProperty(suggest, 'spent', { get: () => meter.spent }) as Suggester;
}

/** The known word nearest to a misspelt one, for "did you mean" hints; one call's own budget. Pure. */
export function nearest(word: string, known: Iterable<string>): string | undefined {
  return createSuggester(known)(word);
}

/** How far a word may be from its suggestion: a third of its length, at least one edit and at most three. */
function allowedDistance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/**
 * The edit distance of `a` and `b` (Levenshtein, with a transposition of
 * two neighbours as one edit) when it is at most `bound`, else `bound + 1`.
 * Only the band of cells within `bound` of the diagonal is computed (O(bound
 * × length)); each is counted in `meter`. Pure but for the meter.
 */
export function distanceWithin(a: string, b: string, bound: number, meter: { spent: number } = { spent: 0 }, rows?: DistanceRows): number {
  const over = bound + 1;
  if (bound < 0) return over;
  if (Math.abs(a.length - b.length) > bound) return over;
  const n = b.length;
  // Three rows in turn (this one, the one above, the one above that, for transpositions); cells outside the band read as `over`.
  const [first, second, third] = rows && rows[0].length >= n + 2 ? rows : distanceRows(n);
  let above2 = first.fill(over, 0, n + 2);
  let above = second.fill(over, 0, n + 2);
  let row = third.fill(over, 0, n + 2);
  for (let j = 0; j <= Math.min(n, bound); j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - bound);
    const high = Math.min(n, i + bound);
    row[low - 1] = low === 1 ? Math.min(i, over) : over;
    let rowMin = row[low - 1] as number;
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (above2[j - 2] as number) + 1);
      value = Math.min(value, over);
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (high + 1 <= n) row[high + 1] = over;
    meter.spent += high - low + 1;
    // No later row can come back within the bound (a transposition reaches two rows up, through this one).
    if (rowMin > bound) return over;
    [above2, above, row] = [above, row, above2];
  }
  return Math.min(above[n] as number, over);
}

/** Three rows of a distance table for words of up to `length` letters. */
type DistanceRows = readonly [Int32Array, Int32Array, Int32Array];

function distanceRows(length: number): DistanceRows {
  return [new Int32Array(length + 2), new Int32Array(length + 2), new Int32Array(length + 2)];
}
