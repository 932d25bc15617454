/**
 * Reads what `careerplan import` was given: a JSON Resume file, or LinkedIn's
 * data export as a folder or a `.zip`, of which only the files careerplan
 * uses are read (nothing is unpacked to the disk). Each file is untrusted:
 * it must be a regular file (no link, pipe or device), and every file and
 * every part of a zip is read only up to a limit. Reads the disk.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ImportError } from '../import/imported.js';
import { linkedInFiles, type LinkedInExport, type LinkedInFile } from '../import/linkedin.js';
import { readRegularFile, unreadableReason } from './files.js';

/** The largest JSON Resume or export file read, in bytes: far above any résumé. */
export const maxImportFileBytes = 5 * 1024 * 1024;
/** The largest zip read, in bytes: LinkedIn's full export with years of messages stays below it. */
export const maxZipBytes = 200 * 1024 * 1024;

/** What `import` was given, read. */
export type ImportSource = { readonly kind: 'json-resume'; readonly name: string; readonly bytes: Uint8Array } | { readonly kind: 'linkedin'; readonly export: LinkedInExport };

/** Reads `file` (absolute), shown as `shown` in messages; throws an ImportError saying why it cannot. Reads the disk. */
export function readImportSource(file: string, shown: string): ImportSource {
  let isFolder: boolean;
  try {
    isFolder = statSync(file).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT' ? `${shown} does not exist: give a JSON Resume file, or LinkedIn's data export (a folder or a .zip)` : `cannot read ${shown}: ${code ?? String(error)}`);
  }
  if (isFolder) return { kind: 'linkedin', export: exportFolder(file, shown) };
  if (/\.zip$/i.test(file)) return { kind: 'linkedin', export: exportZip(readWhole(file, shown, maxZipBytes), shown) };
  return { kind: 'json-resume', name: shown, bytes: readWhole(file, shown, maxImportFileBytes) };
}

function readWhole(file: string, shown: string, maxBytes: number): Uint8Array {
  const read = readRegularFile(file, maxBytes, true);
  if ('bytes' in read) return read.bytes;
  throw new ImportError(`cannot read ${shown}: ${unreadableReason(read, maxBytes)}`);
}

/** The export's files in a folder (its top level), by their names in any letter case. */
function exportFolder(folder: string, shown: string): LinkedInExport {
  const names = readdirSync(folder);
  const files: Partial<Record<LinkedInFile, Uint8Array>> = {};
  const others: string[] = [];
  for (const name of names) {
    const wanted = linkedInFile(name);
    if (wanted === undefined || files[wanted] !== undefined) {
      others.push(name);
      continue;
    }
    files[wanted] = readWhole(path.join(folder, name), path.join(shown, name), maxImportFileBytes);
  }
  return { source: shown, files, others };
}

/**
 * The export's files in a zip, by their names in any folder of it (the
 * shallowest when one is there twice), each unpacked in memory only when it
 * declares no more than the limit; the unpacking stops at the declared
 * size, so a part that lies about it cannot grow past the limit.
 */
function exportZip(bytes: Uint8Array, shown: string): LinkedInExport {
  const entries: Array<{ name: string; file: LinkedInFile | undefined; size: number }> = [];
  // A first pass lists the parts and unpacks none.
  unzipOrExplain(shown, () => unzipSync(bytes, { filter: (entry) => (entries.push({ name: entry.name, file: linkedInFile(entry.name), size: entry.originalSize }), false) }));
  const chosen = new Map<LinkedInFile, { name: string; size: number }>();
  const others: string[] = [];
  for (const entry of entries.filter((item) => !item.name.endsWith('/')).sort((a, b) => depth(a.name) - depth(b.name))) {
    if (entry.file === undefined || chosen.has(entry.file)) others.push(entry.name);
    else chosen.set(entry.file, entry);
  }
  for (const [file, entry] of chosen) {
    if (entry.size > maxImportFileBytes) throw new ImportError(`${file} in ${shown} is ${entry.size} bytes unpacked, more than ${maxImportFileBytes}: is it LinkedIn's ${file}?`);
  }
  const wanted = new Set([...chosen.values()].map((entry) => entry.name));
  const found = unzipOrExplain(shown, () => unzipSync(bytes, { filter: (entry) => wanted.has(entry.name) }));
  const files: Partial<Record<LinkedInFile, Uint8Array>> = {};
  for (const [file, entry] of chosen) {
    const content = found[entry.name];
    if (content !== undefined) files[file] = content;
  }
  return { source: shown, files, others: others.map((name) => name.split('/').at(-1) ?? name) };
}

function unzipOrExplain<T>(shown: string, unzip: () => T): T {
  try {
    return unzip();
  } catch (error) {
    throw new ImportError(`cannot read ${shown} as a zip file (${error instanceof Error ? error.message : String(error)}): unpack it and give its folder instead`);
  }
}

/** Which file of the export a path names, by its last part in any letter case. */
function linkedInFile(name: string): LinkedInFile | undefined {
  const base = (name.split(/[/\\]/).at(-1) ?? '').toLowerCase();
  return linkedInFiles.find((file) => file.toLowerCase() === base);
}

function depth(name: string): number {
  return name.split('/').length;
}
