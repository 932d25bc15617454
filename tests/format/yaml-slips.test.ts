import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { originOf, splice, spliceAll, unmended } from '../../src/format/mended-text.js';
import { firstMisaligned, linesOf } from '../../src/format/yaml-indent.js';
import { readYamlMended } from '../../src/format/yaml-slips.js';
import { findTraps, holdsValueForText, keepTexts } from '../../src/format/yaml-traps.js';
import { readYaml, toData } from '../../src/format/yaml.js';
import { property } from '../support/property.js';

/** Rule id, line:column and message of each problem of mended reading. */
function problemsOf(text: string): string[] {
  return readYamlMended(text).problems.map((problem) => {
    const before = text.slice(0, problem.range[0]);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = problem.range[0] - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
    return `${problem.ruleId ?? 'yaml-syntax'} ${line}:${column} ${problem.message}`;
  });
}

/** The data of mended reading. */
function dataOf(text: string): unknown {
  const { document } = readYamlMended(text);
  return document ? toData(document).data : undefined;
}

/** The data of YAML text without a problem. */
function cleanData(text: string): unknown {
  const { document, problems } = readYaml(text);
  expect(problems).toEqual([]);
  return document ? toData(document).data : undefined;
}

const issueExample = [
  'goals:',
  '  - title: Talk at the all-hands: our process',
  '    id: talk',
  '    steps:',
  '      - title: Rehearse',
  '        due: 2026-04-01',
  '\t  - title: tabbed',
  '     - title: Bad indent',
  '  - title: Next goal',
  '    kind: personel',
  '',
].join('\n');

