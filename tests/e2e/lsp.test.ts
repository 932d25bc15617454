/**
 * `careerplan lsp --stdio` driven over stdio as an editor drives it: the
 * problems of the open text equal `check`'s for the same text (cross-plan
 * rules included), completion at a dozen places, hover, quick fixes that
 * clear their problems, and a slow or hostile plan that gets its error
 * without holding up the others.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type Position } from 'vscode-languageserver/node';
import { careerplan } from './run.js';
import { startLsp, type LspClient } from '../../bench/lsp-client.js';

const asOf = '2026-11-26';

const problems = `---
title: Problems
owner: Ada Lovelace
titel: Misspelt
skills:
  - name: Public speaking
    level: 1
    target: 3
goals:
  - title: Lead a team
    kind: profesional
    measure: Talk: our process
    due: 2027-02-30
    skills: [public-speaking, sql]
    steps:
      - Ask for a mentor
  - title: Second goal
    due: 2027-Q2
    steps: []
---

Body text.
`;

const fixed = problems.replace('titel: Misspelt\n', '');

const completion = `---
title: Completion plan
owner: Ada
lang: 
skills:
  - name: Public speaking
    level: 1
    target: 3
  - name: SQL
    id: sql
    kind: 
    level: 2
    target: 4
    
goals:
  - title: Lead a team
    kind: 
    measure: Leading three people
    due: 2027-Q2
    status: 
    skills: [sql, ]
    steps:
      - title: Ask for a mentor
        worth: 
      - 
  - title: Learn SQL
    measure: A report
    due: 2027
    skills:
      - 
    steps: [Course]
  - 
opportunities:
  - title: Team lead
    status: 
    requires:
      
education:
  
---
`;

let project: string;
let lsp: LspClient;

/** The diagnostics as compared with check's JSON: 1-based start, severity, rule, message. */
function shape(diagnostic: Diagnostic): string {
  const severity = diagnostic.severity === 1 ? 'error' : 'warning';
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${severity} ${String(diagnostic.code)} ${String(diagnostic.message)}`;
}

/** What `careerplan check --format json` reports for `file` with the plans as they are on disk now. */
async function checked(file: string): Promise<string[]> {
  const run = await careerplan(['check', '--format', 'json', '--as-of', asOf], { cwd: project });
  const report = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }> };
  return report.diagnostics.filter((each) => each.file === file).map((each) => `${each.line}:${each.column} ${each.severity} ${each.ruleId} ${each.message}`);
}

/** The position of the end of the `occurrence`-th line that equals `line` (its trailing spaces included). */
function endOf(text: string, line: string, occurrence = 1): Position {
  const lines = text.split('\n');
  let seen = 0;
  const index = lines.findIndex((each) => each === line && ++seen === occurrence);
  if (index < 0) throw new Error(`no line ${JSON.stringify(line)}`);
  return { line: index, character: line.length };
}

/** The position of `word` on its first line holding it, plus `offset`. */
function at(text: string, word: string, offset = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((each) => each.includes(word));
  return { line, character: (lines[line] ?? '').indexOf(word) + offset };
}

beforeAll(async () => {
  project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-lsp-'));
  mkdirSync(path.join(project, 'plans'));
  writeFileSync(path.join(project, 'plans/problems.md'), problems);
  // `Problems.md` elsewhere has the same output name: a rule over all plans.
  mkdirSync(path.join(project, 'plans/old'));
  writeFileSync(path.join(project, 'plans/old/PROBLEMS.md'), fixed.replace('title: Problems', 'title: Old'));
  writeFileSync(path.join(project, 'plans/completion.md'), completion);
  // A limit well above what a plan of the tests takes (tens of ms) and well below the 6,000-goal plan (seconds, on
  // any machine): the slow plan's test must not depend on how fast the machine is.
  lsp = await startLsp(project, ['--as-of', asOf], { checkTimeoutMs: 1000 });
});

afterAll(async () => {
  const code = await lsp?.stop();
  expect(code).toBe(0);
  rmSync(project, { recursive: true, force: true });
});

describe('careerplan lsp --stdio', () => {
  it('says how to run it when --stdio is missing', async () => {
    const run = await careerplan(['lsp'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run `careerplan lsp --stdio`, as editors do');
  });

  it('publishes the same problems as check for the open text, and clears those fixed', async () => {
    lsp.open('plans/problems.md', problems);
    const first = await lsp.diagnostics('plans/problems.md', 1);
    expect(first.diagnostics.map(shape).sort()).toEqual((await checked('plans/problems.md')).sort());
    // The plan's own rules and the one over all plans (`old/PROBLEMS.md` has the same output name).
    expect(first.diagnostics.map((each) => each.code)).toEqual([
      'duplicate-id', 'needs-vision', 'unknown-key', 'schema', 'quote-colon', 'vague-measure', 'bad-date', 'unknown-skill', 'goal-needs-kind', 'goal-needs-measure', 'goal-needs-step',
    ]);

    // The open text, not the file on disk: a change is checked before it is saved.
    lsp.change('plans/problems.md', fixed, 2);
    const second = await lsp.diagnostics('plans/problems.md', 2);
    expect(second.diagnostics.some((each) => each.code === 'unknown-key')).toBe(false);
    writeFileSync(path.join(project, 'plans/problems.md'), fixed);
    expect(second.diagnostics.map(shape).sort()).toEqual((await checked('plans/problems.md')).sort());
    writeFileSync(path.join(project, 'plans/problems.md'), problems);
  });

  it('checks an open plan again when a plan on disk comes to share its name', async () => {
    const solo = fixed.replace('title: Problems', 'title: Solo');
    lsp.open('plans/solo.md', solo);
    expect((await lsp.diagnostics('plans/solo.md', 1)).diagnostics.map((each) => each.code)).not.toContain('duplicate-id');
    writeFileSync(path.join(project, 'plans/old/Solo.md'), solo);
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lsp.uri('plans/old/Solo.md'), type: FileChangeType.Created }] });
    const again = await lsp.diagnostics('plans/solo.md', 1, (published) => published.diagnostics.some((each) => each.code === 'duplicate-id'));
    expect(again.diagnostics.find((each) => each.code === 'duplicate-id')?.message).toContain('the output name `solo` of another plan');
  });

  it('offers the keys (those not written yet), values and skills valid at a dozen places in the frontmatter, each key with its documentation', async () => {
    lsp.open('plans/completion.md', completion);
    const labels = async (position: Position): Promise<string[]> => (await lsp.complete('plans/completion.md', position)).map((each) => each.label).sort();
    const goalKeys = ['done', 'due', 'id', 'kind', 'measure', 'skills', 'start', 'status', 'steps', 'title'];
    const stepKeys = ['done', 'due', 'reflection', 'resources', 'title', 'worth'];
    expect(await labels(endOf(completion, 'lang: '))).toEqual(['de', 'en', 'fr']);
    expect(await labels(endOf(completion, '    kind: '))).toEqual(['domain', 'other', 'people', 'technical']);
    // Keys the skill has already are not offered again.
    expect(await labels(endOf(completion, '    '))).toEqual(['note']);
    expect(await labels(endOf(completion, '    kind: ', 2))).toEqual(['personal', 'professional']);
    expect(await labels(endOf(completion, '    status: '))).toEqual(['active', 'dropped', 'paused']);
    expect(await labels(at(completion, 'skills: [sql, ]', 'skills: [sql, '.length))).toEqual(['public-speaking', 'sql']);
    expect(await labels(endOf(completion, '        worth: '))).toEqual(['no', 'partly', 'yes']);
    expect(await labels(endOf(completion, '      - '))).toEqual(stepKeys);
    expect(await labels(endOf(completion, '      - ', 2))).toEqual(['public-speaking', 'sql']);
    expect(await labels(endOf(completion, '  - '))).toEqual(goalKeys);
    expect(await labels(endOf(completion, '    status: ', 2))).toEqual(['accepted', 'applied', 'declined', 'interviewing', 'offered', 'passed', 'watching']);
    expect(await labels(endOf(completion, '      '))).toEqual(['public-speaking', 'sql']);
    expect(await labels(endOf(completion, '  '))).toEqual(['current', 'needed', 'note']);
    expect(await labels({ line: 2, character: 0 })).toEqual(['created', 'horizon', 'owner', 'priorities', 'reviewed', 'role', 'strengths', 'vision', 'weaknesses']);
    // Each key comes with its line of docs/plan-format.md; nothing is offered in the body.
    const measure = (await lsp.complete('plans/completion.md', endOf(completion, '  - '))).find((each) => each.label === 'measure');
    expect(measure?.documentation).toMatchObject({ value: 'The measurable outcome: how you will know the goal is reached.' });
    expect(await labels({ line: completion.split('\n').length - 1, character: 0 })).toEqual([]);
  });

  it('explains a key, a period and a problem on hover', async () => {
    const text = (hover: Awaited<ReturnType<LspClient['hover']>>): string => (hover !== null && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');
    expect(text(await lsp.hover('plans/completion.md', at(completion, 'measure', 2)))).toContain('The measurable outcome: how you will know the goal is reached.');
    const period = text(await lsp.hover('plans/completion.md', at(completion, '2027-Q2', 3)));
    expect(period).toMatch(/April\s*–\s*June 2027/u);
    lsp.change('plans/problems.md', problems, 3);
    await lsp.diagnostics('plans/problems.md', 3);
    const problem = text(await lsp.hover('plans/problems.md', at(problems, 'titel', 1)));
    expect(problem).toContain('Unknown key `titel`');
    expect(problem).toContain('**Fix:**');
  });

  it('offers quick fixes that clear their problems: a suggestion, quotes around a colon, a skill added', async () => {
    const { diagnostics } = await lsp.diagnostics('plans/problems.md', 3);
    const fixes = await lsp.fixes('plans/problems.md', diagnostics);
    const titles = fixes.map((fix) => fix.title);
    expect(titles).toEqual(expect.arrayContaining(['Change to `title`', 'Change to `professional`', 'Put the text in quotes', 'Add `sql` to `skills` (level 0, target 3: set them)']));
    let document = TextDocument.create(lsp.uri('plans/problems.md'), 'markdown', 3, problems);
    for (const fix of fixes.filter((each) => !each.title.startsWith('Change to `title`'))) {
      document = TextDocument.create(document.uri, 'markdown', 3, TextDocument.applyEdits(document, fix.edit?.changes?.[document.uri] ?? []));
    }
    lsp.change('plans/problems.md', document.getText(), 4);
    const after = await lsp.diagnostics('plans/problems.md', 4);
    const rules = after.diagnostics.map((each) => each.code);
    expect(rules).not.toContain('quote-colon');
    expect(rules).not.toContain('unknown-skill');
    expect(after.diagnostics.some((each) => String(each.message).includes('profesional'))).toBe(false);
    expect(document.getText()).toContain('measure: "Talk: our process"');
  });

  it('gives a slow plan and a hostile one their errors without holding up another plan', async () => {
    const goals = Array.from({ length: 6000 }, (_, index) => `  - title: Goal ${index}\n    measure: Measure ${index}\n    due: 2027-Q2\n    skills: [s${index}]\n    steps:\n      - Step ${index}\n`).join('');
    lsp.open('plans/slow.md', `---\ntitle: Slow\nowner: Ada\ngoals:\n${goals}---\n`);
    lsp.open('plans/huge.md', `---\ntitle: Huge\nowner: Ada\n---\n${'word '.repeat(250_000)}\n`);
    const quick = fixed.replace('title: Problems', 'title: Quick');
    lsp.open('plans/quick.md', quick);
    const answered = await lsp.diagnostics('plans/quick.md', 1);
    const slow = await lsp.diagnostics('plans/slow.md', 1);
    expect(slow.diagnostics.map((each) => each.code)).toEqual(['too-complex']);
    expect(slow.diagnostics[0]?.message).toContain('took more than 1 s to check');
    expect(answered.at).toBeLessThan(slow.at);
    const huge = await lsp.diagnostics('plans/huge.md', 1);
    expect(huge.diagnostics.map((each) => `${each.code} ${String(each.message)}`)).toEqual(['bad-file Unexpected file of 1,250,032 bytes, expected a plan of at most 1 MiB (1,048,576 bytes)']);
    // The server still answers after ending the slow plan's thread.
    lsp.change('plans/quick.md', problems.replace('title: Problems', 'title: Quick'), 2);
    expect((await lsp.diagnostics('plans/quick.md', 2)).diagnostics.some((each) => each.code === 'unknown-key')).toBe(true);
  });
});
