/**
 * The theme as data, through the real CLI: a language added by one locale file
 * (no TypeScript), the built-in French, a broken locale file reported like a
 * broken template, and a `custom.css` loaded after the default stylesheet.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-theme-data-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project with Jordan's example plan written in `lang`, and the files given under its `templates/` folder. */
function project(name: string, lang: string, templates: Record<string, string> = {}): string {
  const folder = path.join(scratch, name);
  mkdirSync(path.join(folder, 'plans'), { recursive: true });
  cpSync(path.join(repo, 'plans/images'), path.join(folder, 'plans/images'), { recursive: true });
  const plan = readFileSync(path.join(repo, 'plans/jordan-lee.md'), 'utf8').replace(/^lang: en$/m, `lang: ${lang}`);
  writeFileSync(path.join(folder, 'plans/jordan-lee.md'), plan);
  for (const [file, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(folder, 'templates', file)), { recursive: true });
    writeFileSync(path.join(folder, 'templates', file), text);
  }
  return folder;
}

/** Builds the project without PDFs and returns Jordan's page as a tree and as text. */
async function buildPage(folder: string): Promise<{ html: string; text: string }> {
  const run = await careerplan(['build', '--no-pdf', '--as-of', '2026-12-07'], { cwd: folder });
  expect(run.stderr).not.toMatch(/careerplan: /);
  expect(run.status).toBe(0);
  const html = readFileSync(path.join(folder, 'out/jordan-lee/index.html'), 'utf8');
  return { html, text: toString(fromHtml(html)).replace(/\s+/g, ' ') };
}

// Dutch: a language careerplan has no locale for; a few keys, so every other falls back to English.
const dutch = {
  goals: 'Doelen',
  skills: 'Vaardigheden',
  vision: 'Visie',
  selfAssessment: 'Zelfevaluatie',
  steps: 'Actiestappen',
  measure: 'Succesmaatstaf',
  timeline: 'Tijdlijn',
  'status.active': 'Op koers',
  'status.done': 'Behaald',
  'timeline.title': 'Tijdlijn van de doelen',
  'timeline.today': 'Vandaag',
  goalsCount: { one: '{n} doel', other: '{n} doelen' },
  stepsDone: { one: '{done} van {n} stap gedaan', other: '{done} van {n} stappen gedaan' },
};

describe('a language added by one file', () => {
  test('templates/locales/nl.json alone makes a Dutch page; a key it lacks reads English', async () => {
    const { html, text } = await buildPage(project('dutch', 'nl', { 'locales/nl.json': JSON.stringify(dutch, null, 2) }));
    expect(html).toContain('<html lang="nl">');
    for (const word of ['Doelen', 'Vaardigheden', 'Zelfevaluatie', 'Actiestappen', 'Succesmaatstaf', 'Tijdlijn', 'Op koers']) expect(text).toContain(word);
    expect(text).toMatch(/\d+ van \d+ stappen gedaan/);
    // The timeline draws with the same words.
    const svg = select('svg', fromHtml(html));
    expect(svg && toString(select('title', svg) ?? svg)).toBe('Tijdlijn van de doelen');
    expect(text).toContain('Vandaag');
    // Fallback per key: nl.json has no `addToCalendar`; the keys it has are never English.
    expect(text).toContain('Add to calendar (.ics)');
    const headings = selectAll('h2', fromHtml(html)).map((heading) => toString(heading).trim());
    expect(headings).toEqual(expect.arrayContaining(['Doelen', 'Vaardigheden', 'Visie', 'Tijdlijn']));
    expect(headings.filter((heading) => ['Goals', 'Skills', 'Vision', 'Timeline'].includes(heading))).toEqual([]);
  });

  test('without the file, the same plan in Dutch reads English', async () => {
    const { html, text } = await buildPage(project('no-dutch', 'nl'));
    expect(html).toContain('<html lang="nl">');
    expect(text).toContain('Goals');
    expect(text).not.toContain('Doelen');
  });

  test('the built-in French: a French plan’s page is in French', async () => {
    const { text } = await buildPage(project('french', 'fr'));
    for (const word of ['Objectifs', 'Compétences', 'Auto-évaluation', 'Étapes', 'Critère de réussite', 'Prochaine échéance', 'Calendrier des objectifs', 'En bonne voie']) expect(text).toContain(word);
    expect(text).not.toMatch(/\b(Goals|Skills|Action steps|Next deadline)\b/);
  });

  test('a user’s en.json changes one label and keeps every other', async () => {
    const { text } = await buildPage(project('relabel', 'en', { 'locales/en.json': '{ "goals": "Objectives" }\n' }));
    expect(text).toContain('Objectives');
    expect(text).toContain('Self-assessment');
  });
});

describe('a broken locale file', () => {
  test('is reported by its file and line like a broken template, exit 2', async () => {
    const folder = project('broken-json', 'nl', { 'locales/nl.json': '{\n  "goals": "Doelen",\n  "skills": Vaardigheden\n}\n' });
    const run = await careerplan(['build', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/templates\/locales\/nl\.json:3: Unexpected JSON/);
  });

  test('a key English lacks, or a label of the wrong form, is named with its line, exit 2', async () => {
    const typo = await careerplan(['build', '--no-pdf'], { cwd: project('typo', 'nl', { 'locales/nl.json': '{\n  "goals": "Doelen",\n  "goalz": "Doelen"\n}\n' }) });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/templates\/locales\/nl\.json:3: Unexpected label `goalz`, expected a key of the English locale/);
    const form = await careerplan(['build', '--no-pdf'], { cwd: project('form', 'nl', { 'locales/nl.json': '{\n  "goalsCount": "doelen"\n}\n' }) });
    expect(form.status).toBe(2);
    expect(form.stderr).toMatch(/templates\/locales\/nl\.json:2: Unexpected label `goalsCount`, expected plural forms/);
  });
});

describe('custom.css', () => {
  test('a theme’s assets/custom.css is published and linked after style.css; without one, no link', async () => {
    const folder = project('custom-css', 'en', { 'assets/custom.css': ':root { --accent: #7a1d91; }\n' });
    const { html } = await buildPage(folder);
    const links = selectAll('link[rel="stylesheet"]', fromHtml(html)).map((link) => String(link.properties['href']));
    expect(links).toEqual(['../assets/style.css', '../assets/custom.css']);
    expect(readFileSync(path.join(folder, 'out/assets/custom.css'), 'utf8')).toContain('#7a1d91');
    const index = selectAll('link[rel="stylesheet"]', fromHtml(readFileSync(path.join(folder, 'out/index.html'), 'utf8'))).map((link) => String(link.properties['href']));
    expect(index).toEqual(['assets/style.css', 'assets/custom.css']);

    const plain = project('no-custom-css', 'en');
    const { html: plainHtml } = await buildPage(plain);
    expect(selectAll('link[rel="stylesheet"]', fromHtml(plainHtml)).map((link) => String(link.properties['href']))).toEqual(['../assets/style.css']);
    expect(existsSync(path.join(plain, 'out/assets/custom.css'))).toBe(false);
  });
});
