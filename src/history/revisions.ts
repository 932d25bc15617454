/**
 * The history stage: a plan's versions, as git gave them, become a history
 * of what changed in its substance, commit by commit; and a history becomes
 * the data a page or the terminal shows. Pure: git is the caller's business
 * (`src/history/read.ts`).
 */
import { calendarDay } from '../format/dates.js';
import { planSchema } from '../format/schema.js';
import type { SourceFile } from '../types.js';
import { maxPlanBytes, planText } from '../stages/load.js';
import { model, type PlanModel } from '../stages/model.js';
import { parse } from '../stages/parse.js';
import { changeText, phrase, quoteText, type ChangeText, type ChangeWords } from './change-text.js';
import { formatDate } from '../theme/format.js';
import { fill } from '../lib/fill.js';
import { planChanges, type Change } from './plan-changes.js';
import { planSlug } from '../format/slug.js';
import { validate } from '../stages/validate.js';
import { oneLine } from '../diagnostics/terminal-text.js';

/** One version of a plan: its model, or why it could not be read as a plan. */
export type Version = { readonly model: PlanModel } | { readonly problem: string };

/** One commit that touched the plan. */
export interface Revision {
  readonly commit: string;
  /** The author date, ISO 8601 with the author's offset. */
  readonly date: string;
  readonly subject: string;
  /** The plan's path at this commit, relative to the repository's top. */
  readonly path: string;
  /** The path before this commit, when the commit renamed the plan. */
  readonly renamedFrom?: string;
  /** What changed since the previous version that could be read. */
  readonly changes: readonly Change[];
  /** Why this version could not be read, or that the commit deleted the plan, in English; then `changes` is empty. */
  readonly problem?: string;
  /** The commit deleted the plan. */
  readonly deleted?: true;
  /** Why this version could not be read as a plan (the `problem` without its opening words), for a page to word in its language. */
  readonly unreadable?: string;
  /** The oldest commit of a shallow clone: what came before it is not in the clone, so its changes are unknown. */
  readonly boundary?: true;
}

/** Changes in the working copy that are not committed yet. */
export interface Uncommitted {
  readonly changes: readonly Change[];
  readonly problem?: string;
}

/** A plan's history. */
export interface History {
  /** The plan's file, as the user named it. */
  readonly file: string;
  /** Whether the plan is in a git repository (with git installed); if not, there are no revisions. */
  readonly repository: boolean;
  /** When the plan last changed: its newest commit, or the file's time when uncommitted or outside a repository. */
  readonly lastRevised: { readonly date: string; readonly from: 'git' | 'file' };
  /** Whether the clone is shallow, so older history is missing. */
  readonly shallow: boolean;
  readonly uncommitted?: Uncommitted;
  /** Newest first; only those after `since` when it was given. */
  readonly revisions: readonly Revision[];
  /** How many commits touched the plan in all (those shown and those before `since`). */
  readonly total: number;
}

/** A commit as the history stage needs it (what `git log --follow` tells, with its versions). */
export interface CommitVersion {
  readonly commit: string;
  readonly date: string;
  readonly subject: string;
  readonly path: string;
  readonly previousPath?: string;
  /** Whether the commit added the file (it had no version in the commit's parent). */
  readonly added: boolean;
  /** Whether the commit deleted the file. */
  readonly deleted: boolean;
  /** Whether the commit is where a shallow clone's history is cut off (its parents are not in the clone). */
  readonly boundary: boolean;
  /** The version at this commit; `undefined` when it was not read (it is older than any shown). */
  readonly version?: Version;
  /** The version in the commit's (first) parent, when the commit did not add the file and it was read. */
  readonly parentVersion?: Version;
}

/** The date that models of past versions are built against: a constant, so a version's model depends on its text alone; history never compares date-relative facts. */
export const historyAsOf = '2000-01-01';

const noMarkdown = { inline: (text: string): string => text };

/**
 * Reads one version of a plan from its bytes: its model (with inline
 * Markdown and the notes kept as source text, which is what a history
 * compares), or why it is not a readable plan. Pure.
 */
