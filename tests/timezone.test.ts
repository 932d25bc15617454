import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { timeZoneTests } from '../vitest.config.js';
import { parsePeriod, today } from '../src/format/dates.js';

test('the suite runs in the time zone its project names', () => {
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
});

test('periods are calendar dates in every time zone', () => {
  expect(parsePeriod('2027-06-30')).toEqual({ kind: 'day', text: '2027-06-30', first: '2027-06-30', last: '2027-06-30' });
  expect(today(new Date(2027, 0, 1, 0, 30))).toBe('2027-01-01');
  expect(today(new Date(2027, 11, 31, 23, 30))).toBe('2027-12-31');
});

test('every test file the second time zone runs is there: one moved must be listed again where it went', () => {
  for (const file of timeZoneTests) expect(existsSync(path.join(import.meta.dirname, '..', file)), file).toBe(true);
});
