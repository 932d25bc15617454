import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { locate, readYaml, toData } from '../../src/format/yaml.js';
import { locateSubsetScalar, readYamlSubset } from '../../src/fast/yaml-subset.js';
import { findTraps, keepTexts } from '../../src/format/yaml-traps.js';
import { validate } from '../../src/stages/validate.js';
import type { Parsed } from '../../src/types.js';
import { minimalPlan, parseText } from '../support/plans.js';
import { property } from '../support/property.js';

/** What the full reader makes of the text: its data, or `undefined` when it reports a problem. */
function fullReading(text: string): unknown {
  const { document, problems } = readYaml(text);
  if (!document || problems.length > 0) return undefined;
  const converted = toData(document);
  return converted.problems.length > 0 ? undefined : converted.data;
}

/** The subset reader either refuses the text or gives exactly the full reader's data, key order and `-0` included. */
function expectSameOrRefused(text: string): unknown {
  const subset = readYamlSubset(text);
  if (subset === undefined) return undefined;
  const full = fullReading(text);
  expect(full, `the full reader reports a problem in ${JSON.stringify(text)}`).not.toBeUndefined();
  expect(subset, JSON.stringify(text)).toStrictEqual(full);
  expect(JSON.stringify(subset)).toBe(JSON.stringify(full));
  return subset;
}

const key = fc.constantFrom('a', 'b', 'title', 'yes', 'no', 'on', 'null', 'Null', 'true', 'y', '1', '_x', 'a-b', '__proto__', 'k');
const scalarText = fc.constantFrom(
  'x', 'two words', 'yes', 'no', 'on', 'off', 'true', 'False', 'TRUE', 'null', '~', '', '0', '-0', '+1', '0123', '1.10', '1.', '.5', '1e3', '.inf', '-.Inf', '.nan',
  '2024-02-30', '2027-Q3', '2024-02-03T10:00:00Z', '10:30', 'a:b', 'a: b', 'a #b', '#c', '-', '-x', '- x', '?x', ':x', '&a x', '*a', '!!str x', '!x', '%x', '@x', '`x',
  '"q"', "'q'", '"a"b"', "'it''s'", '"\\n"', '[x, y]', '[x, [y]]', '[ ]', '{ a: 1 }', '{a: 1}', '{ a: [1] }', '[x,]', 'x]', 'x}', 'a, b', '>', '|', '>-', '|+', 'é', 'x\u00a0y', '😀',
  '12345678901234567890', 'https://x.org', '1_000', '0x1F', '0o17',
  // Slips and traps of issue 19: a colon in text, a comma with no space in a flow list, a comment cutting text short.
  'Talk: our process', 'Next steps:', '[Half of £9,600 tuition]', '[1,000, b]', '[sql,python]', 'Step #1', '{ a: 1,b: 2 }',
);
const line = fc.oneof(
  fc.tuple(key, scalarText).map(([k, v]) => `${k}: ${v}`),
  key.map((k) => `${k}:`),
  scalarText.map((v) => `- ${v}`),
  fc.tuple(key, scalarText).map(([k, v]) => `- ${k}: ${v}`),
  scalarText,
  fc.constantFrom('', '  ', '---', '...', '-', 'k: >', 'k: |', '  text', '    text', '# comment'),
);
const indent = fc.constantFrom('', '', '', '  ', '  ', '    ', '      ', ' ', '\t');

