import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { noFastReaders } from '../../src/fast/switch.js';
import { parse } from '../../src/stages/parse.js';
import { validate } from '../../src/stages/validate.js';
import type { Checked } from '../../src/types.js';
import { checkText, minimalPlan, parseText, positions, source } from '../support/plans.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-parse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frontmatter languages', () => {
  const marker = path.join(scratch, 'marker');
  const payload = `({ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), owner: 'x' })`;

  test.each(['---js', '---javascript', '---JavaScript', '---JS', '--- js ', '---  javascript', '---coffee', '---json', '---toml'])(
    '`%s` is refused at 1:1 and never executed',
    (opening) => {
      const parsed = parseText(`${opening}\n${payload}\n---\n# Body\n`);
      expect(parsed.findings.map((f) => [f.ruleId, f.place.start.line, f.place.start.column])).toEqual([['yaml-syntax', 1, 1]]);
      expect(parsed.findings[0]?.message).toContain('expected YAML');
      expect(parsed.frontmatter).toBeUndefined();
      expect(existsSync(marker)).toBe(false);
    },
  );

  test.each(['---', '---yaml', '--- yaml', '---YAML', '---yml'])('`%s` opens YAML frontmatter', (opening) => {
    const parsed = parseText(`${opening}\ntitle: T\n---\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.frontmatter?.data).toEqual(Object.assign(Object.create(null), { title: 'T' }));
  });

  test('gray-matter keeps no cache and shares no result between calls', () => {
    const text = minimalPlan();
    const first = parseText(text);
    const second = parseText(text);
    expect(first.frontmatter?.data).not.toBe(second.frontmatter?.data);
    expect(Object.keys((matter as unknown as { cache: object }).cache)).toEqual([]);
  });

  test('a plan without frontmatter is reported at 1:1', () => {
    expect(positions(checkText('# Just a heading\n'))).toEqual(['yaml-syntax 1:1']);
  });

  test('frontmatter without its closing line is reported, not read as the whole file', () => {
    expect(positions(checkText('---\ntitle: T\nowner: O\n'))).toEqual(['yaml-syntax 1:1']);
  });
});

describe('YAML', () => {
  test('aliases are refused where they stand', () => {
    const checked = checkText(minimalPlan('role: &r Analyst\nvision: *r\n'));
    expect(positions(checked)).toEqual(['yaml-syntax 10:9']);
    expect(checked.diagnostics[0]?.message).toContain('alias');
  });

  test('an alias bomb finishes quickly with an error', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const checked = checkText(`---\n${lines.join('\n')}\n---\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(checked.diagnostics.some((d) => d.ruleId === 'yaml-syntax' && d.message.includes('alias'))).toBe(true);
  });

  test('a duplicate key is an error at the second key', () => {
    expect(positions(checkText(minimalPlan('owner: Someone else\n')))).toEqual(['yaml-syntax 9:1']);
  });

  test('a duplicate key in a flow mapping, and each repeat of a key, is an error; 1 and "1" are two keys', () => {
    const flow = checkText(minimalPlan('skills:\n  - { name: SQL, id: sql, id: sql2, level: 1, target: 2 }\n'));
    expect(flow.diagnostics.filter((d) => d.ruleId === 'yaml-syntax').map((d) => `${d.place.start.line}:${d.place.start.column} ${d.message}`)).toEqual([
      '10:27 Unexpected second key `id` in one mapping, expected each key once: remove or rename one',
    ]);
    expect(positions(checkText(minimalPlan('role: a\nrole: b\nrole: c\n')))).toEqual(['yaml-syntax 10:1', 'yaml-syntax 11:1']);
    const numbers = checkText(minimalPlan('opportunities:\n  - title: Job\n    requires: { 1: 2, "1": 3 }\n'));
    expect(numbers.diagnostics.filter((d) => d.ruleId === 'yaml-syntax')).toEqual([]);
  });

  test('text stays text: 01234, yes, no, on, off and dates keep their letters', () => {
    const checked = checkText(minimalPlan('role: 01234\npriorities: [yes, no, on, off, 2027-06-30, 0x1F, 0o17]\nlang: no\n'));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.plan?.role).toBe('01234');
    expect(checked.plan?.priorities).toEqual(['yes', 'no', 'on', 'off', '2027-06-30', '0x1F', '0o17']);
    expect(checked.plan?.lang).toBe('no');
  });

  test('a number where text is expected is kept as written, with a warning that says to quote it', () => {
    const checked = checkText(minimalPlan('role: 1.10\n'));
    expect(positions(checked)).toEqual(['quote-text 9:7']);
    expect(checked.diagnostics[0]?.message).toContain('`"1.10"`');
    expect(checked.plan?.role).toBe('1.10');
  });

  test('an impossible date is a bad date, never rolled over into the next month', () => {
    const checked = checkText(minimalPlan('created: 2027-02-30\n'));
    expect(positions(checked)).toEqual(['bad-date 9:10']);
    expect(checked.plan).toBeUndefined();
  });

  test('prototype keys never reach any object', () => {
    const checked = checkText(minimalPlan('__proto__:\n  polluted: yes\nconstructor: x\nprototype: y\n'));
    expect(positions(checked)).toEqual(['unknown-key 9:1', 'unknown-key 11:1', 'unknown-key 12:1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(checked.plan)).toBe(Object.prototype);
    expect(Object.hasOwn(checked.plan ?? {}, 'constructor')).toBe(false);
  });

  test('20,000 levels of flow nesting, and as deep as 1 MiB allows in block nesting, are reported, not a crash', () => {
    for (const text of ['['.repeat(20_000) + ']'.repeat(20_000), Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')]) {
      const checked = checkText(`---\ntitle: T\nx: ${text.includes('[') ? text : `\n${text}`}\n---\n`);
      expect(checked.diagnostics.some((d) => d.ruleId === 'yaml-syntax')).toBe(true);
    }
  });
});

describe('positions', () => {
  test('CRLF line endings and a BOM-free file keep exact lines and columns', () => {
    const checked = checkText(minimalPlan('dua: 2027\n').replace(/\n/g, '\r\n'));
    expect(positions(checked)).toEqual(['unknown-key 9:1']);
  });

  test('body positions count from the first line of the file', () => {
    const parsed = parseText(minimalPlan('', '\n# Heading\n'));
    const heading = parsed.body?.children.find((node) => node.type === 'heading');
    expect(heading?.position?.start).toMatchObject({ line: 11, column: 1 });
  });
});

describe('plans saved with CR LF, and the fast readers off', () => {
  const validateOptions = { asOf: '2026-11-26', plansRoot: '/plans', inspect: () => undefined, severities: {} } as const;
  const checkWith = (text: string, fast: boolean): Checked => validate(parse(source(text), fast ? {} : { readers: noFastReaders }), validateOptions);
  /** What a user sees of a check, and the plan the model is made from. */
  const seen = (checked: Checked) => ({ diagnostics: checked.diagnostics, plan: JSON.stringify(checked.plan) });
  const rules = path.join(import.meta.dirname, '../fixtures/rules');
  const texts = [
    ...readdirSync(rules).map((name) => readFileSync(path.join(rules, name, 'input.md'), 'utf8')),
    ...generatePlans(6, 11).map((plan) => plan.text),
    minimalPlan('dua: 2027\nskills:\n  - { name: SQL, level: 7 }\n', '# Heading\n\nText over\ntwo lines [a link](missing.md).\n'),
  ];

  test('every rule fixture and 6 generated plans get, with CR LF, the diagnostics (lines and columns) and plan it gets with LF', () => {
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      const lf = text.replace(/\r\n/g, '\n');
      expect(seen(checkWith(lf.replace(/\n/g, '\r\n'), true)), JSON.stringify(lf.slice(0, 80))).toStrictEqual(seen(checkWith(lf, true)));
    }
  });

  test('the fast readers change nothing a user sees, with LF or CR LF', () => {
    for (const text of texts) {
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        expect(seen(checkWith(variant, true)), JSON.stringify(variant.slice(0, 80))).toStrictEqual(seen(checkWith(variant, false)));
      }
    }
  });

  test('a plan saved with CR LF stays on the fast path: its YAML is read by the subset reader', () => {
    const plan = generatePlans(1, 11)[0]?.text ?? '';
    expect(parseText(plan.replace(/\n/g, '\r\n')).frontmatter?.dataHasEveryKey).toBe(true);
    expect(parse(source(plan.replace(/\n/g, '\r\n')), { readers: noFastReaders }).frontmatter?.dataHasEveryKey).toBeUndefined();
  });
});

