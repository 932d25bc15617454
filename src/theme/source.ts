/**
 * The theme as read from the disk, before Handlebars compiles it: its
 * templates' texts, its assets and a fingerprint of both. Enough to tell
 * whether pages would change, without loading Handlebars (a build with
 * nothing changed compiles nothing). Reads the disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readRegularFile, unreadableReason } from '../edges/files.js';
import { fontAssets } from './fonts.js';
import { findThemeFiles, type Asset, type TemplateFile } from './lookup.js';

import type { ThemeOptions } from './theme.js';

/** A theme read from the disk: `compileTheme` (./theme.js) makes it render. */
export interface ThemeSource {
  /** The partials, then the layout (a partial too), then the plan and index pages. */
  readonly templates: readonly TemplateFile[];
  /** The text of each template, in the same order. */
  readonly texts: readonly string[];
  /** How many of `templates` are partials (the layout included). */
  readonly partialCount: number;
  /** Files to copy into `out/assets/`: the stylesheet (the user's winning per file) and the fonts it loads. */
  readonly assets: readonly Asset[];
  /** The locale files and their text, the built-in ones first: `parseLocales` (./locales.js) makes them words when the theme is compiled. */
  readonly localeSources: readonly LocaleSource[];
  /** A hash of every template's text, every asset's content and every label: equal fingerprints render equal pages. */
  readonly fingerprint: string;
}

/** Reads the theme's templates, assets and locales, the user's first, then the built-in ones, and fingerprints them. Reads the disk; throws `ThemeError` for a broken locale file. */
export async function readTheme(options: ThemeOptions): Promise<ThemeSource> {
  const files = await findThemeFiles(options, options.cwd ?? process.cwd());
  // The layout is a partial too: pages wrap themselves in it with `{{#> layout}}…{{/layout}}`.
  const partials = [...files.partials, files.pages.layout];
  const templates = [...partials, files.pages.plan, files.pages.index];
  const texts = templates.map(readTemplate);
  const assets = [...files.assets, ...fontAssets()];
  const localeSources = readLocaleSources(files.locales);
  const digest = createHash('sha256');
  for (const { file, text } of localeSources) digest.update(`${file.shownPath}\0${text}\0`);
  for (const [i, file] of templates.entries()) digest.update(`${file.name}\0${texts[i] ?? ''}\0`);
  for (const asset of assets) digest.update(`${asset.target}\0`).update(readFileSync(asset.source)).update('\0');
  return { templates, texts, partialCount: partials.length, assets, localeSources, fingerprint: digest.digest('hex') };
}

/** A locale file of the theme and its text, as read; its `name` is the language subtag (`fr` of `locales/fr.json`). */
export interface LocaleSource {
  readonly file: TemplateFile;
  readonly text: string;
}

/** Reads the text of each locale file, in order. Reads the disk; throws for a file that cannot be read. */
export function readLocaleSources(files: readonly TemplateFile[]): LocaleSource[] {
  return files.map((file) => ({ file, text: readTemplate(file) }));
}

/** The largest template careerplan reads: the built-in ones are a few KB. */
const maxTemplateBytes = 1024 * 1024;

function readTemplate(file: TemplateFile): string {
  // The user's templates are part of a folder that may be untrusted: never wait on a named pipe nor read without end.
  const read = readRegularFile(file.absolutePath, maxTemplateBytes);
  if ('bytes' in read) return read.bytes.toString('utf8');
  const why = unreadableReason(read, maxTemplateBytes);
  throw new Error(`Cannot read the template ${file.shownPath}: ${why}`);
}
