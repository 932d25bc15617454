/**
 * The file watcher: watches plans, templates, the config file and images
 * with chokidar, waits until each write has settled, and hands over the
 * changes in batches that never overlap. Touches the disk.
 */
import { existsSync, realpathSync, watch as watchFolder, type FSWatcher as FolderWatcher, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';

/** The files that changed since the previous batch, as absolute paths, each listed once, sorted. */
export interface ChangeBatch {
  /** Files that existed before and still exist, with new content (also after an atomic save). */
  readonly changed: string[];
  /** Files that did not exist before (a new plan, the new name of a renamed one). */
  readonly added: string[];
  /** Files that no longer exist (a deleted plan, the old name of a renamed one). */
  readonly removed: string[];
}

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

/** A file's state since the last batch: whether it existed before the first event, and whether it exists after the last one. */
type Pending = { readonly before: boolean; now: boolean; seen: Stats | undefined };

/** Starts watching `options.paths`; resolves once the initial scan is done. Touches the disk. */
export async function createWatcher(options: WatcherOptions): Promise<Watcher> {
  const settleMs = options.settleMs ?? 60;
  const quickMs = Math.min(settleMs, options.quickMs ?? 25);
  // Links are never followed below a root, but a root given as a link (a plans folder linked from elsewhere) is
  // watched where it really is, and its events are told by the name it was given.
  const aliases = options.paths.map((given) => ({ given: path.resolve(given), real: realOrSelf(path.resolve(given)) }));
  const roots = aliases.map(({ real }) => real);
  const asGiven = (file: string): string => {
    const alias = aliases.find(({ real }) => file === real || file.startsWith(real.endsWith(path.sep) ? real : real + path.sep));
    return alias === undefined ? file : alias.given + file.slice(alias.real.length);
  };
  const report = options.onError ?? warn;
  const pending = new Map<string, Pending>();
  let firstAt: number | undefined;
  let lastAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let closed = false;

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
  /** Every file chokidar has told of and not removed since: a file in a new folder that it missed is not among them. */
  const known = new Set<string>();

  function record(event: 'add' | 'change' | 'unlink', file: string, stats: Stats | undefined): void {
    if (closed) return;
    const exists = event !== 'unlink';
    if (exists) known.add(file);
    else known.delete(file);
    const seen = exists ? stats : undefined;
    const entry = pending.get(file);
    if (entry === undefined) pending.set(file, { before: event !== 'add', now: exists, seen });
    else {
      entry.now = exists;
      entry.seen = seen;
    }
    lastAt = Date.now();
    firstAt ??= lastAt;
    arm();
  }

  function arm(): void {
    clearTimeout(timer);
    // A file added or removed may be half of a rename or of an editor's save still under way: that waits longer than a plain change.
    const window = [...pending.values()].every((entry) => entry.before && entry.now) ? quickMs : settleMs;
    const wait = Math.min(window, (firstAt ?? Date.now()) + maxWaitMs - Date.now());
    timer = setTimeout(flush, Math.max(0, wait));
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
      const disk = await onDisk();
      // Events that arrived during the check are still settling: their timer flushes again.
      if (closed || timer !== undefined) break;
      const unsettled = disk.filter(({ settled }) => !settled);
      if (unsettled.length > 0 && Date.now() < Math.min(lastAt + graceFactor * settleMs, (firstAt ?? 0) + maxWaitMs)) {
        arm();
        break;
      }
      // chokidar can miss a file re-created right after its removal (vim's backup on a watched file): the disk has the last word, and the file is watched again.
      for (const { file, exists } of unsettled) {
        const entry = pending.get(file);
        if (entry !== undefined) entry.now = exists;
        if (exists) watcher.add(file);
      }
      const batch = take();
      if (batch !== undefined) await deliver(batch);
    }
  }

  /**
   * Whether the disk still shows what the events said: chokidar reports from
   * its own timers, so a file may have been written again, re-created after
   * a rename (vim's backup) or removed before its event arrives.
   */
  async function onDisk(): Promise<{ file: string; exists: boolean; settled: boolean }[]> {
    const checks = [...pending].map(async ([file, { now, seen }]) => {
      const current = await stat(file).catch(() => undefined);
      const exists = current?.isFile() === true;
      if (!now || !exists) return { file, exists, settled: now === exists };
      const same = seen === undefined || (current.size === seen.size && current.mtimeMs === seen.mtimeMs && current.ino === seen.ino);
      return { file, exists, settled: same };
    });
    return Promise.all(checks);
  }

  function take(): ChangeBatch | undefined {
    const batch: ChangeBatch = { changed: [], added: [], removed: [] };
    for (const [file, { before, now }] of pending) {
      if (before && now) batch.changed.push(asGiven(file));
      else if (now) batch.added.push(asGiven(file));
      else if (before) batch.removed.push(asGiven(file));
    }
    pending.clear();
    firstAt = undefined;
    if (batch.changed.length + batch.added.length + batch.removed.length === 0) return undefined;
    for (const list of [batch.changed, batch.added, batch.removed]) list.sort();
    return batch;
  }

  async function deliver(batch: ChangeBatch): Promise<void> {
    try {
      await options.onChange(batch);
    } catch (error) {
      if (!closed) report(error);
    }
  }

  /**
   * chokidar can miss a file written into a folder just created (`mkdir -p
   * templates/partials` then a save), between listing the new folder and
   * watching it: the new folder is listed again, now and once the writes
   * have settled, and what is new in it is added.
   */
  async function rescan(folder: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || known.has(file) || pending.has(file) || isIgnoredBelow(folder, file)) continue;
      const stats = await stat(file).catch(() => undefined);
      if (stats?.isFile() !== true || known.has(file) || pending.has(file)) continue;
      record('add', file, stats);
      // chokidar did not see it, so it may not see its next change either: it is watched by name.
      watcher.add(file);
    }
  }

  /** Whether chokidar would ignore `file` or a folder on the way to it from `folder`. */
  function isIgnoredBelow(folder: string, file: string): boolean {
    let current = file;
    while (current !== folder && current.length > folder.length) {
      if (ignored(current)) return true;
      current = path.dirname(current);
    }
    return false;
  }

  /** Starts watching a path that did not exist when the watcher started, and reports what is in it. */
  async function appeared(root: string): Promise<void> {
    if (closed) return;
    watcher.add(root);
    const stats = await stat(root).catch(() => undefined);
    if (stats?.isFile() === true && !known.has(root)) record('add', root, stats);
    else if (stats?.isDirectory() === true) {
      await rescan(root);
      setTimeout(() => void (closed ? undefined : rescan(root)), settleMs).unref();
    }
  }

  const waiting = missing.map((root) => awaitPath(root, () => void appeared(root), report));

  watcher.on('addDir', (folder) => {
    if (closed) return;
    const resolved = path.resolve(folder);
    void rescan(resolved);
    setTimeout(() => void (closed ? undefined : rescan(resolved)), settleMs).unref();
  });
  watcher.on('add', (file, stats) => record('add', path.resolve(file), stats));
  watcher.on('change', (file, stats) => record('change', path.resolve(file), stats));
  watcher.on('unlink', (file) => record('unlink', path.resolve(file), undefined));
  watcher.on('error', (error) => {
    if (!closed) report(error);
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  for (const [folder, names] of Object.entries(watcher.getWatched())) for (const name of names) known.add(path.resolve(folder, name));

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        closed = true;
        for (const wait of waiting) wait.close();
        clearTimeout(timer);
        pending.clear();
        await watcher.close();
        await flushing;
      })();
      return closing;
    },
  };
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
