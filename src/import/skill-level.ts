/**
 * A résumé's skill level, in its words or as a number, on careerplan's
 * scale from 0 (none) to 5 (expert). Pure.
 */

/** Words résumés use for a level (JSON Resume's examples and what résumé builders offer), lower case, by careerplan level. */
const levelWords = {
  0: ['none', 'no knowledge'],
  1: ['beginner', 'novice', 'learning', 'entry', 'entry level', 'fundamental awareness', 'awareness', 'anfänger', 'grundkenntnisse'],
  2: ['basic', 'elementary', 'familiar', 'limited', 'limited working', 'junior', 'good', 'gut'],
  3: ['intermediate', 'competent', 'proficient', 'professional working', 'working', 'solid', 'mid', 'mid-level', 'fortgeschritten'],
  4: ['advanced', 'very good', 'strong', 'fluent', 'full professional', 'senior', 'sehr gut', 'verhandlungssicher'],
  5: ['master', 'expert', 'native', 'native or bilingual', 'guru', 'authority', 'experte', 'muttersprache'],
} as const satisfies Record<number, readonly string[]>;

const byWord = new Map<string, number>(Object.entries(levelWords).flatMap(([level, words]) => words.map((word): [string, number] => [word, Number(level)])));

/**
 * The level a résumé's words or number stand for: a word from `levelWords`
 * (any case, `Expert level` too); a whole number 0–5 as it is; a
 * fraction of a scale (`4/5`, `7 of 10`, `80%`, a number up to 10 read as
 * out of 10, up to 100 as a percentage) rounded onto 0–5. `undefined` when
 * it is none of these. Pure.
 */
export function skillLevel(value: string | number): number | undefined {
  if (typeof value === 'number') return fromNumber(value);
  const words = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const word = byWord.get(words) ?? byWord.get(words.replace(/\s*(level|niveau|kenntnisse)$/, ''));
  if (word !== undefined) return word;
  const fraction = /^(\d+(?:[.,]\d+)?)\s*(?:\/|of|von|out of)\s*(\d+(?:[.,]\d+)?)$/.exec(words);
  if (fraction) return onScale(decimal(fraction[1]), decimal(fraction[2]));
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(words);
  if (percent) return onScale(decimal(percent[1]), 100);
  return /^\d+(?:[.,]\d+)?$/.test(words) ? fromNumber(decimal(words)) : undefined;
}

/** A bare number: 0–5 as a level, up to 10 out of ten, up to 100 a percentage. */
function fromNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (value <= 5) return Math.round(value);
  if (value <= 10) return onScale(value, 10);
  return value <= 100 ? onScale(value, 100) : undefined;
}

function onScale(value: number, scale: number): number | undefined {
  if (!(scale > 0) || !(value >= 0) || value > scale) return undefined;
  return Math.round((value / scale) * 5);
}

function decimal(text: string | undefined): number {
  return Number((text ?? '').replace(',', '.'));
}
