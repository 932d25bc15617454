/**
 * The file watcher: watches plans, templates, the config file and images
 * with chokidar, waits until each write has settled, and hands over the
 * changes in batches that never overlap. Touches the disk.
 */
import { existsSync, realpathSync, watch as watchFolder, type FSWatcher as FolderWatcher, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEvent, batchOf, batchWait, namedAsGiven, onDisk, type ChangeBatch, type FileEvent, type Pending, type Windows } from './change-batch.js';

export type { ChangeBatch } from './change-batch.js';

/** How the watcher is set up. */
export interface WatcherOptions {
  /** Files and folders to watch; folders are watched recursively. */
  readonly paths: readonly string[];
  /** Ignores more paths (absolute) on top of dotfiles and editor temporary files. */
  readonly ignore?: (path: string) => boolean;
  /** Quiet milliseconds after the last settled event before a batch with a new or removed file is delivered; 60 unless a caller needs otherwise. */
  readonly settleMs?: number;
  /** Quiet milliseconds before a batch of changed files only (the usual save) is delivered; 25 unless a caller needs otherwise. */
  readonly quickMs?: number;
  /** Receives each batch; the next batch waits until the returned promise settles. */
  readonly onChange: (batch: ChangeBatch) => void | Promise<void>;
  /** Receives watcher errors and failures of `onChange`; a process warning unless given. */
  readonly onError?: (error: unknown) => void;
}

/** A running watcher. */
export interface Watcher {
  /** Stops watching, drops undelivered changes and waits for a batch being delivered; safe to call twice. Not to be awaited inside `onChange`. */
  close(): Promise<void>;
}

/** Milliseconds a file's size must stay the same before chokidar reports its write. */
const stabilityMs = 30;
/** How often chokidar checks the size while waiting for a write to finish. */
const pollMs = 10;
/** Milliseconds chokidar holds back a removal, to turn remove-then-add (atomic saves, vim's backup) into a change. */
const atomicMs = 50;
/** The longest a batch waits for the events to stop, so a file rewritten without pause cannot hold back every other change. */
const maxWaitMs = 1000;

/** How many settle windows after the last event the disk may disagree with the events before the disk is believed. */
const graceFactor = 4;

/** Starts watching `options.paths`; resolves once the initial scan is done. Touches the disk. */
export async function createWatcher(options: WatcherOptions): Promise<Watcher> {
  const settleMs = options.settleMs ?? 60;
  const quickMs = Math.min(settleMs, options.quickMs ?? 25);
  // Links are never followed below a root, but a root given as a link (a plans folder linked from elsewhere) is
  // watched where it really is, and its events are told by the name it was given.
  const aliases = options.paths.map((given) => ({ given: path.resolve(given), real: realOrSelf(path.resolve(given)) }));
  const roots = aliases.map(({ real }) => real);
  const asGiven = namedAsGiven(aliases, path.sep);
  const report = options.onError ?? warn;

  const { watch } = await import('chokidar');
  const ignored = (file: string): boolean => !isRootOrAbove(file, roots) && (isEditorTemporary(path.basename(file)) || options.ignore?.(asGiven(file)) === true);
  // chokidar misses a watched path that does not exist yet when it appears with files in it: those are waited for apart.
  const missing = roots.filter((root) => !existsSync(root));
  const watcher: FSWatcher = watch(roots.filter((root) => !missing.includes(root)), {
    ignoreInitial: true,
    // A link is reported as itself, never followed: a link in the plans folder could bring in any file or folder of this machine.
    followSymlinks: false,
    atomic: atomicMs,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: pollMs },
    ignored,
  });
  const batcher = createBatcher({ windows: { quickMs, settleMs, maxWaitMs }, asGiven, onChange: options.onChange, report, rewatch: (file) => watcher.add(file) });
  const scanner = createRescanner({ batcher, ignored, settleMs, watch: (file) => watcher.add(file) });
  const waiting = missing.map((root) => awaitPath(root, () => void scanner.appeared(root), report));

  watcher.on('addDir', (folder) => scanner.folderAdded(path.resolve(folder)));
  watcher.on('add', (file, stats) => batcher.record('add', path.resolve(file), stats));
  watcher.on('change', (file, stats) => batcher.record('change', path.resolve(file), stats));
  watcher.on('unlink', (file) => batcher.record('unlink', path.resolve(file), undefined));
  watcher.on('error', (error) => {
    if (!batcher.closed) report(error);
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  for (const [folder, names] of Object.entries(watcher.getWatched())) for (const name of names) batcher.known.add(path.resolve(folder, name));

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        for (const wait of waiting) wait.close();
        await batcher.close(() => watcher.close());
      })();
      return closing;
    },
  };
}

