/**
 * The watcher's batching, as pure functions: what a file's events since the
 * last batch add up to, how long a batch waits for quiet, whether the disk
 * agrees with the events, and the batch delivered. Pure.
 */
import type { Stats } from 'node:fs';

/** The files that changed since the previous batch, as absolute paths, each listed once, sorted. */
export interface ChangeBatch {
  /** Files that existed before and still exist, with new content (also after an atomic save). */
  readonly changed: string[];
  /** Files that did not exist before (a new plan, the new name of a renamed one). */
  readonly added: string[];
  /** Files that no longer exist (a deleted plan, the old name of a renamed one). */
  readonly removed: string[];
}

/** What the file system said of a file. */
export type FileEvent = 'add' | 'change' | 'unlink';

/** A file's state since the last batch: whether it existed before the first event, whether it exists after the last one, and its stat then. */
export interface Pending {
  readonly before: boolean;
  readonly now: boolean;
  readonly seen: Pick<Stats, 'size' | 'mtimeMs' | 'ino'> | undefined;
}

/** A file's state after one more event. Pure. */
export function afterEvent(entry: Pending | undefined, event: FileEvent, stats: Pending['seen']): Pending {
  const now = event !== 'unlink';
  const seen = now ? stats : undefined;
  return { before: entry === undefined ? event !== 'add' : entry.before, now, seen };
}

/** How long to wait for quiet before delivering. */
export interface Windows {
  /** After a batch of changed files only (the usual save). */
  readonly quickMs: number;
  /** After a batch with a file added or removed: it may be half of a rename or of an editor's save still under way. */
  readonly settleMs: number;
  /** The longest a batch waits after its first event, so a file rewritten without pause cannot hold back every other change. */
  readonly maxWaitMs: number;
}

/** Milliseconds to wait before the batch is delivered, at `now`, its first event at `firstAt`. Pure. */
export function batchWait(pending: Iterable<Pending>, windows: Windows, firstAt: number, now: number): number {
  const window = [...pending].every((entry) => entry.before && entry.now) ? windows.quickMs : windows.settleMs;
  return Math.max(0, Math.min(window, firstAt + windows.maxWaitMs - now));
}

/** What the disk says of a pending file: whether it exists as a file, and whether that is what its last event said (the same stat when it exists). Pure. */
export function onDisk(entry: Pick<Pending, 'now' | 'seen'>, current: (Pick<Stats, 'size' | 'mtimeMs' | 'ino'> & { isFile(): boolean }) | undefined): { readonly exists: boolean; readonly settled: boolean } {
  const exists = current?.isFile() === true;
  if (!entry.now || !exists || current === undefined) return { exists, settled: entry.now === exists };
  const { seen } = entry;
  return { exists, settled: seen === undefined || (current.size === seen.size && current.mtimeMs === seen.mtimeMs && current.ino === seen.ino) };
}

/** The batch the pending files make, each named as the caller gave its root (`asGiven`), sorted; `undefined` when nothing changed in the end. Pure. */
export function batchOf(pending: Iterable<readonly [string, Pick<Pending, 'before' | 'now'>]>, asGiven: (file: string) => string = (file) => file): ChangeBatch | undefined {
  const batch: ChangeBatch = { changed: [], added: [], removed: [] };
  for (const [file, { before, now }] of pending) {
    if (before && now) batch.changed.push(asGiven(file));
    else if (now) batch.added.push(asGiven(file));
    else if (before) batch.removed.push(asGiven(file));
  }
  if (batch.changed.length + batch.added.length + batch.removed.length === 0) return undefined;
  for (const list of [batch.changed, batch.added, batch.removed]) list.sort();
  return batch;
}

/** Names a file below a watched root by the name the root was given (a root given as a link is watched where it really is). Pure. */
export function namedAsGiven(aliases: readonly { readonly given: string; readonly real: string }[], separator: string): (file: string) => string {
  return (file) => {
    const alias = aliases.find(({ real }) => file === real || file.startsWith(real.endsWith(separator) ? real : real + separator));
    return alias === undefined ? file : alias.given + file.slice(alias.real.length);
  };
}
