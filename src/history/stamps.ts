/**
 * What a build needs of git for its plans' histories, found in a handful of
 * git processes however many plans: where each plan is in the project's
 * repository, a stamp per plan for the build cache (one `git log` walk),
 * and, for the plans to be built, their log entries and working states (one
 * more walk and one `git status`). Starts git; loads none of the parsing
 * stages (a build with nothing changed needs only the stamps).
 */
import path from 'node:path';
import {
  copySources,
  fileLog,
  folderLog,
  followPath,
  newestCommits,
  placeInRepository,
  stateOf,
  workingStates,
  type LogEntry,
  type RawChange,
  type Repository,
  type WorkingState,
} from '../edges/git.js';

/** Where a plan is in git: its repository and its path there (relative to the top, with forward slashes). */
export interface GitPlace {
  readonly repository: Repository;
  readonly relative: string;
}

/** What git says of one plan, for the history on its page: plain data, so it crosses to a worker thread. */
export interface PlanLog extends GitPlace {
  /** The commits that touched it, newest first, following renames (what `git log --follow` gives). */
  readonly entries: readonly LogEntry[];
  readonly state: WorkingState;
}

/**
 * The place of each plan file in the project's repository (see
 * `findProjectRepository`); files outside it, below a `.git` of their own, or
 * all of them when there is no repository, are absent. Reads the disk.
 */
export function gitPlaces(files: readonly string[], repository: Repository | undefined): Map<string, GitPlace> {
  const places = new Map<string, GitPlace>();
  if (!repository) return places;
  for (const file of files) {
    const relative = placeInRepository(repository, file);
    if (relative !== undefined) places.set(file, { repository, relative });
  }
  return places;
}

/**
 * A stamp per plan file that changes whenever its history does: the newest
 * commit that touched it (and whether the clone is shallow), `git:none` for
 * a plan in a repository with no commit of it, `none` outside a repository.
 * With the plan's text (whose changes are the uncommitted ones), it is what a
 * build cache keys a page's history on. One `git log` walk per repository,
 * however many plans. Starts git.
 */
export async function historyStamps(files: readonly string[], places: ReadonlyMap<string, GitPlace>): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  for (const { repository, files: inRepository } of byRepository(files, places)) {
    const newest = await newestCommits(repository, inRepository.map(([, place]) => place.relative));
    for (const [file, { relative }] of inRepository) {
      const commit = newest.get(relative);
      stamps.set(file, commit === undefined ? 'git:none' : `git:${commit}${repository.shallow ? ':shallow' : ''}`);
    }
  }
  return new Map(files.map((file) => [file, stamps.get(file) ?? 'none']));
}

/** Plans (absolute paths) fetched by `git log --follow` at once when git is too old for one walk of all. */
const followsAtOnce = 8;

/**
 * The log entries and working state of each of `files` that is in a
 * repository (see `gitPlaces`): one `git log` walk of the plans' folders and
 * one `git status` per repository, split per plan as `git log --follow`
 * would give it (see `followPath`, `copySources`). Starts git.
 */
export async function planLogs(files: readonly string[], places: ReadonlyMap<string, GitPlace>): Promise<Map<string, PlanLog>> {
  const logs = new Map<string, PlanLog>();
  for (const { repository, files: inRepository } of byRepository(files, places)) {
    const folders = [...new Set(inRepository.map(([, place]) => path.posix.dirname(place.relative)))].sort();
    const [commits, states] = await Promise.all([folderLog(repository, folders), workingStates(repository, folders)]);
    const entriesOf = new Map<string, readonly LogEntry[]>();
    if (commits) {
      // Where a plan was added, git looks for a file it was renamed or copied from, as `--follow` does: for all such commits at
      // once, again for the commits the older paths lead to (each round is one process; most histories need none or one).
      const parentOf = new Map(commits.map((commit) => [commit.commit, commit.parents[0]]));
      const sources = new Map<string, readonly RawChange[]>();
      for (;;) {
        const missing = new Set<string>();
        for (const [file, { relative }] of inRepository) entriesOf.set(file, followPath(commits, relative, sources, missing));
        if (missing.size === 0) break;
        const found = await copySources(repository, [...missing].map((commit) => ({ commit, parent: parentOf.get(commit) ?? '' })));
        for (const commit of missing) sources.set(commit, found.get(commit) ?? []);
      }
    } else {
      let next = 0;
      const follow = async (): Promise<void> => {
        while (next < inRepository.length) {
          const [file, { relative }] = inRepository[next++]!;
          entriesOf.set(file, await fileLog(repository, relative));
        }
      };
      await Promise.all(Array.from({ length: followsAtOnce }, follow));
    }
    for (const [file, place] of inRepository) logs.set(file, { ...place, entries: entriesOf.get(file) ?? [], state: stateOf(states, place.relative) });
  }
  return logs;
}

/** The files of each repository (by its top folder) with their places, in the order of `files`. */
function byRepository(files: readonly string[], places: ReadonlyMap<string, GitPlace>): Array<{ repository: Repository; files: Array<[string, GitPlace]> }> {
  const groups = new Map<string, { repository: Repository; files: Array<[string, GitPlace]> }>();
  for (const file of files) {
    const place = places.get(file);
    if (!place) continue;
    const group = groups.get(place.repository.root) ?? { repository: place.repository, files: [] };
    group.files.push([file, place]);
    groups.set(place.repository.root, group);
  }
  return [...groups.values()];
}
