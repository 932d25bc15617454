import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseHorizon, parseRetirement, retirementJsonPattern } from '../../src/format/horizon.js';
import { evaluationOf } from '../../src/format/schema.js';
import { checkText, minimalPlan } from '../support/plans.js';
import { property } from '../support/property.js';

describe('retirement horizons', () => {
  test('the word in each language, in any case, alone or with a year or an age', () => {
    expect(parseRetirement('retirement')).toEqual({ kind: 'retirement', text: 'retirement' });
    expect(parseRetirement('RUHESTAND')).toEqual({ kind: 'retirement', text: 'RUHESTAND' });
    expect(parseRetirement('Retraite')).toEqual({ kind: 'retirement', text: 'Retraite' });
    expect(parseRetirement('retirement 2055')).toEqual({ kind: 'retirement', text: 'retirement 2055', year: 2055, first: '2055-01-01', last: '2055-12-31' });
    expect(parseRetirement('Retirement (2055)')).toMatchObject({ year: 2055 });
    expect(parseRetirement('Ruhestand 2058')).toMatchObject({ year: 2058, last: '2058-12-31' });
    expect(parseRetirement('retirement at 67')).toEqual({ kind: 'retirement', text: 'retirement at 67', age: 67 });
    expect(parseRetirement('retirement (at 67)')).toMatchObject({ age: 67 });
    expect(parseRetirement('Rente mit 67')).toMatchObject({ age: 67 });
    expect(parseRetirement('Ruhestand mit 63 Jahren')).toMatchObject({ age: 63 });
    expect(parseRetirement('retraite à 62 ans')).toMatchObject({ age: 62 });
    expect(parseRetirement('retirement 67')).toMatchObject({ age: 67 });
  });

  test('anything else is not retirement', () => {
    for (const text of ['retirment', 'retirement soon', 'retirement 20555', 'retirement 9999', 'Rente mit 7', 'Rente mit 120', 'retirement at', 'early retirement', 'retirement 2055 at 67']) {
      expect(parseRetirement(text), text).toBeUndefined();
    }
  });

  test('a horizon is a period first, then retirement', () => {
    expect(parseHorizon('2031-Q2')).toMatchObject({ kind: 'quarter', first: '2031-04-01' });
    expect(parseHorizon('Rente')).toMatchObject({ kind: 'retirement' });
    expect(parseHorizon('someday')).toBeUndefined();
  });

  test('the editors’ pattern accepts every retirement horizon the parser does', () => {
    const pattern = new RegExp(retirementJsonPattern, 'u');
    for (const text of ['retirement', 'Ruhestand 2058', 'RENTE mit 67', 'retraite à 62 ans', 'Retirement (2055)']) expect(text).toMatch(pattern);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        if (parseRetirement(text.trim()) !== undefined) expect(text.trim()).toMatch(pattern);
      }),
      property(200),
    );
  });

  test('checked in a plan: a valid horizon passes, a misspelt word gets a hint at its place', () => {
    const plan = (horizon: string) => checkText(minimalPlan(`horizon: ${horizon}\n`));
    expect(plan('Ruhestand 2058').diagnostics).toEqual([]);
    expect(plan('Ruhestand 2058').plan?.horizon).toMatchObject({ kind: 'retirement', year: 2058 });
    expect(plan('2031').plan?.horizon).toMatchObject({ kind: 'year', text: '2031' });
    const misspelt = plan('Ruhestnd');
    expect(misspelt.diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column}`)).toEqual(['schema 9:10']);
    expect(misspelt.diagnostics[0]?.message).toContain('did you mean `ruhestand`?');
    const badDate = plan('2031-13');
    expect(badDate.diagnostics.map((d) => d.ruleId)).toEqual(['bad-date']);
  });
});

describe('worth', () => {
  test('yes, partly and no in any case, in English, German and French', () => {
    expect(['Yes', 'YES', 'ja', 'Ja', 'oui', 'OUI'].map(evaluationOf)).toEqual(Array(6).fill('yes'));
    expect(['Partly', 'teilweise', 'Teilweise', 'en partie', 'En Partie', 'en  partie'].map(evaluationOf)).toEqual(Array(6).fill('partly'));
    expect(['No', 'NO', 'nein', 'Nein', 'non', 'Non'].map(evaluationOf)).toEqual(Array(6).fill('no'));
    expect(['jein', 'maybe', ''].map(evaluationOf)).toEqual([undefined, undefined, undefined]);
  });

  test('a plan reads them as the lower-case English word; an unknown one is near a known one', () => {
    const step = (worth: string) => checkText(minimalPlan().replace('steps: [Start]', `steps:\n      - title: Start\n        done: 2026-11-01\n        worth: ${worth}`));
    expect(step('Teilweise').plan?.goals[0]?.steps[0]?.worth).toBe('partly');
    expect(step('Yes').plan?.goals[0]?.steps[0]?.worth).toBe('yes');
    expect(step('Non').plan?.goals[0]?.steps[0]?.worth).toBe('no');
    const unknown = step('Parly');
    expect(unknown.diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column}`)).toEqual(['schema 11:16']);
    expect(unknown.diagnostics[0]?.message).toMatch(/expected one of `yes`, `partly`, `no`, `ja`.*: did you mean `partly`\?$/);
  });
});