export function readVersion(bytes: Uint8Array, file: string): Version {
  if (bytes.length > maxPlanBytes) return { problem: 'the file was larger than 1 MiB' };
  const decoded = planText(bytes);
  if ('problem' in decoded) return { problem: decoded.problem === 'binary' ? 'the file was binary' : 'the file was not UTF-8' };
  return versionOfText(decoded.text, file);
}

/**
 * Reads one version of a plan from its text. Only the frontmatter goes
 * through the parser and the schema (the notes below it are compared as
 * text, and the rules, which only add messages, are run only to explain a
 * version that is not a plan): a plan with hundreds of commits stays fast. Pure.
 */
export function versionOfText(text: string, file: string): Version {
  const { head, body } = splitBody(text);
  const source: SourceFile = { path: file, absolutePath: `/${file}`, text: head };
  const parsed = parse(source);
  const syntax = parsed.findings.some((finding) => finding.ruleId === 'yaml-syntax' || finding.ruleId === 'too-complex');
  const result = parsed.frontmatter && !syntax ? planSchema.safeParse(parsed.frontmatter.data) : undefined;
  if (!result?.success) {
    const checked = validate(parsed, { asOf: historyAsOf, plansRoot: '/', inspect: () => undefined, severities: {} });
    const first = checked.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    return { problem: first ? `line ${first.place.start.line}: ${first.message}` : 'it was not a plan' };
  }
  return {
    model: model(result.data, { slug: planSlug(file), file, asOf: historyAsOf, locale: 'en', bodyHtml: body, markdown: noMarkdown }),
  };
}

/** The text up to the line `---` that closes the frontmatter, and the notes below it (trimmed); the whole text when no frontmatter is closed. */
function splitBody(text: string): { head: string; body: string } {
  if (!text.startsWith('---')) return { head: text, body: '' };
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = Math.max(3, text.search(/\r?\n/));
  const match = closing.exec(text);
  if (!match) return { head: text, body: '' };
  const end = match.index + match[0].length;
  // One line of body: the parser reads a frontmatter followed by a body on its fast path.
  return { head: `${text.slice(0, end)}\n`, body: text.slice(end).trim() };
}

/**
 * The revisions of a plan, newest first, each compared with the version in
 * its parent commit; when that version could not be read, with the newest
 * readable one before it in the log (so the commit that repairs a broken
 * version shows everything since the last good one). Only the first `shown`
 * commits are returned. Pure.
 */
export function revisionsOf(commits: readonly CommitVersion[], shown: number = commits.length): Revision[] {
  const revisions: Revision[] = [];
  for (let index = 0; index < Math.min(shown, commits.length); index += 1) {
    const commit = commits[index]!;
    const base = {
      commit: commit.commit,
      date: commit.date,
      subject: commit.subject,
      path: commit.path,
      ...(commit.previousPath !== undefined && commit.previousPath !== commit.path ? { renamedFrom: commit.previousPath } : {}),
    };
    if (commit.deleted) {
      revisions.push({ ...base, changes: [], problem: 'the plan was deleted', deleted: true });
      continue;
    }
    const version = commit.version;
    if (version === undefined || 'problem' in version) {
      const unreadable = version?.problem ?? 'it was not read';
      revisions.push({ ...base, changes: [], problem: `this version could not be read as a plan: ${unreadable}`, unreadable });
      continue;
    }
    // The version in the commit's own parent, so a merged branch is compared with its own past; when that
    // version cannot be read, the newest readable version before this commit in the log.
    const previous = commit.added
      ? commit.boundary
        ? 'unknown'
        : undefined
      : commit.parentVersion && 'model' in commit.parentVersion
        ? commit.parentVersion.model
        : baseOf(commits, index + 1);
    if (previous === 'unknown') {
      revisions.push({ ...base, changes: [], boundary: true });
      continue;
    }
    revisions.push({ ...base, changes: planChanges(previous, version.model) });
  }
  return revisions;
}

/**
 * What a version at `from - 1` is compared with: the newest readable version
 * at or after `from` (older commits); `undefined` when the plan starts there
 * (or was deleted before); `unknown` when a shallow clone cuts the history
 * before a readable version was found. Pure.
 */
