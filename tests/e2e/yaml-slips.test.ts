/**
 * YAML slips and traps through the CLI (issue 19): each slip gets one
 * message at the place to change, in plain words, and the rest of the plan
 * is still checked; text YAML reads otherwise than written gets a warning
 * with the form in quotes. In English and German plans alike.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { previewState, startWatch } from '../support/watch-process.js';
import { careerplan, careerplanProcess, diagnosticsOf } from './run.js';

/** The plan with its three slips, a misspelt kind and a split list item, in a language: lines and columns are the same in both. */
const slipped = (words: { title: string; rehearse: string; tabbed: string; badIndent: string; next: string; fees: string }, lang: string): string => `---
title: Plan
owner: Sam
lang: ${lang}
goals:
  - title: ${words.title}
    id: talk
    measure: Given
    due: 2027-06
    steps:
      - title: ${words.rehearse}
        due: 2027-04-01
\t  - title: ${words.tabbed}
     - title: ${words.badIndent}
  - title: ${words.next}
    kind: personel
    measure: Shipped
    due: 2027-06
    steps:
      - title: Pay
        resources: [${words.fees}]
---
Body.
`;

const english = slipped({ title: 'Talk at the all-hands: our process', rehearse: 'Rehearse', tabbed: 'Book the room', badIndent: 'Send the slides', next: 'Next goal', fees: 'Half of £9,600 tuition' }, 'en');
const german = slipped({ title: 'Vortrag im Team: unser Ablauf', rehearse: 'Üben', tabbed: 'Raum buchen', badIndent: 'Folien senden', next: 'Nächstes Ziel', fees: 'Hälfte von 9,600 € Studiengebühr' }, 'de');

/** A plan whose YAML reads without a problem, but not as written. */
const traps = (lang: string): string => `---
title: 2027
owner: Sam
role: 1.10
lang: ${lang}
goals:
  - title: Finish the course
    measure: Certificate awarded
    due: 2027-06
    kind: personel
    steps:
      - title: Read chapter #1
        resources: [007, True]
        done: ${lang === 'de' ? 'ja' : 'yes'}
      - Call Anna: ask about the role
---
Body.
`;

/** These plans are about YAML, not about a plan's missing parts: the nudges for a missing vision or kind are off, as a project's config may turn them off. */
const quietNudges = 'rules:\n  needs-vision: off\n  goal-needs-kind: off\n';

let project: string;
/** Writes a file below the project; a plan's folder gets the config that keeps the nudges quiet. */
const write = (relative: string, text: string): void => {
  const file = path.join(project, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const folder = /^([^/]+)\/plans\//.exec(relative)?.[1];
  if (folder !== undefined) writeFileSync(path.join(project, folder, 'careerplan.config.yaml'), quietNudges);
};

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-yaml-'));
  write('en/plans/sam.md', english);
  write('de/plans/sam.md', german);
  write('traps-en/plans/sam.md', traps('en'));
  write('traps-de/plans/sam.md', traps('de'));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const check = (folder: string, ...args: string[]) => careerplan(['check', '--as-of', '2026-11-26', ...args], { cwd: path.join(project, folder) });

/** What both languages get: one message per slip, then the plan's other problems. */
const slipDiagnostics = [
  'plans/sam.md:6:12 error quote-colon',
  'plans/sam.md:13:1 error tab-indent',
  'plans/sam.md:14:6 error indent',
  'plans/sam.md:16:11 error schema',
  'plans/sam.md:21:21 warning split-item',
];

describe.each([
  ['en', 'Talk at the all-hands: our process', 'Half of £9,600 tuition', '`Half of £9` and `600 tuition`'],
  ['de', 'Vortrag im Team: unser Ablauf', 'Hälfte von 9,600 € Studiengebühr', '`Hälfte von 9` and `600 € Studiengebühr`'],
])('a plan in %s with YAML slips', (language, title, fees, pieces) => {
  test('gets one message per slip at the place to change, and every other problem of the plan', async () => {
    const run = await check(language);
    expect(run.status).toBe(1);
    expect(diagnosticsOf(run.stderr)).toEqual(slipDiagnostics);
    expect(run.stderr).toContain(`error The colon in the text of \`title\` reads as the start of another key: put the text in quotes: \`title: "${title}"\` quote-colon`);
    expect(run.stderr).toContain('error Unexpected tab before `- title`: indent with spaces, not a tab (6 spaces line it up with the items of `steps` above) tab-indent');
    expect(run.stderr).toContain('error The line `- title` is indented 5 spaces, but the items of `steps` above are indented 6 spaces: line it up with them (1 space further in) indent');
    expect(run.stderr).toContain('error Unexpected `personel` for `kind`, expected one of `professional`, `personal`: did you mean `personal`? schema');
    expect(run.stderr).toContain(`warning The comma in \`${fees}\` splits it into 2 items, ${pieces}: if it is one item, put it in quotes: \`["${fees}"]\` split-item`);
    // The parser's own words never reach the coach.
    expect(run.stderr).not.toMatch(/implicit|compact mapping|block sequence|yaml-syntax/i);
  });

  test('--format json carries the same messages at the same places', async () => {
    const run = await check(language, '--format', 'json');
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }> };
    expect(report.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(slipDiagnostics.map((line) => line.replace('plans/sam.md:', '')));
    expect(report.diagnostics[0]?.message).toContain(`\`title: "${title}"\``);
  });
});

