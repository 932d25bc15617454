import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-calendar-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const slugs = ['jordan-lee', 'lena-schmidt', 'sam-okafor'];

describe('each plan’s calendar, out/<slug>/<slug>.ics', () => {
  let folder: string;
  let first: Map<string, Buffer>;
  beforeAll(async () => {
    folder = path.join(scratch, 'examples');
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    first = new Map(slugs.map((slug) => [slug, readFileSync(path.join(folder, 'out', slug, `${slug}.ics`))]));
  });

  test('is written for every plan and parses as iCalendar with its due dates as events', async () => {
    for (const slug of slugs) {
      const calendar = new ICAL.Component(ICAL.parse((first.get(slug) as Buffer).toString('utf8')));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events.length, slug).toBeGreaterThan(0);
      for (const event of events) {
        expect(String(event.getFirstPropertyValue('uid'))).toMatch(new RegExp(`^${slug}\\.[^@]+@careerplan$`));
        expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
      }
    }
    const sam = new ICAL.Component(ICAL.parse((first.get('sam-okafor') as Buffer).toString('utf8')));
    const [goal] = sam.getAllSubcomponents('vevent');
    expect(String(goal?.getFirstPropertyValue('summary'))).toBe('Find a first job in user research');
    expect(String(goal?.getFirstPropertyValue('dtstart'))).toBe('2027-09-30');
  });

  test('a second build, from scratch, writes the same bytes', async () => {
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', '--clean'], { cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    for (const slug of slugs) expect(readFileSync(path.join(folder, 'out', slug, `${slug}.ics`)).equals(first.get(slug) as Buffer), slug).toBe(true);
  });

  test('the plan page links it, in the page’s language', async () => {
    const english = fromHtml(readFileSync(path.join(folder, 'out/jordan-lee/index.html'), 'utf8'));
    const link = select('a[href="jordan-lee.ics"]', english);
    expect(link && toString(link)).toBe('Add to calendar (.ics)');
    const german = fromHtml(readFileSync(path.join(folder, 'out/lena-schmidt/index.html'), 'utf8'));
    const germanLink = select('a[href="lena-schmidt.ics"]', german);
    expect(germanLink && toString(germanLink)).toBe('Zum Kalender hinzufügen (.ics)');
  });

  test('goes with its plan when the plan is deleted', async () => {
    const copy = path.join(scratch, 'deleted');
    cpSync(path.join(repo, 'plans'), path.join(copy, 'plans'), { recursive: true });
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: copy })).status).toBe(0);
    expect(existsSync(path.join(copy, 'out/sam-okafor/sam-okafor.ics'))).toBe(true);
    rmSync(path.join(copy, 'plans/sam-okafor.md'));
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: copy })).status).toBe(0);
    expect(existsSync(path.join(copy, 'out/sam-okafor/sam-okafor.ics'))).toBe(false);
    expect(existsSync(path.join(copy, 'out/jordan-lee/jordan-lee.ics'))).toBe(true);
  });
});
