/**
 * Sharding: which plans `careerplan build --shard i/n` builds, so that the n
 * parallel jobs of a CI matrix each build one slice of the site, and the
 * checks `careerplan merge` runs before it joins the slices into one site.
 *
 * A plan's shard depends on its slug and n alone, never on the other plans:
 * adding or removing a plan moves no other plan, and the slug (not the file
 * path) is the key, so two files with one output name fall in one shard,
 * where the `duplicate-id` rule sees them. The slug's SHA-256 picks the
 * shard by jump consistent hashing (Lamping and Veach, 2014): as balanced as
 * `hash mod n`, and growing the matrix from n to n + 1 jobs moves only the
 * plans the new shard takes, about 1 in n + 1, instead of nearly all. Pure.
 */
import { createHash } from 'node:crypto';
import { parseDate, type IsoDate } from '../format/dates.js';
import type { PlanModel } from '../stages/model.js';
import { isRecord } from '../lib/is-record.js';

/** Shard `index` of `count`, counted from 1 as CI matrices count (`--shard 1/4`, GitLab's `CI_NODE_INDEX`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The largest shard count: jump hashing picks among at most 2³¹ − 1 buckets. */
const maxCount = 2 ** 31 - 1;

/** Reads `i/n`, such as `2/4`, with 1 ≤ i ≤ n; `undefined` for anything else. Pure. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count && count <= maxCount ? { index, count } : undefined;
}

/** The message for a `--shard` value `parseShard` refuses. Pure. */
export function shardUsage(text: string): string {
  return `--shard takes i/n with 1 ≤ i ≤ n, such as 2/4; not \`${text}\``;
}

/** `i/n`, as `--shard` takes it. Pure. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The shard, from 1 to `count`, that builds the plan with this slug. Pure. */
export function shardOf(slug: string, count: number): number {
  const key = createHash('sha256').update(slug, 'utf8').digest().readBigUInt64BE(0);
  return jumpHash(key, count) + 1;
}

/** Whether the plan with this slug is in the shard. Pure. */
export function inShard(slug: string, shard: Shard): boolean {
  return shardOf(slug, shard.count) === shard.index;
}

/** Jump consistent hash: the bucket, from 0 to `buckets − 1`, of a 64-bit key; as published, so its test vectors hold. Pure. */
export function jumpHash(key: bigint, buckets: number): number {
  let state = BigInt.asUintN(64, key);
  let bucket = -1;
  let next = 0;
  while (next < buckets) {
    bucket = next;
    state = BigInt.asUintN(64, state * 2862933555777941757n + 1n);
    next = Math.floor((bucket + 1) * (2 ** 31 / Number((state >> 33n) + 1n)));
  }
  return bucket;
}

/** What `merge` needs of a slice's `plans.json`. */
export interface SliceData {
  readonly version: number;
  readonly generator: string;
  readonly asOf: IsoDate;
  /** The shard the slice was built as; absent when it was built without `--shard`. */
  readonly shard?: Shard;
  readonly plans: readonly PlanModel[];
}

/**
 * Reads the parsed `plans.json` of a slice, or says why it is not one: the
 * envelope and each plan's slug, which becomes a folder name. Each plan's
 * model is checked whole by `modelsProblem` (model-schema.ts), which `merge`
 * loads apart so that `build` never loads zod for it. Pure.
 */
export function readSlice(json: unknown): SliceData | string {
  if (!isRecord(json)) return 'expected an object';
  const { version, generator, asOf, shard, plans } = json;
  if (typeof version !== 'number' || !Number.isInteger(version)) return 'expected a whole number as `version`';
  if (typeof generator !== 'string') return 'expected the name and version of careerplan as `generator`';
  if (typeof asOf !== 'string' || parseDate(asOf) === undefined) return 'expected a date as YYYY-MM-DD as `asOf`';
  const slice = shard === undefined ? undefined : shardFrom(shard);
  if (shard !== undefined && slice === undefined) return 'expected `shard` to be `{ "index": i, "count": n }` with 1 ≤ i ≤ n';
  if (!Array.isArray(plans)) return 'expected a list of plans as `plans`';
  for (const [index, plan] of plans.entries()) {
    if (!isRecord(plan) || typeof plan.slug !== 'string' || !isFolderName(plan.slug)) return `expected plan ${index + 1} to have a \`slug\` that names one folder`;
  }
  return { version, generator, asOf, ...(slice ? { shard: slice } : {}), plans: plans as PlanModel[] };
}

