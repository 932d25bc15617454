/**
 * The shape of a plan's model as `plans.json` holds it, as a zod schema:
 * what `merge` checks every plan of a slice against before it writes
 * anything. The model's types are declared in `model.ts`; the compile-time
 * checks at the end of this file fail when the two part, so the schema
 * cannot drift from the model. Pure.
 */
import { z } from 'zod';
import { parseDate, parsePeriod, periodKinds } from '../format/dates.js';
import { evaluations, goalKinds, opportunityStatuses, skillKinds } from '../format/schema.js';
import { goalStatuses } from '../format/status.js';
import { isPlanSlug } from '../format/slug.js';
import type { PlanModel } from '../stages/model.js';

const isoDate = z.string().refine((value) => parseDate(value) !== undefined, { message: 'expected a date as YYYY-MM-DD' });
const count = z.int().min(0);
const period = z
  .object({ kind: z.enum(periodKinds), text: z.string(), first: isoDate, last: isoDate })
  .refine((value) => parsePeriod(value.text) !== undefined, { message: 'expected a period as a plan writes it' });
/** Retirement as a horizon (`format/horizon.ts`): `first` and `last` are its year's, when a year is given. */
const retirement = z.object({
  kind: z.literal('retirement'),
  text: z.string(),
  year: z.int().optional(),
  age: z.int().optional(),
  first: isoDate.optional(),
  last: isoDate.optional(),
});
const progress = z.object({ done: count, total: count, ratio: z.number().min(0).max(1) });
const goalStatus = z.enum(goalStatuses);
const evaluation = z.enum(evaluations);

const stepModel = z.object({
  index: count,
  title: z.string(),
  due: period.optional(),
  resources: z.array(z.string()),
  done: z.boolean(),
  doneOn: isoDate.optional(),
  worth: evaluation.optional(),
  reflectionHtml: z.string().optional(),
  overdue: z.boolean(),
});

const goalModel = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(goalKinds),
  measure: z.string(),
  start: period.optional(),
  due: period,
  status: goalStatus,
  doneOn: isoDate.optional(),
  progress,
  nextStep: stepModel.optional(),
  daysLeft: z.int(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  steps: z.array(stepModel),
});

const skillModel = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(skillKinds),
  level: count,
  target: count,
  gap: count,
  noteHtml: z.string().optional(),
  neededBy: z.object({
    goals: z.array(z.object({ id: z.string(), title: z.string() })),
    opportunities: z.array(z.object({ index: count, title: z.string() })),
  }),
});

const fitModel = z.object({ skill: z.string(), name: z.string(), level: count, required: count, met: z.boolean() });

const opportunityModel = z.object({
  index: count,
  title: z.string(),
  date: period.optional(),
  status: z.enum(opportunityStatuses),
  noteHtml: z.string().optional(),
  fit: z.array(fitModel),
  fitProgress: progress,
});

const deadline = z.object({
  date: isoDate,
  period,
  goalId: z.string(),
  goalTitle: z.string(),
  stepTitle: z.string().optional(),
  daysLeft: z.int(),
});

/** One plan's model in `plans.json`. */
export const planModelSchema = z.object({
  slug: z.string().refine(isPlanSlug, { error: "expected a plan's name as careerplan makes it from a file name (letters, digits and dashes), not a folder of the site or a hidden one" }),
  file: z.string(),
  lang: z.string(),
  asOf: isoDate,
  title: z.string(),
  owner: z.string(),
  role: z.string().optional(),
  created: isoDate.optional(),
  reviewed: isoDate.optional(),
  horizon: z.union([period, retirement]).optional(),
  visionHtml: z.string().optional(),
  priorities: z.array(z.string()),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  skills: z.array(skillModel),
  education: z.object({ current: z.string(), needed: z.string().optional(), noteHtml: z.string().optional(), gap: z.boolean() }).optional(),
  goals: z.array(goalModel),
  opportunities: z.array(opportunityModel),
  bodyHtml: z.string(),
  progress,
  nextDeadline: deadline.optional(),
  deadlines: z.array(deadline),
  statusCounts: z.object({ done: count, active: count, 'at-risk': count, overdue: count, paused: count, dropped: count }),
  overdue: z.object({ goals: count, steps: count, items: z.array(deadline) }),
  evaluations: z.object({ yes: count, partly: count, no: count, missing: count }),
});

/** Where the first problem of a value that is not a plan's model lies, and what it is, as a sentence part; undefined for a valid model. Pure. */
export function modelProblem(value: unknown): string | undefined {
  const result = planModelSchema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (issue === undefined) return 'expected a plan';
  const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${where === '' ? 'the plan' : `\`${where}\``}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

/** What is wrong with the first plan of a `plans.json` list that is not a plan's model as careerplan writes it; undefined when all are. Pure. */
export function modelsProblem(plans: readonly unknown[]): string | undefined {
  for (const [index, plan] of plans.entries()) {
    const problem = modelProblem(plan);
    const slug = typeof plan === 'object' && plan !== null && 'slug' in plan ? ` (\`${String(plan.slug)}\`)` : '';
    if (problem !== undefined) return `expected plan ${index + 1}${slug} as careerplan writes it, but ${problem}`;
  }
  return undefined;
}

// The schema and the model's types must describe one shape: each fails to compile when they part.
type Parsed = z.output<typeof planModelSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<DeepWritable<PlanModel>, DeepWritable<Parsed>> = true;
void schemaMatchesModel;

/** A type with every `readonly` and `?` taken off, all the way down (an optional key may be undefined): zod's output writes both otherwise. */
type DeepWritable<T> = T extends string | number | boolean | undefined
  ? T
  : T extends ReadonlyArray<infer Item>
    ? DeepWritable<Item>[]
    : { -readonly [K in keyof T]-?: DeepWritable<Exclude<T[K], undefined>> | (undefined extends T[K] ? undefined : never) };
