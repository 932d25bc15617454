import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatHistory, historyView, quotedInWords, readVersion, revisionsOf, versionOfText, type CommitVersion, type History, type Version } from '../../src/history/revisions.js';
import { english, german } from '../support/words.js';
import { jordanPlan } from '../support/git.js';

const v1 = versionOfText(jordanPlan(), 'plans/jordan.md');
const v2 = versionOfText(jordanPlan([['due: 2027-06\n', 'due: 2027-09\n']]), 'plans/jordan.md');
const broken: Version = { problem: 'line 3: bad' };

const commit = (name: string, fields: Partial<CommitVersion> = {}): CommitVersion => ({
  commit: name.padEnd(40, '0'),
  date: '2027-01-05T10:00:00+01:00',
  subject: name,
  path: 'plans/jordan.md',
  added: false,
  deleted: false,
  boundary: false,
  ...fields,
});

describe('versionOfText', () => {
  test('reads a plan into a model whose inline Markdown and notes are kept as source text', () => {
    const version = versionOfText(jordanPlan([['title: Career action plan', 'title: Career action plan\nvision: Lead a *team*']]), 'plans/jordan.md');
    expect('model' in version && version.model.visionHtml).toBe('Lead a *team*');
    expect('model' in version && version.model.bodyHtml).toBe('Notes from the first meeting.');
  });

  test('bytes that are not a UTF-8 text plan are a problem', () => {
    expect(readVersion(new Uint8Array([0xff, 0xfe, 0x00]), 'plans/x.md')).toEqual({ problem: 'the file was binary' });
    expect(readVersion(new Uint8Array([0x2d, 0xc3, 0x28]), 'plans/x.md')).toEqual({ problem: 'the file was not UTF-8' });
    expect('model' in readVersion(new TextEncoder().encode(`\uFEFF${jordanPlan()}`), 'plans/x.md')).toBe(true);
  });

  test('never throws, whatever the text', () => {
    const lines = fc.constantFrom('---', 'title: T', 'owner: O', 'goals:', '  - title: G', '    measure: M', '    due: 2027-13', '    steps: [S]', '  - [', ': :', '\t', 'body', '');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(lines, { maxLength: 14 }).map((parts) => parts.join('\n'))), (text) => {
        const version = versionOfText(text, 'plans/x.md');
        expect('model' in version || typeof version.problem === 'string').toBe(true);
      }),
    );
  });
});

describe('revisionsOf', () => {
  test('compares each commit with its parent version', () => {
    const revisions = revisionsOf([commit('b', { version: v2, parentVersion: v1 }), commit('a', { version: v1, added: true })]);
    expect(revisions.map((revision) => revision.changes.map((change) => change.kind))).toEqual([['due-moved'], ['plan-created']]);
  });

  test('a parent version that cannot be read gives way to the newest readable version before it', () => {
    const revisions = revisionsOf([commit('c', { version: v2, parentVersion: broken }), commit('b', { version: broken, parentVersion: v1 }), commit('a', { version: v1, added: true })]);
    expect(revisions[0]?.changes.map((change) => change.kind)).toEqual(['due-moved']);
    expect(revisions[1]).toMatchObject({ changes: [], problem: 'this version could not be read as a plan: line 3: bad' });
  });

  test('a deleted plan, and a plan added again after it, start over', () => {
    const revisions = revisionsOf([commit('c', { version: v2, added: true }), commit('b', { deleted: true }), commit('a', { version: v1, added: true })]);
    expect(revisions[0]?.changes.map((change) => change.kind)).toEqual(['plan-created']);
    expect(revisions[1]).toMatchObject({ problem: 'the plan was deleted', changes: [] });
  });

  test('the commit where a shallow clone is cut has unknown changes', () => {
    const revisions = revisionsOf([commit('b', { version: v2, parentVersion: v1 }), commit('a', { version: v1, added: true, boundary: true })]);
    expect(revisions[1]).toMatchObject({ boundary: true, changes: [] });
    expect(revisions[0]?.changes).toHaveLength(1);
  });

  test('only the first `shown` commits are returned', () => {
    expect(revisionsOf([commit('b', { version: v2, parentVersion: v1 }), commit('a', { version: v1, added: true })], 1)).toHaveLength(1);
  });
});

describe('historyView and formatHistory', () => {
  const outside: History = { file: 'sam.md', repository: false, lastRevised: { date: '2027-05-01T09:00:00+02:00', from: 'file' }, shallow: false, revisions: [], total: 0 };

  test('outside a repository: last revised from the file, no history section', () => {
    expect(historyView(outside, english)).toEqual({ lastRevised: '2027-05-01', lastRevisedFrom: 'file', show: false, revisions: [], older: [], more: 0 });
    expect(formatHistory(outside, english)).toBe('sam.md is not in a git repository (or git is not installed), so it has no history; last changed May 1, 2027.\n');
  });

  test('a deleted plan and a version that is not a plan are said in the page’s language', () => {
    const revisions = revisionsOf([commit('c', { version: broken, parentVersion: v1 }), commit('b', { version: v1, added: true }), commit('a', { deleted: true })]);
    const history: History = { ...outside, repository: true, lastRevised: { date: '2027-01-05T10:00:00+01:00', from: 'git' }, revisions, total: 3 };
    expect(historyView(history, german).revisions.map((revision) => revision.note)).toEqual([
      'diese Fassung ließ sich nicht als Plan lesen: line 3: bad',
      undefined,
      'der Plan wurde hier gelöscht',
    ]);
    expect(historyView(history, english).revisions[2]?.note).toBe('the plan was deleted here');
  });

  test('a check message in a note reads as a sentence: code spans in the language’s quotes, no backticks', () => {
    const message = 'The colon in the text of `title` reads as the start of another key: put the text in quotes: `title: "A: B"`';
    expect(quotedInWords(message, english)).toBe('The colon in the text of “title” reads as the start of another key: put the text in quotes: “title: "A: B"”');
    expect(quotedInWords(message, german)).toBe('The colon in the text of „title“ reads as the start of another key: put the text in quotes: „title: "A: B"“');
    const revisions = revisionsOf([commit('c', { version: { problem: `line 3: ${message}` }, parentVersion: v1 }), commit('b', { version: v1, added: true })]);
    const history: History = { ...outside, repository: true, lastRevised: { date: '2027-01-05T10:00:00+01:00', from: 'git' }, revisions, total: 2 };
    expect(historyView(history, english).revisions[0]?.note).not.toContain('`');
  });

  test('the calendar day of a commit is the author’s, whatever the time zone of the machine', () => {
    const late: History = {
      ...outside,
      repository: true,
      lastRevised: { date: '2027-03-20T23:30:00-05:00', from: 'git' },
      revisions: [{ commit: 'f'.repeat(40), date: '2027-03-20T23:30:00-05:00', subject: 'Late', path: 'sam.md', changes: [] }],
      total: 1,
    };
    const view = historyView(late, english);
    expect(view.lastRevised).toBe('2027-03-20');
    expect(view.revisions[0]).toMatchObject({ date: '2027-03-20', shortCommit: 'fffffff', note: 'no change to the plan’s content' });
    expect(formatHistory(late, english)).toContain('\nMarch 20, 2027 — Late\n');
    expect(formatHistory(late, english)).not.toContain('fffffff');
    expect(formatHistory({ ...late, revisions: [] }, english)).toContain('No saved changes to this plan in the period asked for.');
  });
});