describe('YAML slips', () => {
  test('the issue’s example: one message per slip, each at the place to change, and every goal read', () => {
    expect(problemsOf(issueExample)).toEqual([
      'quote-colon 2:12 The colon in the text of `title` reads as the start of another key: put the text in quotes: `title: "Talk at the all-hands: our process"`',
      'tab-indent 7:1 Unexpected tab before `- title`: indent with spaces, not a tab (6 spaces line it up with the items of `steps` above)',
      'indent 8:6 The line `- title` is indented 5 spaces, but the items of `steps` above are indented 6 spaces: line it up with them (1 space further in)',
    ]);
    expect(readYamlMended(issueExample).readable).toBe(true);
    expect(dataOf(issueExample)).toEqual({
      goals: [
        { title: 'Talk at the all-hands: our process', id: 'talk', steps: [{ title: 'Rehearse', due: '2026-04-01' }, { title: 'tabbed' }, { title: 'Bad indent' }] },
        { title: 'Next goal', kind: 'personel' },
      ],
    });
  });

  test('the document’s ranges point into the text as written', () => {
    const { document } = readYamlMended(issueExample);
    const goals = document?.get('goals', true) as { items: Array<{ get: (key: string, keep: true) => { range: number[] } }> } | undefined;
    const kind = goals?.items[1]?.get('kind', true);
    expect(issueExample.slice(kind?.range[0], kind?.range[1])).toBe('personel');
    const title = goals?.items[0]?.get('title', true);
    expect(issueExample.slice(title?.range[0], title?.range[1])).toBe('Talk at the all-hands: our process');
  });

  test.each([
    ['a top-level value', 'title: Plan: next steps\nowner: Sam\n', 'quote-colon 1:8', 'title: "Plan: next steps"', { title: 'Plan: next steps', owner: 'Sam' }],
    ['a value ending in a colon', 'title: Next steps:\nowner: Sam\n', 'quote-colon 1:8', 'title: "Next steps:"', { title: 'Next steps:', owner: 'Sam' }],
    ['a value with a comment after it', 'title: Plan: next # draft\nowner: Sam\n', 'quote-colon 1:8', 'title: "Plan: next"', { title: 'Plan: next', owner: 'Sam' }],
    ['a value holding a double quote', 'title: Say "hi": now\nowner: Sam\n', 'quote-colon 1:8', `title: 'Say "hi": now'`, { title: 'Say "hi": now', owner: 'Sam' }],
  ])('a colon in %s: put the text in quotes', (_, text, where, quoted, data) => {
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${where} `));
    expect(problem).toContain(`\`${quoted}\``);
    expect(dataOf(text)).toEqual(data);
  });

  test.each([
    ['a key one space too far in', 'goals:\n  - title: x\n     id: y\n    measure: z\n', 'indent 3:6 The line `id` is indented 5 spaces, but `title` and the keys beside it above are indented 4 spaces: line it up with them (1 space further out)'],
    ['a key one space short', 'goals:\n  - title: x\n    id: y\n   measure: z\n', 'indent 4:4 The line `measure` is indented 3 spaces, but `title` and the keys beside it above are indented 4 spaces: line it up with them (1 space further in)'],
    ['a top-level key indented', 'title: a\n owner: b\nrole: c\n', 'indent 2:2 The line `owner` is indented 1 space, but `title` and the keys beside it above start at the beginning of the line: line it up with them (1 space further out)'],
    ['a step’s second key one space too far in', 'goals:\n  - title: x\n    steps:\n      - title: Rehearse\n         due: 2026-04-01\n', 'indent 5:10 The line `due` is indented 9 spaces, but `title` and the keys beside it above are indented 8 spaces: line it up with them (1 space further out)'],
  ])('%s: says which key and how far', (_, text, expected) => {
    expect(problemsOf(text)).toEqual([expected]);
    expect(readYamlMended(text).readable).toBe(true);
  });

  test('text running on over two lines with a colon on its second line: put the whole text in quotes', () => {
    const text = 'title: T\nvision: Lead a team\n  that managers trust: always\nowner: Sam\n';
    expect(problemsOf(text)).toEqual([
      'quote-colon 2:9 The colon in the text of `vision`, on its line 2, reads as the start of another key: put the text in quotes: `vision: "Lead a team that managers trust: always"`',
    ]);
    expect(dataOf(text)).toEqual({ title: 'T', vision: 'Lead a team that managers trust: always', owner: 'Sam' });
  });

  test('a single word and a colon one line deeper is a key too far in, not text running on', () => {
    const text = 'skills:\n  - name: SQL\n    level: 2\n     target: 4\n';
    expect(problemsOf(text).map((problem) => problem.split(' ').slice(0, 2).join(' '))).toEqual(['indent 4:6']);
    expect(dataOf(text)).toEqual({ skills: [{ name: 'SQL', level: 2, target: 4 }] });
  });

  test('keys side by side at one wrong indent are one slip, moved together', () => {
    const text = 'skills:\n  - name: SQL\n  level: 2\n  target: 4\nowner: Sam\n';
    expect(problemsOf(text)).toEqual([
      'indent 3:3 The line `level` and the line beside it below are indented 2 spaces, but `name` and the keys beside it above are indented 4 spaces: move them 2 spaces further in to line them up',
    ]);
    expect(dataOf(text)).toEqual({ skills: [{ name: 'SQL', level: 2, target: 4 }], owner: 'Sam' });
  });

  test('text after a closing quote: put the whole text in quotes, said at the text', () => {
    const text = 'title: T\nvision: "Lead: a team" now\n';
    expect(problemsOf(text)).toEqual([`yaml-syntax 2:9 Unexpected text after the closing quote in the text of \`vision\`: put the whole text in quotes: \`vision: '"Lead: a team" now'\``]);
    expect(dataOf(text)).toEqual({ title: 'T', vision: '"Lead: a team" now' });
  });

  test('an item moved with the keys below it keeps them together', () => {
    const text = 'steps:\n  - title: a\n    due: 2026\n - title: b\n   due: 2027\n   done: true\nowner: Sam\n';
    expect(problemsOf(text).map((problem) => problem.split(' ').slice(0, 2).join(' '))).toEqual(['indent 4:2']);
    expect(dataOf(text)).toEqual({ steps: [{ title: 'a', due: 2026 }, { title: 'b', due: 2027, done: true }], owner: 'Sam' });
  });

  test('a tab before a top-level key, and a tab with the spaces it stands for', () => {
    expect(problemsOf('title: a\n\towner: b\n')).toEqual([
      'tab-indent 2:1 Unexpected tab before `owner`: indent with spaces, not a tab (0 spaces line it up with `title` and the keys beside it above)',
    ]);
    expect(dataOf('title: a\n\towner: b\n')).toEqual({ title: 'a', owner: 'b' });
    expect(dataOf('goals:\n  - title: a\n\tmeasure: b\n')).toEqual({ goals: [{ title: 'a', measure: 'b' }] });
  });

  test('a slip on a line already named is mended without a second message', () => {
    const text = 'goals:\n  - title: x\n    steps:\n      - a\n\t   - b\n';
    expect(problemsOf(text).map((problem) => problem.split(' ')[0])).toEqual(['tab-indent']);
    expect(dataOf(text)).toEqual({ goals: [{ title: 'x', steps: ['a', 'b'] }] });
  });

  test('lines ending in CR LF keep their lines and columns', () => {
    expect(problemsOf(issueExample.replace(/\n/g, '\r\n')).map((problem) => problem.split(' ').slice(0, 2).join(' '))).toEqual(['quote-colon 2:12', 'tab-indent 7:1', 'indent 8:6']);
  });

  test('a problem in a one-line value that is no known slip gets one message in plain words, and reading goes on as if the value were in quotes', () => {
    for (const [text, data] of [
      ['title: @home\nowner: Sam\n', { title: '@home', owner: 'Sam' }],
      ['title: "Career plan" 2027\nowner: Sam\n', { title: '"Career plan" 2027', owner: 'Sam' }],
    ] as const) {
      const { problems, readable } = readYamlMended(text);
      expect(problems, text).toHaveLength(1);
      expect(problems[0]?.ruleId, text).toBeUndefined();
      expect(readable, text).toBe(true);
      expect(dataOf(text)).toEqual(data);
    }
  });

  test('any other problem that is no known slip gets one message in plain words, and reading stops there', () => {
    for (const text of ['title: "Plan\nowner: Sam\n', 'owner: [Sam\ntitle: x\n', 'title: a\n---\nowner: b\n']) {
      const { problems, readable } = readYamlMended(text);
      expect(problems, text).toHaveLength(1);
      expect(problems[0]?.ruleId, text).toBeUndefined();
      expect(problems[0]?.message, text).not.toMatch(/implicit|compact|scalar|flow|indicator|collection/i);
      expect(readable, text).toBe(false);
    }
  });

  test('text the reader takes is not changed and gets no message', () => {
    const text = 'title: a\nvision: Lead\n  a team\nnote: |\n  one\n    two\ngoals:\n- title: x\n  steps:\n  - a\n';
    expect(problemsOf(text)).toEqual([]);
    expect(dataOf(text)).toEqual(cleanData(text));
  });

  test('the line model finds no misaligned line in plans as they are written', () => {
    for (const plan of generatePlans(20, 5)) {
      const yaml = plan.text.split('\n---\n')[0]?.slice(4) ?? '';
      const lines = linesOf(yaml);
      expect(firstMisaligned(lines, lines.length)).toBeUndefined();
    }
  });
});

