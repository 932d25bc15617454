/**
 * The rule suite: one fixture folder per behaviour under `fixtures/rules/`,
 * named `<rule-id>--ok` or `<rule-id>--<what fails>`, with `input.md`,
 * `expected.json` (every diagnostic the plan must produce) and an optional
 * `config.json`. Each plan goes through the real load → parse → validate
 * pipeline. Inputs that cannot be committed as a folder (over 1 MiB, binary,
 * symbolic links, several plans at once) are generated in `generatedCases`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans, type CheckResult } from '../../src/build/check-plans.js';
import { resolveConfig, type Config, type ConfigSource } from '../../src/config/config.js';
import type { IsoDate } from '../../src/format/dates.js';
import { rules } from '../../src/format/rules/index.js';
import { findPlanFiles, maxPlanBytes } from '../../src/stages/load.js';
import { maxAttachmentBytes } from '../../src/markdown/media.js';
import type { Diagnostic, Severity } from '../../src/types.js';

/** A diagnostic as a fixture states it. */
interface Expected {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  /** The plan it is about, relative to the working folder; generated cases with several plans only. */
  readonly file?: string;
}

/** The contents of a fixture's `expected.json`. */
interface Expectation {
  readonly asOf: IsoDate;
  readonly diagnostics: readonly Expected[];
}

/** A case whose files are written to a temporary folder: `plans/` is the plans folder, anything else lies outside it. */
interface GeneratedCase {
  readonly name: string;
  /** Contents by path relative to the temporary folder; `{ symlink }` makes a symbolic link to that target, `{ fifo }` a named pipe, `{ sparse }` a file of that many bytes that takes no disk. */
  readonly files: () => Record<string, string | Uint8Array | { readonly symlink: string } | { readonly fifo: true } | { readonly sparse: number }>;
  readonly diagnostics: readonly Expected[];
}

/** The as-of date of the generated cases. */
const asOf: IsoDate = '2026-11-26';
const fixtures = fileURLToPath(new URL('../fixtures/rules', import.meta.url));
const folders = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const expectationOf = (folder: string): Expectation =>
  JSON.parse(readFileSync(path.join(fixtures, folder, 'expected.json'), 'utf8')) as Expectation;

/**
 * A clean plan with `body` below its frontmatter, which takes lines 1–11, so
 * the body starts on line 12.
 */
function plan(body: string, title = 'Career Action Plan 2027–2029'): string {
  return [
    '---',
    `title: ${title}`,
    'owner: Jordan Lee',
    'vision: Lead the support team',
    'goals:',
    '  - title: Lead the support escalation rotation',
    '    kind: professional',
    '    measure: Named escalation lead in the team charter',
    '    due: 2027-12',
    '    steps: [Write the escalation runbook]',
    '---',
    body,
  ].join('\n');
}

/** The plan the inline Markdown cases share, in the YAML styles authors write: `vision` on line 4 (double-quoted), a skill's note on line 9 (plain), `education.note` on line 12 (a folded block), a reflection on line 21 (single-quoted with an escape) and two opportunities' notes on lines 24 and 26. */
function inlinePlan(fields: { readonly vision: string; readonly skillNote: string; readonly educationNote: string; readonly reflection: string; readonly notes: readonly [string, string] }): string {
  return [
    '---',
    'title: Career Action Plan 2027–2029',
    'owner: Jordan Lee',
    `vision: "${fields.vision}"`,
    'skills:',
    '  - name: Public speaking',
    '    level: 1',
    '    target: 3',
    `    note: ${fields.skillNote}`,
    'education:',
    '  current: BSc Statistics',
    '  note: >',
    `    ${fields.educationNote}`,
    'goals:',
    '  - title: Lead the support escalation rotation',
    '    kind: professional',
    '    measure: Named escalation lead in the team charter',
    '    due: 2027-12',
    '    steps:',
    '      - title: Write the escalation runbook',
    `        reflection: '${fields.reflection}'`,
    'opportunities:',
    '  - title: Team lead opening',
    `    note: "${fields.notes[0]}"`,
    '  - title: Analytics lead',
    `    note: ${fields.notes[1]}`,
    '---',
    '',
  ].join('\n');
}

