import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import { renderTimeline, type TimelineText } from '../../src/timeline/index.js';
import { fontSizes } from '../../src/timeline/style.js';
import { estimateTextWidth } from '../../src/timeline/text-width.js';
import { all, allText, classes, num, one, paint, parseSvg, prop, tooltip, visibleText } from './svg.js';
import { englishText, plan } from './support.js';

const mixed = plan(
  [
    { title: 'Second to start', start: '2027-03', due: '2027-09', steps: [{ due: '2027-04', done: true }, { due: '2027-06' }, { title: 'Undated' }] },
    { title: 'First to start', start: '2026-10-15', due: '2027-01', status: 'overdue', steps: [{ due: '2026-11', done: true }] },
    { title: 'Third to start', start: '2027-Q3', due: '2028', status: 'at-risk', steps: [{ due: '2027-12-24' }] },
    { title: 'Dropped but shown', start: '2027-05', due: '2027-08', status: 'dropped', steps: [{ due: '2027-07' }] },
    { title: 'Done and dusted', start: '2026-09', due: '2026-10', status: 'done', steps: [{ due: '2026-10', done: true }] },
    { title: 'Paused for now', start: '2027-02', due: '2027-05', status: 'paused' },
  ],
  { asOf: '2027-02-10', slug: 'mixed' },
);

const svg = renderTimeline(mixed, englishText);
const tree = parseSvg(svg);
const rows = all(tree, 'g.tl-row');
const bars = all(tree, 'rect.tl-bar');
const barOf = (id: string, within = tree): Element => one(within, `g.tl-row[data-goal="${id}"] rect.tl-bar`);

describe('rows and bars', () => {
  test('one row and one bar per goal, dropped goals included, in plan order', () => {
    expect(rows.map((row) => prop(row, 'dataGoal'))).toEqual(mixed.goals.map((goal) => goal.id));
    expect(bars).toHaveLength(mixed.goals.length);
    expect(all(tree, 'text.tl-label').map(visibleText)).toEqual(mixed.goals.map((goal) => goal.title));
    expect(all(tree, 'text.tl-status').map(visibleText)).toEqual(mixed.goals.map((goal) => englishText.status[goal.status]));
  });

  test('bars start left to right in the order of their start dates and end in the order of their due dates', () => {
    const order = (key: (index: number) => string): number[] => [...mixed.goals.keys()].sort((a, b) => key(a).localeCompare(key(b)));
    const lefts = order((index) => mixed.goals[index]!.start!.first).map((index) => num(bars[index]!, 'x'));
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    expect(new Set(lefts).size).toBe(lefts.length);
    const rights = order((index) => mixed.goals[index]!.due.last).map((index) => num(bars[index]!, 'x') + num(bars[index]!, 'width'));
    expect(rights).toEqual([...rights].sort((a, b) => a - b));
  });

  test('a bar spans whole days: from the start of its first day to the end of its last', () => {
    // 2027 is 365 days long, so 2027-07-02 at noon (where the today line is drawn) is its exact middle.
    const year = plan([{ title: 'The year 2027', start: '2027', due: '2027' }], { asOf: '2027-07-02' });
    const yearTree = parseSvg(renderTimeline(year, englishText));
    const bar = one(yearTree, 'rect.tl-bar');
    const today = one(yearTree, 'line.tl-today');
    expect(num(today, 'x1')).toBeCloseTo(num(bar, 'x') + num(bar, 'width') / 2, 0);
  });

  test('dropped goals are drawn muted, their titles still readable', () => {
    expect(prop(barOf('dropped-but-shown'), 'opacity')).toBe('0.6');
    expect(paint(tree, one(tree, 'g.tl-row[data-goal="dropped-but-shown"] text.tl-label'), 'fill')).toBe('#616E7C');
  });
});

describe('steps', () => {
  test('a mark per dated step on its goal’s row, filled when done and hollow when open; undated steps are not drawn', () => {
    for (const goal of mixed.goals) {
      const dated = goal.steps.filter((step) => step.due);
      const marks = all(tree, `g.tl-steps[data-goal="${goal.id}"] circle.tl-step`);
      expect(marks.map((mark) => classes(mark).find((name) => name.startsWith('tl-step--')))).toEqual(dated.map((step) => (step.done ? 'tl-step--done' : 'tl-step--open')));
      const bar = barOf(goal.id);
      for (const mark of marks) {
        expect(num(mark, 'cy')).toBeCloseTo(num(bar, 'y') + num(bar, 'height') / 2, 1);
        expect(paint(tree, mark, 'fill')).toBe(classes(mark).includes('tl-step--done') ? '#1F2933' : '#FFFFFF');
      }
    }
    expect(all(tree, 'circle.tl-step')).toHaveLength(mixed.goals.flatMap((goal) => goal.steps.filter((step) => step.due)).length);
  });

  test('marks sit at their due dates: later steps further right', () => {
    const marks = all(tree, 'g.tl-steps[data-goal="second-to-start"] circle');
    expect(num(marks[0]!, 'cx')).toBeLessThan(num(marks[1]!, 'cx'));
    const bar = barOf('second-to-start');
    expect(num(marks[1]!, 'cx')).toBeGreaterThan(num(bar, 'x'));
    expect(num(marks[1]!, 'cx')).toBeLessThan(num(bar, 'x') + num(bar, 'width'));
    expect(tooltip(marks[0]!)).toBe('Step 1\nStep done\nDue: Apr 2027');
  });
});

