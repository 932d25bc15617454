/**
 * Finding and reading the config file. Kept apart from the schema, so a
 * project without a config file never loads the YAML reader or zod.
 * Reads the disk.
 */
import path from 'node:path';
import type { ConfigSource } from './config.js';
import { readRegularFile, unreadableReason } from '../edges/files.js';

/** The largest config file careerplan reads: a real one is a few KB. */
const maxConfigBytes = 1024 * 1024;

/** The names of the config file, in the order they are looked for. */
export const configFileNames = ['careerplan.config.json', 'careerplan.config.yaml', 'careerplan.config.yml'] as const;

/** Finds and reads the config file: the one named, or the first of `configFileNames` in `folder`. Reads the disk. */
export async function readConfigFile(folder: string, named?: string): Promise<ConfigSource | undefined> {
  const candidates = named ? [path.resolve(folder, named)] : configFileNames.map((name) => path.join(folder, name));
  for (const candidate of candidates) {
    // Never waits on a named pipe nor reads without end: the config is part of a folder that may be untrusted.
    const read = readRegularFile(candidate, maxConfigBytes);
    if ('bytes' in read) return { path: candidate, displayPath: path.relative(folder, candidate) || candidate, text: read.bytes.toString('utf8') };
    if (read.kind === 'error' && read.code === 'ENOENT' && !named) continue;
    const why = unreadableReason(read, maxConfigBytes);
    throw new Error(`cannot read the config file ${candidate}: ${why}`);
  }
  return undefined;
}
