/**
 * Writing the build's output: every file is written to a temporary file in
 * its own folder and renamed into place, so a crash or Ctrl-C never leaves
 * a half-written file. Touches the disk.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, createReadStream, fstatSync, fsync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { entriesBelow } from '../lib/entries-below.js';

const fsyncInPool = promisify(fsync);

/** How a write reaches the disk. */
export interface WriteOptions {
  /**
   * Leave the fsync to one `syncWrittenSince` after many writes (a build's
   * pages): the file is renamed into place at once, whole, and is on the
   * disk once that call returns. Default: fsync each file before its rename.
   */
  readonly deferSync?: boolean;
}

/**
 * Writes a file atomically: the old content or the new one, never a mix,
 * and, unless the sync is deferred, on the disk before it replaces the old
 * one (fsync, then rename). Only the fsync, which waits for the disk, goes
 * through libuv's thread pool; the other calls are quick and block. A build
 * writes thousands of small files from worker threads, and a trip through
 * the pool for each of open, write, close and rename cost more CPU than the
 * calls themselves: a cold build of 1,000 plans took 8.1 s against 8.9 s
 * with every call in the pool, and 8.3–8.7 s with every call blocking (the
 * fsyncs then stall the worker instead of overlapping its next plan).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const temporary = temporaryBeside(file);
  try {
    const descriptor = openNew(temporary);
    try {
      writeFileSync(descriptor, data);
      if (!options.deferSync) await fsyncInPool(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What `readRegularFile` found instead of a regular file's bytes. */
export type UnreadableFile =
  | { readonly kind: 'special'; readonly what: string }
  | { readonly kind: 'too-big'; readonly size: number }
  | { readonly kind: 'link' }
  | { readonly kind: 'error'; readonly code: string };

/**
 * Reads a file of at most `maxBytes` that an untrusted folder holds, never
 * blocking: it is opened without waiting (`O_NONBLOCK`, so a named pipe
 * with no writer does not hang the thread), refused unless the open file is
 * a regular file (a pipe, a device or a socket would block or never end),
 * and read no further than `maxBytes` even if it grows meanwhile. The
 * check is on the descriptor itself, so the file cannot be swapped between
 * a check and the read. Blocking calls: for a plan, one trip through
 * libuv's pool would cost more than the read. With `noLinks`, a file that
 * is a symbolic link is refused (`O_NOFOLLOW`), even one made after the
 * folder was listed. Reads the disk.
 */
export function readRegularFile(file: string, maxBytes: number, noLinks = false): { readonly bytes: Buffer } | UnreadableFile {
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (noLinks ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return noLinks && code === 'ELOOP' ? { kind: 'link' } : { kind: 'error', code };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { kind: 'special', what: specialKind(stats) };
    if (stats.size > maxBytes) return { kind: 'too-big', size: stats.size };
    // One byte more than allowed tells a file that grew past the limit since the stat.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { kind: 'too-big', size: length };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { kind: 'error', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(descriptor);
  }
}

/** Why `readRegularFile` could not read a file, in words for a message ("it is a named pipe, not a file"). Pure. */
export function unreadableReason(read: UnreadableFile, maxBytes: number): string {
  switch (read.kind) {
    case 'special':
      return `it is a ${read.what}, not a file`;
    case 'too-big':
      return `it is ${read.size} bytes, more than ${maxBytes}`;
    case 'link':
      return 'it is a symbolic link, not a file';
    case 'error':
      return read.code;
  }
}

/** What a file that is not a regular file is, in words. */
function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'named pipe';
  if (stats.isDirectory()) return 'folder';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * How far a file's time may lag the clock this process reads: file systems
 * stamp times from a coarse clock, a few milliseconds behind.
 */
const fileTimeLag = 2000;

/**
 * Makes every file under `folder` written since `since` (ms since the epoch)
 * durable, after writes with `deferSync`: on Linux one syncfs of the folder's
 * file system (`sync -f`, coreutils and busybox), which is what a journal
 * does for thousands of fsyncs at once; elsewhere, or when that fails, an
 * fsync of each file whose time is that recent (at most 16 at once). A
 * cold build of 1,000 plans, alternated: 5.98 s with an fsync per file,
 * 5.45 s with one syncfs (itself about 50 ms); the fsyncs also slowed every
 * file's creation while the journal committed. Returns how: `filesystem`,
 * or the number of files it synced.
 */
export async function syncWrittenSince(folder: string, since: number, syncFileSystem: (folder: string) => Promise<boolean> = runSyncCommand): Promise<'filesystem' | number> {
  if (process.platform === 'linux' && (await syncFileSystem(folder))) return 'filesystem';
  const recent = entriesBelow(folder)
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= since - fileTimeLag);
  let next = 0;
  const syncNext = async (): Promise<void> => {
    while (next < recent.length) {
      const file = recent[next++] as string;
      let handle;
      try {
        // r+: Windows flushes only a handle that may write.
        handle = await open(file, 'r+');
      } catch {
        continue; // gone since the listing (a stale page removed)
      }
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, syncNext));
  return recent.length;
}