function baseOf(commits: readonly CommitVersion[], from: number): PlanModel | undefined | 'unknown' {
  for (let index = from; index < commits.length; index += 1) {
    const commit = commits[index]!;
    if (commit.deleted) return undefined;
    if (commit.version && 'model' in commit.version) return commit.version.model;
  }
  return commits.at(-1)?.boundary && from <= commits.length ? 'unknown' : undefined;
}

/** The model of the newest readable version at or after `from` (older commits), or `undefined` when there is none. Pure. */
export function previousModel(commits: readonly CommitVersion[], from: number): PlanModel | undefined {
  const base = baseOf(commits, from);
  return base === 'unknown' ? undefined : base;
}

/** Whether a `--since` value is a date (`YYYY-MM-DD`) rather than a revision. Pure. */
export function isDateLike(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A change as one sentence, with a sign: `+` added, `-` removed, `~` changed, `✓` done; in `words` (the English locale for the terminal). Pure. */
export function describeChange(change: Change, words: ChangeWords): ChangeText {
  return changeText(change, words);
}

/** One change as a template shows it: its sign, its sentence in the page's words (`change.*` of its locale), a rewritten text's before and after; `change` has the facts. */
export interface ChangeView extends ChangeText {
  readonly kind: Change['kind'];
  readonly change: Change;
}

/** One revision as a template shows it. */
export interface RevisionView {
  readonly commit: string;
  /** The first 7 characters of the commit id: data for a theme; the built-in pages show no commit ids. */
  readonly shortCommit: string;
  /** The author's calendar day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly subject: string;
  readonly path: string;
  readonly renamedFrom?: string;
  readonly changes: readonly ChangeView[];
  /** A note in place of changes: could not be read, deleted, or the start of a shallow clone. */
  readonly note?: string;
}

/** What a plan page needs to show "last revised" and the revision history. */
export interface HistoryView {
  /** `YYYY-MM-DD`. */
  readonly lastRevised: string;
  readonly lastRevisedFrom: 'git' | 'file';
  /** Whether to show a history section at all (the plan is in a repository). */
  readonly show: boolean;
  /** Said above the list when the clone is shallow. */
  readonly shallowNote?: string;
  readonly uncommitted?: { readonly note: string; readonly changes: readonly ChangeView[] };
  /** The newest revisions, shown open (all of those asked for, without `open`). */
  readonly revisions: readonly RevisionView[];
  /** The older ones beyond `open`: a page lists them folded away. */
  readonly older: readonly RevisionView[];
  /** How many older revisions were left out by `limit` or `since`. */
  readonly more: number;
}

/**
 * A check message as a sentence for people: each `code` span becomes text in
 * the language's quotes (`change.quote`), so no backtick reaches a page. Pure.
 */
export function quotedInWords(message: string, words: ChangeWords): string {
  return message.replace(/`([^`]*)`/g, (_, text: string) => quoteText(words, text));
}

/**
 * Turns a history into the data a template or the terminal shows: at most
 * `limit` revisions, the newest `open` of them in `revisions` and the rest in
 * `older`; changes and notes worded in `words` (`change.*` and `history.*` of a locale). Pure.
 */
export function historyView(history: History, words: ChangeWords, options: { readonly limit?: number; readonly open?: number } = {}): HistoryView {
  const limit = options.limit ?? history.revisions.length;
  const note = { boundary: phrase(words, 'history.boundary'), nothing: phrase(words, 'history.nothing'), unsaved: phrase(words, 'notCommittedYet'), deleted: phrase(words, 'history.deleted') };
  const problemNote = (revision: Revision): string | undefined =>
    revision.deleted ? note.deleted : revision.unreadable !== undefined ? fill(phrase(words, 'history.unreadable'), { problem: quotedInWords(revision.unreadable, words) }) : revision.problem;
  const view = (change: Change): ChangeView => changeView(change, words);
  const shown = history.revisions.slice(0, limit);
  const oldest = history.revisions.at(-1);
  return {
    lastRevised: calendarDay(history.lastRevised.date),
    lastRevisedFrom: history.lastRevised.from,
    show: history.repository,
    ...(history.shallow
      ? { shallowNote: fill(phrase(words, 'history.shallow'), { date: formatDate(oldest ? calendarDay(oldest.date) : calendarDay(history.lastRevised.date), words.language) }) }
      : {}),
    ...(history.uncommitted
      ? {
          uncommitted: {
            note: history.uncommitted.problem ? `${note.unsaved}: ${history.uncommitted.problem}` : note.unsaved,
            changes: history.uncommitted.changes.map(view),
          },
        }
      : {}),
    ...splitAt(shown.map((revision) => ({
      commit: revision.commit,
      shortCommit: revision.commit.slice(0, 7),
      date: calendarDay(revision.date),
      subject: revision.subject,
      path: revision.path,
      ...(revision.renamedFrom === undefined ? {} : { renamedFrom: revision.renamedFrom }),
      changes: revision.changes.map(view),
      ...(revision.problem !== undefined
        ? { note: problemNote(revision) ?? revision.problem }
        : revision.boundary
          ? { note: note.boundary }
          : revision.changes.length === 0
            ? { note: note.nothing }
            : {}),
    })), options.open),
    more: history.total - shown.length,
  };
}

/** The newest `open` revisions and the older rest. */
function splitAt(revisions: RevisionView[], open = revisions.length): { revisions: RevisionView[]; older: RevisionView[] } {
  return { revisions: revisions.slice(0, open), older: revisions.slice(open) };
}

/**
 * A history for the terminal: the plan's saved versions newest first, each
 * with its day and the author's note, and one sentence per change, in
 * `words` (the English locale). No commit ids: `--format json` has them. Pure.
 */
export function formatHistory(history: History, words: ChangeWords): string {
  const view = historyView(history, words);
  const day = (date: string): string => formatDate(date, words.language);
  const lines: string[] = [];
  if (!history.repository) {
    return `${history.file} is not in a git repository (or git is not installed), so it has no history; last changed ${day(view.lastRevised)}.\n`;
  }
  const changeLines = (changes: readonly ChangeView[]): string[] => changes.flatMap((change) => [`  ${change.sign} ${change.text}`, ...rewrittenLines(change)]);
  lines.push(`${history.file} — last changed ${day(view.lastRevised)}`);
  if (view.shallowNote) lines.push(view.shallowNote);
  if (view.uncommitted) {
    lines.push('', view.uncommitted.note);
    if (view.uncommitted.changes.length === 0 && !history.uncommitted?.problem) lines.push(`  ${phrase(words, 'history.nothing')}`);
    lines.push(...changeLines(view.uncommitted.changes));
  }
  for (const revision of view.revisions) {
    lines.push('', `${day(revision.date)} — ${revision.subject}`);
    if (revision.renamedFrom !== undefined) lines.push(`  ~ ${fill(phrase(words, 'history.renamed'), { from: revision.renamedFrom, to: revision.path })}`);
    if (revision.note !== undefined) lines.push(`  (${revision.note})`);
    lines.push(...changeLines(revision.changes));
  }
  if (view.revisions.length === 0 && !view.uncommitted) lines.push('', history.total === 0 ? 'No version of this plan is saved in its history yet.' : 'No saved changes to this plan in the period asked for.');
  if (view.more > 0) lines.push('', `${count(view.more, 'older version')} not shown.`);
  // Each line is one line, whatever a title or subject holds.
  return `${lines.map(oneLine).join('\n')}\n`;
}

/** A rewritten text's before and after, indented below its change, the labels padded to one width. */
function rewrittenLines(change: ChangeView): string[] {
  if (change.rewritten === undefined) return [];
  const { before, after } = change.rewritten;
  const width = Math.max(before.label.length, after.label.length) + 1;
  return [before, after].map((part) => `      ${`${part.label}:`.padEnd(width)} ${part.text}`);
}

function changeView(change: Change, words: ChangeWords): ChangeView {
  return { kind: change.kind, ...describeChange(change, words), change };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

