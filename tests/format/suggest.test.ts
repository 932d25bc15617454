import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSuggester, distanceWithin, maxSuggestedLength, nearest, suggestionBudget } from '../../src/format/suggest.js';

/** The whole table, as `nearest` computed it before it was bounded: the reference for the banded one. */
function fullDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** `nearest` as it was: every candidate's full table. */
function unboundedNearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = fullDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.min(3, Math.floor(word.length / 3))) ? best : undefined;
}

const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

describe('distanceWithin', () => {
  it('is the full edit distance whenever that is within the bound, and bound + 1 otherwise', () => {
    fc.assert(
      fc.property(letters, letters, fc.integer({ min: 0, max: 4 }), (a, b, bound) => {
        expect(distanceWithin(a, b, bound)).toBe(Math.min(fullDistance(a, b), bound + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('computes only the band around the diagonal', () => {
    const meter = { spent: 0 };
    distanceWithin('a'.repeat(60), 'a'.repeat(60), 3, meter);
    // 60 rows of at most 7 cells, not 60 × 60.
    expect(meter.spent).toBeLessThanOrEqual(60 * 7);
  });
});

describe('nearest', () => {
  it('suggests what the full search suggested, for words of ordinary length', () => {
    fc.assert(
      fc.property(letters, fc.array(letters, { maxLength: 8 }), (word, known) => {
        expect(nearest(word, known)).toBe(unboundedNearest(word, known));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the ordinary hints', () => {
    expect(nearest('titel', ['title', 'summary', 'goals'])).toBe('title');
    expect(nearest('Python', ['python', 'sql'])).toBe('python');
    expect(nearest('stpes', ['steps', 'skills'])).toBe('steps');
    expect(nearest('zzzzzz', ['steps', 'skills'])).toBeUndefined();
  });

  it('gives no hint for a word longer than the longest it looks at', () => {
    const long = 'a'.repeat(maxSuggestedLength + 1);
    expect(nearest(long, [long, `${long}b`])).toBeUndefined();
  });
});

describe('createSuggester', () => {
  it('does no distance work for 800 unknown 100-letter names against 400 skills', () => {
    const skills = Array.from({ length: 400 }, (_, index) => `${'s'.repeat(97)}${String(index).padStart(3, '0')}`);
    const suggest = createSuggester(skills);
    for (let index = 0; index < 800; index++) expect(suggest(`${'s'.repeat(96)}x${String(index).padStart(3, '0')}`)).toBeUndefined();
    expect(suggest.spent).toBe(0);
  });

  it('spends at most its budget on 2,500 unknown names against 5,500 skills of the same length', () => {
    const skills = Array.from({ length: 5500 }, (_, index) => `skill-${String(index).padStart(5, '0')}`);
    const suggest = createSuggester(skills);
    const suggestions = Array.from({ length: 2500 }, (_, index) => suggest(`skjll-${String(index).padStart(5, '0')}`));
    // The first names still get their hint; once the budget is spent the rest get none, never a wrong one.
    expect(suggestions[0]).toBe('skill-00000');
    expect(suggestions.every((suggestion, index) => suggestion === undefined || suggestion === skills[index])).toBe(true);
    expect(suggest.spent).toBeLessThanOrEqual(suggestionBudget + 7 * maxSuggestedLength);
  });
});
