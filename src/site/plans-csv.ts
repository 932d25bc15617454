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

/** The columns of `plans.csv`, in order: its header row (docs/commands.md describes each, for this version). */
export const plansCsvColumns = ['owner', 'plan', 'goal', 'kind', 'measure', 'goal due', 'goal status', 'step', 'step due', 'step done', 'done on', 'worth', 'overdue'] as const;

/** The byte order mark that tells spreadsheet programs the file is UTF-8. */
const byteOrderMark = '\u{FEFF}';

/**
 * How the rows are written: RFC 4180's CRLF (a field is quoted when it holds
 * a comma, a quote or any line break), and a cell a spreadsheet program would
 * run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, or their full-width forms: OWASP, "CSV Injection") gets an
 * apostrophe first, so the spreadsheet shows it as text.
 */
const dialect = { record_delimiter: 'windows', escape_formulas: true } as const;

/** `yes` or `no`. */
function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A goal's cells, the same on each of its rows: owner, plan, goal, kind, measure, goal due, goal status. */
function goalCells(plan: PlanModel, goal: GoalModel): string[] {
  return [plan.owner, plan.slug, goal.title, goal.kind, goal.measure, goal.due.last, goal.status];
}

/** A step's cells: step, step due, step done, done on, worth, overdue. */
function stepCells(step: StepModel): string[] {
  return [step.title, step.due?.last ?? '', yesNo(step.done), step.doneOn ?? '', step.worth ?? '', yesNo(step.overdue)];
}

/** The step's cells in the row of a goal without steps: empty, but for the goal's own done date and whether it is overdue. */
function noStepCells(goal: GoalModel): string[] {
  return ['', '', '', goal.doneOn ?? '', '', yesNo(goal.status === 'overdue')];
}

/** The rows of one plan in `plans.csv`, as CSV text (each ending in CRLF): a row per step of each goal, in the plan's order; one for a goal without steps. Pure. */
export function planCsv(plan: PlanModel): string {
  const records = plan.goals.flatMap((goal) => {
    const cells = goalCells(plan, goal);
    return goal.steps.length === 0 ? [[...cells, ...noStepCells(goal)]] : goal.steps.map((step) => [...cells, ...stepCells(step)]);
  });
  return records.length === 0 ? '' : stringify(records, dialect);
}

/** The text of `plans.csv` in pieces: the byte order mark and the header row, then each plan's `planCsv` as given (a string, or its UTF-8 bytes), in slug order. Pure. */
export function* plansCsvPieces<Text extends string | Uint8Array>(texts: Iterable<() => Text>): Generator<string | Text> {
  yield `${byteOrderMark}${stringify([[...plansCsvColumns]], dialect)}`;
  for (const text of texts) yield text();
}