describe('today', () => {
  test('a vertical line at the as-of date, labelled with the theme’s word and the date, inside the box', () => {
    const line = one(tree, 'line.tl-today');
    expect(num(line, 'x1')).toBe(num(line, 'x2'));
    const label = one(tree, 'text.tl-today-label');
    expect(visibleText(label)).toBe('Today Feb 10, 2027');
    // Between the starts of February and March, nearer February.
    const feb = one(tree, 'g.tl-row[data-goal="paused-for-now"] rect.tl-bar');
    const mar = one(tree, 'g.tl-row[data-goal="second-to-start"] rect.tl-bar');
    const share = (num(line, 'x1') - num(feb, 'x')) / (num(mar, 'x') - num(feb, 'x'));
    expect(share).toBeCloseTo(9.5 / 28, 2);
  });

  test('the today label stays inside the box at either edge', () => {
    for (const asOf of ['2026-01-01', '2030-12-31']) {
      const edgeTree = parseSvg(renderTimeline(plan([{ title: 'Goal', start: '2026-01', due: '2030' }], { asOf }), { ...englishText, today: 'Aujourd’hui, selon le plan' }));
      const width = Number(String(one(edgeTree, 'svg').properties['viewBox']).split(' ')[2]);
      const label = one(edgeTree, 'text.tl-today-label');
      const half = estimateTextWidth(visibleText(label), fontSizes.today, true) / 2;
      expect(num(label, 'x') - half).toBeGreaterThanOrEqual(0);
      expect(num(label, 'x') + half).toBeLessThanOrEqual(width);
    }
  });
});

describe('statuses', () => {
  test('overdue and at-risk differ from each other and from active by more than colour', () => {
    const cue = (element: Element) => ({ pattern: String(prop(element, 'fill')).startsWith('url('), dash: prop(element, 'strokeDashArray') ?? 'solid' });
    const overdue = barOf('first-to-start');
    const atRisk = barOf('third-to-start');
    const active = barOf('second-to-start');
    expect(classes(overdue)).toContain('tl-bar--overdue');
    expect(classes(atRisk)).toContain('tl-bar--at-risk');
    expect(cue(overdue)).toEqual({ pattern: true, dash: 'solid' });
    expect(cue(atRisk)).toEqual({ pattern: false, dash: '5 3' });
    expect(cue(active)).toEqual({ pattern: false, dash: 'solid' });
    expect(cue(barOf('paused-for-now')).dash).not.toBe(cue(atRisk).dash);
  });

  test('the stylesheet’s tokens paint each status: a fill and an outline, the overdue bar hatched over its fill', () => {
    const painted = (id: string) => ({ fill: paint(tree, barOf(id), 'fill'), stroke: paint(tree, barOf(id), 'stroke') });
    expect(painted('done-and-dusted')).toEqual({ fill: '#009E73', stroke: '#00704F' });
    expect(painted('second-to-start')).toEqual({ fill: '#D4E6F4', stroke: '#0072B2' });
    expect(painted('third-to-start')).toEqual({ fill: '#FBE3B0', stroke: '#A65200' });
    expect(painted('first-to-start')).toEqual({ fill: 'url(#mixed-tl-hatch)', stroke: '#B2450B' });
    expect(painted('paused-for-now')).toEqual({ fill: '#E4E7EB', stroke: '#616E7C' });
    expect(painted('dropped-but-shown')).toEqual({ fill: '#F5F7FA', stroke: '#9AA5B1' });
    expect(paint(tree, one(tree, 'pattern rect'), 'fill')).toBe('#F9D7C4');
    expect(paint(tree, one(tree, 'pattern line'), 'stroke')).toBe('#B2450B');
  });

  test('the hatch pattern exists and its id is prefixed with the plan’s slug', () => {
    const fill = String(prop(barOf('first-to-start'), 'fill'));
    const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
    expect(id).toBe('mixed-tl-hatch');
    expect(all(tree, `pattern#${id}`)).toHaveLength(1);
  });

  test('two plans on one page share no id', () => {
    const other = renderTimeline({ ...mixed, slug: 'other' }, englishText);
    const page = parseSvg(svg + other);
    const ids = all(page, '[id]').map((element) => String(element.properties['id']));
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the legend names every status present and both step marks, with the theme’s words', () => {
    const words = all(tree, 'text.tl-legend-label').map(visibleText);
    expect(words).toEqual(['Done', 'Active', 'At risk', 'Overdue', 'Paused', 'Dropped', 'Step done', 'Step open']);
  });
});

