import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry below `folder`, breadth first, as `readdirSync(folder, {
 * recursive: true, withFileTypes: true })` lists them on Node 20: a link to a
 * folder is listed but never entered. Node 22 and 24's recursive listing
 * enters such links, so a theme would take in files from outside it, and a
 * link to a folder above goes round until the path is too long. Throws as
 * `readdirSync` does (ENOENT when `folder` is missing). Reads the disk.
 */
export function entriesBelow(folder: string): Dirent[] {
  const entries: Dirent[] = [];
  const folders = [folder];
  for (let index = 0; index < folders.length; index++) {
    const current = folders[index] as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      entries.push(entry);
      if (entry.isDirectory()) folders.push(path.join(current, entry.name));
    }
  }
  return entries;
}
