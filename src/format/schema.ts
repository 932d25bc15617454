/**
 * The plan format as one zod schema: the single source of truth for what a
 * plan may contain. The TypeScript types, the JSON Schema and the validator's
 * `schema` messages all come from here. Pure.
 */
import { z } from 'zod';
import { isPastLastYear, lastYear, parseDate, parsePeriod, periodPattern, type IsoDate, type Period } from './dates.js';
import { slugify } from './slug.js';

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

const languageTag = text.refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'a BCP 47 language tag such as `en`, `de` or `pt-BR`' },
);

export const skillKinds = ['technical', 'people', 'domain', 'other'] as const;
export const goalKinds = ['professional', 'personal'] as const;
export const goalStatuses = ['active', 'paused', 'dropped'] as const;
export const evaluations = ['yes', 'partly', 'no'] as const;
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
    worth: z
      .union([z.enum(evaluations), z.boolean()])
      .optional()
      .describe('Evaluation after completing the step: was it worth the time?'),
    reflection: text.optional(),
  })
  .describe('An action step');

/** A step after normalising: the shorthand string is a title, `worth: true` is `yes`. */
type StepOut = Omit<z.output<typeof stepObject>, 'worth'> & { worth?: (typeof evaluations)[number] };

const step = z.union([text.describe('A step given by its title alone'), stepObject]).transform((value): StepOut => {
  if (typeof value === 'string') return { title: value };
  const { worth, ...rest } = value;
  if (worth === undefined) return rest;
  return { ...rest, worth: typeof worth === 'boolean' ? (worth ? 'yes' : 'no') : worth };
});

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
    horizon: period.optional().describe('When the vision should be reached'),
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