describe('accessibility', () => {
  test('an image with a title and a description', () => {
    const root = one(tree, 'svg');
    expect(prop(root, 'role')).toBe('img');
    const [titleId, descId] = String(prop(root, 'ariaLabelledBy')).split(' ');
    expect(visibleText(one(tree, `title#${titleId}`).children[0]!)).toBe(englishText.title);
    expect(visibleText(one(tree, `desc#${descId}`).children[0]!)).toBe(englishText.description);
  });

  test('each bar carries its goal’s title, status and dates', () => {
    expect(tooltip(barOf('third-to-start'))).toBe('Third to start\nAt risk\nStart: Jul\u2009–\u2009Sep 2027\nDue: 2028');
    expect(tooltip(barOf('first-to-start'))).toBe('First to start\nOverdue\nStart: Oct 15, 2026\nDue: Jan 2027');
    const noStart = plan([{ title: 'Open-ended', due: '2027-06-30' }], { asOf: '2027-01-01' });
    expect(tooltip(one(parseSvg(renderTimeline(noStart, englishText)), 'rect.tl-bar'))).toBe('Open-ended\nActive\nDue: Jun 30, 2027');
  });

  test('text contrast: every text fill is at least 4.5:1 against white and the zebra rows', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string): number => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    };
    const fills = new Set(all(tree, 'text').map((text) => String(paint(tree, text, 'fill'))));
    for (const fill of fills) {
      expect(contrast(fill, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fill, '#F5F7FA')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('untrusted text', () => {
  const nasty = plan(
    [
      { title: '<script>alert(1)</script> & "quotes" \'too\'', id: 'x" onload="alert(1)', due: '2027-06', steps: [{ title: '<img src=x onerror=alert(1)>', due: '2027-03' }] },
    ],
    { asOf: '2027-01-10', slug: 'nasty"><script>' },
  );
  const words: TimelineText = { ...englishText, title: '</title><script>alert(2)</script>', today: '<b>Today</b>' };
  const output = renderTimeline(nasty, words);
  const nastyTree = parseSvg(output);

  test('no element, attribute or reference comes from plan text or theme words', () => {
    expect(all(nastyTree, 'script, img, foreignObject, b, a, image, use')).toEqual([]);
    expect(output).not.toMatch(/<script/i);
    for (const element of all(nastyTree, '*')) {
      for (const name of Object.keys(element.properties)) expect(name).not.toMatch(/^on/i);
      for (const [name, value] of Object.entries(element.properties)) if (name !== 'xmlns') expect(String(value)).not.toMatch(/(?:https?:|javascript:|\/\/)/i);
    }
  });

  test('the text reads as written', () => {
    expect(visibleText(one(nastyTree, 'text.tl-label'))).toMatch(/^<script>alert\(1\)<\/script> & "quot/);
    expect(prop(one(nastyTree, 'g.tl-row'), 'dataGoal')).toBe('x" onload="alert(1)');
    expect(visibleText(one(nastyTree, 'text.tl-today-label'))).toBe('<b>Today</b> Jan 10, 2027');
    expect(tooltip(one(nastyTree, 'circle.tl-step'))).toBe('<img src=x onerror=alert(1)>\nStep open\nDue: Mar 2027');
  });

  test('ids stay plain even when the slug is not', () => {
    for (const element of all(nastyTree, '[id]')) expect(String(element.properties['id'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('words', () => {
  test('every visible word comes from the theme or the plan; dates follow the plan’s language', () => {
    const japanese = plan(
      [
        { title: '昇進する', start: '2027-01', due: '2027-12', status: 'overdue', steps: [{ title: '講座', due: '2027-03', done: true }, { title: '発表', due: '2027-06' }] },
        { title: '発表の練習', due: '2028-06', status: 'at-risk', steps: [{ title: '準備', due: '2028-01' }] },
      ],
      { asOf: '2027-08-01', lang: 'ja' },
    );
    const text: TimelineText = {
      title: '目標',
      description: '説明',
      today: '今日',
      status: { done: '完了', active: '進行中', 'at-risk': '危険', overdue: '期限切れ', paused: '一時停止', dropped: '中止' },
      start: '開始',
      due: '期限',
      stepDone: '済',
      stepOpen: '未',
      horizon: '目標時期',
      retirementYear: '退職 ({year})',
    };
    const output = renderTimeline(japanese, text);
    const texts = allText(parseSvg(output));
    expect(texts.join(' ')).not.toMatch(/[A-Za-z]/);
    expect(texts.some((value) => /2027年/.test(value))).toBe(true);
  });

  /** The lines of a goal's label, one `<tspan>` each, with where each begins and its baseline. */
  const labelLines = (tree: ReturnType<typeof parseSvg>, id: string) =>
    all(one(tree, `g.tl-row[data-goal="${id}"] text.tl-label`), 'tspan').map((line) => ({ x: num(line, 'x'), y: num(line, 'y'), text: visibleText(line) }));

  test('a title too long for the column wraps onto more lines, every word shown, left of its bar, the row taller', () => {
    const long = 'Become the person everyone in the regional operations team asks about forecasting';
    const tree = parseSvg(renderTimeline(plan([{ title: long, due: '2027-06' }, { title: 'Short', due: '2027-09' }], { asOf: '2027-01-01' }), englishText));
    const [first, second] = all(tree, 'g.tl-row').map((row) => prop(row, 'dataGoal')!);
    const lines = labelLines(tree, first!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.map((line) => line.text).join(' ')).toBe(long);
    expect(visibleText(one(tree, 'text.tl-label')).includes('…')).toBe(false);
    const bar = barOf(first!, tree);
    for (const line of lines) expect(line.x + estimateTextWidth(line.text, fontSizes.title)).toBeLessThan(num(bar, 'x'));
    // Lines stack downwards, the status below the last, and the next goal's row below it all.
    expect(lines.map((line) => line.y)).toEqual([...lines.map((line) => line.y)].sort((a, b) => a - b));
    const status = one(tree, `g.tl-row[data-goal="${first}"] text.tl-status`);
    expect(num(status, 'y')).toBeGreaterThan(lines.at(-1)!.y + fontSizes.status);
    expect(labelLines(tree, second!)[0]!.y - fontSizes.title).toBeGreaterThan(num(status, 'y'));
    // The bar sits in the middle of its taller row.
    const background = lines[0]!.y - 15;
    const height = num(status, 'y') + 7 - background;
    expect(num(bar, 'y') + num(bar, 'height') / 2).toBeCloseTo(background + height / 2, 1);
  });

  test('a word wider than the column (a long German compound) is split with a hyphen, never cut bare', () => {
    const word = 'Qualitätsmanagementbeauftragtenschulungsvereinbarung';
    const tree = parseSvg(renderTimeline(plan([{ title: `Die ${word} abschließen`, due: '2027-06' }], { asOf: '2027-01-01', lang: 'de' }), englishText));
    const lines = labelLines(tree, prop(one(tree, 'g.tl-row'), 'dataGoal')!).map((line) => line.text);
    const split = lines.filter((line) => line.endsWith('-'));
    expect(split.length).toBeGreaterThan(0);
    expect(lines.join(' ').replace(/- /g, '')).toBe(`Die ${word} abschließen`);
  });

  test('a title longer than three lines ends the third in an ellipsis, the whole title in its tooltip', () => {
    const long = 'Become the person everyone in the regional operations team asks about forecasting, data quality, planning of the quarterly budget and the weekly report to the board';
    const tree = parseSvg(renderTimeline(plan([{ title: long, due: '2027-06' }], { asOf: '2027-01-01' }), englishText));
    const label = one(tree, 'text.tl-label');
    const lines = labelLines(tree, prop(one(tree, 'g.tl-row'), 'dataGoal')!).map((line) => line.text);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(long.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
    expect(tooltip(label)).toBe(long);
  });
});

describe('scaling', () => {
  test('a fixed viewBox about A4 wide that scales to its container', () => {
    const root = one(tree, 'svg');
    const [x, y, width, height] = String(prop(root, 'viewBox')).split(' ').map(Number);
    expect([x, y, width]).toEqual([0, 0, 720]);
    expect(height).toBeGreaterThan(100);
    expect(prop(root, 'width')).toBe('100%');
    expect(prop(root, 'height')).toBeUndefined();
  });

  test('a plan without goals still renders an axis and today', () => {
    const empty = parseSvg(renderTimeline(plan([], { asOf: '2027-01-01' }), englishText));
    expect(all(empty, 'rect.tl-bar')).toEqual([]);
    expect(all(empty, 'line.tl-today')).toHaveLength(1);
    expect(all(empty, 'text.tl-tick-label').length).toBeGreaterThan(0);
  });
});
