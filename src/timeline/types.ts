/**
 * The data passed between the timeline's parts: the words the theme gives,
 * and the laid-out geometry that the drawing turns into SVG. Read this first.
 */
import type { GoalStatus } from '../format/status.js';

/** Every visible word of the timeline; the theme translates them. */
export interface TimelineText {
  /** The accessible name of the whole chart (`<title>`). */
  readonly title: string;
  /** The accessible description of the whole chart (`<desc>`). */
  readonly description: string;
  /** The label of the vertical line at the as-of date. */
  readonly today: string;
  /** The name of each goal status. */
  readonly status: Readonly<Record<GoalStatus, string>>;
  /** Introduces a goal's start date in its tooltip. */
  readonly start: string;
  /** Introduces a goal's or step's due date in its tooltip. */
  readonly due: string;
  /** A done step, in tooltips and the legend. */
  readonly stepDone: string;
  /** An open step, in tooltips and the legend. */
  readonly stepOpen: string;
  /** Names the horizon's mark: `Horizon` before a period. */
  readonly horizon: string;
  /** A retirement horizon with a year, `{year}` filled in: `Retirement ({year})`. */
  readonly retirementYear: string;
}

/** A piece of text placed in the chart, already truncated to fit. */
export interface PlacedText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** A step's mark on its goal's row. */
export interface StepMark {
  readonly x: number;
  readonly done: boolean;
  /** Title, state and due date, for hover and screen readers. */
  readonly tooltip: string;
}

/** One goal's row: its label in the left column and its bar in the plot. */
export interface GoalRow {
  readonly id: string;
  readonly status: GoalStatus;
  /** Top of the row. */
  readonly y: number;
  readonly height: number;
  /** The goal's title, wrapped: one placed line each, at most three. */
  readonly label: readonly PlacedText[];
  /** The full title when even three lines could not hold it and the last ends in an ellipsis. */
  readonly fullTitle?: string;
  readonly statusLabel: PlacedText;
  readonly bar: { readonly x: number; readonly width: number; readonly y: number; readonly height: number };
  /** Whether the start was estimated because the goal has none. */
  readonly estimatedStart: boolean;
  /** Title, status and dates, for hover and screen readers. */
  readonly tooltip: string;
  readonly steps: readonly StepMark[];
}

/** A vertical grid line with its label; the label is absent when thinned out. */
export interface Tick {
  readonly x: number;
  readonly label?: PlacedText;
}

/** The axis: fine ticks (days, weeks, months, quarters or years) and, above them, year context. */
export interface Axis {
  readonly ticks: readonly Tick[];
  /** Year boundaries and the year at the left edge, when the fine ticks are not years. */
  readonly context: readonly Tick[];
  /** The d3-time interval the fine ticks follow, such as `month*3`; for tests and debugging. */
  readonly interval: string;
  /** Where the axis band ends and the rows begin. */
  readonly bottom: number;
}

/** One entry of the legend: a status swatch or a step mark with its word. */
export interface LegendItem {
  readonly kind: GoalStatus | 'step-done' | 'step-open';
  readonly x: number;
  readonly y: number;
  readonly label: PlacedText;
}

/** Everything the drawing needs, in viewBox units. */
export interface TimelineLayout {
  /** Prefix of every id in the SVG, unique per plan. */
  readonly idPrefix: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly axis: Axis;
  readonly rows: readonly GoalRow[];
  readonly today: { readonly x: number; readonly label: PlacedText; readonly labelWidth: number; readonly name: string; readonly date: string };
  readonly legend: readonly LegendItem[];
  /** The horizon, when it names a year or date: a dashed line where it falls inside the chart (`x`), else only its label with an arrow at the right. */
  readonly horizon?: { readonly x?: number; readonly label: PlacedText };
}
