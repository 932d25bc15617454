/**
 * What a build knows of each plan file before it reads any: the hash of its
 * bytes and the day of its time. As git does with its index, a file whose
 * size, times and inode are those the last build recorded is not read
 * again: its recorded hash stands. A recorded stat is trusted only when the
 * file had not changed for a while before it was taken, since a write in
 * the same tick of the clock as the one before it may leave every field of
 * the stat as it was ("racily clean" in git). Reads the disk.
 */
import { statSync, type Stats } from 'node:fs';
import { readRegularFile } from '../edges/files.js';
import { maxPlanBytes } from '../stages/load.js';
import { hashOf } from '../lib/hash.js';

/** A plan file as a build found it: its stat when read, and the hash of its bytes. */
export interface PlanSource {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  /** When the stat was taken (ms since the epoch). */
  readonly seenAt: number;
  readonly hash: string;
}

/** What a page's key takes from its plan file. */
export interface PlanFileFacts {
  /** The file as found now; undefined for a file that is gone (its hash is then that of no bytes). */
  readonly source: PlanSource | undefined;
  readonly hash: string;
  /** The local calendar day of the file's time: "last revised" of a plan outside git, or with uncommitted changes. */
  readonly day: string;
}

/**
 * How long a file must have been left alone before a stat of it may stand
 * for its bytes: ten times the kernel's clock tick (at most 10 ms) on file
 * systems that keep fractions of a second, and more than the coarsest tick
 * (FAT's two seconds) on those that keep whole seconds.
 */
function settledMs(stats: Pick<Stats, 'mtimeMs' | 'ctimeMs'>): number {
  return stats.mtimeMs % 1000 === 0 && stats.ctimeMs % 1000 === 0 ? 2_100 : 100;
}

/** The facts of each plan file, reading only those whose stat differs from `previous` or cannot be trusted. */
export function planFileFacts(files: readonly string[], previous: (file: string) => PlanSource | undefined, now = Date.now()): Map<string, PlanFileFacts> {
  return new Map(files.map((file) => [file, factsOf(file, previous(file), now)] as const));
}

function factsOf(file: string, previous: PlanSource | undefined, now: number): PlanFileFacts {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return { source: undefined, hash: hashOf(['']), day: '' };
  const day = dayOf(stats.mtime);
  if (previous !== undefined && isUnchanged(stats, previous)) return { source: previous, hash: previous.hash, day };
  const hash = hashOf([readIfThere(file)]);
  return { source: { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, seenAt: now, hash }, hash, day };
}

/** Whether a stat matches the recorded one, recorded once the file had settled. */
function isUnchanged(stats: Stats, previous: PlanSource): boolean {
  return isSettled(previous) && stats.size === previous.size && stats.mtimeMs === previous.mtimeMs && stats.ctimeMs === previous.ctimeMs && stats.ino === previous.ino;
}

/** Whether a recorded stat was taken long enough after the file last changed to stand for its bytes. Pure. */
export function isSettled(source: Pick<PlanSource, 'mtimeMs' | 'ctimeMs' | 'seenAt'>): boolean {
  return Math.max(source.mtimeMs, source.ctimeMs) < source.seenAt - settledMs(source);
}

/**
 * The text of a plan file whose bytes still hash to `hash`; undefined when
 * it changed since, or is gone. For the code frames of messages a build
 * reports from its cache without having read the plan. Reads the disk.
 */
export function textIfUnchanged(file: string, hash: string): string | undefined {
  const bytes = readIfThere(file);
  return typeof bytes !== 'string' && hashOf([bytes]) === hash ? Buffer.from(bytes).toString('utf8') : undefined;
}

/**
 * A file's bytes, or for a file that is no plan to read (gone since it was
 * listed, too big, a named pipe) what it is instead, which the check then
 * reports: read as `loadPlan` reads it, never waiting on a pipe nor reading
 * past the largest plan.
 */
function readIfThere(file: string): Uint8Array | string {
  const read = readRegularFile(file, maxPlanBytes, true);
  if ('bytes' in read) return read.bytes;
  return read.kind === 'error' && read.code === 'ENOENT' ? '' : `\0unreadable ${JSON.stringify(read)}`;
}

function dayOf(time: Date): string {
  return `${time.getFullYear()}-${time.getMonth() + 1}-${time.getDate()}`;
}
