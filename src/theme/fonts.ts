/**
 * The Inter font files the default stylesheet loads: latin and latin-ext
 * (English, German and most European languages) in regular, semibold and
 * bold. Resolves paths in the installed @fontsource/inter package.
 */
import { createRequire } from 'node:module';
import type { Asset } from './lookup.js';

const subsets = ['latin', 'latin-ext'] as const;
const weights = [400, 600, 700] as const;

/** The woff2 files as assets under `fonts/`, as `style.css` refers to them. Resolves paths, reads nothing. */
export function fontAssets(): Asset[] {
  const require = createRequire(import.meta.url);
  return subsets.flatMap((subset) =>
    weights.map((weight) => {
      const file = `inter-${subset}-${weight}-normal.woff2`;
      return { source: require.resolve(`@fontsource/inter/files/${file}`), target: `fonts/${file}` };
    }),
  );
}
