import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { parseDate, parsePeriod } from '../../src/format/dates.js';
import type { Plan } from '../../src/format/schema.js';
import { model } from '../../src/stages/model.js';
import { planCsv, plansCsvColumns, plansCsvPieces, plansCsvVersion } from '../../src/site/plans-csv.js';

const identity = { inline: (markdown: string) => markdown };
const period = (text: string) => {
  const parsed = parsePeriod(text);
  if (parsed === undefined) throw new Error(text);
  return parsed;
};
const date = (text: string) => {
  if (parseDate(text) === undefined) throw new Error(text);
  return text;
};

/** A plan as the schema gives it, with every kind of text a spreadsheet trips on. */
const awkward: Plan = {
  title: 'Plan für Jürgen',
  owner: 'Jürgen Größ, "JG"',
  goals: [
    {
      id: 'lead',
      title: 'Lead the team, "North"',
      kind: 'professional',
      measure: 'Appointed,\nconfirmed in writing',
      due: period('2026-Q3'),
      status: 'active',
      steps: [
        { title: '=HYPERLINK("http://evil.example","click")', due: period('2026-06') },
        { title: 'Kurs „Verhandeln“ besucht', due: period('2026-03'), done: date('2026-03-20'), worth: 'partly' },
        { title: '-1 meeting a week', done: true },
      ],
    },
    { id: 'calm', title: 'Stay calm', kind: 'personal', measure: '+10 minutes of quiet a day', due: period('2027'), status: 'active', done: date('2026-11-02'), steps: [] },
  ],
} as unknown as Plan;

const modelOf = (plan: Plan, slug = 'jurgen') => model(plan, { slug, file: `plans/${slug}.md`, asOf: '2026-12-01', locale: 'en', bodyHtml: '', markdown: identity });

/** The whole file as `build` writes it, as one string. */
const fileOf = (...plans: Plan[]): string => [...plansCsvPieces(plans.map((plan, index) => () => planCsv(modelOf(plan, `p${index}`))))].join('');

describe('plans.csv, read back with a CSV parser', () => {
  test('starts with a byte order mark and the header row, and ends every record with CRLF', () => {
    const text = fileOf(awkward);
    expect(text.startsWith(`\u{FEFF}${plansCsvColumns.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, records are separated by CRLF only: a bare line break is inside a quoted measure.
    expect(text.split('\r\n').length - 1).toBe(1 + 4);
  });

  test('gives each cell back exactly: quotes, commas, line breaks and umlauts survive; a formula gets an apostrophe', () => {
    const rows = parse(fileOf(awkward), { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...plansCsvColumns]);
    expect(rows).toEqual([
      {
        owner: 'Jürgen Größ, "JG"', plan: 'p0', goal: 'Lead the team, "North"', kind: 'professional', measure: 'Appointed,\nconfirmed in writing',
        'goal due': '2026-09-30', 'goal status': 'overdue', step: `'=HYPERLINK("http://evil.example","click")`, 'step due': '2026-06-30', 'step done': 'no', 'done on': '', worth: '', overdue: 'yes',
      },
      {
        owner: 'Jürgen Größ, "JG"', plan: 'p0', goal: 'Lead the team, "North"', kind: 'professional', measure: 'Appointed,\nconfirmed in writing',
        'goal due': '2026-09-30', 'goal status': 'overdue', step: 'Kurs „Verhandeln“ besucht', 'step due': '2026-03-31', 'step done': 'yes', 'done on': '2026-03-20', worth: 'partly', overdue: 'no',
      },
      {
        owner: 'Jürgen Größ, "JG"', plan: 'p0', goal: 'Lead the team, "North"', kind: 'professional', measure: 'Appointed,\nconfirmed in writing',
        'goal due': '2026-09-30', 'goal status': 'overdue', step: "'-1 meeting a week", 'step due': '', 'step done': 'yes', 'done on': '', worth: '', overdue: 'no',
      },
      // A goal without steps has a row of its own: its done date, no step.
      {
        owner: 'Jürgen Größ, "JG"', plan: 'p0', goal: 'Stay calm', kind: 'personal', measure: "'+10 minutes of quiet a day",
        'goal due': '2027-12-31', 'goal status': 'done', step: '', 'step due': '', 'step done': '', 'done on': '2026-11-02', worth: '', overdue: 'no',
      },
    ]);
  });

  test('lists the plans in the order given, each plan after the other, under one header', () => {
    const second = { ...awkward, owner: 'Ana', goals: [awkward.goals[1]] } as Plan;
    const rows = parse(fileOf(awkward, second), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => `${row.plan} ${row.goal}`)).toEqual(['p0 Lead the team, "North"', 'p0 Lead the team, "North"', 'p0 Lead the team, "North"', 'p0 Stay calm', 'p1 Stay calm']);
  });

  test('with no plans, is the header alone', () => {
    expect([...plansCsvPieces([])].join('')).toBe(`\u{FEFF}${plansCsvColumns.join(',')}\r\n`);
  });
});

describe('a cell a spreadsheet would run', () => {
  test('gets an apostrophe first when it starts with = + - @, a tab, a carriage return or a full-width = + - @; other text is left alone', () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    const harmless = ['Three talks of 10 minutes to groups of 30+', 'SUM(A1)', ' =1', 'Zertifikat bestanden', '\'quoted'];
    const steps = [...starts.map((start) => `${start}SUM(A1)`), ...harmless].map((title) => ({ title }));
    const plan = { ...awkward, goals: [{ ...awkward.goals[0], steps }] } as Plan;
    const rows = parse(fileOf(plan), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.step)).toEqual([...starts.map((start) => `'${start}SUM(A1)`), ...harmless]);
  });
});

describe('the documentation of plans.csv', () => {
  test('names the version and describes every column, in the file’s order', () => {
    const docs = readFileSync(path.join(import.meta.dirname, '../../docs/commands.md'), 'utf8');
    expect(docs).toContain(`These are the columns of version ${plansCsvVersion}`);
    const documented = [...docs.matchAll(/^\| `([a-z ]+)` \| /gmu)].map((match) => match[1]).filter((name) => (plansCsvColumns as readonly string[]).includes(name ?? ''));
    expect(documented).toEqual([...plansCsvColumns]);
  });
});
