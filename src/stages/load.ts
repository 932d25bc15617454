/**
 * The load stage: finds plan files and reads each as UTF-8 text. It touches
 * the file system; a file that cannot be read as a plan becomes a finding.
 */
import { lstatSync, type Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from '../edges/files.js';
import { isInside } from '../lib/paths.js';
import type { Finding, SourceFile } from '../types.js';

/** The largest plan file careerplan reads. */
export const maxPlanBytes = 1024 * 1024;

/** Reads one plan file; returns a `bad-file` finding instead when it is not readable text. Reads the disk. */
export async function loadPlan(absolutePath: string, displayPath: string): Promise<SourceFile | Finding> {
  const bad = (message: string): Finding => ({ file: displayPath, place: { start: { line: 1, column: 1 } }, ruleId: 'bad-file', message });
  // One open, stat and read, blocking and never waiting on a pipe (see readRegularFile): a plan is small, and a
  // build reads thousands from worker threads, where each trip through libuv's pool cost more than the read itself.
  // Never through a link, even one made after the plans were listed: a link could bring in any file of this machine.
  const read = readRegularFile(absolutePath, maxPlanBytes, true);
  if (!('bytes' in read)) {
    if (read.kind === 'too-big') return bad(tooBigMessage(read.size));
    if (read.kind === 'link') return bad('Unexpected link, expected the plan file itself: careerplan reads no linked plan; copy the plan into the plans folder');
    if (read.kind === 'special') return bad(`Unexpected ${read.what}, expected a plan file: careerplan reads only regular files, replace it with one`);
    return bad(`Unexpected unreadable file (${read.code}), expected a plan file careerplan may read`);
  }
  const decoded = planText(read.bytes);
  if ('problem' in decoded) return bad(notTextMessage(decoded.problem));
  return { path: displayPath, absolutePath, text: decoded.text };
}

/** The `bad-file` message for a plan of `size` bytes, over `maxPlanBytes`. Pure. */
export function tooBigMessage(size: number): string {
  return `Unexpected file of ${formatSize(size)}, expected a plan of at most 1 MiB (${formatSize(maxPlanBytes)})`;
}

/** The `bad-file` message for bytes that are not a plan's text (see `planText`). Pure. */
export function notTextMessage(problem: 'binary' | 'not-utf-8'): string {
  return problem === 'binary' ? 'Unexpected binary file, expected a Markdown text file' : 'Unexpected text that is not UTF-8, expected a plan saved as UTF-8: re-save it with that encoding';
}

/** A plan file's text from its bytes, without a byte order mark; or why it is none: a NUL byte (binary), or bytes that are not UTF-8. Pure. */
export function planText(bytes: Uint8Array): { readonly text: string } | { readonly problem: 'binary' | 'not-utf-8' } {
  if (bytes.includes(0)) return { problem: 'binary' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not-utf-8' };
  }
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/** Whether a folder entry is a named pipe, socket or device: not a file, a folder or a link. */
function isSpecial(entry: Dirent): boolean {
  return entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}

/** Whether a load result is a finding rather than a source file. */
export function isFinding(value: SourceFile | Finding): value is Finding {
  return 'ruleId' in value;
}

function formatSize(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** A path given on the command line or in the config that does not exist or cannot be listed. */
export class PlanPathError extends Error {
  override readonly name = 'PlanPathError';
}

/** Whether a file or folder name is one careerplan never reads plans from: a name starting with `.` or `_`, or `node_modules`. Pure. */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

/** Whether `file`, below the plans folder `root`, is named like a plan: a `.md` file with no part of its path starting with `.` or `_`, and not in `node_modules`. Pure. */
export function isPlanFile(root: string, file: string): boolean {
  if (!file.toLowerCase().endsWith('.md')) return false;
  const relative = path.relative(root, file);
  if (relative === '' || !isInside(root, file)) return false;
  return !relative.split(path.sep).some(isSkippedName);
}

/**
 * Whether `file` is a plan of the plans folder `root` as the disk has it
 * now: named like one, a file itself and not a link, in no linked folder
 * below `root`. What `findPlanFiles` lists, for one path (a watcher's
 * event, a plan about to be read again). Reads the disk.
 */
export function isPlanOnDisk(root: string, file: string): boolean {
  if (!isPlanFile(root, file)) return false;
  // A link anywhere below the root could bring in a file from anywhere on this machine.
  for (let current = file; current !== root && current.length > root.length; current = path.dirname(current)) {
    const info = lstatSync(current, { throwIfNoEntry: false });
    if (info === undefined || info.isSymbolicLink() || (current === file ? !info.isFile() : !info.isDirectory())) return false;
  }
  return true;
}

/** The plan files of the paths given, and the links named like plans that were left out. */
export interface PlanListing {
  /** Absolute paths, sorted, without repeats. */
  readonly files: string[];
  /** Links (to a file or a folder) named like plans or found in a plans folder, absolute and sorted: never read. */
  readonly links: string[];
  /** Folders below a plans folder that could not be listed, absolute and sorted: their plans, if any, are left out. */
  readonly unreadable: string[];
}

/**
 * Lists the plan files under each path: the one place that decides which
 * files are plans, for every command. A file given is taken as it is; a
 * folder is searched for `*.md`, skipping names that start with `.` or `_`
 * and `node_modules`. A link is never taken, neither one given (a shell's
 * `plans/*` names every entry) nor one found inside: the plans folder is not
 * trusted, and a link could bring in any file of this machine. Only the
 * configured plans folder (`configured`) may itself be a link. Reads the disk.
 */
export async function findPlanFiles(paths: readonly string[], options: { readonly configured?: boolean } = {}): Promise<PlanListing> {
  const found = new Set<string>();
  const links = new Set<string>();
  const unreadable = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new PlanPathError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error)}`, { cause: error });
    }
    if ((await lstat(absolute)).isSymbolicLink() && !(info.isDirectory() && options.configured === true)) {
      links.add(absolute);
      continue;
    }
    // A named pipe or a device given by name is listed like a file: loading it reports what it is.
    if (!info.isDirectory()) {
      found.add(absolute);
      continue;
    }
    try {
      await walk(absolute, absolute, { found, links, unreadable });
    } catch (error) {
      throw new PlanPathError(`cannot list ${given}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
  }
  return { files: [...found].sort(), links: [...links].sort(), unreadable: [...unreadable].sort() };
}

