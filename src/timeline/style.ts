/**
 * How each goal status looks besides its colour: a second cue for every
 * status that needs one: solid fill for done, a dashed outline for at-risk,
 * hatching for overdue, a dotted outline for paused, a faint outline for
 * dropped. The colours (Okabe–Ito hues, which stay apart under the common
 * colour-vision deficiencies; text dark grey on white, at least 4.5:1) are
 * tokens of the theme's stylesheet, `--tl-…` in `templates/assets/style.css`,
 * so a theme's `custom.css` changes them for the page and the PDF alike.
 * Pure data.
 */
import type { GoalStatus } from '../format/status.js';

/**
 * How a goal's bar is drawn besides its colours: the outline's width and
 * dashes, hatching, faintness. The colours are the stylesheet's
 * (`--tl-<status>-fill`, `--tl-<status>-stroke` in `templates/assets/style.css`),
 * reached through the bar's class `tl-bar--<status>`.
 */
export interface BarStyle {
  readonly strokeWidth: number;
  readonly dash?: string;
  /** Fill with the hatch pattern instead of the status's fill colour. */
  readonly hatch?: true;
  /** The bar and its steps are drawn faint. */
  readonly muted?: true;
}

/** Bar shape by status. */
export const barStyles = {
  done: { strokeWidth: 1.5 },
  active: { strokeWidth: 1.5 },
  'at-risk': { strokeWidth: 2, dash: '5 3' },
  overdue: { strokeWidth: 2, hatch: true },
  paused: { strokeWidth: 1.5, dash: '1.5 3' },
  dropped: { strokeWidth: 1, muted: true },
} as const satisfies Record<GoalStatus, BarStyle>;

/** Font sizes in viewBox units. */
export const fontSizes = { title: 12, status: 10.5, tick: 11, today: 11, legend: 11 } as const;

/** The order in which statuses appear in the legend. */
export const statusOrder: readonly GoalStatus[] = ['done', 'active', 'at-risk', 'overdue', 'paused', 'dropped'];
