/**
 * The print stage: what a plan's PDF is made of besides its page — the
 * running header and footer (the theme's `partials/pdf-header.hbs` and
 * `partials/pdf-footer.hbs`, in the plan's language) and the document's
 * metadata. A plan's PDF and a review's differ only in their words. Pure:
 * the browser that prints the job is an edge (`print/printer.ts`).
 */
import type { Config } from '../config/config.js';
import type { PdfMetadata } from '../print/metadata.js';
import type { PrintJob, PrintSettings } from '../print/printer.js';
import type { PageOfPart } from '../theme/context.js';
import { fill, formatDate } from '../theme/format.js';
import { textOf } from '../theme/words.js';
import type { Theme } from '../theme/theme.js';
import type { PlanModel } from './model.js';

/** What printing needs of a plan besides its page: names for the file, the running header and footer, and the PDF's metadata. */
export type PrintedPlan = Pick<PlanModel, 'slug' | 'file' | 'title' | 'owner' | 'lang' | 'asOf'>;

/** What every print job of a run shares. */
export interface PrintContext {
  /** The theme whose templates make the header and footer. */
  readonly theme: Pick<Theme, 'renderPrintMargin' | 'words'>;
  readonly settings: PrintSettings;
  /** `careerplan <version>`, the PDF's creator. */
  readonly generator: string;
  /** A plan's PDF in the site (default), or the PDF of `careerplan review`. */
  readonly kind?: 'plan' | 'review';
}

/** A plan ready for the printer: the job, and the metadata to set on the PDF it gives. */
export interface PrintPlan {
  readonly job: PrintJob;
  readonly metadata: PdfMetadata;
}

/** The print job of a plan's page (its HTML, links relative to `<out>/<slug>/`): header, footer and metadata in its language. Pure; throws `ThemeError` for a broken template. */
export function printJob(plan: PrintedPlan, html: string, context: PrintContext): PrintPlan {
  const words = context.theme.words(plan.lang);
  const word = (key: string): string => textOf(words, key);
  const date = formatDate(plan.asOf, plan.lang);
  const review = context.kind === 'review';
  const margin = sides(context.settings.margin);
  const header = context.theme.renderPrintMargin('pdf-header', { left: plan.title, right: plan.owner, pageOf: [], margin }, plan.lang);
  const footerLeft = fill(review ? word('reviewFooter') : word('asOfDate'), { date });
  const footer = context.theme.renderPrintMargin('pdf-footer', { left: footerLeft, right: '', pageOf: pageOfParts(word('pageOf')), margin }, plan.lang);
  return {
    job: { name: plan.file, slug: plan.slug, html, headerTemplate: header, footerTemplate: footer },
    metadata: {
      title: review ? fill(word('reviewDocumentTitle'), { title: plan.title, date }) : plan.title,
      author: plan.owner,
      subject: review ? word('reviewTitle') : plan.title,
      lang: plan.lang,
      creator: context.generator,
    },
  };
}

/** How a project's plans are printed, from its config: paper, margins, the sections that start a new page. Pure. */
export function printSettings(config: Pick<Config, 'pdf'>): PrintSettings {
  return { paper: config.pdf.paper, margin: config.pdf.margin, newPageBefore: config.pdf.newPageBefore };
}

/** The left and right margins of the page, from the print settings. Pure. */
function sides(margin: PrintSettings['margin']): { readonly left: string; readonly right: string } {
  return typeof margin === 'string' ? { left: margin, right: margin } : { left: margin.left, right: margin.right };
}

/** "Page {page} of {total}" in pieces: the first `{page}` and the first `{total}` become Chromium's numbers, the rest stays words. Pure. */
export function pageOfParts(pageOf: string): PageOfPart[] {
  const parts: PageOfPart[] = [];
  const seen = new Set<string>();
  for (const piece of pageOf.split(/(\{page\}|\{total\})/)) {
    if ((piece === '{page}' || piece === '{total}') && !seen.has(piece)) {
      seen.add(piece);
      parts.push(piece === '{page}' ? { page: true } : { total: true });
    } else if (piece !== '') parts.push({ text: piece });
  }
  return parts;
}
