/**
 * What the preview server shows beside the site's files: the problems and
 * links injected into each page, a plan's print view, and a page for a plan
 * that never built. Pure over what the live site knows, but for asking
 * whether a PDF exists.
 */
import { existsSync } from 'node:fs';
import { overlayProblems, themeProblem, type OverlayProblem } from '../diagnostics/reporters/overlay.js';
import { reservedSlugs } from '../format/slug.js';
import { pdfPath } from '../build/print-plans.js';
import { injectPreview, type PreviewState } from './inject.js';
import type { LiveSite } from './live-site.js';
import { printViewPage } from './print-view.js';

/** What the preview knows when a request comes. */
export interface PreviewNow {
  /** The live site of the current session, once there is one. */
  readonly site?: Pick<LiveSite, 'diagnostics' | 'diagnosticsOf' | 'themeError' | 'models' | 'progress'>;
  /** The config file's problems, shown on every page. */
  readonly configProblems: readonly OverlayProblem[];
  /** Whether PDFs are printed (the print view is offered). */
  readonly printing: boolean;
  /** The out folder. */
  readonly out: string;
}

/** Which page a URL path is: the index, a plan's slug, or something else. Pure. */
export function pageOf(requestPath: string): 'index' | string | undefined {
  if (requestPath === '/' || requestPath === '/index.html') return 'index';
  const match = /^\/([^/]+)\/(index\.html)?$/.exec(requestPath);
  if (!match?.[1] || reservedSlugs.has(match[1])) return undefined;
  return match[1];
}

/** The problems and links a page at `requestPath` shows. Pure. */
export function stateFor(now: PreviewNow, requestPath: string): PreviewState {
  const { site } = now;
  const global = [...now.configProblems, ...(site?.themeError ? [themeProblem(site.themeError)] : [])];
  if (site === undefined) return { problems: global };
  const page = pageOf(requestPath);
  if (page === 'index') {
    const { diagnostics, sources } = site.diagnostics();
    const progress = site.progress();
    return { problems: [...global, ...overlayProblems(diagnostics, sources)], ...(progress.built < progress.plans ? { building: progress } : {}) };
  }
  if (page === undefined) return { problems: global };
  const { sources } = site.diagnostics();
  return {
    problems: [...global, ...overlayProblems(site.diagnosticsOf(page), sources)],
    ...(now.printing ? { printView: `/__careerplan/print/${encodeURIComponent(page)}/` } : {}),
  };
}

/** Builds the page at `requestPath` if it is one the first build has not reached yet (see LiveSite.ensure). Reads plans, writes the out folder. */
export async function buildOnDemand(site: Pick<LiveSite, 'ensure'> | undefined, requestPath: string): Promise<void> {
  const page = pageOf(requestPath);
  if (site !== undefined && page !== undefined) await site.ensure(page);
}

/** `status.json`: how far the first build has come, for a page or a script waiting for it. Pure. */
export function statusJson(now: PreviewNow): string | undefined {
  return now.site === undefined ? undefined : JSON.stringify(now.site.progress());
}

/** The print view of `print/<slug>/`, for a plan the site shows. Looks whether its PDF exists. */
export function printView(now: PreviewNow, name: string): string | undefined {
  const match = /^print\/([^/]+)\/$/.exec(name);
  if (!match || !now.printing || now.site === undefined) return undefined;
  const slug = decodeURIComponent(match[1] ?? '');
  const plan = now.site.models().find((model) => model.slug === slug);
  if (plan === undefined) return undefined;
  return printViewPage({ slug, title: plan.title, lang: plan.lang, pdfReady: existsSync(pdfPath(now.out, slug)), state: stateFor(now, `/${match[1]}/`) });
}

/** A page for a plan that has never built (or an index not written yet), so its problems still show and it reloads when fixed. Pure. */
export function notBuilt(now: PreviewNow, requestPath: string): string | undefined {
  const page = pageOf(requestPath);
  if (page === undefined || now.site === undefined) return undefined;
  if (page !== 'index' && now.site.diagnosticsOf(page).length === 0) return undefined;
  const heading = page === 'index' ? 'Nothing is built yet' : `${page} is not built yet`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head><body><main><h1>${heading}</h1><p>Fix the problems shown above; this page reloads by itself.</p></main></body></html>`;
  return injectPreview(html, stateFor(now, requestPath));
}