/** The frontmatter of generated plans, and the lines of it a slip can be put in: a key with text after a line with text at the same indent. */
const plans = generatePlans(12, 19).map((plan) => plan.text.split('\n---\n')[0]?.slice(4) ?? '');
const slippable = plans.flatMap((yaml) => {
  const lines = yaml.split('\n');
  return lines.flatMap((line, index) => {
    const previous = lines[index - 1] ?? '';
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const fits = indent >= 4 && /^ *[a-z]+: [A-Za-z][^:#]*$/.test(line) && /^ *[a-z]+: \S/.test(previous) && (/^ */.exec(previous)?.[0].length ?? 0) === indent;
    return fits ? [{ yaml, index }] : [];
  });
});

describe('a slip put into a generated plan', () => {
  test('is named once at its line and the data is what the author meant', () => {
    expect(slippable.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...slippable), fc.constantFrom('colon', 'further in', 'further out', 'tab'), ({ yaml, index }, slip) => {
        const lines = yaml.split('\n');
        const line = lines[index] ?? '';
        const meant = [...lines];
        if (slip === 'colon') meant[index] = `${line}: more`;
        const slipped = [...meant];
        if (slip === 'colon') slipped[index] = line.replace(/^( *[a-z]+): (.*)$/, '$1: "$2: more"');
        if (slip === 'further in') slipped[index] = ` ${line}`;
        if (slip === 'further out') slipped[index] = line.slice(1);
        if (slip === 'tab') slipped[index] = line.replace(/^ {4}/, '\t');
        // `meant` holds the slip for a colon; `slipped` the quoted text the author meant.
        const [written, intended] = slip === 'colon' ? [meant, slipped] : [slipped, meant];
        const text = written.join('\n');
        const problems = readYamlMended(text).problems;
        const rule = { colon: 'quote-colon', 'further in': 'indent', 'further out': 'indent', tab: 'tab-indent' }[slip];
        expect(problems.map((problem) => problem.ruleId)).toEqual([rule]);
        expect(text.slice(0, problems[0]?.range[0]).split('\n').length).toBe(index + 1);
        expect(dataOf(text)).toEqual(cleanData(intended.join('\n')));
      }),
      property(60),
    );
  });
});

