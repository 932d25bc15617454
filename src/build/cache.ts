/**
 * The build cache: what the last build found for each plan file, keyed by a
 * hash of everything its page depends on, so a build with nothing changed
 * reads no plan twice and renders nothing. Kept in the out folder as one
 * JSON file; the plans' models are the site's own `plans.json`. A cache that
 * is missing, corrupt, from another version, or whose files were touched is
 * not trusted: the plans it cannot vouch for are built again. Reads and
 * writes the out folder.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { writeIfChanged } from '../edges/files.js';
import { calendarName } from '../stages/calendar.js';
import { isPrivate, type Copy } from '../markdown/media.js';
import { modelVersion, type PlanModel } from '../stages/model.js';
import type { Diagnostic } from '../types.js';
import { comparePaths } from '../lib/paths.js';
import { hashOf } from '../lib/hash.js';
import type { BuiltPlan } from './built-plan.js';
import type { PlanSource } from './plan-sources.js';

/** The cache file in the out folder. */
export const cacheName = '.careerplan-cache.json';

/** Bumped whenever what the cache records changes meaning. */
const cacheFormat = 2;

/** What a build found for one plan file. */
export interface CachedPlan {
  /** The hash of the plan's text and everything else its page depends on (see `planKey`). */
  readonly key: string;
  readonly slug: string;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The plan's text when it has errors (for their code frames), as the build
   * that checked it read it. Never written to the cache file: the next build
   * reads an unchanged plan again for its report (`textIfUnchanged`), and a
   * cache without texts is a fraction of the size to read.
   */
  readonly text?: string;
  /** Whether its page was written (the plan had no errors). */
  readonly built: boolean;
  /** The files its page links that were copied into the site. */
  readonly copies: readonly Copy[];
  /** The plan file as this build found it, so the next can tell it is unchanged without reading it. */
  readonly source?: PlanSource;
}

/** The site-wide part of the cache: the key of the index and the `plans.json` it was written with. */
interface CachedSite {
  readonly key: string;
  /** `plans.json` as it was written, so a changed or missing one is noticed. */
  readonly plansJson: { readonly size: number; readonly mtimeMs: number };
}

interface CacheFile {
  readonly format: number;
  readonly tool: string;
  readonly plans: Record<string, CachedPlan>;
  readonly site?: CachedSite;
}

/** The cache of the last build, as far as it can be trusted. */
export interface BuildCache {
  /** The plan file as the last build found it, whatever its key. */
  source(file: string): PlanSource | undefined;
  /** The entry of a plan file when its key matches and its outputs are still there. */
  lookup(file: string, key: string, out: string): Promise<CachedPlan | undefined>;
  /** Whether the index and `plans.json` were written for `siteKey` and are untouched since. */
  siteIsCurrent(siteKey: string, out: string): Promise<boolean>;
  /**
   * Hands each model of the last build's `plans.json` whose slug is `wanted`
   * to `take`, one at a time, when the file is untouched; returns the slugs
   * handed over (none for a touched or unreadable file).
   */
  models(out: string, wanted: ReadonlySet<string>, take: (plan: BuiltPlan) => void): Promise<Set<string>>;
}