const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 30 }),
    scalarText,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('the YAML subset reader', () => {
  test.each([
    ['YAML 1.1 booleans stay text', 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: n', { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y', f: 'n' }],
    ['YAML 1.2 booleans', 'a: true\nb: False\nc: TRUE', { a: true, b: false, c: true }],
    ['a leading zero stays text', 'a: 0123\nb: 01234\nc: 0o17\nd: 0x1F\ne: 1_000', { a: '0123', b: '01234', c: '0o17', d: '0x1F', e: '1_000' }],
    ['decimal integers', 'a: 0\nb: -0\nc: +12\nd: 2031\ne: 12345678901234567890', { a: 0, b: -0, c: 12, d: 2031, e: 12345678901234567890 }],
    ['dates and timestamps stay text', 'a: 2024-02-30\nb: 2027-Q3\nc: 2024-02-03T10:00:00Z\nd: 10:30', { a: '2024-02-30', b: '2027-Q3', c: '2024-02-03T10:00:00Z', d: '10:30' }],
    ['quoted scalars', `a: "x: y"\nb: 'yes'\nc: "2031"\nd: ''`, { a: 'x: y', b: 'yes', c: '2031', d: '' }],
    ['flow lists and mappings', 'a: [x, y z, 3]\nb: { sql: 4, speaking: 3 }\nc: []\nd: {}', { a: ['x', 'y z', 3], b: { sql: 4, speaking: 3 }, c: [], d: {} }],
    ['block scalars', 'a: >\n  one\n  two\nb: |\n  one\n  two\n\nc: x', { a: 'one two\n', b: 'one\ntwo\n', c: 'x' }],
    ['lists, compact and indented', 'a:\n- x\n- k: v\n  l: w\nb:\n  - y\n  - steps:\n    - z', { a: ['x', { k: 'v', l: 'w' }], b: ['y', { steps: ['z'] }] }],
    ['empty values', 'a:\nb:\n  c:', { a: null, b: { c: null } }],
  ])('%s', (_, text, expected) => {
    expect(expectSameOrRefused(`\n${text}`)).toEqual(expected);
  });

  test.each([
    ['floats', 'a: 1.10'],
    ['exponents', 'a: 1e3'],
    ['infinity', 'a: .inf'],
    ['null words', 'a: ~'],
    ['duplicate keys', 'a: 1\na: 2'],
    ['anchors and aliases', 'a: &x 1\nb: *x'],
    ['merge keys', 'a: &x { k: 1 }\nb:\n  <<: *x'],
    ['tags', 'a: !!str 1'],
    ['two documents', 'a: 1\n---\nb: 2'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['comments', 'a: 1 # one'],
    ['non-string keys', '1: a\nnull: b\ntrue: c'],
    ['keys toData leaves out', '__proto__: x\nconstructor: y'],
    ['complex keys', '? a\n: 1'],
    ['a quoted key', '"a": 1'],
    ['plain text over two lines', 'a: one\n  two'],
    ['a block scalar with a blank line in it', 'a: >\n  one\n\n  two'],
    ['a block scalar with a more indented line', 'a: >\n  one\n    two'],
    ['a block scalar starting with a blank line', 'a: >\n\n  one'],
    ['block scalar indicators', 'a: >-\n  one'],
    ['escapes', 'a: "\\u00e9"\nb: \'it\'\'s\''],
    ['tabs', 'a:\t1'],
    ['CR line breaks without LF', 'a: 1\rb: 2'],
    ['a CR before the end of a line', 'a: 1\r \nb: 2'],
    ['a space before a CR LF', 'a: 1 \r\nb: 2'],
    ['a space at the end of a line', 'a: 1 '],
    ['non-breaking spaces', 'a:\u00a0x'],
    ['a flow collection over two lines', 'a: [x,\n  y]'],
    ['an empty flow item', 'a: [x, , y]'],
    ['a nested list on one line', 'a:\n  - - x'],
    ['text that starts with an indicator', 'a: -x\nb: @x'],
    ['a root that is not a mapping', 'just text'],
    ['a list item without a space', 'a:\n  -x'],
    ['deep nesting', Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}k:`).join('\n')],
    ['a very long key', `${'k'.repeat(2000)}: 1`],
    // The full reader names these slips and traps (issue 19), so the subset leaves them to it.
    ['a comma with no space after it in a flow list', 'a: [Half of £9,600 tuition]\nb: [sql,python]'],
    ['a colon and a space in text', 'a: Talk: our process'],
    ['text ending in a colon', 'a: Next steps:'],
    ['a misaligned key', 'a:\n  b: 1\n   c: 2'],
    ['a misaligned list item', 'a:\n  - x\n - y'],
    ['a tab before a key', 'a: 1\n\tb: 2'],
  ])('refuses %s', (_, text) => {
    expect(readYamlSubset(`\n${text}`)).toBeUndefined();
  });

  test('reads the frontmatter of generated plans', () => {
    for (const plan of generatePlans(50, 3)) {
      const yamlText = plan.text.slice(3, plan.text.indexOf('\n---', 3));
      const data = expectSameOrRefused(yamlText);
      expect(data).not.toBeUndefined();
      // The data holds every key of its document: the parse stage says so to the rules, which then walk the data.
      expect(parseText(plan.text).frontmatter?.dataHasEveryKey).toBe(true);
    }
  });

  test('reads CR LF text as the same text with LF', () => {
    for (const plan of generatePlans(20, 3)) {
      const yamlText = plan.text.slice(3, plan.text.indexOf('\n---', 3));
      const crlf = yamlText.replace(/\n/g, '\r\n');
      expect(expectSameOrRefused(crlf)).toStrictEqual(readYamlSubset(yamlText));
      expect(readYamlSubset(crlf)).not.toBeUndefined();
    }
  });

  test('generated YAML lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(indent, line), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, lineBreak) => {
        expectSameOrRefused(lines.map(([spaces, text]) => spaces + text).join(lineBreak));
      }),
      property(1_000),
    );
  });

  test('reads CR LF text whenever it reads the same text with LF: CR LF plans are not left to the slower library', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(indent, line), { maxLength: 12 }), fc.constantFrom('', '\n'), (lines, end) => {
        const text = lines.map(([spaces, written]) => spaces + written).join('\n') + end;
        // Text holding a CR of its own (a scalar may) is another text once its line feeds gain one.
        fc.pre(!text.includes('\r'));
        expect(readYamlSubset(text.replace(/\n/g, '\r\n')) === undefined).toBe(readYamlSubset(text) === undefined);
      }),
      property(1_000),
    );
  });

  test('YAML written by the yaml package in several styles', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 6 }),
        fc.record({ indentSeq: fc.boolean(), lineWidth: fc.constantFrom(0, 20, 80), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'> }),
        (data, options) => {
          expectSameOrRefused(stringify(data, options));
        },
      ),
      property(400),
    );
  });
});

/** Every path of data to a scalar (not to a list or a mapping). */
function scalarPaths(data: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(data)) return data.flatMap((item, index) => scalarPaths(item, [...path, index]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([key, item]) => scalarPaths(item, [...path, key]));
  return [path];
}

/**
 * For text the subset reader takes, the quick locator finds a scalar exactly
 * where the full reader's `locate` does, or leaves it to it; returns how many
 * paths it found.
 */
function expectSamePlaces(text: string): number {
  const data = readYamlSubset(text);
  if (data === undefined) return 0;
  const { document } = readYaml(text);
  if (!document) throw new Error('the full reader failed on text the subset reader took');
  let found = 0;
  for (const path of [...scalarPaths(data), ['missing'], [0], [...scalarPaths(data)[0] ?? [], 'deeper']]) {
    const quick = locateSubsetScalar(text, path);
    if (quick === undefined) continue;
    found++;
    const { key, value } = locate(document, path);
    expect({ path, ...quick }).toEqual({ path, ...(key ? { key } : {}), value });
  }
  return found;
}

describe('locateSubsetScalar: positions without the full reader', () => {
  test('finds the scalars of generated plans where the full reader does, nearly all of them', () => {
    let paths = 0;
    let found = 0;
    for (const plan of generatePlans(40, 5)) {
      const yamlText = plan.text.slice(4, plan.text.indexOf('\n---', 3) + 1);
      paths += scalarPaths(readYamlSubset(yamlText)).length;
      found += expectSamePlaces(yamlText);
      expect(expectSamePlaces(yamlText.replace(/\n/g, '\r\n'))).toBe(expectSamePlaces(yamlText));
    }
    // Left to the full reader: only block scalars (`>`, `|`) and items of one-line `[ ]` lists.
    expect(found).toBeGreaterThan(paths * 0.8);
  });

  test('the due date of a goal and of a step, as the overdue rule asks for them', () => {
    const text = 'title: T\ngoals:\n  - title: G\n    due: 2026-08\n    steps:\n      - { title: S, due: 2026-Q3 }\n      - title: R\n        due: "2026-09"\n';
    expect(locateSubsetScalar(text, ['goals', 0, 'due'])).toEqual({ key: [text.indexOf('due'), text.indexOf('due') + 3], value: [text.indexOf('2026-08'), text.indexOf('2026-08') + 7] });
    expect(locateSubsetScalar(text, ['goals', 0, 'steps', 0, 'due'])?.value).toEqual([text.indexOf('2026-Q3'), text.indexOf('2026-Q3') + 7]);
    expect(locateSubsetScalar(text, ['goals', 0, 'steps', 1, 'due'])?.value).toEqual([text.indexOf('"2026-09"'), text.indexOf('"2026-09"') + 9]);
    expectSamePlaces(text);
  });

  test('generated YAML lines and YAML written by the yaml package', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(indent, line), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, lineBreak) => {
        expectSamePlaces(lines.map(([spaces, text]) => spaces + text).join(lineBreak));
      }),
      property(600),
    );
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 6 }),
        fc.record({ indentSeq: fc.boolean(), lineWidth: fc.constantFrom(0, 20, 80), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>, collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any'> }),
        (data, options) => {
          expectSamePlaces(stringify(data, options));
        },
      ),
      property(400),
    );
  });
});

/** The plan as validate saw it before: the document read at once and the data from it. */
function readEagerly(parsed: Parsed): Parsed {
  const { frontmatter } = parsed;
  if (!frontmatter) return parsed;
  const { document } = frontmatter;
  const data = toData(document).data ?? Object.create(null);
  // Text YAML reads as a number or true/false is kept as written, as the parse stage keeps it.
  keepTexts(data, findTraps(document, parsed.source.text.slice(frontmatter.offset)).texts);
  return { ...parsed, frontmatter: { document, offset: frontmatter.offset, data } };
}

describe('validate with the subset reader', () => {
  const options = { asOf: '2026-11-26', plansRoot: '/plans', inspect: () => undefined, severities: {} } as const;
  const extraLine = fc.constantFrom(
    'lang: no', 'ownr: Sam', 'role: 1.10', 'created: 2024-02-30', 'reviewed: yes', 'horizon: 2031', 'horizon: 2031-Q5', 'vision: >\n  Lead\n  a team',
    'skills:\n  - name: SQL\n    level: 2\n    target: 4\n    levle: 3', 'skills:\n  - name: SQL\n    level: 02\n    target: 4', 'education: { current: BSc, neded: MSc }',
    'opportunities:\n  - title: Lead\n    requires: { sql: 4, SQL: 3 }\n    statuss: watching', 'priorities: [a, b]', 'strengths: []', 'weaknesses:\n- Shy',
  );

  test('gives the same diagnostics and plan as reading the document at once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(extraLine, { maxLength: 5, selector: (text) => text.split(':')[0] }), (lines) => {
        const parsed = parseText(minimalPlan(lines.map((text) => `${text}\n`).join('')));
        const lazy = validate(parsed, options);
        const eager = validate(readEagerly(parseText(minimalPlan(lines.map((text) => `${text}\n`).join('')))), options);
        expect(lazy.diagnostics).toStrictEqual(eager.diagnostics);
        expect(JSON.stringify(lazy.plan)).toBe(JSON.stringify(eager.plan));
      }),
      property(100),
    );
  });

  test('gives every generated plan the same diagnostics, at the same places, as reading the document at once', () => {
    let placed = 0;
    for (const plan of generatePlans(150, 7)) {
      const lazy = validate(parseText(plan.text), options);
      const eager = validate(readEagerly(parseText(plan.text)), options);
      expect(lazy.diagnostics).toStrictEqual(eager.diagnostics);
      placed += lazy.diagnostics.length;
    }
    // Overdue goals and steps among them: the places the quick locator gives.
    expect(placed).toBeGreaterThan(10);
  });
});