/** Runs `sync -f <folder>`: whether it synced the folder's file system. */
async function runSyncCommand(folder: string): Promise<boolean> {
  // Loaded here, not with this module: `check`, which writes nothing, starts without it.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('sync', ['-f', folder], { windowsHide: true }, (error) => resolve(error === null));
  });
}

/**
 * Creates a new file to write, and its folders when they are missing: a
 * build writes into few folders many times, so the open is tried first and
 * the folders made only when it says they are not there.
 */
function openNew(file: string): number {
  try {
    return openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    return openSync(file, 'wx');
  }
}

/** A new name for a temporary file next to `file`, hidden, unique to this process and call. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Deletes the temporary files this process left in `folder` and, unless
 * `recursive` is false, below it (those of `writeFileAtomic` and its kin, and
 * spools: hidden, with this process's id, ending in `.tmp`), for a process
 * ended before its writes could finish. Synchronous, so it can run just
 * before `process.exit`. Touches the disk.
 */
export function removeOwnTemporaries(folder: string, recursive = true): void {
  const mark = `.${process.pid}.`;
  let entries;
  try {
    entries = recursive ? entriesBelow(folder) : readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.startsWith('.') && entry.name.includes(mark) && entry.name.endsWith('.tmp')) rmSync(path.join(entry.parentPath, entry.name), { force: true });
  }
}

/** Copies a file atomically, and only when the target differs; reads the source blocking, as `writeFileAtomic` writes. */
export async function copyIfChanged(source: string, target: string, options: WriteOptions = {}): Promise<boolean> {
  return writeIfChanged(target, readFileSync(source), options);
}

/** Writes a file only when its content differs, so unchanged output keeps its time stamp. */
export async function writeIfChanged(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  // A stat tells a missing file or another size without reading it: a cold build writes thousands of new files.
  if (statSync(file, { throwIfNoEntry: false })?.size === bytes.byteLength) {
    try {
      if (readFileSync(file).equals(bytes)) return false;
    } catch {
      // gone since the stat
    }
  }
  await writeFileAtomic(file, bytes, options);
  return true;
}

/**
 * Writes a file made of many pieces without holding it whole in memory
 * (`plans.json` of thousands of plans): atomically, and only when its
 * content differs, compared by hash.
 */
export async function writePiecesIfChanged(file: string, pieces: Iterable<string | Uint8Array>, options: WriteOptions = {}): Promise<boolean> {
  const before = await hashFile(file);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryBeside(file);
  // With no file before, there is nothing to compare: no hash is made (32 MB of plans.json for 1,000 plans).
  const digest = before === undefined ? undefined : createHash('sha256');
  try {
    const handle = await open(temporary, 'wx');
    try {
      // Bytes are written as they are: 32 MB of plans.json need not be decoded and encoded again.
      let buffered: Uint8Array[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        const chunk = Buffer.concat(buffered, size);
        digest?.update(chunk);
        await handle.write(chunk);
        buffered = [];
        size = 0;
      };
      for (const piece of pieces) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
        buffered.push(bytes);
        size += bytes.length;
        if (size > 1 << 20) await flush();
      }
      await flush();
      if (!options.deferSync) await handle.sync();
    } finally {
      await handle.close();
    }
    if (digest !== undefined && digest.digest('hex') === before) {
      await rm(temporary, { force: true });
      return false;
    }
    await rename(temporary, file);
    return true;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The sha256 of a file's content, read as a stream; undefined when there is no file. */
async function hashFile(file: string): Promise<string | undefined> {
  const digest = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return digest.digest('hex');
}

/** Another build is writing to the same out folder. */
export class OutLockedError extends Error {
  override readonly name = 'OutLockedError';
}

/**
 * Takes the out folder's lock for the duration of a build, so two builds
 * never interleave their output; a lock left by a process that is gone is
 * taken over. Returns the function that releases it.
 */
export async function lockOut(out: string): Promise<() => Promise<void>> {
  await mkdir(out, { recursive: true });
  const lock = path.join(out, '.careerplan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      // Removed at once when called, so a process about to exit can call it without waiting.
      return async () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new OutLockedError(`another careerplan build (process ${owner}) is writing to ${out}; wait for it to finish`);
      }
      await rm(lock, { force: true });
    }
  }
  throw new OutLockedError(`cannot lock ${out}: another build keeps taking it`);
}

/** Whether a process with this id is running (one of another user's counts too). Asks the system. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
