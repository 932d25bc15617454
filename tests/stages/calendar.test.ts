import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { doneMark, escapeText, foldLine, maxLineOctets, planCalendar } from '../../src/stages/calendar.js';
import { calendarEnglish, calendarGerman } from '../support/words.js';
import type { PlanModel } from '../../src/stages/model.js';
import { examplePlan, modelOf } from '../theme/render.js';
import { property } from '../support/property.js';

const generator = 'careerplan 0.1.0';

/** The calendar parsed by ical.js, a real iCalendar parser. */
function parsed(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function events(text: string): ICAL.Component[] {
  return parsed(text).getAllSubcomponents('vevent');
}

function eventByUid(text: string, uid: string): ICAL.Component {
  const found = events(text).find((event) => event.getFirstPropertyValue('uid') === uid);
  if (!found) throw new Error(`no event ${uid}`);
  return found;
}

const value = (event: ICAL.Component, name: string): string => String(event.getFirstPropertyValue(name));

/** Every physical line of the text: what a line-length rule is about. */
const physicalLines = (text: string): string[] => text.split('\r\n').slice(0, -1);

describe('planCalendar', () => {
  const jordan = examplePlan('jordan-lee');
  const text = planCalendar(jordan, generator, calendarEnglish);

  test('is a VCALENDAR with VERSION 2.0, the PRODID from the generator and the plan as its name', () => {
    const calendar = parsed(text);
    expect(calendar.name).toBe('vcalendar');
    expect(value(calendar, 'version')).toBe('2.0');
    expect(value(calendar, 'prodid')).toBe('-//careerplan//careerplan 0.1.0//EN');
    expect(value(calendar, 'x-wr-calname')).toBe('Jordan Lee — Career Action Plan 2027–2031');
  });

  test('has one all-day event per goal due and per step due, with stable UIDs', () => {
    const uids = events(text).map((event) => value(event, 'uid'));
    expect(uids).toEqual([
      'jordan-lee.promotion@careerplan',
      'jordan-lee.promotion.step-1@careerplan',
      'jordan-lee.promotion.step-2@careerplan',
      'jordan-lee.presenting@careerplan',
      'jordan-lee.presenting.step-1@careerplan',
      'jordan-lee.presenting.step-2@careerplan',
      'jordan-lee.certificate@careerplan',
      'jordan-lee.certificate.step-1@careerplan',
      'jordan-lee.mentor-a-new-analyst@careerplan',
    ]);
    // The third step of `promotion` and the step of `mentor-a-new-analyst` have no due date: no event.
    expect(new Set(uids).size).toBe(uids.length);
  });

  test('a period means its last day: DTSTART is that date and DTEND the day after', () => {
    const dates = (uid: string): [string, string, boolean] => {
      const event = eventByUid(text, uid);
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
      return [start.toString(), end.toString(), start.isDate && end.isDate];
    };
    expect(dates('jordan-lee.promotion@careerplan')).toEqual(['2027-12-31', '2028-01-01', true]);
    expect(dates('jordan-lee.promotion.step-2@careerplan')).toEqual(['2027-06-30', '2027-07-01', true]);
    expect(dates('jordan-lee.presenting@careerplan')).toEqual(['2028-12-31', '2029-01-01', true]);
    expect(dates('jordan-lee.certificate.step-1@careerplan')).toEqual(['2027-08-31', '2027-09-01', true]);
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
  });

  test('SUMMARY is the title; DESCRIPTION the goal’s measure or the step’s resources; steps relate to their goal', () => {
    const goal = eventByUid(text, 'jordan-lee.promotion@careerplan');
    expect(value(goal, 'summary')).toBe('Earn a promotion to Senior Analyst');
    expect(value(goal, 'description')).toBe('Measure of success: Promotion confirmed in writing by HR');
    const step = eventByUid(text, 'jordan-lee.promotion.step-2@careerplan');
    expect(value(step, 'summary')).toBe('Present the quarterly report to the operations team');
    expect(value(step, 'description')).toBe('Resources: Slot in the operations meeting, Feedback from my manager');
    expect(value(step, 'related-to')).toBe('jordan-lee.promotion@careerplan');
    expect(eventByUid(text, 'jordan-lee.presenting.step-2@careerplan').getFirstProperty('description')).toBeNull();
  });

  test('done items keep their date, marked ✓ and X-CAREERPLAN-DONE; paused goals are tentative; open ones confirmed', () => {
    const done = eventByUid(text, 'jordan-lee.mentor-a-new-analyst@careerplan');
    expect(value(done, 'summary')).toBe(`${doneMark}Mentor a new analyst`);
    expect(value(done, 'x-careerplan-done')).toBe('2026-10-15');
    expect(value(done, 'status')).toBe('CONFIRMED');
    const doneStep = eventByUid(text, 'jordan-lee.presenting.step-1@careerplan');
    expect(value(doneStep, 'summary')).toBe('✓ Join Toastmasters and give the icebreaker speech');
    expect(value(doneStep, 'x-careerplan-done')).toBe('TRUE');
    expect(value(eventByUid(text, 'jordan-lee.certificate@careerplan'), 'status')).toBe('TENTATIVE');
    expect(value(eventByUid(text, 'jordan-lee.certificate.step-1@careerplan'), 'status')).toBe('TENTATIVE');
    const open = eventByUid(text, 'jordan-lee.promotion.step-2@careerplan');
    expect(value(open, 'status')).toBe('CONFIRMED');
    expect(open.getFirstProperty('x-careerplan-done')).toBeNull();
    for (const event of events(text)) expect(value(event, 'transp')).toBe('TRANSPARENT');
  });

  test('a dropped goal and its steps are cancelled', () => {
    const model = modelOf(
      '---\ntitle: P\nowner: O\ngoals:\n  - title: Old idea\n    measure: M\n    due: 2027-Q1\n    status: dropped\n    steps:\n      - title: First\n        due: 2027-01\n---\n',
      'o',
    );
    const calendar = planCalendar(model, generator, calendarEnglish);
    expect(events(calendar).map((event) => [value(event, 'uid'), value(event, 'status')])).toEqual([
      ['o.old-idea@careerplan', 'CANCELLED'],
      ['o.old-idea.step-1@careerplan', 'CANCELLED'],
    ]);
    expect(value(events(calendar)[0] as ICAL.Component, 'dtstart')).toBe('2027-03-31');
  });

  test('DTSTAMP comes from the as-of date, so the same model gives the same bytes', () => {
    for (const event of events(text)) expect(value(event, 'dtstamp')).toBe('2026-11-26T00:00:00Z');
    expect(planCalendar(examplePlan('jordan-lee'), generator, calendarEnglish)).toBe(text);
    const later = planCalendar({ ...jordan, asOf: '2027-01-05' }, generator, calendarEnglish);
    expect(value(events(later)[0] as ICAL.Component, 'dtstamp')).toBe('2027-01-05T00:00:00Z');
  });

  test('uses CRLF line ends only, and no line is longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(maxLineOctets);
  });

  test('the German plan’s descriptions are in German', () => {
    const lena = planCalendar(examplePlan('lena-schmidt'), generator, calendarGerman);
    expect(events(lena).map((event) => value(event, 'description')).find((description) => description.startsWith('Erfolgskriterium: '))).toBeDefined();
  });

  test('year ends and leap days roll over to the right next day', () => {
    const model = modelOf('---\ntitle: P\nowner: O\ngoals:\n  - title: G\n    measure: M\n    due: 2028-02\n    steps:\n      - title: S\n        due: 2028\n---\n', 'o');
    const [goal, step] = events(planCalendar(model, generator, calendarEnglish)) as [ICAL.Component, ICAL.Component];
    expect([value(goal, 'dtstart'), value(goal, 'dtend')]).toEqual(['2028-02-29', '2028-03-01']);
    expect([value(step, 'dtstart'), value(step, 'dtend')]).toEqual(['2028-12-31', '2029-01-01']);
  });

  test('the last day a plan may name ends in a four-digit year; a later date (which check refuses) makes no event', () => {
    const model = modelOf('---\ntitle: P\nowner: O\ngoals:\n  - title: G\n    measure: M\n    due: 9998\n    steps:\n      - title: S\n        due: 2028\n---\n', 'o');
    const [goal] = events(planCalendar(model, generator, calendarEnglish)) as [ICAL.Component];
    expect([value(goal, 'dtstart'), value(goal, 'dtend')]).toEqual(['9998-12-31', '9999-01-01']);
    const beyond = { ...model, goals: model.goals.map((each) => ({ ...each, due: { kind: 'day' as const, text: '9999-12-31', first: '9999-12-31', last: '9999-12-31' } })) };
    const text = planCalendar(beyond, generator, calendarEnglish);
    expect([...text.matchAll(/VALUE=DATE:(\d+)/g)].map((match) => match[1]?.length)).toEqual([8, 8]);
    expect(events(text).map((event) => value(event, 'summary'))).toEqual(['S']);
  });
});

