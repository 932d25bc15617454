// Not committed: renders timelines into /tmp/tl.html for a look in Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import { model } from '../../src/stages/model.js';
import { parse } from '../../src/stages/parse.js';
import { validate } from '../../src/stages/validate.js';
import { renderTimeline } from '../../src/timeline/index.js';
import { englishText, oneYear, plan, sixWeeks, tenYears } from './support.js';

function real(file: string, asOf: string) {
  const text = readFileSync(path.join('plans', file), 'utf8');
  const checked = validate(parse({ path: `plans/${file}`, absolutePath: path.resolve('plans', file), text }), { asOf, plansRoot: path.resolve('plans'), realPath: () => undefined, severities: {} });
  if (!checked.plan) throw new Error('invalid');
  return model(checked.plan, { slug: checked.slug, file, asOf, locale: 'en', bodyHtml: '', markdown: { inline: (s) => s } });
}

test('look', () => {
  const german = { ...englishText, today: 'Heute', status: { done: 'Erledigt', active: 'Aktiv', 'at-risk': 'Gefährdet', overdue: 'Überfällig', paused: 'Pausiert', dropped: 'Verworfen' }, stepDone: 'Schritt erledigt', stepOpen: 'Schritt offen' };
  const nasty = plan(
    [
      { title: 'A <script>alert(1)</script> & "quoted" title that is really very long indeed, far too long for the column', due: '2027-03', status: 'overdue', steps: [{ due: '2027-01', done: true }] },
      { title: '日本語のとても長い目標のタイトルです、切り詰められるべき', due: '2027-06', status: 'at-risk', steps: [{ due: '2027-06' }] },
      { title: 'Single day goal', start: '2027-02-10', due: '2027-02-10' },
    ],
    { asOf: '2027-05-20', slug: 'nasty' },
  );
  const sections = [
    ['6 weeks', renderTimeline(sixWeeks, englishText)],
    ['1 year', renderTimeline(oneYear, englishText)],
    ['jordan-lee (2 years, real model)', renderTimeline(real('jordan-lee.md', '2026-11-26'), englishText)],
    ['10 years', renderTimeline(tenYears, englishText)],
    ['lena-schmidt (de)', renderTimeline(real('lena-schmidt.md', '2026-11-26'), german)],
    ['sam-okafor', renderTimeline(real('sam-okafor.md', '2026-11-26'), englishText)],
    ['nasty', renderTimeline(nasty, englishText)],
  ];
  const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>
@font-face { font-family: Inter; src: url(file://${path.resolve('node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2')}); font-weight: 400; }
@font-face { font-family: Inter; src: url(file://${path.resolve('node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2')}); font-weight: 600; }
body { font-family: ${process.env.FONT ?? 'Inter, sans-serif'}; margin: 16px; max-width: 760px; } h2 { font-size: 14px; margin: 24px 0 4px; }
</style></head><body>${body}</body></html>`;
  writeFileSync(process.env.OUT ?? '/tmp/tl.html', page(sections.map(([name, svg]) => `<h2>${name}</h2>${svg}`).join('\n')));
  sections.forEach(([name, svg], index) => writeFileSync(`/tmp/tl-${index}.html`, page(`<h2>${name}</h2>${svg}`)));
});