describe('did you mean, for allowed values', () => {
  test('a goal’s kind and status, a skill’s kind and an opportunity’s status', () => {
    const checked = checkText(
      minimalPlan('skills:\n  - name: SQL\n    kind: tehcnical\n    level: 1\n    target: 2\nopportunities:\n  - title: Lead\n    status: aplied\n').replace('due: 2027-06', 'due: 2027-06\n    kind: personel\n    status: Paused'),
    );
    expect(checked.diagnostics.map((d) => `${d.place.start.line}:${d.place.start.column} ${/did you mean `([^`]+)`/.exec(d.message)?.[1]}`)).toEqual([
      '8:11 personal',
      '9:13 paused',
      '13:11 technical',
      '18:13 applied',
    ]);
  });

  test('a value far from every allowed one lists them without a guess', () => {
    const checked = checkText(minimalPlan().replace('due: 2027-06', 'due: 2027-06\n    kind: hobby'));
    expect(checked.diagnostics[0]?.message).toBe('Unexpected `hobby` for `kind`, expected one of `professional`, `personal`');
  });
});

describe('lang', () => {
  test('a language’s name in English, German or French, or a slip, is told the tag; real tags pass', () => {
    const lang = (tag: string) => checkText(minimalPlan(`lang: ${tag}\n`)).diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column} ${/did you mean `([^`]+)`/.exec(d.message)?.[1] ?? '-'}`);
    expect(lang('Deutsch')).toEqual(['schema 9:7 de']);
    expect(lang('German')).toEqual(['schema 9:7 de']);
    expect(lang('français')).toEqual(['schema 9:7 fr']);
    expect(lang('Englisch')).toEqual(['schema 9:7 en']);
    expect(lang('xx')).toEqual(['schema 9:7 -']);
    for (const tag of ['de', 'DE', 'de-AT', 'nb', 'no', 'pt-BR', 'ja', 'eng']) expect(lang(tag), tag).toEqual([]);
  });
});

describe('a retirement horizon with a year or age out of range', () => {
  test('says what a year and an age may be, in the word as written', () => {
    const checked = checkText(minimalPlan('horizon: Rente mit 7\n'));
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column}`)).toEqual(['schema 9:10']);
    expect(checked.diagnostics[0]?.message).toBe(
      'Unexpected `Rente mit 7` for `horizon`, expected retirement alone, with a year up to 9998 (`Rente 2058`) or with an age from 18 to 99 (`Rente at 67`, `Rente mit 67`, `Rente à 62 ans`)',
    );
  });
});
