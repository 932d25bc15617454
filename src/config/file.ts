/**
 * Finding and reading the config file. Kept apart from the schema, so a
 * project without a config file never loads the YAML reader or zod.
 * Reads the disk.
 *
 * Without `--config`, careerplan looks in the working folder, then in each
 * folder above it, and takes the nearest config file, as Prettier and
 * ESLint do: `careerplan check` run in `plans/` uses the project's config,
 * with paths relative to the config file. The search stops at the root of
 * the repository (the first folder holding `.git`: a project's settings are
 * never above it), never goes above the home folder, and never enters a
 * folder that everyone may write to (such as /tmp): a file someone else put
 * there could choose where careerplan writes.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ConfigSource } from './config.js';
import { readRegularFile, unreadableReason } from '../edges/files.js';

/** The largest config file careerplan reads: a real one is a few KB. */
const maxConfigBytes = 1024 * 1024;

/** The names of the config file, in the order they are looked for. */
export const configFileNames = ['careerplan.config.json', 'careerplan.config.yaml', 'careerplan.config.yml'] as const;

/** What the search asks of a folder. */
export interface FolderProbe {
  /** Whether the folder is a repository's root (it holds `.git`). */
  readonly isRepositoryRoot: (folder: string) => boolean;
  /** Whether anyone may write to the folder (others' write permission, as /tmp has). */
  readonly isSharedWritable: (folder: string) => boolean;
}

/** The disk's answers. Reads the disk. */
const diskProbe: FolderProbe = {
  isRepositoryRoot: (folder) => modeOf(path.join(folder, '.git')) !== undefined,
  // A folder that cannot be looked at is not entered either.
  isSharedWritable: (folder) => process.platform !== 'win32' && ((modeOf(folder) ?? 0o002) & 0o002) !== 0,
};

/** A file's mode, or `undefined` when it is not there or cannot be looked at. Reads the disk. */
function modeOf(file: string): number | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false })?.mode;
  } catch {
    return undefined;
  }
}

/**
 * The folders searched for a config file, nearest first: `start`, then each
 * folder above it, up to the first repository root, not above `home`, and
 * not into a folder anyone may write to.
 */
export function configSearchFolders(start: string, home: string | undefined, probe: FolderProbe = diskProbe): string[] {
  const folders = [path.resolve(start)];
  const top = home === undefined ? undefined : path.resolve(home);
  for (;;) {
    const current = folders.at(-1) as string;
    const parent = path.dirname(current);
    if (parent === current || current === top || probe.isRepositoryRoot(current) || probe.isSharedWritable(parent)) return folders;
    folders.push(parent);
  }
}

/** Where to look for the config file: the working folder, the file named with `--config`, the home folder. */
export interface ConfigLookup {
  readonly cwd: string;
  readonly named?: string | undefined;
  readonly home?: string | undefined;
}

/** Finds and reads the config file: the one named, or the nearest of `configFileNames` (see `configSearchFolders`). Reads the disk. */
export async function readConfigFile({ cwd, named, home }: ConfigLookup, probe: FolderProbe = diskProbe): Promise<ConfigSource | undefined> {
  const candidates = named ? [path.resolve(cwd, named)] : configSearchFolders(cwd, home, probe).flatMap((folder) => configFileNames.map((name) => path.join(folder, name)));
  for (const candidate of candidates) {
    // Never waits on a named pipe nor reads without end: the config is part of a folder that may be untrusted.
    const read = readRegularFile(candidate, maxConfigBytes);
    if ('bytes' in read) return { path: candidate, displayPath: path.relative(cwd, candidate) || candidate, text: read.bytes.toString('utf8') };
    if (read.kind === 'error' && (read.code === 'ENOENT' || read.code === 'ENOTDIR') && !named) continue;
    const why = unreadableReason(read, maxConfigBytes);
    throw new Error(`cannot read the config file ${candidate}: ${why}`);
  }
  return undefined;
}