describe.each(['en', 'de'])('a plan in %s whose YAML reads otherwise than written', (language) => {
  test('gets a warning with the quoted form for each trap, keeps the text as written, and the rest is still checked', async () => {
    const run = await check(`traps-${language}`);
    expect(diagnosticsOf(run.stderr)).toEqual([
      'plans/sam.md:2:8 warning quote-text',
      'plans/sam.md:4:7 warning quote-text',
      'plans/sam.md:10:11 error schema',
      'plans/sam.md:12:16 warning quote-text',
      'plans/sam.md:13:26 warning quote-text',
      'plans/sam.md:14:15 error bad-date',
      'plans/sam.md:15:9 error quote-colon',
    ]);
    expect(run.stderr).toContain('error The colon in `Call Anna: ask about the role` reads as the start of a key: put the text in quotes: `- "Call Anna: ask about the role"` quote-colon');
    expect(run.stderr).not.toContain('unknown-key');
    expect(run.stderr).toContain('warning Unexpected `2027` read as a number where text is expected: careerplan keeps the text as you wrote it, but other programs may not; put it in quotes: `"2027"` quote-text');
    expect(run.stderr).toContain('warning Unexpected `1.10` read as the number 1.1 where text is expected');
    expect(run.stderr).toContain('warning The `#` in `Read chapter #1` starts a comment, so the text ends before it: if it belongs to the text, put the text in quotes: `title: "Read chapter #1"` quote-text');
    expect(run.stderr).toContain('warning Unexpected `True` read as the yes/no value true where text is expected');
    // `ja` in a German plan, like `yes`, is text to YAML 1.2, not true: the message says what to write.
    expect(run.stderr).toContain(`error Unexpected \`done: ${language === 'de' ? 'ja' : 'yes'}\`, expected the date it was done as YYYY-MM-DD, or \`true\`: write \`done: true\` when the date does not matter bad-date`);
    // `007` keeps its leading zero: YAML 1.2 as careerplan reads it leaves it text, so there is nothing to warn about.
    expect(run.stderr).not.toContain('`007`');
  });
});

describe.each(['en', 'de'])('a plan in %s with a YAML problem that is no known slip', (language) => {
  test('gets one message in plain words, and the rest of the plan is still checked where the YAML can be read', async () => {
    write(`other-${language}/plans/sam.md`, traps(language).replace('title: 2027', 'title: @home').replace('role: 1.10\n', ''));
    const run = await check(`other-${language}`);
    expect(diagnosticsOf(run.stderr)).toEqual([
      'plans/sam.md:2:8 error yaml-syntax',
      'plans/sam.md:9:11 error schema',
      'plans/sam.md:11:16 warning quote-text',
      'plans/sam.md:12:26 warning quote-text',
      'plans/sam.md:13:15 error bad-date',
      'plans/sam.md:14:9 error quote-colon',
    ]);
    expect(run.stderr).toContain('error Unexpected `@` at the start of this text: put the text in quotes yaml-syntax');
  });

  test('where the YAML cannot be read past, names that one problem alone', async () => {
    write(`unclosed-${language}/plans/sam.md`, traps(language).replace('title: 2027', 'title: "Plan'));
    const run = await check(`unclosed-${language}`);
    expect(diagnosticsOf(run.stderr)).toEqual(['plans/sam.md:15:38 error yaml-syntax']);
    expect(run.stderr).toContain('error Missing closing quote, expected the quoted text to end with the quote mark it starts with yaml-syntax');
  });
});

