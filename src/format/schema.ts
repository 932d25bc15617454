/**
 * The plan format as one zod schema: the single source of truth for what a
 * plan may contain. The TypeScript types, the JSON Schema and the validator's
 * `schema` messages all come from here. Pure.
 */
import { z } from 'zod';
import { isPastLastYear, lastYear, parseDate, parsePeriod, periodPattern, type IsoDate, type Period } from './dates.js';
import { isKnownLanguage, suggestLanguage } from './language.js';
import { parseHorizon, retirementAges, retirementJsonPattern, retirementWords, type Horizon } from './horizon.js';
import { slugify } from './slug.js';
import { nearest } from './suggest.js';

/** The issue parameter that hands a schema issue to a rule other than `schema`. */
export interface RuleParams {
  readonly ruleId: string;
}

const text = z.string().min(1);
const textList = z.array(text);
const level = z.int().min(0).max(5);

const dateShape = z.string().meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
// The year's range is a hint for editors only: `period` itself rejects other numbers as a `bad-date`, as it does the same text in quotes.
const periodShape = z.union([z.string().meta({ pattern: periodPattern }), z.int().meta({ minimum: 1000, maximum: lastYear })]);

/** A `YYYY-MM-DD` date; any other text is a `bad-date`, whose message ends with `alternative`, or is `inWords` where that has one. */
const dateOr = (alternative = '', inWords: (value: string) => string | undefined = () => undefined) =>
  dateShape.transform((value, ctx): IsoDate => {
    const parsed = parseDate(value);
    if (parsed) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: isPastLastYear(value) ? pastLastYear(value) : (inWords(value) ?? `Unexpected date \`${value}\`, expected a real calendar date as YYYY-MM-DD${alternative}`),
      params: { ruleId: 'bad-date' } satisfies RuleParams,
    });
    return z.NEVER;
  });

const date = dateOr();

/** The message for a date after the last year a calendar can hold. */
function pastLastYear(value: string): string {
  return `Unexpected date \`${value}\` after the year ${lastYear}, expected a date up to ${lastYear}-12-31: calendars cannot hold later dates`;
}

/** When something was done: a date, or `true` when the date does not matter. */
const done = z.union([dateOr(', or `true`', doneInWords), z.boolean()]);

/** The message for `done: yes` or `done: no` (YAML reads these words as text, not true/false), in any case and in each language careerplan speaks. */
function doneInWords(value: string): string | undefined {
  if (/^(?:yes|y|on|ja|oui)$/i.test(value)) return `Unexpected \`done: ${value}\`, expected the date it was done as YYYY-MM-DD, or \`true\`: write \`done: true\` when the date does not matter`;
  if (/^(?:no|n|off|nein|non)$/i.test(value)) return `Unexpected \`done: ${value}\`, expected the date it was done as YYYY-MM-DD, or \`true\`: while it is not done, leave \`done\` out`;
  return undefined;
}

/** A day, month, quarter or year; an unquoted year arrives as a number. */
const period = periodShape.transform((value, ctx): Period => {
  const parsed = parsePeriod(String(value));
  if (parsed) return parsed;
  ctx.addIssue({
    code: 'custom',
    message: isPastLastYear(String(value)) ? pastLastYear(String(value)) : `Unexpected period \`${value}\`, expected a real date or period: YYYY-MM-DD, YYYY-MM, YYYY-Qn (n from 1 to 4) or YYYY`,
    params: { ruleId: 'bad-date' } satisfies RuleParams,
  });
  return z.NEVER;
});

const horizonShape = z.union([
  z.string().meta({ pattern: periodPattern }),
  z.string().meta({ pattern: retirementJsonPattern }),
  z.int().meta({ minimum: 1000, maximum: lastYear }),
]);

/** A period, or retirement with an optional year or age (see `horizon.ts`). */
const horizon = horizonShape.transform((value, ctx): Horizon => {
  const written = String(value);
  const parsed = parseHorizon(written.trim());
  if (parsed) return parsed;
  const dateLike = /^\d/.test(written);
  ctx.addIssue({
    code: 'custom',
    message: dateLike
      ? isPastLastYear(written) ? pastLastYear(written) : `Unexpected horizon \`${written}\`, expected a real date or period: YYYY-MM-DD, YYYY-MM, YYYY-Qn (n from 1 to 4) or YYYY`
      : horizonExpectation(written),
    ...(dateLike ? { params: { ruleId: 'bad-date' } satisfies RuleParams } : {}),
  });
  return z.NEVER;
});