describe('bounded time', () => {
  test('a slip in a large frontmatter, a misaligned item with thousands of lines below it, and a long line of spaces are read quickly', () => {
    const steps = Array.from({ length: 5_000 }, (_, index) => `        - title: Step ${index}\n          due: 2027-01`).join('\n');
    const texts = [
      `goals:\n  - title: a\n    steps:\n${steps}\n       - title: late\n`,
      `goals:\n  - title: a\n    steps:\n      - title: b\n     - items:\n${steps}\n`,
      `title: a${' '.repeat(300_000)}b: c\nowner: x: y${' \t'.repeat(100_000)}z\n  ${' '.repeat(200_000)}\tq: r\n`,
    ];
    for (const text of texts) {
      const started = performance.now();
      const { problems } = readYamlMended(text);
      expect(problems.length).toBeGreaterThan(0);
      expect(performance.now() - started, text.slice(0, 60)).toBeLessThan(3_000);
    }
  });
});

describe('mended text', () => {
  test('several replacements in one pass keep where every offset stood', () => {
    const text = 'a\n b\n c\n';
    const moved = spliceAll(unmended(text), [{ start: 5, length: 0, insert: ' ' }, { start: 2, length: 0, insert: ' ' }]);
    expect(moved.text).toBe('a\n  b\n  c\n');
    expect(originOf(moved, moved.text.indexOf('c'))).toBe(text.indexOf('c'));
    expect(originOf(moved, moved.text.length)).toBe(text.length);
  });

  test('every offset keeps where it stood in the text as written', () => {
    const text = 'a: x: y\nb: c\n';
    const quoted = splice(splice(unmended(text), 7, 0, '"'), 3, 0, '"');
    expect(quoted.text).toBe('a: "x: y"\nb: c\n');
    expect(originOf(quoted, quoted.text.indexOf('b'))).toBe(text.indexOf('b'));
    expect(originOf(quoted, quoted.text.indexOf('x'))).toBe(text.indexOf('x'));
    expect(originOf(quoted, quoted.text.indexOf('"'))).toBe(text.indexOf('x'));
  });
});

