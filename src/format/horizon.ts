/**
 * A plan's horizon: a period (`2031`, `2031-Q2`…) or retirement, written in
 * any language careerplan speaks, with an optional year or age. The grammar,
 * in any letter case:
 *
 *   horizon   = word [ " " when | " (" when ")" ]
 *   word      = retirement | ruhestand | rente | retraite
 *   when      = YYYY | [ at | mit | à | a ] AGE [ ans | years | jahren ]
 *
 * so `retirement`, `Retirement 2055`, `retirement (2055)`, `retirement at 67`,
 * `Ruhestand 2058`, `Rente mit 67`, `retraite à 62 ans`. Pure.
 */
import { lastYear, parsePeriod, type IsoDate, type Period } from './dates.js';

/** Retirement as a horizon: its year or the owner's age then, when given. */
export interface RetirementHorizon {
  readonly kind: 'retirement';
  /** The text as written in the plan, such as `Ruhestand 2058`. */
  readonly text: string;
  readonly year?: number;
  readonly age?: number;
  /** The first and last day of `year`, when a year is given, as a period's. */
  readonly first?: IsoDate;
  readonly last?: IsoDate;
}

/** When the vision should be reached: a period, or retirement. */
export type Horizon = Period | RetirementHorizon;

/** The words for retirement in each language careerplan speaks, in lower case. */
export const retirementWords = ['retirement', 'ruhestand', 'rente', 'retraite'] as const;

/** The youngest and oldest age a retirement horizon may name. */
export const retirementAges = { min: 18, max: 99 } as const;

const word = `(${retirementWords.join('|')})`;
const age = '(?:(?:at|mit|à|a)\\s+)?(\\d{2})(?:\\s+(?:ans|years|jahren))?';
const when = `(?:(\\d{4})|${age})`;
const retirementPattern = new RegExp(`^${word}(?:\\s+${when}|\\s*\\(\\s*${when}\\s*\\))?$`, 'iu');

/** Parses a retirement horizon (see the grammar above), or returns `undefined`. Pure. */
export function parseRetirement(text: string): RetirementHorizon | undefined {
  const match = retirementPattern.exec(text.trim());
  if (!match) return undefined;
  const year = match[2] ?? match[4];
  const ageText = match[3] ?? match[5];
  if (year !== undefined) {
    const number = Number(year);
    if (number < 1000 || number > lastYear) return undefined;
    return { kind: 'retirement', text, year: number, first: `${year}-01-01`, last: `${year}-12-31` };
  }
  if (ageText !== undefined) {
    const number = Number(ageText);
    if (number < retirementAges.min || number > retirementAges.max) return undefined;
    return { kind: 'retirement', text, age: number };
  }
  return { kind: 'retirement', text };
}

/** Parses a horizon: a period, else retirement; `undefined` for anything else. Pure. */
export function parseHorizon(text: string): Horizon | undefined {
  return parsePeriod(text) ?? parseRetirement(text);
}

/** Whether a horizon is retirement rather than a period. Pure. */
export function isRetirement(horizon: Horizon): horizon is RetirementHorizon {
  return horizon.kind === 'retirement';
}

/** A case-insensitive JSON Schema pattern for retirement horizons, for editors (JSON Schema patterns have no flags). */
export const retirementJsonPattern = `^(?:${retirementWords.map(caseless).join('|')})(?:\\s.*|\\s*\\(.*\\))?$`;

function caseless(name: string): string {
  return [...name].map((letter) => `[${letter}${letter.toUpperCase()}]`).join('');
}
