/** Helpers for the theme tests: plans through the real stages to a model, pages parsed back into trees. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';
import { model, type PlanModel } from '../../src/stages/model.js';
import type { IndexPageContext, PlanPageContext } from '../../src/theme/context.js';
import { checkText } from '../support/plans.js';

/** The repository's own folders. */
export const repo = path.resolve(import.meta.dirname, '../..');
export const builtin = path.join(repo, 'templates');

/** The as-of date `checkText` uses. */
export const asOf = '2026-11-26';

/** Escapes text as the Markdown stand-in does. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The model of a plan's text, with escaped text standing in for inline Markdown. */
export function modelOf(text: string, slug = 'plan', file = `plans/${slug}.md`): PlanModel {
  const checked = checkText(text);
  if (!checked.plan) throw new Error(`The test plan is invalid: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  return model(checked.plan, { slug, file, asOf, locale: 'en', bodyHtml: '<p>The body.</p>', markdown: { inline: escapeHtml } });
}

/** The model of an example plan in `plans/`. */
export function examplePlan(name: string): PlanModel {
  return modelOf(readFileSync(path.join(repo, 'plans', `${name}.md`), 'utf8'), name);
}

/** A stand-in for the timeline's SVG. */
export const timelineSvg = '<svg class="stub-timeline" viewBox="0 0 10 10" role="img" aria-label="stub"></svg>';

/** The context of a plan's page. */
export function planPage(plan: PlanModel): PlanPageContext {
  return { plan, timelineSvg, root: '../', pdf: `../${plan.slug}.pdf`, generator: 'careerplan test' };
}

/** The context of an index page over some plans, with their upcoming deadlines. */
export function indexPage(plans: readonly PlanModel[], lang = 'en'): IndexPageContext {
  const deadlines = plans.flatMap((plan) => plan.deadlines.filter((d) => d.daysLeft <= 90).map((d) => ({ ...d, slug: plan.slug, owner: plan.owner, overdue: false })));
  return { plans, deadlines, asOf, lang, root: './', generator: 'careerplan test' };
}

/** A page's HTML as a tree. */
export function dom(html: string): Root {
  return fromHtml(html);
}

/** The text of a node, as `textContent` gives it, with runs of HTML white space made one space (no-break spaces stay). */
export function text(node: Nodes | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (current: Nodes): void => {
    if (current.type === 'text') parts.push(current.value);
    if ('children' in current) for (const child of current.children) walk(child as Nodes);
  };
  walk(node);
  return parts.join('').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** An element's class names. */
export function classes(element: Element | undefined): string[] {
  const value = element?.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}