/** What a horizon that is neither a period nor retirement should be, with a hint for a misspelt word. */
function horizonExpectation(written: string): string {
  const first = written.trim().split(/[\s(]/u)[0] ?? '';
  if ((retirementWords as readonly string[]).includes(first.toLowerCase())) {
    return `retirement alone, with a year up to ${lastYear} (\`${first} 2058\`) or with an age from ${retirementAges.min} to ${retirementAges.max} (\`${first} at 67\`, \`${first} mit 67\`, \`${first} à 62 ans\`)`;
  }
  const suggestion = nearest(first, retirementWords);
  const hint = suggestion && suggestion !== first.toLowerCase() ? `: did you mean \`${suggestion}\`?` : '';
  return `a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY), or retirement with a year or an age if you like: \`retirement 2055\`, \`retirement at 67\`, \`Ruhestand mit 67\`, \`retraite à 62 ans\`${hint}`;
}

const languageTag = text.superRefine((tag, ctx) => {
  let wellFormed: boolean;
  try {
    wellFormed = Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    wellFormed = false;
  }
  if (wellFormed && isKnownLanguage(tag)) return;
  // A language's name (`Deutsch`) or a slip (`ed`) gets the tag it most likely meant.
  const suggestion = suggestLanguage(tag);
  const hint = suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`;
  ctx.addIssue({ code: 'custom', message: `a BCP 47 language tag such as \`en\`, \`de\`, \`fr\` or \`pt-BR\`${hint}` });
});

export const skillKinds = ['technical', 'people', 'domain', 'other'] as const;
export const goalKinds = ['professional', 'personal'] as const;
export const goalStatuses = ['active', 'paused', 'dropped'] as const;
export const evaluations = ['yes', 'partly', 'no'] as const;

/** A step's evaluation: was it worth the time? */
export type Evaluation = (typeof evaluations)[number];

/** The words for each evaluation in each language careerplan speaks (en, de, fr), in lower case; `worth` takes them in any case. */
export const evaluationWords = {
  yes: ['yes', 'ja', 'oui'],
  partly: ['partly', 'teilweise', 'en partie'],
  no: ['no', 'nein', 'non'],
} as const satisfies Record<Evaluation, readonly string[]>;

// English first, then German, then French: the order messages list them in.
const allEvaluationWords = [0, 1, 2].flatMap((language) => evaluations.map((evaluation) => evaluationWords[evaluation][language] as string));

/** The evaluation a word means, in any letter case and language careerplan speaks, or `undefined`. Pure. */
export function evaluationOf(word: string): Evaluation | undefined {
  const lower = word.trim().replace(/\s+/gu, ' ').toLowerCase();
  return evaluations.find((evaluation) => (evaluationWords[evaluation] as readonly string[]).includes(lower));
}

/** `worth`: a word of `evaluationWords` in any case, or `true`/`false` for `yes`/`no`. */
const worth = z.union([z.string().meta({ examples: allEvaluationWords }), z.boolean()]).transform((value, ctx): Evaluation => {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const found = evaluationOf(value);
  if (found) return found;
  ctx.addIssue({ code: 'invalid_value', values: allEvaluationWords, input: value, message: 'expected an evaluation' });
  return z.NEVER;
});
export const opportunityStatuses = [
  'watching',
  'applied',
  'interviewing',
  'offered',
  'accepted',
  'declined',
  'passed',
] as const;

/** A skill in the inventory, before its default id is filled in. */
export const skillObject = z
  .object({
    name: text.describe('The skill, as the owner names it'),
    id: text.optional().describe('How goals and opportunities refer to it; default: slug of the name'),
    kind: z.enum(skillKinds).default('technical'),
    level: level.describe('Level now, 0 (none) to 5 (expert)'),
    target: level.describe('Level needed, 0 to 5'),
    note: text.optional(),
  })
  .describe('A skill: level now and level needed');

