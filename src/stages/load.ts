/**
 * The load stage: finds plan files and reads each as UTF-8 text. It touches
 * the file system; a file that cannot be read as a plan becomes a finding.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from '../edges/files.js';
import type { Finding, SourceFile } from '../types.js';

/** The largest plan file careerplan reads. */
export const maxPlanBytes = 1024 * 1024;

/** Reads one plan file; returns a `bad-file` finding instead when it is not readable text. Reads the disk. */
export async function loadPlan(absolutePath: string, displayPath: string): Promise<SourceFile | Finding> {
  const bad = (message: string): Finding => ({ file: displayPath, place: { start: { line: 1, column: 1 } }, ruleId: 'bad-file', message });
  // One open, stat and read, blocking and never waiting on a pipe (see readRegularFile): a plan is small, and a
  // build reads thousands from worker threads, where each trip through libuv's pool cost more than the read itself.
  const read = readRegularFile(absolutePath, maxPlanBytes);
  if (!('bytes' in read)) {
    if (read.kind === 'too-big') return bad(`Unexpected file of ${formatSize(read.size)}, expected a plan of at most 1 MiB (${formatSize(maxPlanBytes)})`);
    if (read.kind === 'special') return bad(`Unexpected ${read.what}, expected a plan file: careerplan reads only regular files, replace it with one`);
    return bad(`Unexpected unreadable file (${read.code}), expected a plan file careerplan may read`);
  }
  const { bytes } = read;
  if (bytes.includes(0)) return bad('Unexpected binary file, expected a Markdown text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad('Unexpected text that is not UTF-8, expected a plan saved as UTF-8: re-save it with that encoding');
  }
  return { path: displayPath, absolutePath, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
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

/** Whether `file`, below the plans folder `root`, is a plan: a `.md` file with no part of its path starting with `.` or `_`, and not in `node_modules`. Pure. */
export function isPlanFile(root: string, file: string): boolean {
  if (!file.toLowerCase().endsWith('.md')) return false;
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !relative.split(path.sep).some((part) => part.startsWith('.') || part.startsWith('_') || part === 'node_modules');
}

/**
 * Lists the plan files under each path: a file is taken as it is; a folder is
 * searched for `*.md`, skipping names that start with `.` or `_` and
 * `node_modules`. Absolute paths, sorted, without repeats. Reads the disk.
 */
export async function findPlanFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new PlanPathError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error)}`, { cause: error });
    }
    // A named pipe or a device given by name is listed like a file: loading it reports what it is.
    if (!info.isDirectory()) {
      found.add(absolute);
      continue;
    }
    let entries;
    try {
      entries = await readdir(absolute, { recursive: true, withFileTypes: true });
    } catch (error) {
      throw new PlanPathError(`cannot list ${given}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      // A named pipe, socket or device named like a plan is listed, so it is reported as no plan file rather than skipped.
      if ((entry.isFile() || isSpecial(entry)) && isPlanFile(absolute, file)) found.add(file);
    }
  }
  return [...found].sort();
}
