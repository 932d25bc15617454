/**
 * Issue 20's measuring proof: plans of several shapes printed through the CLI, in A4 and Letter, and each page
 * measured with poppler (`pdftotext -bbox`, not Chromium): how many pages, and how far down each one the content
 * reaches between the running header and footer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';
import { fillRow, germanShape, minimalShape, pageFills, pointsPerMm, printedPages, skillsTableShape, threeGoalsShape, type PageFill, type PrintedPage } from '../support/page-fill.js';

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
    const underfilled = fills
      .slice(0, -1)
      .map((page, index) => ({ page: index + 1, fill: Number(page.fill.toFixed(2)), short: page.fill < fullPage }))
      .filter((page) => page.short);
    expect(underfilled).toEqual([]);
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

/** A built-in label in `lang`, as the page shows it. */
const label = (lang: string, key: string): string => (JSON.parse(readFileSync(path.join(repo, 'templates/locales', `${lang}.json`), 'utf8')) as Record<string, string>)[key] ?? key;
/** A PDF's text as poppler reads it, its spaces and line ends made single spaces. */
const pdfWords = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test.each([
  ['minimal', 'en', ['visionEmpty', 'selfAssessmentEmpty', 'skillsEmpty', 'opportunitiesEmpty', 'notesEmpty']],
  ['german', 'de', ['skillsEmpty', 'opportunitiesEmpty']],
] as const)('the %s plan (%s): its empty sections invite the author on the page and are left out of the PDF', (name, lang, keys) => {
  const page = readFileSync(path.join(scratch, 'A4', name, 'index.html'), 'utf8');
  const printed = pdfWords(path.join(scratch, 'A4', name, `${name}.pdf`));
  for (const key of keys) {
    expect(page, key).toContain(label(lang, key));
    expect(printed, key).not.toContain(label(lang, key));
  }
  // What was written is printed, and the sections are numbered without gaps.
  expect(printed).toContain(lang === 'de' ? '03 Ziele' : '01 Goals');
});

test('a project whose config asks for it starts sections on a new page: the section title is the first thing on its page', async () => {
  const project = path.join(scratch, 'new-pages');
  mkdirSync(path.join(project, 'plans'), { recursive: true });
  writeFileSync(path.join(project, 'plans', 'three-goals.md'), threeGoalsShape);
  writeFileSync(path.join(project, 'careerplan.config.json'), JSON.stringify({ pdf: { newPageBefore: ['goals', 'timeline'] } }));
  const run = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: project });
  expect(run.stderr).toMatch(/PDFs: 1 printed/);
  const margin = 18 * pointsPerMm;
  const pages = printedPages(path.join(project, 'out', 'three-goals', 'three-goals.pdf'));
  // Each page's first line: the words within a few points of its topmost word, left to right.
  const firstWords = pages.map((page) => {
    const words = page.words.filter((word) => word.yMin >= margin - 1 && word.yMax <= page.height - margin + 1);
    const top = Math.min(...words.map((word) => word.yMin));
    return words.filter((word) => word.yMin < top + 6).sort((a, b) => a.xMin - b.xMin).map((word) => word.text).join(' ');
  });
  expect(firstWords).toContain('03 Goals');
  expect(firstWords).toContain('04 Timeline');
  // Without the config, the goals follow the self-assessment on the same page (the A4 build above).
  const flowing = printedPages(path.join(scratch, 'A4', 'three-goals', 'three-goals.pdf'));
  const goalsPage = flowing.findIndex((page) => page.words.some((word, index) => word.text === 'Goals' && page.words[index - 1]?.text === '03'));
  expect(flowing[goalsPage]?.words.some((word) => word.text === 'Self-assessment' || word.text === 'Vision')).toBe(true);
}, 120_000);

test.each(papers)('the 20-row skills table continues on the next page under its header again (%s)', (paper) => {
  const pages = printedPages(path.join(scratch, paper, 'skills-table', 'skills-table.pdf'));
  // The top of each row of the table on a page: where its skill's name ("Skill number 7 of the inventory") begins.
  const rowTops = (words: PrintedPage['words']): number[] => words.flatMap((word, index) => (word.text === 'Skill' && words[index + 1]?.text === 'number' ? [word.yMin] : []));
  const withRows = pages.filter((page) => rowTops(page.words).length > 0);
  expect(withRows.length).toBeGreaterThan(1);
  for (const page of withRows) {
    const firstRow = Math.min(...rowTops(page.words));
    for (const column of ['SKILL', 'KIND', 'LEVEL', 'TARGET', 'GAP']) {
      const header = page.words.find((word) => word.text === column);
      expect(header, `${column} in the header on every page the table is on`).toBeDefined();
      expect(header!.yMax).toBeLessThan(firstRow);
    }
  }
});
