/**
 * Finding and reading the config file. Kept apart from the schema, so a
 * project without a config file never loads the YAML reader or zod.
 * Reads the disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigSource } from './config.js';

/** The names of the config file, in the order they are looked for. */
export const configFileNames = ['careerplan.config.json', 'careerplan.config.yaml', 'careerplan.config.yml'] as const;

/** Finds and reads the config file: the one named, or the first of `configFileNames` in `folder`. Reads the disk. */
export async function readConfigFile(folder: string, named?: string): Promise<ConfigSource | undefined> {
  const candidates = named ? [path.resolve(folder, named)] : configFileNames.map((name) => path.join(folder, name));
  for (const candidate of candidates) {
    try {
      const text = await readFile(candidate, 'utf8');
      return { path: candidate, displayPath: path.relative(folder, candidate) || candidate, text };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !named) continue;
      throw new Error(`cannot read the config file ${candidate}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
  }
  return undefined;
}