/** Exactly `bytes` bytes of a pasted log: ASCII lines, each ending in a newline. */
function log(bytes: number): string {
  const line = '2026-10-14 09:12:44 INFO ticket 4711 escalated to tier 2\n';
  const rest = bytes % line.length;
  return line.repeat(Math.floor(bytes / line.length)) + (rest > 0 ? `${'.'.repeat(rest - 1)}\n` : '');
}

/** A plan whose body is a log pasted into a code block, exactly `bytes` bytes long in all. */
function planOfSize(bytes: number): string {
  const start = plan('The escalation log of October, pasted in full:\n\n```text\n');
  const end = '```\n';
  return start + log(bytes - Buffer.byteLength(start) - end.length) + end;
}

const generatedCases: readonly GeneratedCase[] = [
  {
    name: 'bad-file--too-large',
    files: () => ({ 'plans/input.md': planOfSize(maxPlanBytes + 1) }),
    diagnostics: [{ ruleId: 'bad-file', severity: 'error', line: 1, column: 1 }],
  },
  {
    name: 'bad-file--ok-at-the-size-limit',
    files: () => ({ 'plans/input.md': planOfSize(maxPlanBytes) }),
    diagnostics: [],
  },
  {
    name: 'bad-file--ok-with-byte-order-mark',
    files: () => ({ 'plans/input.md': `\uFEFF${plan('Saved by an editor that writes a byte order mark.\n')}` }),
    diagnostics: [],
  },
  {
    name: 'bad-file--nul-byte',
    files: () => ({ 'plans/input.md': plan('Pasted from a spreadsheet:\u0000 oops.\n') }),
    diagnostics: [{ ruleId: 'bad-file', severity: 'error', line: 1, column: 1 }],
  },
  {
    name: 'bad-file--not-utf8',
    files: () => ({ 'plans/input.md': Buffer.from(plan('Feedback from Zoë and André, saved as Latin-1.\n'), 'latin1') }),
    diagnostics: [{ ruleId: 'bad-file', severity: 'error', line: 1, column: 1 }],
  },
  {
    name: 'too-complex--deep-nesting',
    files: () => ({ 'plans/input.md': plan(`A quote of a quote of a quote:\n\n${'>'.repeat(101)} who said it first?\n`) }),
    diagnostics: [{ ruleId: 'too-complex', severity: 'error', line: 14, column: 1 }],
  },
  {
    // 21 paragraphs of 1,950 markers each: each paragraph is within its limit, the file is not.
    name: 'too-complex--too-many-markers',
    files: () => ({ 'plans/input.md': plan(Array.from({ length: 21 }, () => '*a'.repeat(1_950)).join('\n\n')) }),
    diagnostics: [{ ruleId: 'too-complex', severity: 'error', line: 52, column: 1 }],
  },
  {
    name: 'duplicate-id--two-plans-one-output-name',
    files: () => ({ 'plans/jordan-lee.md': plan(''), 'plans/team/Jordan Lee.md': plan('', 'Team copy of the plan') }),
    diagnostics: [{ ruleId: 'duplicate-id', severity: 'error', line: 1, column: 1, file: 'plans/team/Jordan Lee.md' }],
  },
  {
    name: 'duplicate-id--ok-two-plans',
    files: () => ({ 'plans/jordan-lee.md': plan(''), 'plans/team/sam-rivera.md': plan('', 'Sam’s plan') }),
    diagnostics: [],
  },
  {
    // `assets` is the site's own folder: the plan's page would land among the stylesheet and fonts.
    name: 'reserved-name--assets',
    files: () => ({ 'plans/Assets.md': plan(''), 'plans/jordan.md': plan(''), 'plans/team/__careerplan.md': plan('', 'Skipped: its name starts with `_`') }),
    diagnostics: [{ ruleId: 'reserved-name', severity: 'error', line: 1, column: 1, file: 'plans/Assets.md' }],
  },
  {
    // The site depends on it: the config cannot turn it off or lower it.
    name: 'reserved-name--turned-off-in-vain',
    files: () => ({ 'config.json': JSON.stringify({ rules: { 'reserved-name': 'off' } }), 'plans/assets.md': plan(''), 'plans/jordan.md': plan('') }),
    diagnostics: [{ ruleId: 'reserved-name', severity: 'error', line: 1, column: 1, file: 'plans/assets.md' }],
  },
  {
    name: 'reserved-name--ok',
    files: () => ({ 'plans/assets-plan.md': plan(''), 'plans/team/my-assets.md': plan('', 'Sam’s plan') }),
    diagnostics: [],
  },
  {
    // A link is never read, whether named on its own or found in the plans folder: only the plan beside it is checked.
    name: 'bad-file--ok-link-skipped',
    files: () => ({ 'secret.md': 'not a plan', 'plans/input.md': plan(''), 'plans/passwd.md': { symlink: '/etc/passwd' }, 'plans/outside.md': { symlink: '../secret.md' } }),
    diagnostics: [],
  },
  {
    name: 'broken-link--symlink-outside',
    files: () => ({
      'secret.md': 'Salary history\n',
      'plans/salary.md': { symlink: '../secret.md' },
      'plans/input.md': plan('My salary history is in [the private notes](salary.md).\n'),
    }),
    diagnostics: [{ ruleId: 'broken-link', severity: 'error', line: 12, column: 25 }],
  },
  {
    name: 'broken-link--folder',
    files: () => ({ 'plans/images/cv.png': 'png', 'plans/input.md': plan('See [all plans](/), [here](./) and [the images](images/).\n') }),
    diagnostics: [
      { ruleId: 'broken-link', severity: 'error', line: 12, column: 5 },
      { ruleId: 'broken-link', severity: 'error', line: 12, column: 21 },
      { ruleId: 'broken-link', severity: 'error', line: 12, column: 36 },
    ],
  },
  {
    // Never opened: a FIFO would block the build for good.
    name: 'broken-link--fifo',
    files: () => ({ 'plans/pipe.png': { fifo: true }, 'plans/input.md': plan('My chart: ![chart](pipe.png)\n') }),
    diagnostics: [{ ruleId: 'broken-link', severity: 'error', line: 12, column: 11 }],
  },
  {
    name: 'bad-attachment--too-large',
    files: () => ({
      'plans/big.png': { sparse: 3 * 1024 ** 3 },
      'plans/just-over.pdf': { sparse: maxAttachmentBytes + 1 },
      'plans/input.md': plan('![scan](big.png) and [the scan](just-over.pdf)\n'),
    }),
    diagnostics: [
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 1 },
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 22 },
    ],
  },
  {
    name: 'bad-attachment--active-types',
    files: () => ({
      'plans/page.html': '<script>alert(1)</script>',
      'plans/feed.xml': '<x/>',
      'plans/run.js': 'alert(1)',
      'plans/cv.png': { symlink: 'page.html' },
      'plans/input.md': plan('[page](page.html) [feed](feed.xml) [script](run.js) ![cv](cv.png)\n'),
    }),
    diagnostics: [
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 1 },
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 19 },
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 36 },
      { ruleId: 'bad-attachment', severity: 'error', line: 12, column: 53 },
    ],
  },
  {
    name: 'bad-attachment--ok-at-the-size-limit',
    files: () => ({
      'plans/scan.pdf': { sparse: maxAttachmentBytes },
      'plans/images/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'plans/images/photo.JPG': 'jpeg',
      'plans/notes.txt': 'notes',
      'plans/input.md': plan('[scan](scan.pdf) ![chart](images/chart.svg) ![photo](images/photo.JPG) [notes](notes.txt) [the other plan](other.md)\n'),
      'plans/other.md': plan(''),
    }),
    diagnostics: [],
  },
  {
    name: 'private-file--dot-and-underscore',
    files: () => ({
      'plans/.env': 'SECRET=1',
      'plans/.git/config': '[core]',
      'plans/_notes/draft.png': 'png',
      'plans/chart.png': { symlink: '_notes/draft.png' },
      'config.json': JSON.stringify({ allowRawHtml: true }),
      'plans/input.md': plan('[env](.env) [git](.git/config) ![draft](_notes/draft.png) ![chart](chart.png)\n\n<img src="/%2Eenv" alt="raw">\n'),
    }),
    diagnostics: [
      { ruleId: 'private-file', severity: 'error', line: 12, column: 1 },
      { ruleId: 'private-file', severity: 'error', line: 12, column: 13 },
      { ruleId: 'private-file', severity: 'error', line: 12, column: 32 },
      { ruleId: 'private-file', severity: 'error', line: 12, column: 59 },
      { ruleId: 'private-file', severity: 'error', line: 14, column: 1 },
    ],
  },
  {
    name: 'private-file--ok-underscore-inside-a-name',
    files: () => ({ 'plans/my_notes.txt': 'notes', 'plans/images/v1.2.png': 'png', 'plans/input.md': plan('[notes](my_notes.txt) ![chart](images/v1.2.png)\n') }),
    diagnostics: [],
  },
  {
    name: 'remote-content--every-form',
    files: () => ({
      'config.json': JSON.stringify({ allowRawHtml: true }),
      'plans/input.md': plan(
        '![a](https://example.com/a.png) ![b](http:example.com/b.png) ![c](//example.com/c.png) ![d](HTTP:/d.png)\n\n' +
          '<picture><source srcset="local.png 1x, https://example.com/e.png 2x"></picture>\n\n<p style="background: u\\72l(https://example.com/f.png)">x</p>\n',
      ),
    }),
    diagnostics: [
      { ruleId: 'remote-content', severity: 'warning', line: 12, column: 1 },
      { ruleId: 'remote-content', severity: 'warning', line: 12, column: 33 },
      { ruleId: 'remote-content', severity: 'warning', line: 12, column: 62 },
      { ruleId: 'remote-content', severity: 'warning', line: 12, column: 88 },
      { ruleId: 'remote-content', severity: 'warning', line: 14, column: 10 },
      // `local.png` is not there.
      { ruleId: 'broken-link', severity: 'error', line: 14, column: 10 },
      { ruleId: 'remote-content', severity: 'warning', line: 16, column: 1 },
    ],
  },
  {
    name: 'remote-content--ok-links-and-local-images',
    files: () => ({ 'plans/chart.png': 'png', 'plans/input.md': plan('[a site](https://example.com/a.png) ![chart](chart.png) ![dot](data:image/png;base64,AAAA) <mailto:a@example.com>\n') }),
    diagnostics: [],
  },
  {
    // The links and images of inline Markdown (`vision`, notes, reflections) go through the body's classifier, placed at their column in the value when the value reads as typed, else at the value.
    name: 'broken-link--in-inline-markdown',
    files: () => ({
      'config.json': JSON.stringify({ allowRawHtml: true }),
      'secret.txt': 'outside',
      'plans/ok.txt': 'fine',
      'plans/_priv.txt': 'private',
      'plans/x.html': '<script>alert(1)</script>',
      'plans/_notes/speaking.txt': 'private',
      'plans/run.html': '<script>alert(1)</script>',
      'plans/input.md': inlinePlan({
        vision: '[ok](ok.txt) [p](_priv.txt) [e](../secret.txt) ![i](http://127.0.0.1:9/v.png) ![t](x.html)',
        skillNote: 'See [my notes](_notes/speaking.txt)',
        educationNote: 'The [budget](missing.pdf) pays for it.',
        reflection: "It''s in [the runbook](run.html)",
        notes: ['Chart: ![chart](//example.com/c.png)', 'Raw <img src="_priv.txt" alt="p">'],
      }),
    }),
    diagnostics: [
      { ruleId: 'private-file', severity: 'error', line: 4, column: 23 },
      { ruleId: 'broken-link', severity: 'error', line: 4, column: 38 },
      { ruleId: 'remote-content', severity: 'warning', line: 4, column: 57 },
      { ruleId: 'bad-attachment', severity: 'error', line: 4, column: 88 },
      { ruleId: 'private-file', severity: 'error', line: 9, column: 15 },
      { ruleId: 'broken-link', severity: 'error', line: 12, column: 9 },
      { ruleId: 'bad-attachment', severity: 'error', line: 21, column: 21 },
      { ruleId: 'remote-content', severity: 'warning', line: 24, column: 19 },
      { ruleId: 'private-file', severity: 'error', line: 26, column: 15 },
    ],
  },
  {
    // Shapes that crash the Markdown parser or take minutes are refused in inline Markdown as in the body, and their links are never read.
    name: 'too-complex--in-inline-markdown',
    files: () => ({
      'plans/input.md': inlinePlan({
        vision: `${'> '.repeat(20_000)}[p](_priv.txt)`,
        skillNote: `x ${'*a '.repeat(3_000)}`,
        educationNote: 'Fine.',
        reflection: `${'['.repeat(3_000)}x`,
        notes: [`${'- '.repeat(20_000)}x`, 'Fine.'],
      }),
    }),
    diagnostics: [
      { ruleId: 'too-complex', severity: 'error', line: 4, column: 9 },
      { ruleId: 'too-complex', severity: 'error', line: 9, column: 11 },
      { ruleId: 'too-complex', severity: 'error', line: 21, column: 21 },
      { ruleId: 'too-complex', severity: 'error', line: 24, column: 11 },
    ],
  },
  {
    name: 'raw-html--in-inline-markdown',
    files: () => ({
      'plans/input.md': inlinePlan({
        vision: 'Lead a <b>team</b>',
        skillNote: 'Fine <!-- a note for my coach -->',
        educationNote: 'Paid <iframe src="x.pdf"></iframe>',
        reflection: 'Fine.',
        notes: ['Fine.', 'Fine.'],
      }),
    }),
    diagnostics: [
      { ruleId: 'raw-html', severity: 'warning', line: 4, column: 17 },
      { ruleId: 'raw-html', severity: 'warning', line: 4, column: 24 },
      { ruleId: 'raw-html', severity: 'warning', line: 12, column: 9 },
      { ruleId: 'raw-html', severity: 'warning', line: 12, column: 9 },
    ],
  },
  {
    name: 'broken-link--ok-inline-markdown',
    files: () => ({
      'plans/ok.txt': 'fine',
      'plans/images/chart.png': 'png',
      'plans/other.md': plan('', 'Sam’s plan'),
      'plans/input.md': inlinePlan({
        vision: 'Lead **a team**: [my notes](ok.txt), ![chart](images/chart.png)',
        skillNote: 'See [Sam](other.md) and [why](#why)',
        educationNote: 'The [budget](/ok.txt) pays for it.',
        reflection: "It''s on [the web](https://example.com/runbook.html)",
        notes: ['![dot](data:image/png;base64,AAAA)', '<mailto:coach@example.com>'],
      }),
    }),
    diagnostics: [],
  },
  {
    name: 'broken-link--ok-symlink-inside',
    files: () => ({
      'plans/files/syllabus.txt': 'ITIL 4 Foundation: syllabus\n',
      'plans/syllabus.txt': { symlink: 'files/syllabus.txt' },
      'plans/input.md': plan('The [course syllabus](syllabus.txt) lists the exam topics.\n'),
    }),
    diagnostics: [],
  },
];

