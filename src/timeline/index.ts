/**
 * The timeline: a plan's goals as bars on a time axis, drawn at build time as
 * an SVG string with no JavaScript. Pure.
 */
import type { PlanModel } from '../stages/model.js';
import { drawTimeline } from './draw.js';
import { layoutTimeline } from './layout.js';
import type { TimelineText } from './types.js';

export type { TimelineText } from './types.js';

/** Renders a plan's timeline as an `<svg>` element to inline in a page; every word comes from `text`. Pure. */
export function renderTimeline(plan: PlanModel, text: TimelineText): string {
  return drawTimeline(layoutTimeline(plan, text));
}