/** Reads the cache of the out folder; an unusable one is an empty cache. */
export async function readCache(out: string, tool: string): Promise<BuildCache> {
  const file = await readCacheFile(out, tool);
  const plans = new Map(Object.entries(file?.plans ?? {}));
  return {
    source: (planFile) => plans.get(planFile)?.source,
    async lookup(planFile, key, outFolder) {
      const entry = plans.get(planFile);
      if (entry === undefined || entry.key !== key) return undefined;
      if (entry.built) {
        const needed = [path.join(outFolder, entry.slug, 'index.html'), path.join(outFolder, entry.slug, calendarName(entry.slug)), ...entry.copies.map((copy) => path.join(outFolder, copy.target))];
        if (!needed.every(isThere)) return undefined;
      }
      return entry;
    },
    async siteIsCurrent(siteKey, outFolder) {
      if (file?.site?.key !== siteKey || !['index.html', 'plans.csv'].every((name) => isThere(path.join(outFolder, name)))) return false;
      return plansJsonIsAsWritten(outFolder, file.site);
    },
    async models(outFolder, wanted, take) {
      const taken = new Set<string>();
      if (file?.site === undefined || !(await plansJsonIsAsWritten(outFolder, file.site))) return taken;
      // Loaded here, not with the cache: a build with nothing changed loads no library (csv-stringify among them).
      const { builtPlan } = await import('./built-plan.js');
      try {
        // plans.json as this tool writes it (see plans-json.ts): after its head, each plan's object starts at a line `    {` and ends at a line `    }`.
        let head: string | undefined = '';
        let plan: string[] | undefined;
        for await (const line of createInterface({ input: createReadStream(path.join(outFolder, 'plans.json'), 'utf8'), crlfDelay: Infinity })) {
          if (head !== undefined && line !== '    {') {
            head += `${line}\n`;
            continue;
          }
          if (head !== undefined) {
            const { version } = JSON.parse(`${head}]}`) as { version?: unknown };
            if (version !== modelVersion) return taken;
            head = undefined;
          }
          if (plan === undefined) plan = [line];
          else {
            const last = line === '    }' || line === '    },';
            plan.push(last ? '    }' : line);
            if (!last) continue;
            // The lines are the plan's `planJson`, as written: they go on to the next plans.json unchanged.
            const json = plan.join('\n');
            plan = undefined;
            const model = JSON.parse(json) as PlanModel;
            if (!wanted.has(model.slug) || taken.has(model.slug)) continue;
            take(builtPlan(model, json));
            taken.add(model.slug);
          }
        }
      } catch {
        // A plans.json cut short: the plans read before the cut are whole, the rest are built again.
      }
      return taken;
    },
  };
}

/** Writes the cache for the next build: every plan's entry, and the site's key with `plans.json` as it is now. */
export async function writeCache(out: string, tool: string, plans: ReadonlyMap<string, CachedPlan>, siteKey: string | undefined): Promise<void> {
  const written = siteKey === undefined ? undefined : await stat(path.join(out, 'plans.json')).catch(() => undefined);
  const file: CacheFile = {
    format: cacheFormat,
    tool,
    // Sorted by file, so the same build writes the same bytes whatever order its plans finished in.
    plans: Object.fromEntries(
      [...plans]
        .sort(([a], [b]) => comparePaths(a, b))
        .map(([file, { text, ...entry }]) => [file, entry] as const),
    ),
    ...(siteKey !== undefined && written !== undefined ? { site: { key: siteKey, plansJson: { size: written.size, mtimeMs: written.mtimeMs } } } : {}),
  };
  const body = JSON.stringify(file);
  await writeIfChanged(path.join(out, cacheName), `${hashOf([body])}\n${body}`);
}


/**
 * The files of the plans folder other than plans (images and the like), with
 * their sizes and times, as one string: a page that links one of them is
 * built again when any of them changes.
 */
export async function otherFiles(plans: string): Promise<string> {
  const entries = await readdir(plans, { recursive: true, withFileTypes: true }).catch(() => []);
  // Only ordinary files are stat'ed (a FIFO is never opened), and private ones (`_notes/`, `.git/`) never reach a page whatever they hold.
  const others = entries
    .filter((entry) => entry.isFile() && !entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !isPrivate(path.relative(plans, file)))
    .sort();
  const described = await Promise.all(others.map(async (file) => {
    const info = await stat(file).catch(() => undefined);
    return `${file} ${info?.size ?? -1} ${info?.mtimeMs ?? -1}`;
  }));
  return described.join('\n');
}

async function readCacheFile(out: string, tool: string): Promise<CacheFile | undefined> {
  try {
    // The first line is the hash of the rest: a cache cut short or changed by hand is not used.
    const text = await readFile(path.join(out, cacheName), 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0 || text.slice(0, newline) !== hashOf([text.slice(newline + 1)])) return undefined;
    const data = JSON.parse(text.slice(newline + 1)) as Partial<CacheFile>;
    if (data.format !== cacheFormat || data.tool !== tool || data.plans === null || typeof data.plans !== 'object') return undefined;
    return data as CacheFile;
  } catch {
    return undefined;
  }
}

async function plansJsonIsAsWritten(out: string, site: CachedSite): Promise<boolean> {
  const now = await stat(path.join(out, 'plans.json')).catch(() => undefined);
  return now !== undefined && now.size === site.plansJson.size && now.mtimeMs === site.plansJson.mtimeMs;
}

function isThere(file: string): boolean {
  // Synchronous, and no Stats object: a build with nothing changed asks this of every output, 3,000 times for 1,000 plans
  // (existsSync 17 ms against statSync 24 ms; a trip through the thread pool each costs more than either).
  return existsSync(file);
}