/** Resolves the configuration a fixture asks for: its `config.json`, if any, read as a real config file. */
function configFor(folder: string, plansFolder: string, date: IsoDate = asOf): Config {
  const file = path.join(folder, 'config.json');
  const source: ConfigSource | undefined = existsSync(file)
    ? { path: file, displayPath: 'config.json', text: readFileSync(file, 'utf8') }
    : undefined;
  const resolved = resolveConfig(source, { asOf: date, plans: plansFolder }, folder, date);
  expect(resolved.diagnostics).toEqual([]);
  if (!resolved.config) throw new Error(`the config of ${folder} did not resolve`);
  return resolved.config;
}

/** What a diagnostic says about its rule and place, comparable with a fixture. */
function summary(diagnostic: Diagnostic, withFile: boolean): Expected {
  const { ruleId, severity, place } = diagnostic;
  return { ruleId, severity, line: place.start.line, column: place.start.column, ...(withFile ? { file: diagnostic.file } : {}) };
}

function sorted(list: readonly Expected[]): Expected[] {
  const key = (item: Expected): string =>
    [item.file ?? '', String(item.line).padStart(6, '0'), String(item.column).padStart(6, '0'), item.ruleId, item.severity].join(' ');
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Asserts every message reads like a linter's: one sentence, no "Error:" prefix, no file path. */
function expectWellWorded(result: CheckResult, folders: readonly string[]): void {
  for (const { message, ruleId, file, cause } of result.diagnostics) {
    const where = `${ruleId}: ${message}`;
    expect(message, where).toMatch(/^[A-Z][^\n]*\S$/);
    expect(message.split(' ').length, where).toBeGreaterThan(3);
    expect(message, where).not.toMatch(/^(error|warning)\b/i);
    expect(message, where).not.toContain(path.basename(file));
    for (const folder of folders) expect(message, where).not.toContain(folder);
    expect(message, where).not.toMatch(/(?:^|[\s(`])(?:\/(?:home|Users|tmp|var|work|private)\/|[A-Za-z]:\\)/);
    if (cause) expect(cause.message.trim(), where).not.toBe('');
  }
}

describe('rule fixtures', () => {
  it.each(folders)('%s', async (name) => {
    const folder = path.join(fixtures, name);
    const expectation = expectationOf(name);
    const result = await checkPlans([path.join(folder, 'input.md')], configFor(folder, folder, expectation.asOf), folder);
    expect(sorted(result.diagnostics.map((diagnostic) => summary(diagnostic, false)))).toEqual(sorted(expectation.diagnostics));
    expect(result.diagnostics.every((diagnostic) => diagnostic.file === 'input.md')).toBe(true);
    expectWellWorded(result, [folder, fixtures, process.cwd()]);
  });
});

describe('generated rule cases', () => {
  const temporary: string[] = [];
  afterAll(async () => {
    await Promise.all(temporary.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('generates plans of the exact size asked for', () => {
    expect(Buffer.byteLength(planOfSize(maxPlanBytes))).toBe(maxPlanBytes);
  });

  it.each(generatedCases.map((item) => [item.name, item] as const))('%s', async (_name, item) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'careerplan-rules-'));
    temporary.push(root);
    for (const [file, contents] of Object.entries(item.files())) {
      const target = path.join(root, file);
      await mkdir(path.dirname(target), { recursive: true });
      if (typeof contents === 'object' && 'symlink' in contents) await symlink(contents.symlink, target);
      else if (typeof contents === 'object' && 'fifo' in contents) execFileSync('mkfifo', [target]);
      else if (typeof contents === 'object' && 'sparse' in contents) {
        await writeFile(target, '');
        await truncate(target, contents.sparse);
      } else await writeFile(target, contents);
    }
    const plansFolder = path.join(root, 'plans');
    const { files } = await findPlanFiles([plansFolder]);
    const result = await checkPlans(files, configFor(root, plansFolder), root);
    const several = files.length > 1;
    const expected = item.diagnostics.map((diagnostic) => (several ? diagnostic : { ...diagnostic, file: 'plans/input.md' }));
    expect(sorted(result.diagnostics.map((diagnostic) => summary(diagnostic, true)))).toEqual(sorted(expected));
    expectWellWorded(result, [root, fixtures, process.cwd(), os.tmpdir()]);
  });

  it('names the first plan as the cause of a duplicate output name', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'careerplan-rules-'));
    temporary.push(root);
    await mkdir(path.join(root, 'plans', 'team'), { recursive: true });
    await writeFile(path.join(root, 'plans', 'jordan-lee.md'), plan(''));
    await writeFile(path.join(root, 'plans', 'team', 'Jordan Lee.md'), plan(''));
    const plansFolder = path.join(root, 'plans');
    const result = await checkPlans((await findPlanFiles([plansFolder])).files, configFor(root, plansFolder), root);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.cause?.file).toBe('plans/jordan-lee.md');
    expect(result.diagnostics[0]?.message).toContain('`jordan-lee`');
  });
});

describe('rule messages and safety', () => {
  const run = async (name: string): Promise<CheckResult> => {
    const folder = path.join(fixtures, name);
    return checkPlans([path.join(folder, 'input.md')], configFor(folder, folder, expectationOf(name).asOf), folder);
  };

  it('suggests `due` for a misspelt `dua` in a goal', async () => {
    const { diagnostics } = await run('unknown-key--misspelt-in-goal');
    const unknown = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unknown-key');
    expect(unknown.map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining('did you mean `due`')]);
  });

  it('reports `__proto__` and `constructor` keys and never lets them reach a prototype', async () => {
    const { diagnostics, checked } = await run('unknown-key--prototype-keys');
    // The plan has no `vision` and goals without `kind`, which are nudged too: only the unknown keys matter here.
    const keys = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unknown-key').map((diagnostic) => /`([^`]+)`/.exec(diagnostic.message)?.[1]);
    expect(keys).toEqual(['__proto__', 'constructor', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);

    const validated = checked[0]?.plan;
    expect(validated).toBeDefined();
    const objects: object[] = [validated as object, ...(validated?.goals ?? []), ...(validated?.opportunities ?? [])];
    for (const opportunity of validated?.opportunities ?? []) if (opportunity.requires) objects.push(opportunity.requires);
    for (const object of objects) {
      expect(Object.hasOwn(object, '__proto__')).toBe(false);
      expect(Object.hasOwn(object, 'constructor')).toBe(false);
      expect((object as Record<string, unknown>).polluted).toBeUndefined();
      expect([Object.prototype, null]).toContain(Object.getPrototypeOf(object));
    }
    expect(validated?.opportunities?.[0]?.requires).toEqual({ incidents: 3 });
  });

  it('does not advise quoting a year given for a date', async () => {
    const diagnostics = (await run('schema--year-for-date')).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'schema');
    expect(diagnostics[0]?.message).toContain('expected a date as YYYY-MM-DD');
    expect(diagnostics[0]?.message).not.toContain('quotes');
  });

  it('says what a plan with a number for its title should write instead', async () => {
    const { diagnostics } = await run('quote-text--number-for-text');
    expect(diagnostics[0]?.message).toContain('`"2027"`');
  });
});

describe('rule coverage', () => {
  it('has an ok case without diagnostics and a failing case for every rule', () => {
    const cases = [
      ...folders.map((name) => ({ name, diagnostics: expectationOf(name).diagnostics })),
      ...generatedCases.map(({ name, diagnostics }) => ({ name, diagnostics })),
    ];
    const ids = rules.map((rule) => rule.id);
    const isOk = (name: string): boolean => /^ok(-|$)/.test(name.split('--')[1] ?? '');

    expect(cases.filter(({ name }) => !ids.includes(name.split('--')[0] ?? '')).map(({ name }) => name)).toEqual([]);
    expect(cases.filter(({ name, diagnostics }) => isOk(name) && diagnostics.length > 0).map(({ name }) => name)).toEqual([]);
    const lacking = ids.flatMap((id) => {
      const own = cases.filter(({ name }) => name.startsWith(`${id}--`));
      return [
        ...(own.some(({ name }) => isOk(name)) ? [] : [`${id}: no ok case`]),
        ...(own.some(({ diagnostics }) => diagnostics.some((diagnostic) => diagnostic.ruleId === id)) ? [] : [`${id}: no failing case`]),
      ];
    });
    expect(lacking).toEqual([]);
  });

  it('has a case turning a rule off and one changing a severity', () => {
    const settings = folders
      .filter((name) => existsSync(path.join(fixtures, name, 'config.json')))
      .flatMap((name) => Object.values((JSON.parse(readFileSync(path.join(fixtures, name, 'config.json'), 'utf8')) as { rules?: Record<string, string> }).rules ?? {}));
    expect(settings).toContain('off');
    expect(settings).toContain('warn');
    expect(settings).toContain('error');
  });
});
