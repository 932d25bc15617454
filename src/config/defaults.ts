/**
 * The config's defaults, and the last step of resolving a config: flags
 * over the file's values, paths made absolute, the view picked. Free of
 * the schema, so a project without a config file resolves its config
 * without loading zod or the YAML reader (see `configWithoutFile`). Pure.
 */
import path from 'node:path';
import type { ConfigFlags, FileConfig, Resolved } from './config.js';
import type { IsoDate } from '../format/dates.js';
import { nearest } from '../format/suggest.js';

/** The paper sizes Chromium prints, by their usual names. */
export const paperSizes = ['Letter', 'Legal', 'Tabloid', 'Ledger', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const;

/** The sections of a plan's page, by their anchors, that the config may start on a new page of the PDF. */
export const printSections = ['vision', 'self-assessment', 'skills', 'goals', 'timeline', 'opportunities', 'notes', 'history'] as const;

/** A length of a margin: a number and a unit Chromium takes. */
export const lengthPattern = /^\d+(\.\d+)?(mm|cm|in|px)$/;

/** Every key's value when the config file does not set it; the schema's defaults. */
export const configDefaults = Object.freeze({
  plans: 'plans',
  templates: 'templates',
  out: 'out',
  locale: 'en',
  rules: Object.freeze({}),
  allowRawHtml: false,
  pdf: Object.freeze({ paper: 'A4', margin: '18mm', timeout: 60_000, newPageBefore: [] as Array<(typeof printSections)[number]> }),
  views: Object.freeze({}),
} as const);

/** Where a config is resolved: the folder of its file (or the working folder), the working folder, today. */
export interface Settings {
  readonly root: string;
  readonly cwd: string;
  readonly today: IsoDate;
  readonly configFile?: string | undefined;
}

/**
 * The config without a file and without PDF flags (which only the schema
 * checks): the defaults, settled with the flags. `undefined` when PDF flags
 * were given.
 */
export function configWithoutFile(flags: ConfigFlags, cwd: string, today: IsoDate): Resolved | undefined {
  if (flags.pdf !== undefined) return undefined;
  return settle(configDefaults, flags, { root: cwd, cwd, today });
}

/** Applies the flags to a checked file config: paths made absolute, the view picked (an unknown one is an error). */
export function settle(file: FileConfig, flags: ConfigFlags, { root, cwd, today, configFile }: Settings): Resolved {
  const viewed = flags.view === undefined ? undefined : file.views[flags.view];
  if (flags.view !== undefined && viewed === undefined) {
    return { diagnostics: [{ file: '(flags)', place: { start: { line: 1, column: 1 } }, severity: 'error', ruleId: 'config', message: unknownViewMessage(flags.view, Object.keys(file.views)) }] };
  }
  // A view is built into its own folder, by default beside the site's: the full build's `--clean` and stale-page removal never reach it.
  const siteOut = path.resolve(root, file.out);
  const viewOut = viewed && (viewed.out === undefined ? `${siteOut}-${flags.view}` : path.resolve(root, viewed.out));
  return {
    diagnostics: [],
    config: {
      root,
      ...(configFile ? { configFile } : {}),
      plans: path.resolve(flags.plans ? cwd : root, flags.plans ?? file.plans),
      templates: path.resolve(flags.templates ? cwd : root, flags.templates ?? file.templates),
      out: flags.out ? path.resolve(cwd, flags.out) : (viewOut ?? siteOut),
      locale: file.locale,
      asOf: flags.asOf ?? file.asOf ?? today,
      // Raw HTML that is kept needs no warning, unless the config asks for one.
      rules: file.allowRawHtml && file.rules['raw-html'] === undefined ? { ...file.rules, 'raw-html': 'off' } : file.rules,
      allowRawHtml: file.allowRawHtml,
      pdf: file.pdf,
      ...(flags.view !== undefined && viewed ? { view: { name: flags.view, omit: [...new Set(viewed.omit)] } } : {}),
    },
  };
}


function unknownViewMessage(name: string, defined: readonly string[]): string {
  if (defined.length === 0) return `Unknown view \`${name}\` for \`--view\`: the config defines no views, expected one named under \`views\``;
  const suggestion = nearest(name, defined);
  const listed = defined.map((known) => `\`${known}\``).join(', ');
  return `Unknown view \`${name}\` for \`--view\`, ${suggestion ? `did you mean \`${suggestion}\`? The config defines ${listed}` : `expected one the config defines: ${listed}`}`;
}
