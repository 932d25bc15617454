/**
 * Fitting a plan to its pages (issue 20): a plan whose last page would hold
 * only a sliver is printed a little smaller when that saves the page. The
 * page is measured before it is printed, once, in the same Chromium: laid out
 * as columns the size of the paper's text area, whose fragmentation (the
 * breaks kept out of steps and rows, orphans and widows, headings kept with
 * what follows) is the engine's own, the same as printing's. The column count
 * is the page count, and the last column's lowest box is how far the last
 * page is filled. Printing twice to find out would cost more than the print.
 */
import type { Page, PDFOptions } from 'puppeteer-core';
import { parsePDFOptions } from 'puppeteer-core/internal/common/util.js';

/** The scales tried, largest first: not below 0.95, so the 10 pt body text stays at about 9.5 pt at least. */
export const fitScales = [0.975, 0.95] as const;

/** A last page filled less than this (of the height between the margins) is a sliver, worth a smaller print to save. */
export const sliverFill = 0.25;

/** How a page would print at a scale: how many pages, and how far down the last one the content reaches (0–1). */
export interface PageMeasure {
  readonly pages: number;
  readonly lastFill: number;
}

/** The text area of a printed page in CSS pixels: the paper less its margins, as Puppeteer hands them to Chromium. Pure. */
export function textArea(options: PDFOptions): { readonly width: number; readonly height: number } {
  const { width, height, margin } = parsePDFOptions(options);
  const pixelsPerInch = 96;
  return { width: (width - margin.left - margin.right) * pixelsPerInch, height: (height - margin.top - margin.bottom) * pixelsPerInch };
}

/**
 * The scale to print at: 1, or the largest of `fitScales` that prints the page on fewer pages, when at 1 its last
 * page would be a sliver. Pure: `measure` lays the page out at a scale.
 */
export async function chooseScale(measure: (scale: number) => Promise<PageMeasure>): Promise<number> {
  const whole = await measure(1);
  if (whole.pages <= 1 || whole.lastFill >= sliverFill) return 1;
  for (const scale of fitScales) {
    if ((await measure(scale)).pages < whole.pages) return scale;
  }
  return 1;
}

/** Where and how a page is measured: the text area in CSS pixels, and the sections (by their anchors) that start a new page. */
export interface PrintArea {
  readonly width: number;
  readonly height: number;
  readonly newPageBefore: readonly string[];
}

/** Measures how the page in `page` would print at `scale`. Touches the browser. */
export async function measurePrint(page: Page, area: PrintArea, scale: number): Promise<PageMeasure> {
  // A string, not a function: the page's own JavaScript is off, and this runs through the DevTools protocol alone.
  return (await page.evaluate(`(${inPage})(${area.width / scale}, ${area.height / scale}, ${JSON.stringify(area.newPageBefore)})`)) as PageMeasure;
}

/**
 * Starts each of the sections (by their anchors) on a new page, as the config asks: set through the page's style
 * object, which its content policy allows, on the printed copy only. Touches the browser.
 */
export async function startPages(page: Page, sections: readonly string[]): Promise<void> {
  if (sections.length > 0) await page.evaluate(`${JSON.stringify(sections)}.forEach((id) => { const section = document.getElementById(id); if (section) section.style.breakBefore = 'page'; })`);
}

/**
 * Runs in the page, as JavaScript source (careerplan's TypeScript knows no DOM): lays the body out in columns of the
 * text area's size, reads the columns' count and the last one's lowest line or picture, and puts the body back as it was.
 */
const inPage = `(width, height, newPageBefore) => {
  const body = document.body;
  const before = body.getAttribute('style');
  const sections = newPageBefore.map((id) => document.getElementById(id)).filter(Boolean);
  for (const section of sections) section.style.breakBefore = 'column';
  // A page break of the theme's (the review's first page) is a column break here, or the columns would run on past it.
  const paged = [];
  for (const element of body.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    for (const side of ['breakBefore', 'breakAfter']) {
      if (['page', 'left', 'right', 'recto', 'verso'].includes(style[side])) {
        paged.push([element, side, element.style[side]]);
        element.style[side] = 'column';
      }
    }
  }
  body.style.cssText += ';margin:0;padding:0;width:' + width + 'px;height:' + height + 'px;column-width:' + width + 'px;column-gap:0;column-fill:auto;overflow:visible';
  try {
    const origin = body.getBoundingClientRect();
    // Lines of text and whole pictures: a box that breaks across columns reports one rect a column only for text.
    const boxes = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim()) continue;
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) if (box.width > 0 && box.height > 0) boxes.push(box);
    }
    for (const picture of body.querySelectorAll('svg, img')) {
      const box = picture.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) boxes.push(box);
    }
    let right = 0;
    for (const box of boxes) right = Math.max(right, box.right - origin.left);
    const pages = Math.max(1, Math.ceil(right / width - 0.001));
    const lastLeft = origin.left + (pages - 1) * width;
    let bottom = 0;
    for (const box of boxes) if (box.left >= lastLeft - 0.5) bottom = Math.max(bottom, box.bottom - origin.top);
    return { pages, lastFill: Math.min(1, bottom / height) };
  } finally {
    if (before === null) body.removeAttribute('style');
    else body.setAttribute('style', before);
    for (const section of sections) section.style.breakBefore = '';
    for (const [element, side, value] of paged) element.style[side] = value;
  }
}`;