/** What the batcher needs. */
interface BatcherOptions {
  readonly windows: Windows;
  readonly asGiven: (file: string) => string;
  readonly onChange: WatcherOptions['onChange'];
  readonly report: (error: unknown) => void;
  /** Watches a file again by name (chokidar missed it). */
  readonly rewatch: (file: string) => void;
}

/** The watcher's batches: events recorded per file, delivered once quiet and agreed by the disk, never two at once. */
interface Batcher {
  record(event: FileEvent, file: string, stats: Stats | undefined): void;
  /** Whether a file waits in the next batch. */
  has(file: string): boolean;
  /** Every file the watcher has told of and not removed since: a file in a new folder that it missed is not among them. */
  readonly known: Set<string>;
  readonly closed: boolean;
  /** Drops what waits, runs `stop` (the watcher's close) and waits for a batch being delivered. */
  close(stop: () => Promise<void>): Promise<void>;
}

/** Creates the batcher; owns its timer. */
function createBatcher(options: BatcherOptions): Batcher {
  const { windows } = options;
  const pending = new Map<string, Pending>();
  const known = new Set<string>();
  let firstAt: number | undefined;
  let lastAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let closed = false;

  function arm(): void {
    clearTimeout(timer);
    timer = setTimeout(flush, batchWait(pending.values(), windows, firstAt ?? Date.now(), Date.now()));
  }

  function flush(): void {
    timer = undefined;
    // While a batch is being checked or delivered, what arrives meanwhile waits and becomes one next batch.
    if (closed || flushing !== undefined) return;
    flushing = drain().finally(() => {
      flushing = undefined;
    });
  }

  async function drain(): Promise<void> {
    while (!closed && pending.size > 0 && timer === undefined) {
      // chokidar reports from its own timers: a file may have been written again, re-created after a rename (vim's backup) or removed before its event arrives.
      const disk = await Promise.all([...pending].map(async ([file, entry]) => ({ file, ...onDisk(entry, await stat(file).catch(() => undefined)) })));
      // Events that arrived during the check are still settling: their timer flushes again.
      if (closed || timer !== undefined) break;
      const unsettled = disk.filter(({ settled }) => !settled);
      if (unsettled.length > 0 && Date.now() < Math.min(lastAt + graceFactor * windows.settleMs, (firstAt ?? 0) + windows.maxWaitMs)) {
        arm();
        break;
      }
      // chokidar can miss a file re-created right after its removal (vim's backup on a watched file): the disk has the last word, and the file is watched again.
      for (const { file, exists } of unsettled) {
        const entry = pending.get(file);
        if (entry !== undefined) pending.set(file, { ...entry, now: exists });
        if (exists) options.rewatch(file);
      }
      const batch = batchOf(pending, options.asGiven);
      pending.clear();
      firstAt = undefined;
      if (batch !== undefined) await deliver(batch);
    }
  }

  async function deliver(batch: ChangeBatch): Promise<void> {
    try {
      await options.onChange(batch);
    } catch (error) {
      if (!closed) options.report(error);
    }
  }

  return {
    record(event, file, stats) {
      if (closed) return;
      if (event === 'unlink') known.delete(file);
      else known.add(file);
      pending.set(file, afterEvent(pending.get(file), event, stats));
      lastAt = Date.now();
      firstAt ??= lastAt;
      arm();
    },
    has: (file) => pending.has(file),
    known,
    get closed() {
      return closed;
    },
    async close(stop) {
      closed = true;
      clearTimeout(timer);
      pending.clear();
      await stop();
      await flushing;
    },
  };
}

/** What the rescanner needs. */
interface RescannerOptions {
  readonly batcher: Batcher;
  readonly ignored: (file: string) => boolean;
  readonly settleMs: number;
  /** Watches a path by name. */
  readonly watch: (file: string) => void;
}