describe('YAML traps', () => {
  const trapsOf = (text: string) => {
    const { document } = readYaml(`title: T\nowner: O\n${text}`);
    if (!document) throw new Error('unreadable');
    return findTraps(document, `title: T\nowner: O\n${text}`);
  };

  test('an item of a flow list split at a comma inside a number or a phrase', () => {
    const { problems } = trapsOf('goals:\n  - steps:\n      - title: Pay\n        resources: [Half of £9,600 tuition, a loan]\n');
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'split-item', message: 'The comma in `Half of £9,600 tuition` splits it into 2 items, `Half of £9` and `600 tuition`: if it is one item, put it in quotes: `["Half of £9,600 tuition", a loan]`' }),
    ]);
    expect(trapsOf('priorities: [1,000,000 hours]\n').problems.map((problem) => problem.message)).toEqual([expect.stringContaining('into 3 items, `1` and `000` and `000 hours`')]);
    expect(trapsOf('priorities: [sql,python, Speak up]\n').problems).toEqual([]);
  });

  test('a number or true/false where text is expected is kept as written, with a warning; where a number is expected it is left alone', () => {
    const text = 'role: 1.10\nvision: True\npriorities: [007, 1e3, 2027]\nskills:\n  - name: 3D\n    level: 2\n    target: 4\n';
    const { problems, texts } = trapsOf(text);
    expect(texts).toEqual([
      { path: ['role'], text: '1.10' },
      { path: ['vision'], text: 'True' },
      { path: ['priorities', 1], text: '1e3' },
      { path: ['priorities', 2], text: '2027' },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'Unexpected `1.10` read as the number 1.1 where text is expected: careerplan keeps the text as you wrote it, but other programs may not; put it in quotes: `"1.10"`',
      'Unexpected `True` read as the yes/no value true where text is expected: careerplan keeps the text as you wrote it, but other programs may not; put it in quotes: `"True"`',
      expect.stringContaining('`1e3` read as the number 1000'),
      expect.stringContaining('`2027` read as a number'),
    ]);
    const { document } = readYaml(`title: T\nowner: O\n${text}`);
    const data = document ? toData(document).data : undefined;
    keepTexts(data, texts);
    expect(data).toMatchObject({ role: '1.10', vision: 'True', priorities: ['007', '1e3', '2027'], skills: [{ level: 2, target: 4 }] });
    expect(holdsValueForText(data)).toBe(false);
    expect(holdsValueForText({ role: 2 })).toBe(true);
    expect(holdsValueForText({ horizon: 2031, skills: [{ level: 2 }] })).toBe(false);
  });

  test('a list item of text holding `: ` is read as the text meant, in the document and the data, with an error to quote it', () => {
    const text = 'title: T\nowner: O\npriorities:\n  - Family first: no weekend work\ngoals:\n  - steps:\n      - Call Anna: ask\n      - title: Rehearse\n';
    const { document } = readYaml(text);
    if (!document) throw new Error('unreadable');
    const { problems, texts } = findTraps(document, text);
    expect(problems.map((problem) => [problem.ruleId, text.slice(problem.range[0], problem.range[1]), problem.message])).toEqual([
      ['quote-colon', 'Family first: no weekend work', 'The colon in `Family first: no weekend work` reads as the start of a key: put the text in quotes: `- "Family first: no weekend work"`'],
      ['quote-colon', 'Call Anna: ask', 'The colon in `Call Anna: ask` reads as the start of a key: put the text in quotes: `- "Call Anna: ask"`'],
    ]);
    expect(texts).toEqual([{ path: ['priorities', 0], text: 'Family first: no weekend work' }, { path: ['goals', 0, 'steps', 0], text: 'Call Anna: ask' }]);
    // The document itself holds the text now, so rules that walk it see no key `Call Anna`.
    expect(toData(document).data).toMatchObject({ priorities: ['Family first: no weekend work'], goals: [{ steps: ['Call Anna: ask', { title: 'Rehearse' }] }] });
    // A step written as a mapping with a step's own key stays a mapping; so does a skill.
    expect(holdsValueForText({ goals: [{ steps: [{ title: 'x' }] }], skills: [{ name: 'SQL' }] })).toBe(false);
    expect(holdsValueForText({ priorities: [{ Family: 'first' }] })).toBe(true);
  });

  test('text cut short by a ` #` is warned about; a comment after a space is not', () => {
    expect(trapsOf('role: Lead #1 of the team\n').problems.map((problem) => problem.message)).toEqual([
      'The `#` in `Lead #1 of the team` starts a comment, so the text ends before it: if it belongs to the text, put the text in quotes: `role: "Lead #1 of the team"`',
    ]);
    expect(trapsOf('role: Lead # not sure yet\n').problems).toEqual([]);
  });
});