describe.each([
  ['en', 'Lead a team', 'that managers trust: always', 'Talk "now"'],
  ['de', 'Ein Team leiten', 'dem die Leitung vertraut: immer', 'Vortrag „jetzt“'],
])('a plan in %s with text running on, keys side by side at one wrong indent, and text after a quote', (language, vision, visionEnd, role) => {
  test('gets one message for each, and the rest of the plan is still checked', async () => {
    write(`more-${language}/plans/sam.md`, `---
title: Plan
owner: Sam
lang: ${language}
role: "${role.split(' ')[0]}" ${role.split(' ').slice(1).join(' ')}
vision: ${vision}
  ${visionEnd}
skills:
  - name: SQL
  level: 2
  target: 4
goals:
  - title: Next goal
    kind: personel
    measure: Shipped
    due: 2027-06
    steps: [Start]
---
`);
    const run = await check(`more-${language}`);
    expect(diagnosticsOf(run.stderr)).toEqual([
      'plans/sam.md:5:7 error yaml-syntax',
      'plans/sam.md:6:9 error quote-colon',
      'plans/sam.md:10:3 error indent',
      'plans/sam.md:14:11 error schema',
    ]);
    expect(run.stderr).toContain(`error The colon in the text of \`vision\`, on its line 2, reads as the start of another key: put the text in quotes: \`vision: "${vision} ${visionEnd}"\` quote-colon`);
    expect(run.stderr).toContain('error The line `level` and the line beside it below are indented 2 spaces, but `name` and the keys beside it above are indented 4 spaces: move them 2 spaces further in to line them up indent');
    expect(run.stderr).toContain('error Unexpected text after the closing quote in the text of `role`: put the whole text in quotes:');
  });
});

describe('the fast readers', () => {
  test('change nothing a coach sees of slips and traps', () => {
    for (const folder of ['en', 'traps-de']) {
      const cwd = path.join(project, folder);
      const on = careerplanProcess(['check', '--as-of', '2026-11-26'], { cwd });
      const off = careerplanProcess(['check', '--as-of', '2026-11-26'], { cwd, env: { CAREERPLAN_FAST_READERS: '0' } });
      expect(on.stderr).not.toBe('');
      expect(off.stderr).toBe(on.stderr);
    }
  });
});

describe('careerplan watch', () => {
  test('shows each slip once in the page, with the plan\'s other problems', async () => {
    const folder = path.join(project, 'watch');
    write('watch/plans/sam.md', english.replace(': our process', ' (our process)').replace('\t  - title', '      - title').replace('\n     - title', '\n      - title').replace('personel', 'personal').replace('9,600', '9600'));
    const watch = await startWatch(folder, ['--as-of', '2026-11-26', '--no-pdf']);
    try {
      expect(previewState((await watch.get('/sam/')).body).problems.map((problem) => problem.message)).toEqual([]);
      await writeFile(path.join(folder, 'plans/sam.md'), german);
      await vi.waitFor(() => expect(watch.rebuilds().length, watch.stderr()).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 20 });
      const { problems } = previewState((await watch.get('/sam/')).body);
      expect(problems.map((problem) => `${problem.line} ${problem.ruleId}`)).toEqual(['6 quote-colon', '13 tab-indent', '14 indent', '16 schema', '21 split-item']);
      expect(problems[0]?.message).toContain('`title: "Vortrag im Team: unser Ablauf"`');
      expect(problems[0]?.frame).toContain('Vortrag im Team: unser Ablauf');
    } finally {
      await watch.stop();
    }
  });
});
