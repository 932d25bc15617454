/**
 * The timeline's layout: where every goal row, bar, step mark, tick, the
 * today line and the legend go, in viewBox units, with all text measured
 * (conservatively), goal titles wrapped onto up to three lines and other
 * labels truncated, so nothing overlaps. Pure.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonth } from 'd3-time';
import type { GoalModel, PlanModel } from '../stages/model.js';
import { layoutAxis } from './axis.js';
import { utcDate } from '../format/dates.js';
import { isRetirement } from '../format/horizon.js';
import { fill } from '../lib/fill.js';
import { dateWords } from './dates.js';
import { fontSizes, statusOrder } from './style.js';
import { estimateTextWidth, truncateText } from './text-width.js';
import { wrapText } from './wrap.js';
import type { GoalRow, LegendItem, PlacedText, TimelineLayout, TimelineText } from './types.js';

/** The viewBox width: about an A4 page's text width at 96 dpi. */
export const timelineWidth = 720;

/** How far back a goal without `start` begins when nothing else dates it: a quarter before its due date. */
export const defaultGoalMonths = 3;

const edge = 4;
const columnGap = 16;
const rightPadding = 12;
const minColumn = 96;
const maxColumn = 232;
const rowHeight = 36;
/** The most lines a goal's title wraps onto; a longer title ends in an ellipsis, whole in its tooltip. */
const titleLines = 3;
/** The distance between the baselines of a title's lines. */
const lineHeight = 14;
const barHeight = 14;
const minBarWidth = 4;
/** The shortest time span drawn, so a plan of a single day still has an axis. */
const minSpanDays = 28;

/** The span of a goal's bar as UTC instants: from the start of its first day to the end of its last. */
export interface GoalSpan {
  readonly start: Date;
  readonly end: Date;
  /** The goal has no `start`, so it was estimated. */
  readonly estimated: boolean;
}

/**
 * A goal's span. Without `start` it begins at the earliest of its steps' due
 * periods and the as-of date, as long as that is before its due date;
 * otherwise (a goal already past, with no dated steps before its due) it
 * begins `defaultGoalMonths` before the end of its due date. Pure.
 */
export function goalSpan(goal: GoalModel, asOf: string): GoalSpan {
  const end = utcDay.offset(utcDate(goal.due.last), 1);
  if (goal.start) return { start: utcDate(goal.start.first), end, estimated: false };
  const known = [asOf, ...goal.steps.flatMap((step) => (step.due ? [step.due.first] : []))].sort()[0]!;
  const start = utcDate(known);
  return { start: start < utcDate(goal.due.last) ? start : utcMonth.offset(end, -defaultGoalMonths), end, estimated: true };
}

/** The instant at which a calendar date is drawn as a point: its middle, noon UTC. Pure. */
export function dayMiddle(date: string): Date {
  return new Date(utcDate(date).getTime() + 43_200_000);
}

/** The plan's time scale: every bar, dated step and the as-of date, with a little room either side. Pure. */
export function timeScale(plan: PlanModel, left: number, right: number): ScaleTime<number, number> {
  const instants = [utcDate(plan.asOf), utcDay.offset(utcDate(plan.asOf), 1)];
  for (const goal of plan.goals) {
    const span = goalSpan(goal, plan.asOf);
    instants.push(span.start, span.end);
    for (const step of goal.steps) if (step.due) instants.push(utcDate(step.due.last), utcDay.offset(utcDate(step.due.last), 1));
  }
  let start = Math.min(...instants.map(Number));
  let end = Math.max(...instants.map(Number));
  const short = minSpanDays * 86_400_000 - (end - start);
  if (short > 0) {
    start -= short / 2;
    end += short / 2;
  }
  const padding = Math.max((end - start) * 0.02, 86_400_000);
  return scaleUtc()
    .domain([utcDay.floor(new Date(start - padding)), utcDay.ceil(new Date(end + padding))])
    .range([left, right]);
}