/** A slice as `merge` found it: its `plans.json` and which of its plans have their page and PDF. */
export interface Slice {
  /** The slice's folder as the user sees it, for messages. */
  readonly name: string;
  readonly data: SliceData;
  /** Slugs whose page (`<slug>/index.html`) is in the slice. */
  readonly pages: ReadonlySet<string>;
  /** Slugs whose PDF (`<slug>/<slug>.pdf`) is in the slice. */
  readonly pdfs: ReadonlySet<string>;
}

/** The site the slices make together: every plan, with the slice (its index in the list) holding its folder. */
export interface JoinedSite {
  readonly asOf: IsoDate;
  /** Sorted by slug. */
  readonly plans: ReadonlyArray<{ readonly model: PlanModel; readonly slice: number }>;
  /** Whether the plans have PDFs, so the index links them. */
  readonly pdfs: boolean;
}

/** What the slices must have been made by. */
export interface Expected {
  /** `careerplan <version>` of the careerplan merging. */
  readonly generator: string;
  /** The `plans.json` version this careerplan writes. */
  readonly version: number;
}

/**
 * Joins slices into one site, or lists every reason they do not fit
 * together: another careerplan, other as-of dates, shards of other builds,
 * a shard missing or given twice, a plan in two slices, a page or a PDF
 * missing. Pure.
 */
export function joinSlices(slices: readonly Slice[], expected: Expected): JoinedSite | { readonly problems: readonly string[] } {
  // With shard records, a plan in two slices is a shard given twice or a plan in the wrong shard, both reported by `completeness`.
  const sharded = slices.some((slice) => slice.data.shard !== undefined);
  const problems = [...compatibility(slices, expected), ...(sharded ? completeness(slices) : overlaps(slices))];
  const hasPdfs = slices.some((slice) => slice.pdfs.size > 0);
  for (const slice of slices) {
    const slugs = slice.data.plans.map((plan) => plan.slug);
    const pageless = slugs.filter((slug) => !slice.pages.has(slug));
    if (pageless.length > 0) problems.push(`${slice.name} lacks the pages of ${listOf(pageless.map(code))}: copy the whole out folder of each shard`);
    const pdfless = hasPdfs ? slugs.filter((slug) => slice.pages.has(slug) && !slice.pdfs.has(slug)) : [];
    if (pdfless.length > 0) {
      problems.push(`${slice.name} lacks the PDFs of ${listOf(pdfless.map(code))} while other plans have theirs: merge shards that printed every PDF, or build every shard with --no-pdf`);
    }
  }
  if (problems.length > 0) return { problems };
  const plans = slices
    .flatMap((slice, index) => slice.data.plans.map((model) => ({ model, slice: index })))
    .sort((a, b) => a.model.slug.localeCompare(b.model.slug));
  return { asOf: slices[0]?.data.asOf ?? '', plans, pdfs: hasPdfs };
}

/** Slices made by another careerplan or as of other dates. */
function compatibility(slices: readonly Slice[], expected: Expected): string[] {
  const problems: string[] = [];
  for (const { name, data } of slices) {
    if (data.generator !== expected.generator) {
      problems.push(`${name} was built by ${data.generator}, this is ${expected.generator}: build every shard and merge with one version of careerplan`);
    } else if (data.version !== expected.version) {
      problems.push(`${name} holds plans.json version ${data.version}, this careerplan writes version ${expected.version}: build every shard and merge with one version of careerplan`);
    }
  }
  const byDate = groupBy(slices, (slice) => slice.data.asOf);
  if (byDate.size > 1) {
    const dates = [...byDate].map(([date, group]) => `${date} (${listOf(group.map((slice) => slice.name))})`);
    problems.push(`the slices were built as of different dates, ${listOf(dates, dates.length)}: give every shard the same --as-of`);
  }
  return problems;
}

