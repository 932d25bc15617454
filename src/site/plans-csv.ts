/**
 * The text of the site's `plans.csv`: one row per action step of every
 * built plan (and one per goal without steps), for a coach's spreadsheet.
 * RFC 4180 (commas, CRLF, fields quoted where they must be), UTF-8 with a
 * byte order mark so spreadsheet programs read its letters right, dates as
 * ISO dates. Made one plan at a time, like `plans.json`. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import type { GoalModel, PlanModel, StepModel } from '../stages/model.js';

/** The version of the columns of `plans.csv`; raised when they change. A later version only adds columns at the end. */
export const plansCsvVersion = 1;

/** The columns of `plans.csv`, in order: its header row (documented in docs/commands.md#planscsv). */
export const plansCsvColumns = ['owner', 'plan', 'goal', 'kind', 'measure', 'goal due', 'goal status', 'step', 'step due', 'step done', 'done on', 'worth', 'overdue'] as const;

/** One row of `plans.csv`, by column. */
type Row = Record<(typeof plansCsvColumns)[number], string>;

/** The byte order mark that tells spreadsheet programs the file is UTF-8. */
const byteOrderMark = '\u{FEFF}';

/**
 * What a spreadsheet program would read as a formula when a cell starts with
 * it (OWASP, "CSV Injection"): such a cell gets an apostrophe first, which the
 * spreadsheet then shows as text instead of running it.
 */
const formulaStart = /^[=+\-@\t\r]/u;

/** A text as a cell a spreadsheet shows as it is, never runs: an apostrophe before a formula's first character. Pure. */
export function safeCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** `yes` or `no`. */
function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A goal's columns, the same on each of its rows. */
function goalCells(plan: PlanModel, goal: GoalModel): Pick<Row, 'owner' | 'plan' | 'goal' | 'kind' | 'measure' | 'goal due' | 'goal status'> {
  return {
    owner: safeCell(plan.owner),
    plan: plan.slug,
    goal: safeCell(goal.title),
    kind: goal.kind,
    measure: safeCell(goal.measure),
    'goal due': goal.due.last,
    'goal status': goal.status,
  };
}

/** A step's row. */
function stepRow(plan: PlanModel, goal: GoalModel, step: StepModel): Row {
  return {
    ...goalCells(plan, goal),
    step: safeCell(step.title),
    'step due': step.due?.last ?? '',
    'step done': yesNo(step.done),
    'done on': step.doneOn ?? '',
    worth: step.worth ?? '',
    overdue: yesNo(step.overdue),
  };
}

/** The row of a goal without steps: its own done date, and whether it is overdue. */
function goalRow(plan: PlanModel, goal: GoalModel): Row {
  return { ...goalCells(plan, goal), step: '', 'step due': '', 'step done': '', 'done on': goal.doneOn ?? '', worth: '', overdue: yesNo(goal.status === 'overdue') };
}

/** The rows of one plan in `plans.csv`, as CSV text (each ending in CRLF): a row per step of each goal, in the plan's order; one for a goal without steps. Pure. */
export function planCsv(plan: PlanModel): string {
  const rows = plan.goals.flatMap((goal) => (goal.steps.length === 0 ? [goalRow(plan, goal)] : goal.steps.map((step) => stepRow(plan, goal, step))));
  return csvText(rows.map((row) => plansCsvColumns.map((column) => row[column])));
}

/** Records as RFC 4180 text: fields quoted when they hold a comma, a quote or a line break, every record ending in CRLF. */
function csvText(records: readonly (readonly string[])[]): string {
  // Every line break inside a field is a reason to quote it, not only the record delimiter.
  return records.length === 0 ? '' : stringify(records as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/u });
}

/** The text of `plans.csv` in pieces: the byte order mark and the header row, then each plan's `planCsv` as given (a string, or its UTF-8 bytes), in slug order. Pure. */
export function* plansCsvPieces<Text extends string | Uint8Array>(texts: Iterable<() => Text>): Generator<string | Text> {
  yield `${byteOrderMark}${csvText([[...plansCsvColumns]])}`;
  for (const text of texts) yield text();
}
