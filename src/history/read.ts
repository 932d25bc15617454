/**
 * Reads a plan's history from git: the commits that touched it (following
 * renames), each version read once by blob id through one `git cat-file
 * --batch` and parsed with careerplan's own stages, then compared. One plan
 * asks git itself (`readHistory`); a build asks for all its plans at once
 * (`planLogs`) and hands each plan's part to `historyOfPlan`. Touches the
 * world through the git edge and the file's own text and time.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile, unreadableReason } from '../edges/files.js';
import { maxPlanBytes } from '../stages/load.js';
import { commitsSince, createBlobReader, fileLog, isNullBlob, placeInRepository, resolveCommit, workingState, type BlobReader, type LogEntry, type Repository } from '../edges/git.js';
import type { PlanLog } from './stamps.js';
import { displayPath } from '../lib/paths.js';
import { isDateLike, previousModel, readVersion, revisionsOf, type CommitVersion, type History, type Version } from './revisions.js';
import { planChanges } from './plan-changes.js';
import { calendarDay, parseDate } from '../format/dates.js';

/** Parsed versions by blob id. A blob's version never changes, so the cache is valid for as long as it lives. */
export interface HistoryCache {
  readonly versions: Map<string, Version>;
}

/** A cache of parsed versions; share one across calls (a build, a watch session) so each blob is parsed once. */
export function createHistoryCache(): HistoryCache {
  return { versions: new Map() };
}

/** How to read a history. */
export interface HistoryOptions {
  /** Only commits after this revision, or from this date (`YYYY-MM-DD`) on. */
  readonly since?: string;
  /** At most this many revisions, the newest (a plan page needs the last few; older versions are then not read). */
  readonly limit?: number;
  /** Names the file relative to this folder in the history (default: the working folder). */
  readonly cwd?: string;
  readonly cache?: HistoryCache;
}

/** A `--since` value that is neither a date nor a revision of the repository. */
export class SinceError extends Error {
  override readonly name = 'SinceError';
}

/**
 * The history of the plan at `file` (an absolute path that exists) in the
 * project's `repository` (see `findProjectRepository`). Outside it (no
 * repository, no git, a file elsewhere or below a `.git` of its own), a
 * history with `repository: false` and the file's time. Throws `SinceError` for a bad `since`; other failures of git
 * are `Error`s. Starts git, reads the file.
 */
export async function readHistory(file: string, repository: Repository | undefined, options: HistoryOptions = {}): Promise<History> {
  const shown = displayPath(file, options.cwd ?? process.cwd());
  const cache = options.cache ?? createHistoryCache();
  const since = options.since;
  if (since !== undefined && isDateLike(since) && parseDate(since) === undefined) throw new SinceError(`--since takes a date as YYYY-MM-DD or a revision, not \`${since}\``);
  const relative = repository && placeInRepository(repository, file);
  if (!repository || relative === undefined) return historyWithoutGit(file, options);

  const [state, entries] = await Promise.all([workingState(repository, relative), fileLog(repository, relative)]);
  if (state === 'ignored' && entries.length === 0) return historyWithoutGit(file, options);

  let shownCount = entries.length;
  if (since !== undefined) {
    if (isDateLike(since)) {
      shownCount = entries.filter((entry) => calendarDay(entry.date) >= since).length;
    } else {
      const commit = await resolveCommit(repository, since);
      if (commit === undefined) throw new SinceError(`--since takes a date as YYYY-MM-DD or a revision of the repository; \`${since}\` is neither`);
      const after = await commitsSince(repository, commit, [...new Set(entries.flatMap((entry) => [entry.path, ...(entry.previousPath ? [entry.previousPath] : [])]))]);
      // Newest first: the commits after `since` are a prefix of the log.
      const firstOlder = entries.findIndex((entry) => !after.has(entry.commit));
      shownCount = firstOlder < 0 ? entries.length : firstOlder;
    }
  }

  if (options.limit !== undefined) shownCount = Math.min(shownCount, Math.max(0, options.limit));

  const reader = createBlobReader(repository);
  try {
    return await historyFromLog(file, shown, { repository, relative, entries, state }, shownCount, reader, cache);
  } finally {
    reader.close();
  }
}

/**
 * The history of the plan at `file` from what git said of it in a build's
 * batch (`planLogs`): as `readHistory` gives it with `limit`, the versions
 * read through `reader` (the build's, one per repository) and parsed once
 * per blob into `cache`. Reads blobs and the file.
 */
export async function historyOfPlan(file: string, log: PlanLog, reader: BlobReader, options: Pick<HistoryOptions, 'cwd' | 'cache' | 'limit'> = {}): Promise<History> {
  if (log.state === 'ignored' && log.entries.length === 0) return historyWithoutGit(file, options);
  const shownCount = options.limit === undefined ? log.entries.length : Math.min(log.entries.length, Math.max(0, options.limit));
  return historyFromLog(file, displayPath(file, options.cwd ?? process.cwd()), log, shownCount, reader, options.cache ?? createHistoryCache());
}