/** What a walk of a plans folder collects. */
interface Walked {
  readonly found: Set<string>;
  readonly links: Set<string>;
  readonly unreadable: Set<string>;
}

/**
 * Walks `folder` below the plans folder `root` one folder at a time: never
 * into a link, nor into a folder no plan may be in (`.` or `_` names,
 * `node_modules`). A subfolder that cannot be listed (a name that is not
 * UTF-8, a path too long, no permission) is noted and the walk goes on: one
 * odd folder must not stop every plan. Only the root's own listing throws.
 * Reads the disk.
 */
async function walk(root: string, folder: string, walked: Walked): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (folder === root) throw error;
    walked.unreadable.add(folder);
    return;
  }
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedName(entry.name)) await walk(root, file, walked);
    } else if ((entry.isFile() || isSpecial(entry)) && isPlanFile(root, file)) {
      // A named pipe, socket or device named like a plan is listed, so it is reported as no plan file rather than skipped.
      walked.found.add(file);
    } else if (entry.isSymbolicLink() && (await isPlanLikeLink(root, file))) {
      walked.links.add(file);
    }
  }
}

/** Whether a link found in a plans folder would have been read were it a file or folder: named like a plan, or a folder in no skipped place. Reads the disk. */
async function isPlanLikeLink(root: string, file: string): Promise<boolean> {
  if (isPlanFile(root, file)) return true;
  return isPlanFile(root, path.join(file, 'plan.md')) && (await stat(file).catch(() => undefined))?.isDirectory() === true;
}

/** The lines that tell what a listing left out (links, folders it could not read), one for each kind; none when it left nothing out. Pure. */
export function skippedLines(listing: { readonly links: readonly string[]; readonly unreadable: readonly string[] }, shown: (file: string) => string): string[] {
  const names = (files: readonly string[]): string => `${files.slice(0, 3).map((file) => `\`${shown(file)}\``).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
  const lines: string[] = [];
  const { links, unreadable } = listing;
  if (links.length > 0) {
    lines.push(`careerplan: skipped ${links.length === 1 ? 'a link' : `${links.length} links`} in the plans (${names(links)}): careerplan reads no linked plan or folder; copy the plan itself into the plans folder`);
  }
  if (unreadable.length > 0) {
    lines.push(`careerplan: skipped ${unreadable.length === 1 ? 'a folder' : `${unreadable.length} folders`} in the plans that could not be read (${names(unreadable)}): rename it with plain letters, or shorten its path, if it holds plans`);
  }
  return lines;
}
