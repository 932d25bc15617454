/**
 * Issue 20's measuring proof: plans of several shapes printed through the CLI, in A4 and Letter, and each page
 * measured with poppler (`pdftotext -bbox`, not Chromium): how many pages, and how far down each one the content
 * reaches between the running header and footer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan } from './run.js';
import { fillRow, germanShape, minimalShape, pageFills, skillsTableShape, threeGoalsShape, type PageFill } from '../support/page-fill.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-print-fill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The plans printed, by the file name (and so the PDF's name) each is written to. */
const shapes = { minimal: minimalShape, 'three-goals': threeGoalsShape, german: germanShape, 'skills-table': skillsTableShape } as const;
const papers = ['A4', 'Letter'] as const;

/** Each shape's page fills, by paper. */
const measured = new Map<string, PageFill[]>();

beforeAll(async () => {
  mkdirSync(path.join(scratch, 'plans'));
  for (const [name, text] of Object.entries(shapes)) writeFileSync(path.join(scratch, 'plans', `${name}.md`), text);
  for (const paper of papers) {
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--paper', paper, '--out', paper], { cwd: scratch });
    expect(run.stderr).toMatch(/4 of 4 plans built into \S+; PDFs: 4 printed, 0 unchanged\n$/);
    for (const name of Object.keys(shapes)) measured.set(`${name} ${paper}`, pageFills(path.join(scratch, paper, name, `${name}.pdf`)));
  }
  // The table of measures, for the reader of the run (and of issue 20).
  console.log([...measured].map(([key, fills]) => fillRow(key.split(' ')[0] ?? key, key.split(' ')[1] ?? '', fills)).join('\n'));
}, 240_000);

/** The least a page but the last is filled: three quarters of the height between the margins. */
const fullPage = 0.75;
/** The least the last page holds: more than a sliver (about six lines on A4), and more words than the page's footer alone. */
const realContent = { fill: 0.1, words: 25 };

describe.each(papers)('printed on %s', (paper) => {
  test.each(Object.keys(shapes))('%s: every page but the last is at least three-quarters full', (name) => {
    const fills = measured.get(`${name} ${paper}`) ?? [];
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.slice(0, -1).map((page) => Number(page.fill.toFixed(2)))).toEqual(fills.slice(0, -1).map((page) => Math.max(page.fill, fullPage) === page.fill ? Number(page.fill.toFixed(2)) : `≥ ${fullPage}`));
  });

  test.each(Object.keys(shapes))('%s: the last page holds real content, not a sliver or only the footer', (name) => {
    const last = measured.get(`${name} ${paper}`)?.at(-1);
    expect(last?.fill).toBeGreaterThanOrEqual(realContent.fill);
    expect(last?.words).toBeGreaterThanOrEqual(realContent.words);
  });

  test('the minimal plan (a title, an owner, one goal with two steps) fits on one page', () => {
    expect(measured.get(`minimal ${paper}`)?.length).toBe(1);
  });
});