/**
 * chokidar can miss a file written into a folder just created (`mkdir -p
 * templates/partials` then a save), between listing the new folder and
 * watching it: the new folder is listed again, now and once the writes
 * have settled, and what is new in it is added. A watched path that did not
 * exist at the start is watched once it appears.
 */
function createRescanner(options: RescannerOptions): { folderAdded(folder: string): void; appeared(root: string): Promise<void> } {
  const { batcher } = options;
  const unseen = (file: string): boolean => !batcher.known.has(file) && !batcher.has(file);

  async function rescan(folder: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !unseen(file) || isIgnoredBelow(folder, file, options.ignored)) continue;
      const stats = await stat(file).catch(() => undefined);
      if (stats?.isFile() !== true || !unseen(file)) continue;
      batcher.record('add', file, stats);
      // chokidar did not see it, so it may not see its next change either: it is watched by name.
      options.watch(file);
    }
  }

  function folderAdded(folder: string): void {
    if (batcher.closed) return;
    void rescan(folder);
    setTimeout(() => void (batcher.closed ? undefined : rescan(folder)), options.settleMs).unref();
  }

  async function appeared(root: string): Promise<void> {
    if (batcher.closed) return;
    options.watch(root);
    const stats = await stat(root).catch(() => undefined);
    if (stats?.isFile() === true && !batcher.known.has(root)) batcher.record('add', root, stats);
    else if (stats?.isDirectory() === true) {
      await rescan(root);
      setTimeout(() => void (batcher.closed ? undefined : rescan(root)), options.settleMs).unref();
    }
  }

  return { folderAdded, appeared };
}

/** Whether chokidar would ignore `file` or a folder on the way to it from `folder`. */
function isIgnoredBelow(folder: string, file: string, ignored: (file: string) => boolean): boolean {
  let current = file;
  while (current !== folder && current.length > folder.length) {
    if (ignored(current)) return true;
    current = path.dirname(current);
  }
  return false;
}

/**
 * Waits for a path that does not exist yet: watches the nearest folder above
 * it that does, one level deep, moving down as folders on the way appear.
 * Calls `onAppear` once, when the path itself exists.
 */
function awaitPath(target: string, onAppear: () => void, report: (error: unknown) => void): { close(): void } {
  let folderWatcher: FolderWatcher | undefined;
  let done = false;
  const arm = (): void => {
    folderWatcher?.close();
    folderWatcher = undefined;
    if (done) return;
    if (existsSync(target)) {
      done = true;
      onAppear();
      return;
    }
    let folder = path.dirname(target);
    while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
    try {
      folderWatcher = watchFolder(folder, { persistent: false }, () => arm());
      folderWatcher.on('error', () => arm());
    } catch (error) {
      report(error);
      return;
    }
    // It may have appeared between the check and the watch.
    if (existsSync(target) || !existsSync(folder)) arm();
  };
  arm();
  return {
    close() {
      done = true;
      folderWatcher?.close();
    },
  };
}

/**
 * Whether a file name is a dotfile or an editor's temporary file: vim's swap
 * files (`.plan.md.swp`, `.swo`, `.swx`), backups (`plan.md~`) and write
 * probes (`4913`, then every 123rd number), emacs locks and autosaves
 * (`.#plan.md`, `#plan.md#`), `*.tmp`, JetBrains' and Kate's temporaries.
 */
export function isEditorTemporary(name: string): boolean {
  if (name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name)) return true;
  if (/\.(sw[a-px]|tmp|kate-swp)$/i.test(name) || /___jb_(tmp|old|bak)___$/.test(name)) return true;
  if (/^\d+$/.test(name)) {
    const probe = Number(name);
    return probe >= 4913 && (probe - 4913) % 123 === 0;
  }
  return false;
}

/** The path with its links resolved, or the path itself when it does not exist (yet). */
function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Whether `file` is a watched root or a folder above one: those are never ignored, even when named like a dotfile. */
function isRootOrAbove(file: string, roots: readonly string[]): boolean {
  const resolved = path.resolve(file);
  return roots.some((root) => root === resolved || root.startsWith(resolved.endsWith(path.sep) ? resolved : resolved + path.sep));
}

function warn(error: unknown): void {
  process.emitWarning(error instanceof Error ? error : new Error(String(error)));
}