describe('TEXT escaping and folding', () => {
  /** A plan whose first goal has this title and measure. */
  const withText = (summary: string, description: string): PlanModel => {
    const base = examplePlan('sam-okafor');
    const [goal, ...rest] = base.goals;
    return { ...base, goals: [{ ...(goal as PlanModel['goals'][number]), title: summary, measure: description }, ...rest] };
  };
  const firstEvent = (model: PlanModel): ICAL.Component => events(planCalendar(model, generator, calendarEnglish))[0] as ICAL.Component;

  test('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const event = firstEvent(withText('Cost; time, and\\or\nmore', 'x'));
    expect(value(event, 'summary')).toBe('Cost; time, and\\or\nmore');
  });

  test('folds at 75 octets and never inside a UTF-8 sequence', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'😀'.repeat(30)}${'x'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(maxLineOctets);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      // A part cut inside a character would not survive a round trip through UTF-8.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  test('any summary and description text survives escape, fold and parse', () => {
    // What TEXT can carry: line breaks become LF, other control characters are dropped, lone surrogates become U+FFFD.
    const expected = (input: string): string =>
      Buffer.from(input, 'utf8')
        .toString('utf8')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (summary, measure) => {
        const model = withText(summary, measure);
        const text = planCalendar(model, generator, calendarEnglish);
        for (const line of physicalLines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(maxLineOctets);
        const event = firstEvent(model);
        expect(value(event, 'summary')).toBe(expected(summary));
        expect(value(event, 'description')).toBe(`Measure of success: ${expected(measure)}`);
      }),
      property(100),
    );
  });
});
