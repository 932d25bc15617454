/**
 * Looking at the files a plan links to, and reading them for the site,
 * without trusting them: a FIFO is never opened, a folder never read, a
 * huge file never loaded. Touches the disk.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { FileFacts } from '../types.js';

/** What is at a path, following symbolic links: its real path, kind and size; `undefined` when nothing is there. Stats the disk, never opens the file. */
export function inspectPath(absolutePath: string): FileFacts | undefined {
  try {
    const real = realpathSync(absolutePath);
    // `stat` of a FIFO or a device answers at once; only opening one can block.
    const info = statSync(real);
    return { real, kind: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other', size: info.size };
  } catch {
    return undefined;
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`, or `undefined` for
 * anything else (gone, a folder, a FIFO, a device, a symbolic link put in
 * its place, grown too big since it was checked). Opens without blocking
 * and decides on the opened file itself, so nothing swapped in between a
 * check and the read gets through. Reads the disk.
 */
export function readAttachment(file: string, maxBytes: number): Buffer | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(info.size);
    let read = 0;
    while (read < buffer.length) {
      const count = readSync(descriptor, buffer, read, buffer.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === buffer.length ? buffer : buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}