/** The history of a plan from its log entries and working state, the newest `shownCount` commits compared. Reads blobs through `reader`, and the file. */
async function historyFromLog(file: string, shown: string, log: PlanLog, shownCount: number, reader: BlobReader, cache: HistoryCache): Promise<History> {
  const { repository, relative, entries, state } = log;
  const fileTime = async (): Promise<string> => (await stat(file)).mtime.toISOString();
  // Each blob is read and parsed once: a commit's version is the next commit's parent version.
  const reading = new Map<string, Promise<Version>>();
  const versionOf = (blob: string, file: string): Promise<Version> => {
    const known = cache.versions.get(blob);
    if (known) return Promise.resolve(known);
    let pending = reading.get(blob);
    if (!pending) {
      pending = reader.read(blob).then(
        (bytes) => {
          const version = readVersion(bytes, file);
          cache.versions.set(blob, version);
          return version;
        },
        // A partial clone may lack old versions: a gap in the history, not a failure of it.
        (): Version => ({ problem: 'this version is missing from this copy of the plans' }),
      );
      reading.set(blob, pending);
    }
    return pending;
  };
  const isDeleted = (entry: LogEntry): boolean => entry.status === 'D' || isNullBlob(entry.blob);
  const isAdded = (entry: LogEntry): boolean => isNullBlob(entry.previousBlob);
  const versions = new Map<number, Version>();
  const parentVersions = new Map<number, Version>();
  await Promise.all(
    entries.slice(0, shownCount).map(async (entry, index) => {
      const [version, parent] = await Promise.all([
        isDeleted(entry) ? undefined : versionOf(entry.blob, entry.path),
        isAdded(entry) ? undefined : versionOf(entry.previousBlob, entry.previousPath ?? entry.path),
      ]);
      if (version) versions.set(index, version);
      if (parent) parentVersions.set(index, parent);
    }),
  );
  // When a parent's version cannot be read (or nothing is shown, for the uncommitted changes), the newest readable version
  // before it in the log stands in: read the log's versions from there until one is readable.
  const fallbacks = [...parentVersions].filter(([, parent]) => 'problem' in parent).map(([index]) => index);
  const uncommittedBase = (state === 'changed' || state === 'untracked') && shownCount === 0 ? [0] : [];
  for (const from of [...uncommittedBase, ...fallbacks.map((index) => index + 1)]) {
    for (let index = from; index < entries.length; index += 1) {
      const entry = entries[index]!;
      if (isDeleted(entry)) break;
      const version = versions.get(index) ?? (await versionOf(entry.blob, entry.path));
      versions.set(index, version);
      if ('model' in version) break;
    }
  }
  const commits: CommitVersion[] = entries.map((entry, index) => ({
    commit: entry.commit,
    date: entry.date,
    subject: entry.subject,
    path: entry.path,
    ...(entry.previousPath === undefined ? {} : { previousPath: entry.previousPath }),
    added: isAdded(entry),
    deleted: isDeleted(entry),
    boundary: repository.shallow && (repository.shallowCommits.has(entry.commit) || entry.parents.length === 0),
    ...(versions.has(index) ? { version: versions.get(index)! } : {}),
    ...(parentVersions.has(index) ? { parentVersion: parentVersions.get(index)! } : {}),
  }));

  let uncommitted: History['uncommitted'];
  if (state === 'changed' || state === 'untracked') {
    // Read as `loadPlan` reads a plan: never waiting on a named pipe, never past the largest plan.
    const read = readRegularFile(file, maxPlanBytes, true);
    const working: Version = 'bytes' in read ? readVersion(read.bytes, relative) : { problem: unreadableReason(read, maxPlanBytes) };
    const previous = previousModel(commits, 0);
    uncommitted =
      'problem' in working
        ? { changes: [], problem: `could not be read: ${working.problem}` }
        : { changes: entries[0] === undefined || isDeleted(entries[0]) ? planChanges(undefined, working.model) : previous ? planChanges(previous, working.model) : [] };
  }
  const newest = entries[0];
  return {
    file: shown,
    repository: true,
    lastRevised: uncommitted || !newest ? { date: localDate(await fileTime()), from: 'file' } : { date: newest.date, from: 'git' },
    shallow: repository.shallow,
    ...(uncommitted ? { uncommitted } : {}),
    revisions: revisionsOf(commits, shownCount),
    total: entries.length,
  };
}

/**
 * The history of a plan that is not in a repository: none, and "last
 * revised" from the file's time. Reads the file's time; starts no git (a
 * build knows from `historyStamps` which plans need it).
 */
export async function historyWithoutGit(file: string, options: Pick<HistoryOptions, 'cwd'> = {}): Promise<History> {
  // Blocking, as `loadPlan`'s read of the same file: a build asks this of every plan from worker threads.
  const date = localDate(statSync(file).mtime.toISOString());
  return { file: displayPath(file, options.cwd ?? process.cwd()), repository: false, lastRevised: { date, from: 'file' }, shallow: false, revisions: [], total: 0 };
}

/** An instant as ISO 8601 in the machine's own offset, so its calendar day is the local one. */
function localDate(iso: string): string {
  const date = new Date(iso);
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** Where a plan named on the command line is: the path itself, else `<plans>/<name>.md` for a plan's name. Reads the disk. */
export async function locatePlan(given: string, cwd: string, plansFolder: string): Promise<string | undefined> {
  const candidates = [path.resolve(cwd, given), ...(given.includes('/') || given.includes(path.sep) ? [] : [path.join(plansFolder, given.endsWith('.md') ? given : `${given}.md`)])];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}
