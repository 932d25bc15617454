import { afterEach, expect, test } from 'vitest';
import { renderTimeline } from '../../src/timeline/index.js';
import { englishText, oneYear, plan, sixWeeks, tenYears } from './support.js';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

const plans = [sixWeeks, oneYear, tenYears, { ...plan([{ title: 'Ziel', start: '2026-12-31', due: '2027-01-01', steps: [{ due: '2027-01-01', done: true }] }], { asOf: '2026-12-31', lang: 'de' }) }];

test('the same SVG in every time zone, as a calendar date never shifts', () => {
  const render = (): string[] => plans.map((model) => renderTimeline(model, englishText));
  const here = render();
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Auckland', 'UTC', 'America/Los_Angeles', 'Pacific/Pago_Pago']) {
    process.env.TZ = zone;
    // Proves Node took the new zone, so the comparison means something.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    expect(render()).toEqual(here);
  }
});

test('dates are shown as written, whatever this project’s time zone', () => {
  const svg = renderTimeline(plans[3]!, { ...englishText, today: 'Heute' });
  expect(svg).toContain('31. Dez. 2026');
  expect(svg).toMatch(/Ziel\nActive\nStart: 31\. Dez\. 2026\nDue: 1\. Jan\. 2027/);
});
