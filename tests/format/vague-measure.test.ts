/**
 * The `vague-measure` rule against its corpus: goal measures in English and
 * German whose verdicts were written down before the rule
 * (`fixtures/measures/`). Prints each language's precision and recall, the
 * figures `docs/plan-format.md#vague-measure` gives, and every measure the
 * rule gets wrong; fails below the floor.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMeasurable } from '../../src/format/measurable.js';
import { builtinLocales } from '../../src/theme/locales.js';
import { measureWordsByLanguage } from '../../src/theme/stage-words.js';

interface Corpus {
  readonly measurable: readonly string[];
  readonly vague: readonly string[];
}

/** The lowest precision and recall the rule may have on its corpus, in each language. */
const floor = 0.9;

const templates = fileURLToPath(new URL('../../templates', import.meta.url));
const corpusOf = (language: string): Corpus =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/measures/${language}.json`, import.meta.url)), 'utf8')) as Corpus;

describe('vague-measure on its corpus', () => {
  it.each(['en', 'de'])('finds the vague measures in %s with precision and recall of at least 0.9', async (language) => {
    const words = measureWordsByLanguage(await builtinLocales(templates)).get(language);
    if (!words) throw new Error(`no word lists for ${language}`);
    const corpus = corpusOf(language);
    expect(corpus.measurable.length + corpus.vague.length).toBeGreaterThanOrEqual(60);
    // A vague measure the rule finds is a true positive: the rule's job is to find them.
    const missed = corpus.vague.filter((measure) => isMeasurable(measure, words));
    const flagged = corpus.measurable.filter((measure) => !isMeasurable(measure, words));
    const found = corpus.vague.length - missed.length;
    const precision = found / (found + flagged.length);
    const recall = found / corpus.vague.length;
    console.log(
      [
        `vague-measure, ${language}: precision ${precision.toFixed(3)} (${found} of ${found + flagged.length} warnings right), recall ${recall.toFixed(3)} (${found} of ${corpus.vague.length} vague measures found), on ${corpus.measurable.length + corpus.vague.length} measures`,
        ...missed.map((measure) => `  missed:  ${measure}`),
        ...flagged.map((measure) => `  flagged: ${measure}`),
      ].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(floor);
    expect(recall).toBeGreaterThanOrEqual(floor);
  });
});
