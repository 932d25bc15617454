/**
 * How each goal status looks. Okabe–Ito hues, which stay apart under the
 * common colour-vision deficiencies, and a second cue for every status that
 * needs one: solid fill for done, a dashed outline for at-risk, hatching for
 * overdue, a dotted outline for paused, a faint outline for dropped. All text
 * is dark grey on white, at least 4.5:1. Pure data.
 */
import type { GoalStatus } from '../format/status.js';

/** The paint of a goal's bar. */
export interface BarStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dash?: string;
  /** Fill with the hatch pattern instead of `fill`. */
  readonly hatch?: true;
  /** The bar and its steps are drawn faint. */
  readonly muted?: true;
}

/** Bar paint by status. */
export const barStyles = {
  done: { fill: '#009E73', stroke: '#00704F', strokeWidth: 1.5 },
  active: { fill: '#D4E6F4', stroke: '#0072B2', strokeWidth: 1.5 },
  'at-risk': { fill: '#FBE3B0', stroke: '#A65200', strokeWidth: 2, dash: '5 3' },
  overdue: { fill: '#F9D7C4', stroke: '#B2450B', strokeWidth: 2, hatch: true },
  paused: { fill: '#E4E7EB', stroke: '#616E7C', strokeWidth: 1.5, dash: '1.5 3' },
  dropped: { fill: '#F5F7FA', stroke: '#9AA5B1', strokeWidth: 1, muted: true },
} as const satisfies Record<GoalStatus, BarStyle>;

/** The hatch pattern's lines and the colours of everything that is not a bar. */
export const colors = {
  hatch: '#B2450B',
  text: '#1F2933',
  mutedText: '#616E7C',
  secondaryText: '#52606D',
  grid: '#E4E7EB',
  yearGrid: '#9AA5B1',
  zebra: '#F5F7FA',
  today: '#1F2933',
  step: '#1F2933',
  background: '#FFFFFF',
} as const;

/** Font sizes in viewBox units. */
export const fontSizes = { title: 12, status: 10.5, tick: 11, today: 11, legend: 11 } as const;

/** The order in which statuses appear in the legend. */
export const statusOrder: readonly GoalStatus[] = ['done', 'active', 'at-risk', 'overdue', 'paused', 'dropped'];