describe('pathological Markdown finishes in bounded time', () => {
  const near1MiB = (unit: string): string => unit.repeat(Math.floor(1_000_000 / unit.length));
  const cases: Record<string, string> = {
    'nested emphasis': '*a **a '.repeat(4_000),
    'intraword underscores': near1MiB('a_ '),
    'nested block quotes': '>'.repeat(3_000) + ' x',
    'block quotes one level deeper per line': Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
    'lists one level deeper per line': Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
    'list markers on one line': '- '.repeat(5_000) + 'x',
    'unclosed links': near1MiB('[a](b '),
    'brackets': '['.repeat(50_000) + 'a' + ']'.repeat(50_000),
    'backticks': near1MiB('`a '),
    'strong runs': near1MiB('**a** '),
    'emphasis paragraphs': near1MiB('*a* _b_ ~c~ [d]\n\n'),
    'table rows': '|a|b|\n|-|-|\n' + near1MiB('|**x**|_y_|\n'),
  };

  test.each(Object.entries(cases))('%s', (_, body) => {
    const started = performance.now();
    const parsed = parseText(minimalPlan('', body));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(15_000);
    for (const finding of parsed.findings) expect(finding.ruleId).toBe('too-complex');
  });
});

test('too many markers in one paragraph are reported at the paragraph’s first line', () => {
  const parsed = parseText(minimalPlan('', `Intro.\n\n${'*a '.repeat(2_001)}\n`));
  expect(parsed.findings.map((f) => `${f.ruleId} ${f.place.start.line}:${f.place.start.column}`)).toEqual(['too-complex 12:1']);
});