/** Lays out the timeline of a plan with the theme's words. Pure. */
export function layoutTimeline(plan: PlanModel, text: TimelineText): TimelineLayout {
  const words = dateWords(plan.lang);
  const idPrefix = `${plan.slug.replace(/[^A-Za-z0-9_-]/g, '-') || 'plan'}-tl`;

  const widest = Math.max(0, ...plan.goals.flatMap((goal) => [estimateTextWidth(goal.title, fontSizes.title), estimateTextWidth(text.status[goal.status], fontSizes.status)]));
  const column = Math.min(maxColumn, Math.max(minColumn, Math.ceil(widest)));
  const left = edge + column + columnGap;
  const right = timelineWidth - rightPadding;
  const scale = timeScale(plan, left, right);
  const x = (instant: Date): number => scale(instant);

  const axis = layoutAxis(scale, words, { top: 0, fontSize: fontSizes.tick });
  const top = axis.bottom;

  let y = top;
  const rows = plan.goals.map((goal): GoalRow => {
    const span = goalSpan(goal, plan.asOf);
    const barX = x(span.start);
    const wrapped = wrapText(goal.title, column, fontSizes.title, titleLines);
    const lines = wrapped.length > 0 ? wrapped : [''];
    const cut = lines.at(-1)?.endsWith('…') === true && !goal.title.trimEnd().endsWith('…');
    const status = text.status[goal.status];
    // Each line past the first makes the row taller by a line; the bar stays in the row's middle.
    const height = rowHeight + Math.max(0, lines.length - 1) * lineHeight;
    const row: GoalRow = {
      id: goal.id,
      status: goal.status,
      y,
      height,
      label: lines.map((line, index) => ({ x: edge, y: y + 15 + index * lineHeight, text: line, anchor: 'start' })),
      ...(cut ? { fullTitle: goal.title } : {}),
      statusLabel: { x: edge, y: y + height - 7, text: truncateText(status, column, fontSizes.status), anchor: 'start' },
      bar: { x: barX, width: Math.max(minBarWidth, x(span.end) - barX), y: y + (height - barHeight) / 2, height: barHeight },
      estimatedStart: span.estimated,
      tooltip: [goal.title, status, ...(goal.start ? [`${text.start}: ${words.period(goal.start)}`] : []), `${text.due}: ${words.period(goal.due)}`].join('\n'),
      steps: goal.steps.flatMap((step) =>
        step.due
          ? [{ x: x(dayMiddle(step.due.last)), done: step.done, tooltip: [step.title, step.done ? text.stepDone : text.stepOpen, `${text.due}: ${words.period(step.due)}`].join('\n') }]
          : [],
      ),
    };
    y += height;
    return row;
  });
  const bottom = y;

  const todayX = x(dayMiddle(plan.asOf));
  const todayDate = words.day(plan.asOf);
  const todayName = truncateText(text.today, timelineWidth - 2 * edge - estimateTextWidth(` ${todayDate}`, fontSizes.today, true), fontSizes.today, true);
  const todayWidth = estimateTextWidth(`${todayName} ${todayDate}`, fontSizes.today, true);
  // Centred on the line, but pushed inward so it never leaves the box.
  const todayCentre = Math.min(timelineWidth - edge - todayWidth / 2, Math.max(edge + todayWidth / 2, todayX));
  const today = { x: todayX, label: { x: todayCentre, y: bottom + 15, text: `${todayName} ${todayDate}`, anchor: 'middle' as const }, labelWidth: todayWidth, name: todayName, date: todayDate };

  const horizon = layoutHorizon(plan, text, scale, { bottom, today: [todayCentre - todayWidth / 2, todayCentre + todayWidth / 2] });
  const legend = layoutLegend(plan, text, (horizon?.label.y ?? bottom + 15) + 11);
  const height = Math.ceil((legend.at(-1)?.y ?? bottom + 20) + 18);

  return {
    idPrefix,
    width: timelineWidth,
    height,
    title: text.title,
    description: text.description,
    plot: { left, right, top, bottom },
    axis,
    rows,
    today,
    legend,
    ...(horizon ? { horizon } : {}),
  };
}

/**
 * The horizon's mark, when it names a date (a period, or retirement with a year): a line and its label below the
 * plot where it falls inside the chart, else its label with an arrow at the right edge, since stretching the scale
 * decades ahead would squeeze every goal; none when it is before the chart. Beside the today label when they do
 * not meet, else on a row of its own.
 */
function layoutHorizon(
  plan: PlanModel,
  text: TimelineText,
  scale: ScaleTime<number, number>,
  at: { readonly bottom: number; readonly today: readonly [number, number] },
): TimelineLayout['horizon'] {
  const horizon = plan.horizon;
  if (horizon?.last === undefined) return undefined;
  const words = dateWords(plan.lang);
  const name = isRetirement(horizon) ? fill(text.retirementYear, { year: String(horizon.year) }) : `${text.horizon} ${words.period(horizon)}`;
  const [left, right] = scale.range() as [number, number];
  const lineX = scale(utcDay.offset(utcDate(horizon.last), 1));
  // A horizon already behind the chart has nothing left to point at.
  if (lineX < left) return undefined;
  const inside = lineX <= right;
  const shown = truncateText(inside ? name : `${name} →`, timelineWidth - 2 * edge, fontSizes.today, true);
  const width = estimateTextWidth(shown, fontSizes.today, true);
  const centre = inside ? Math.min(timelineWidth - edge - width / 2, Math.max(edge + width / 2, lineX)) : right - width / 2;
  const meets = centre - width / 2 < at.today[1] + 8 && centre + width / 2 > at.today[0] - 8;
  const y = at.bottom + (meets ? 33 : 15);
  return { ...(inside ? { x: lineX } : {}), label: { x: centre, y, text: shown, anchor: 'middle' } };
}

/** The statuses that occur and the two step marks, wrapped into lines across the width. */
function layoutLegend(plan: PlanModel, text: TimelineText, top: number): LegendItem[] {
  const swatch = 18;
  const gap = 16;
  const entries: Array<{ kind: LegendItem['kind']; word: string }> = [
    ...statusOrder.filter((status) => plan.goals.some((goal) => goal.status === status)).map((status) => ({ kind: status, word: text.status[status] })),
    ...(plan.goals.some((goal) => goal.steps.some((step) => step.due))
      ? [
          { kind: 'step-done' as const, word: text.stepDone },
          { kind: 'step-open' as const, word: text.stepOpen },
        ]
      : []),
  ];
  const items: LegendItem[] = [];
  let x = edge;
  let y = top;
  for (const entry of entries) {
    const room = timelineWidth - 2 * edge - swatch - 6;
    const word = truncateText(entry.word, room, fontSizes.legend);
    const width = swatch + 6 + estimateTextWidth(word, fontSizes.legend);
    if (x > edge && x + width > timelineWidth - edge) {
      x = edge;
      y += 18;
    }
    const label: PlacedText = { x: x + swatch + 6, y: y + 9, text: word, anchor: 'start' };
    items.push({ kind: entry.kind, x, y, label });
    x += width + gap;
  }
  return items;
}
