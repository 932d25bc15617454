import { readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { atRiskDays, goalStatuses } from '../../src/format/status.js';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { textOf } from '../../src/theme/words.js';
import { english, locales, words } from '../support/words.js';
import { builtin, dom, indexPage, modelOf, planPage, repo, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

/** As of 2026-11-26: a goal past its due date, one far off with a step past due, a paused one with a step past due, a done one. */
const plan = (lang: string) => `---
title: Plan
owner: Alex
lang: ${lang}
goals:
  - title: Late goal
    measure: M
    due: 2026-10
    steps: [Open step]
  - title: Far goal
    measure: M
    due: 2028
    steps: [{ title: Late step, due: 2026-09 }]
  - title: Paused goal
    status: paused
    measure: M
    due: 2028
    steps: [{ title: Paused late step, due: 2026-09 }]
  - title: Done goal
    done: 2026-06-01
    measure: M
    due: 2026-06
    steps: [{ title: Done step, done: 2026-06-01 }]
---
`;

describe('the plan page explains each status it shows', () => {
  test('a key above the goals, in the plan’s language, for the statuses its goals have and its overdue steps', () => {
    for (const lang of ['en', 'de']) {
      const tree = dom(theme.renderPlan(planPage(modelOf(plan(lang), 'alex'))));
      const key = select('#goals .status-key', tree);
      expect(text(select('.status-key__title', key))).toBe(textOf(words(lang), 'statusKey'));
      const entries = selectAll('.status-key__item', key).map((item) => [text(select('dt', item)), text(select('dd', item))]);
      const label = (key: string) => textOf(words(lang), key);
      expect(entries).toEqual([
        [label('status.overdue'), label('statusHelp.overdue')],
        [label('stepOverdue'), label('stepOverdueHelp')],
        [label('status.at-risk'), label('statusHelp.at-risk')],
        [label('status.done'), label('statusHelp.done')],
        [label('status.paused'), label('statusHelp.paused')],
      ]);
    }
  });

  test('every status badge and overdue tag says what it means as its tooltip', () => {
    const tree = dom(theme.renderPlan(planPage(modelOf(plan('de'), 'alex'))));
    const badges = selectAll('.goal .card__head .badge', tree);
    expect(badges.map((badge) => [text(badge), badge.properties['title']])).toEqual([
      ['Überfällig', textOf(words('de'), 'statusHelp.overdue')],
      ['Gefährdet', textOf(words('de'), 'statusHelp.at-risk')],
      ['Pausiert', textOf(words('de'), 'statusHelp.paused')],
      ['Erreicht', textOf(words('de'), 'statusHelp.done')],
    ]);
    expect(selectAll('.summary .badge', tree).every((badge) => typeof badge.properties['title'] === 'string')).toBe(true);
    expect(selectAll('.tag--overdue', tree).map((tag) => tag.properties['title'])).toContain(textOf(words('de'), 'stepOverdueHelp'));
  });

  test('the cover counts the overdue steps beside the goals by status, as the index does', () => {
    expect(text(select('.cover .summary__detail--overdue', dom(theme.renderPlan(planPage(modelOf(plan('en'), 'alex'))))))).toBe('1 overdue step');
    expect(text(select('.cover .summary__detail--overdue', dom(theme.renderPlan(planPage(modelOf(plan('de'), 'alex'))))))).toBe('1 Maßnahme überfällig');
  });
});

describe('the index explains its overdue and at-risk counts', () => {
  test('a key below the plans and the columns’ tooltips, in the index’s language', () => {
    for (const lang of ['en', 'de']) {
      const tree = dom(theme.renderIndex(indexPage([modelOf(plan(lang), 'alex')], lang)));
      const key = selectAll('#plans .status-key__item', tree).map((item) => text(select('dd', item)));
      expect(key).toEqual([textOf(words(lang), 'indexKey.overdue'), textOf(words(lang), 'indexKey.at-risk')]);
      expect(selectAll('#plans thead th', tree).slice(-2).map((th) => th.properties['title'])).toEqual(key);
      expect(selectAll('#plans tbody td', tree).at(-2)?.children.length).toBeGreaterThan(0);
    }
    const row = selectAll('#plans tbody td', dom(theme.renderIndex(indexPage([modelOf(plan('de'), 'alex')], 'de'))));
    expect(text(row.at(-2))).toBe('1 Ziel überfällig 1 Maßnahme überfällig');
  });
});

describe('the words of the statuses', () => {
  test('every language explains every status, the overdue step and the index’s counts; at risk names the days careerplan uses', () => {
    for (const lang of Object.keys(locales)) {
      for (const key of [...goalStatuses.map((status) => `statusHelp.${status}`), 'statusKey', 'stepOverdueHelp', 'indexKey.overdue', 'indexKey.at-risk']) {
        expect(textOf(words(lang), key), `${lang}: ${key}`).not.toBe('');
      }
      expect(textOf(words(lang), 'statusHelp.at-risk')).toContain(String(atRiskDays));
      expect(textOf(words(lang), 'indexKey.at-risk')).toContain(String(atRiskDays));
    }
  });

  test('the docs’ Statuses section uses the same words as the pages', () => {
    const docs = readFileSync(path.join(repo, 'docs/plan-format.md'), 'utf8');
    const section = docs.slice(docs.indexOf('\n## Statuses\n'), docs.indexOf('\n## ', docs.indexOf('\n## Statuses\n') + 1));
    for (const status of goalStatuses) {
      expect(section).toContain(`| \`${status}\` | **${textOf(english, `status.${status}`)}** | ${textOf(english, `statusHelp.${status}`)} |`);
      expect(section).toContain(`**${textOf(words('de'), `status.${status}`)}**`);
      expect(section).toContain(`**${textOf(words('fr'), `status.${status}`)}**`);
    }
    for (const key of ['stepOverdueHelp', 'indexKey.overdue', 'indexKey.at-risk']) expect(section.replace(/\s+/g, ' ')).toContain(`"${textOf(english, key)}"`);
  });
});
