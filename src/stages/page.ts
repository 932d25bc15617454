/**
 * A checked plan's page data: its model, with the body and the inline
 * Markdown strings rendered to HTML and their local links rewritten, and
 * the local files the page needs copied.
 * Pure but for looking at the linked files (`inspectPath`, which never opens them).
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { inspectPath } from '../edges/attachments.js';
import { isInside } from '../lib/paths.js';
import type { Checked } from '../types.js';
import type { HtmlRenderer, UrlRewrite } from '../markdown/html.js';
import { resolveLocalUrl, type Copy } from '../markdown/media.js';
import { model, type PlanModel } from './model.js';
import { applyView } from '../site/view.js';

/** A plan ready to render: its model and the files to copy into the site. */
export interface PlanPage {
  readonly model: PlanModel;
  readonly copies: readonly Copy[];
}

/** What every page of a build shares. */
export interface PageContext {
  readonly html: HtmlRenderer;
  /** `view`: the audience view whose omitted parts are left out of the page and the model. */
  readonly config: Pick<Config, 'plans' | 'asOf' | 'locale' | 'view'>;
}

/** The page of a plan that has a plan object (valid enough to build), as the config's view shows it. */
export function planPage(whole: Checked & { readonly plan: NonNullable<Checked['plan']> }, context: PageContext): PlanPage {
  const { config, html } = context;
  // Everything below — the body's HTML, the files it links, the model that the page, the PDF, the calendar and plans.json come from — sees only the view.
  const checked = applyView(whole, config.view);
  const copies: Copy[] = [];
  const plansRoot = isInside(config.plans, checked.source.absolutePath) ? config.plans : path.dirname(checked.source.absolutePath);
  // The body and the inline Markdown strings (`vision`, notes, reflections) share one rewrite: a link publishes the same file wherever it is written.
  const rewrite: UrlRewrite = (url) => {
    const resolved = resolveLocalUrl(url, { planFile: checked.source.absolutePath, plansRoot, slug: checked.slug, inspect: inspectPath });
    if (resolved?.copy) copies.push(resolved.copy);
    return resolved?.url;
  };
  const bodyHtml = checked.body ? html.body(checked.body, rewrite) : '';
  const markdown = { inline: (text: string): string => html.inline(text, rewrite) };
  return {
    model: model(checked.plan, { slug: checked.slug, file: checked.source.path, asOf: config.asOf, locale: config.locale, bodyHtml, markdown }),
    copies,
  };
}

/** Whether a checked plan is built: it has a plan object and no errors. */
export function isBuildable(checked: Checked): checked is Checked & { readonly plan: NonNullable<Checked['plan']> } {
  return checked.plan !== undefined && !checked.diagnostics.some((d) => d.severity === 'error');
}
