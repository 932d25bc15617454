import path from 'node:path';
import { oneLine } from '../diagnostics/terminal-text.js';

/** Whether `target` is `root` or lies below it (no `..` escape; a name such as `..notes.md` is inside). Pure. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A path as the user should see it: relative to the working folder, with forward slashes, on one line (see `oneLine`: a file name from a plans folder may hold a line break or a terminal code). */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return oneLine(shown.split(path.sep).join('/'));
}

/**
 * Orders paths by UTF-16 code unit: the same order on every machine and in
 * every locale, and no ICU collator to load (`localeCompare`'s first call
 * costs about 6 ms). Pure.
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
