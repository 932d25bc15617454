/**
 * The Inter font files the default stylesheet loads: latin and latin-ext
 * (English, German and most European languages) in regular, semibold and
 * bold. Resolves paths in the installed @fontsource/inter package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Asset } from './lookup.js';

const subsets = ['latin', 'latin-ext'] as const;
const weights = [400, 600, 700] as const;

/** The woff2 files as assets under `fonts/`, as `style.css` refers to them. Resolves paths, reads nothing. */
export function fontAssets(): Asset[] {
  // One resolution finds the package's files folder; resolving each file walked node_modules six times (4 ms of a warm build).
  const folder = path.dirname(createRequire(import.meta.url).resolve(`@fontsource/inter/files/inter-latin-400-normal.woff2`));
  return subsets.flatMap((subset) =>
    weights.map((weight) => {
      const file = `inter-${subset}-${weight}-normal.woff2`;
      return { source: path.join(folder, file), target: `fonts/${file}` };
    }),
  );
}