const skill = skillObject.transform((value) => ({ ...value, id: value.id ?? slugify(value.name) }));

/** An action step written out as a mapping. */
export const stepObject = z
  .object({
    title: text,
    due: period.optional(),
    resources: textList.optional().describe('What the step needs: time off, money, a mentor'),
    done: done.optional().describe('When the step was done, or `true`'),
    worth: worth.optional().describe('Evaluation after completing the step: was it worth the time? `yes`, `partly` or `no`, in any case and in German or French too'),
    reflection: text.optional(),
  })
  .describe('An action step');

/** A step after normalising: the shorthand string is a title. */
type StepOut = z.output<typeof stepObject>;

const step = z.union([text.describe('A step given by its title alone'), stepObject]).transform((value): StepOut => (typeof value === 'string' ? { title: value } : value));

/** A goal, before its default id is filled in. */
export const goalObject = z
  .object({
    title: text,
    id: text.optional().describe('Permanent id; default: slug of the title'),
    kind: z.enum(goalKinds).default('professional'),
    measure: text.describe('The measurable outcome'),
    start: period.optional().describe('When work starts (its first day)'),
    due: period.describe('The timeline: when the goal is due (its last day)'),
    skills: textList.optional().describe('Skill ids or names this goal builds'),
    status: z.enum(goalStatuses).default('active'),
    done: done.optional().describe('The date the goal was achieved, or `true`'),
    steps: z.array(step).min(1).describe('At least one action step'),
  })
  .describe('A goal with a measurable outcome, a timeline and action steps');

const goal = goalObject.transform((value) => ({ ...value, id: value.id ?? slugify(value.title) }));

/** A job advancement opportunity being weighed. */
export const opportunityObject = z
  .object({
    title: text,
    date: period.optional(),
    status: z.enum(opportunityStatuses).default('watching'),
    requires: z.record(text, level).optional().describe('Skill id or name → level required'),
    note: text.optional(),
  })
  .describe('A job advancement opportunity');

/** Whether education is sufficient; `needed` marks a gap. */
export const educationObject = z.object({
  current: text,
  needed: text.optional(),
  note: text.optional(),
});

/** The frontmatter of a plan. */
export const planObject = z
  .object({
    title: text.describe("The plan's title"),
    owner: text.describe('Whose plan it is'),
    role: text.optional().describe("The owner's current position"),
    created: date.optional(),
    reviewed: date.optional(),
    horizon: horizon.optional().describe('When the vision should be reached: a date or period, or retirement (`retirement`, `retirement 2055`, `Ruhestand mit 67`)'),
    vision: text.optional().describe('Where the owner wants to be at the horizon (inline Markdown)'),
    priorities: textList.optional(),
    strengths: textList.optional(),
    weaknesses: textList.optional(),
    skills: z.array(skill).optional(),
    education: educationObject.optional(),
    goals: z.array(goal).min(1),
    opportunities: z.array(opportunityObject).optional(),
    lang: languageTag.optional().describe('Language for dates and labels (BCP 47)'),
  })
  .describe('A career action plan (careerplan format v1)');

/** The schema of a plan's frontmatter. */
export const planSchema = planObject;

/** A validated plan, with defaults filled in. */
export type Plan = z.output<typeof planSchema>;
export type Skill = Plan extends { skills?: Array<infer S> | undefined } ? S : never;
export type Goal = Plan['goals'][number];
export type Step = Goal['steps'][number];
export type Opportunity = NonNullable<Plan['opportunities']>[number];

/** The mapping and item schemas of each list in a plan, for checking items field by field. */
export const listItems = {
  skills: { object: skillObject, item: skill },
  goals: { object: goalObject, item: goal },
  opportunities: { object: opportunityObject, item: opportunityObject },
} as const;

/** The schema of one action step. */
export const stepItem = step;

/** The mappings of the format by name, for rules that walk keys. */
export const mappings = {
  plan: planObject,
  skill: skillObject,
  goal: goalObject,
  step: stepObject,
  opportunity: opportunityObject,
  education: educationObject,
} as const;

/** The plan format's JSON Schema (draft 2020-12), for editors and other tools. Pure. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'careerplan plan',
  };
}