/** Slices of different sharded builds, a shard missing or given twice, a plan in a shard that is not its own. Some slice has a shard record. */
function completeness(slices: readonly Slice[]): string[] {
  const sharded = slices.filter((slice) => slice.data.shard !== undefined);
  if (sharded.length < slices.length) {
    const plain = slices.filter((slice) => slice.data.shard === undefined).map((slice) => slice.name);
    return [`${listOf(plain)} ${plain.length === 1 ? 'was' : 'were'} built without --shard, the other slices with it: merge the slices of one sharded build`];
  }
  const byCount = groupBy(sharded, (slice) => slice.data.shard?.count ?? 0);
  if (byCount.size > 1) {
    const shown = sharded.map((slice) => `${slice.name} is ${formatShard(slice.data.shard as Shard)}`);
    return [`the slices are shards of different counts (${listOf(shown)}): merge the slices of one sharded build`];
  }
  const problems: string[] = [];
  const count = sharded[0]?.data.shard?.count ?? 0;
  const byIndex = groupBy(sharded, (slice) => slice.data.shard?.index ?? 0);
  for (const [index, group] of byIndex) {
    if (group.length > 1) problems.push(`${listOf(group.map((slice) => slice.name), group.length)} are ${group.length === 2 ? 'both' : 'all'} shard ${formatShard({ index, count })}: give each shard once`);
  }
  // Every index is from 1 to `count`, so the missing ones are counted without listing them all: `count` comes from a file.
  const missing = count - byIndex.size;
  if (missing > 0) {
    const shown: string[] = [];
    for (let index = 1; shown.length < 3 && index <= count; index++) if (!byIndex.has(index)) shown.push(formatShard({ index, count }));
    const shards = missing > shown.length ? `${shown.join(', ')} and ${missing - shown.length} more` : listOf(shown);
    problems.push(`${missing === 1 ? 'shard' : 'shards'} ${shards} ${missing === 1 ? 'is' : 'are'} missing: give the out folder of every shard`);
  }
  for (const slice of sharded) {
    const shard = slice.data.shard as Shard;
    const strays = slice.data.plans.map((plan) => plan.slug).filter((slug) => !inShard(slug, shard));
    if (strays.length > 0) {
      problems.push(`${slice.name} is shard ${formatShard(shard)} but holds ${listOf(strays.map(code))} of other shards: was it built with another careerplan?`);
    }
  }
  return problems;
}

/** Plans in more than one slice, by the pair of slices that share them. */
function overlaps(slices: readonly Slice[]): string[] {
  const owner = new Map<string, number>();
  const shared = new Map<string, string[]>();
  for (const [index, slice] of slices.entries()) {
    for (const { slug } of slice.data.plans) {
      const first = owner.get(slug);
      if (first === undefined) {
        owner.set(slug, index);
        continue;
      }
      const pair = `${slices[first]?.name ?? ''} and ${slice.name}`;
      const slugs = shared.get(pair);
      if (slugs) slugs.push(slug);
      else shared.set(pair, [slug]);
    }
  }
  return [...shared].map(([pair, slugs]) => `${pair} both hold ${listOf(slugs.map(code))}: give each shard's slice once, and each plan in one slice`);
}

/** `a`, `a and b`, `a, b and c`, or `a, b, c and 7 more`. */
function listOf(items: readonly string[], shown = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length <= shown) return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function shardFrom(value: unknown): Shard | undefined {
  if (!isRecord(value)) return undefined;
  const { index, count } = value;
  if (!Number.isInteger(index) || !Number.isInteger(count)) return undefined;
  return parseShard(`${String(index)}/${String(count)}`);
}

/** Whether a name is one folder inside another: not empty, no separator, not `.` or `..`. */
function isFolderName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
