/**
 * Issue 20, narrow columns: a printed plan never breaks a word without a hyphen. Headless Chromium does not hyphenate
 * (a fresh profile has no dictionaries), so the PDF's narrow places are laid out to hold their longest word whole.
 * Plans with long words in every narrow place (cover, facts, self-assessment, skills table, goal facts, steps,
 * opportunity fit, notes table) are printed through the CLI on A4 and Letter, and read back with poppler
 * (`pdftotext -bbox`, independent of Chromium): each long word is one word on one line, inside the page's margins,
 * and no two words of a line overlap. On a phone's screen the same words never run off the screen or out of a card, and
 * in the list of plans never out of their column.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { careerplan } from './run.js';
import { pointsPerMm, printedPages, type PrintedPage, type WordBox } from '../support/page-fill.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-print-words-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A plan with the three `words` in every narrow place a plan's page has. */
function planOf(lang: 'en' | 'de', [a, b, c]: readonly [string, string, string]): string {
  return `---
title: ${a}
owner: ${b}
role: ${c}
lang: ${lang}
horizon: 2058
vision: ${a} ${b}
priorities: [${c}]
strengths: [${a}]
weaknesses: [${b}]
skills:
  - name: ${a}
    id: pk
    kind: people
    level: 1
    target: 4
    note: ${c}
  - name: ${b}
    id: qs
    kind: domain
    level: 3
    target: 3
  - name: ${c}
    id: as
    kind: other
    level: 2
    target: 5
education:
  current: ${b}
  needed: ${c}
goals:
  - title: ${a}
    kind: professional
    measure: ${b}
    start: 2026-11
    due: 2028-06
    skills: [pk, qs, as]
    steps:
      - title: ${c}
        due: 2027-03
        resources: [${a}, ${b}]
      - ${b}
  - title: ${b}
    kind: personal
    measure: ${c}
    due: 2027-12
    skills: [as]
    steps:
      - ${a}
opportunities:
  - title: ${c}
    date: 2027-05
    status: interviewing
    requires: { pk: 4, qs: 3, as: 5 }
    note: ${a}
---

## ${a}

| ${b} | ${c} | ${a} |
|---|---|---|
| ${c} | ${a} | ${b} |
`;
}

/** The long words of each plan, by its language. */
const longWords = {
  de: ['Projektkoordinationsverantwortung', 'Qualitätssicherungsbeauftragte', 'Arbeitssicherheitsunterweisung'],
  en: ['Electroencephalographically', 'Internationalisation', 'Counterintelligence'],
} as const;
const papers = ['A4', 'Letter'] as const;

/** The printed pages of each plan, by `lang paper`. */
const printed = new Map<string, PrintedPage[]>();

beforeAll(async () => {
  mkdirSync(path.join(scratch, 'plans'));
  for (const [lang, words] of Object.entries(longWords)) writeFileSync(path.join(scratch, 'plans', `${lang}.md`), planOf(lang === 'de' ? 'de' : 'en', words));
  for (const paper of papers) {
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--paper', paper, '--out', paper], { cwd: scratch });
    expect(run.stderr).toMatch(/2 of 2 plans built into \S+; PDFs: 2 printed, 0 unchanged\n$/);
    for (const lang of Object.keys(longWords)) printed.set(`${lang} ${paper}`, printedPages(path.join(scratch, paper, lang, `${lang}.pdf`)));
  }
}, 240_000);

/** A word as written, without the punctuation around it. */
const bare = (word: WordBox): string => word.text.replace(/^[„“"'(]+|[”“"'),.:;]+$/g, '');
/** Whether two words sit on one line: their boxes share most of their height. */
const oneLine = (a: WordBox, b: WordBox): boolean => Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);

describe.each(papers)('printed on %s', (paper) => {
  test.each(Object.keys(longWords))('%s: every long word is printed whole, never cut into pieces on two lines', (lang) => {
    const pages = printed.get(`${lang} ${paper}`) ?? [];
    const words = pages.flatMap((page) => page.words.map(bare));
    for (const long of longWords[lang as keyof typeof longWords]) {
      // A piece: part of the long word printed as a word of its own (a hyphenated start would end in "-").
      const pieces = words.filter((word) => word !== long && word.length >= 4 && long.includes(word));
      expect(pieces, long).toEqual([]);
      // Whole in each of its places: the cover, facts, self-assessment, skills (name and needed for), goals, steps, fit, notes.
      expect(words.filter((word) => word === long).length, long).toBeGreaterThanOrEqual(15);
    }
  });

  test.each(Object.keys(longWords))('%s: every word stays inside the margins, and no two words of a line overlap', (lang) => {
    const margin = 18 * pointsPerMm;
    for (const [index, page] of (printed.get(`${lang} ${paper}`) ?? []).entries()) {
      const outside = page.words.filter((word) => word.xMin < margin - 1 || word.xMax > page.width - margin + 1).map((word) => word.text);
      expect(outside, `page ${index + 1}`).toEqual([]);
      const overlapping = page.words.flatMap((a, at) =>
        page.words.slice(at + 1).filter((b) => oneLine(a, b) && Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5).map((b) => `${a.text} / ${b.text}`),
      );
      expect(overlapping, `page ${index + 1}`).toEqual([]);
    }
  });
});

test.each(Object.keys(longWords))('%s: on a phone (360 px wide) no long word runs off the screen or is cut off at a card\'s edge', async (lang) => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 800 });
    await page.goto(pathToFileURL(path.join(scratch, 'A4', lang, 'index.html')).href, { waitUntil: 'load' });
    // Runs in the page (a string, so this file needs no DOM types): the page's width, and the cards whose content is wider than they are.
    const widths = (await page.evaluate(`({
      page: document.documentElement.scrollWidth,
      clipped: [...document.querySelectorAll('.card')].filter((card) => card.scrollWidth > card.clientWidth + 1).map((card) => card.textContent.trim().slice(0, 60)),
    })`)) as { page: number; clipped: string[] };
    expect(widths).toEqual({ page: 360, clipped: [] });
  } finally {
    await browser.close();
  }
}, 60_000);

test('the list of plans (1000 px wide): no owner or plan title runs out of its fixed column into the next', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(pathToFileURL(path.join(scratch, 'A4', 'index.html')).href, { waitUntil: 'load' });
    // Runs in the page: the cells whose content is wider than the cell.
    const overflowing = (await page.evaluate(
      `[...document.querySelectorAll('.table--plans tbody th, .table--plans tbody td')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent.trim().slice(0, 60))`,
    )) as string[];
    expect(overflowing).toEqual([]);
  } finally {
    await browser.close();
  }
}, 60_000);
