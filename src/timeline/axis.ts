/**
 * The time axis: picks the finest d3-time interval whose labels fit side by
 * side (days, weeks, months, quarters, half-years, years, decades), names the
 * ticks in the plan's language, and adds the year above finer ticks. Pure.
 */
import type { ScaleTime } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import type { DateWords } from './dates.js';
import { estimateTextWidth } from './text-width.js';
import type { Axis, Tick } from './types.js';

/** The space kept free between two labels, and between a tick line and its label. */
const labelGap = 8;
const labelInset = 4;
/** More ticks than this clutter the grid even when their labels would fit. */
const maxTicks = 16;

type Unit = 'day' | 'month' | 'year';

interface Candidate {
  readonly name: string;
  readonly interval: TimeInterval;
  readonly unit: Unit;
  /** The shortest time between two ticks, in ms, to skip intervals far too fine without making their ticks. */
  readonly least: number;
}

const dayMs = 86_400_000;

function every(interval: CountableTimeInterval, step: number): TimeInterval {
  const stepped = interval.every(step);
  if (!stepped) throw new Error(`No interval every ${step}`);
  return stepped;
}

/** From finest to coarsest; weeks start on Monday (ISO 8601). */
const candidates: readonly Candidate[] = [
  { name: 'day', interval: utcDay, unit: 'day', least: dayMs },
  { name: 'week', interval: utcMonday, unit: 'day', least: 7 * dayMs },
  { name: 'week*2', interval: every(utcMonday, 2), unit: 'day', least: 14 * dayMs },
  { name: 'month', interval: utcMonth, unit: 'month', least: 28 * dayMs },
  { name: 'month*3', interval: every(utcMonth, 3), unit: 'month', least: 90 * dayMs },
  { name: 'month*6', interval: every(utcMonth, 6), unit: 'month', least: 181 * dayMs },
  ...[1, 2, 5, 10, 20, 50, 100].map((step): Candidate => ({ name: step === 1 ? 'year' : `year*${step}`, interval: every(utcYear, step), unit: 'year', least: step * 365 * dayMs })),
];

const fieldsOf = {
  day: { day: 'numeric', month: 'short' },
  month: { month: 'short' },
  year: { year: 'numeric' },
} as const satisfies Record<Unit, Intl.DateTimeFormatOptions>;

/** Where the axis goes and how big its labels are. */
export interface AxisOptions {
  /** Top of the axis band. */
  readonly top: number;
  readonly fontSize: number;
}

interface Label {
  readonly x: number;
  readonly text: string;
  readonly width: number;
}

/** Whether the labels are in order and each ends, with a gap, before the next begins. */
function fits(labels: readonly Label[]): boolean {
  return labels.every((label, index) => {
    const next = labels[index + 1];
    return next === undefined || label.x + label.width + labelGap <= next.x;
  });
}

/** Every `step`-th label, the smallest step whose labels fit; at worst only the first. */
function thin(labels: readonly Label[]): Set<Label> {
  for (let step = 1; step < labels.length; step++) {
    const kept = labels.filter((_, index) => index % step === 0);
    if (fits(kept)) return new Set(kept);
  }
  return new Set(labels.slice(0, 1));
}

/** Lays out the ticks for a UTC scale whose range is the plot's left and right edge. Pure. */
export function layoutAxis(scale: ScaleTime<number, number>, words: DateWords, options: AxisOptions): Axis {
  const [, right] = scale.range() as [number, number];
  const ticksFor = (candidate: Candidate): Array<{ x: number; label?: Label }> =>
    scale.ticks(candidate.interval).map((tick) => {
      const x = scale(tick);
      const text = words.format(tick, fieldsOf[candidate.unit]);
      const label = { x: x + labelInset, text, width: estimateTextWidth(text, options.fontSize) };
      // A label that would run past the right edge names a period that is hardly shown: leave it out.
      return label.x + label.width <= right ? { x, label } : { x };
    });
  const labelsOf = (ticks: ReadonlyArray<{ label?: Label }>): Label[] => ticks.flatMap((tick) => (tick.label ? [tick.label] : []));

  const [start, end] = scale.domain() as [Date, Date];
  const span = end.getTime() - start.getTime();
  const chosen =
    candidates.find((candidate) => {
      if (span / candidate.least > maxTicks + 1) return false;
      const ticks = ticksFor(candidate);
      return ticks.length > 0 && ticks.length <= maxTicks && fits(labelsOf(ticks));
    }) ?? candidates[candidates.length - 1]!;
  const ticks = ticksFor(chosen);
  const kept = thin(labelsOf(ticks));
  // Years above finer ticks take a line of their own.
  const withContext = chosen.unit !== 'year';
  const tickY = options.top + (withContext ? 27 : 14);

  return {
    ticks: ticks.map(({ x, label }) => (label && kept.has(label) ? { x, label: { x: label.x, y: tickY, text: label.text, anchor: 'start' } } : { x })),
    context: withContext ? contextTicks(scale, words, options.fontSize, options.top + 12) : [],
    interval: chosen.name,
    bottom: options.top + (withContext ? 34 : 21),
  };
}

/** The year at the left edge and at every new year, when the fine ticks do not name years. */
function contextTicks(scale: ScaleTime<number, number>, words: DateWords, fontSize: number, y: number): Tick[] {
  const [start, end] = scale.domain() as [Date, Date];
  const [left, right] = scale.range() as [number, number];
  const label = (instant: Date, x: number): Label => {
    const text = words.format(instant, { year: 'numeric' });
    return { x: x + labelInset, text, width: estimateTextWidth(text, fontSize, true) };
  };
  const boundaries = utcYear.range(utcDay.offset(start, 1), end).map((instant) => ({ x: scale(instant), label: label(instant, scale(instant)) }));
  const edge = { x: left, label: label(start, left) };
  const first = boundaries[0];
  // The edge's year is dropped when the next new year follows too closely to name both.
  const all = first && !fits([edge.label, first.label]) ? boundaries : [edge, ...boundaries];
  return all.map(({ x, label: text }, index) => {
    const visible = text.x + text.width <= right && (index === 0 || fits([all[index - 1]!.label, text]));
    const tick: Tick = visible ? { x, label: { x: text.x, y, text: text.text, anchor: 'start' } } : { x };
    return tick;
  });
}
