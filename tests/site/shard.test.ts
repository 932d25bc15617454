import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { model, type PlanModel } from '../../src/stages/model.js';
import { checkText, minimalPlan } from '../support/plans.js';
import { formatShard, inShard, joinSlices, jumpHash, parseShard, readSlice, shardOf, shardUsage, type Shard, type Slice, type SliceData } from '../../src/site/shard.js';
import { planSlug } from '../../src/format/slug.js';

/** Slugs as plan files make them: letters, digits and dashes. */
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
const slugs = (size: number) => fc.uniqueArray(slug, { minLength: size, maxLength: size });
/** The slugs of 1,000 realistic plans: numbered names, as an organisation's export gives them. */
const benchSlugs = generatePlans(1_000, 42).map((plan) => planSlug(plan.name));

const counts = (keys: readonly string[], count: number): number[] => {
  const sizes = new Array<number>(count).fill(0);
  for (const key of keys) {
    const index = shardOf(key, count) - 1;
    sizes[index] = (sizes[index] ?? 0) + 1;
  }
  return sizes;
};
/** How far a shard's size may stray from an even split, in standard deviations of a fair random split. */
const withinSigmas = (sizes: readonly number[], total: number, sigmas: number): boolean => {
  const p = 1 / sizes.length;
  const spread = sigmas * Math.sqrt(total * p * (1 - p));
  return sizes.every((size) => Math.abs(size - total * p) <= spread);
};

describe('parseShard', () => {
  test('reads i/n counted from 1, as CI matrices give it', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('4/4')).toEqual({ index: 4, count: 4 });
    expect(parseShard('07/12')).toEqual({ index: 7, count: 12 });
  });

  test.each(['', '0/4', '5/4', '1/0', '0/0', '-1/4', '1.5/4', '1/4.0', '1/4/2', ' 1/4', '1/4 ', '1 / 4', '1/', '/4', '2of4', 'a/b', '1/99999999999999999999', '1/2147483648'])(
    'refuses `%s`',
    (text) => {
      expect(parseShard(text)).toBeUndefined();
    },
  );

  test('every i/n with 1 ≤ i ≤ n reads back as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (a, b) => {
        const shard = { index: Math.min(a, b), count: Math.max(a, b) };
        expect(parseShard(formatShard(shard))).toEqual(shard);
      }),
    );
  });

  test('no text makes it throw, and what it accepts is a shard', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{0,12}\/-?\d{0,12}$/)), (text) => {
        const shard = parseShard(text);
        if (shard) expect(shard.index >= 1 && shard.index <= shard.count && Number.isInteger(shard.index) && Number.isInteger(shard.count)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  test('the message for a refused value says what --shard takes', () => {
    expect(shardUsage('5/4')).toBe('--shard takes i/n with 1 ≤ i ≤ n, such as 2/4; not `5/4`');
  });
});

describe('jumpHash', () => {
  test('gives the published algorithm’s buckets (the test vectors of ClickHouse’s jumpConsistentHash)', () => {
    const cases: Array<[bigint, number, number]> = [
      [1n, 1, 0],
      [42n, 57, 43],
      [256n, 1024, 520],
      [3735883980n, 1, 0],
      [3735883980n, 666, 361],
      [16045690984833335023n, 255, 237],
    ];
    for (const [key, buckets, bucket] of cases) expect(jumpHash(key, buckets), `${key} in ${buckets}`).toBe(bucket);
  });
});

describe('shardOf and inShard', () => {
  test('every plan is in exactly one shard', () => {
    fc.assert(
      fc.property(fc.uniqueArray(slug, { maxLength: 50 }), fc.integer({ min: 1, max: 40 }), (keys, count) => {
        for (const key of keys) {
          const shards = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(key, { index, count }));
          expect(shards).toEqual([shardOf(key, count)]);
        }
      }),
    );
  });

  test('the shards of a set of plans are a partition of it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(slug, { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (keys, count) => {
        const slices = Array.from({ length: count }, (_, i) => keys.filter((key) => inShard(key, { index: i + 1, count })));
        expect(slices.flat().sort()).toEqual([...keys].sort());
      }),
    );
  });

  test('is deterministic: a slug goes to the same shard on every machine, in every run and every version', () => {
    // Changing these moves the plans of every organisation to other shards: do it only with a note in the changelog.
    expect([1, 2, 3, 4, 5].map((count) => shardOf('jordan-lee', count))).toEqual([1, 1, 1, 1, 1]);
    expect([1, 2, 3, 4, 5].map((count) => shardOf('sam-okafor', count))).toEqual([1, 2, 2, 2, 2]);
    expect(benchSlugs.slice(0, 8)).toEqual(['00001-leila-jensen', '00002-gabriel-o-brien', '00003-kwame-yilmaz', '00004-farah-tanaka', '00005-avery-ivanova', '00006-camila-zhang', '00007-jonas-lee', '00008-avery-da-silva']);
    expect(benchSlugs.slice(0, 8).map((key) => shardOf(key, 4))).toEqual([1, 4, 2, 3, 1, 4, 4, 4]);
  });

  test('1,000 realistic plans are split evenly: every shard within 4 standard deviations of a fair split (2.2 at most today)', () => {
    for (const count of [2, 3, 4, 5, 8, 10, 16, 20]) {
      const sizes = counts(benchSlugs, count);
      expect(withinSigmas(sizes, benchSlugs.length, 4), `${count} shards: ${sizes.join(', ')}`).toBe(true);
    }
  });

  test('any 1,000 plans are split like a fair random split (within 6 standard deviations)', () => {
    fc.assert(
      fc.property(slugs(1_000), fc.integer({ min: 2, max: 20 }), (keys, count) => {
        expect(withinSigmas(counts(keys, count), keys.length, 6)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('adding a plan moves no other plan', () => {
    fc.assert(
      fc.property(fc.uniqueArray(slug, { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 12 }), (keys, count) => {
        const [added, ...before] = keys as [string, ...string[]];
        for (let index = 1; index <= count; index++) {
          const shard = { index, count };
          const after = [...before, added].filter((key) => inShard(key, shard));
          expect(after.filter((key) => key !== added)).toEqual(before.filter((key) => inShard(key, shard)));
        }
      }),
    );
  });

  test('growing from n to n + 1 shards moves only the plans the new shard takes, about 1 in n + 1', () => {
    fc.assert(
      fc.property(slug, fc.integer({ min: 1, max: 200 }), (key, count) => {
        const after = shardOf(key, count + 1);
        expect(after === shardOf(key, count) || after === count + 1).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    const moved = benchSlugs.filter((key) => shardOf(key, 10) !== shardOf(key, 11)).length;
    expect(moved).toBeGreaterThan(50);
    expect(moved).toBeLessThan(130);
  });
});

describe('readSlice', () => {
  // A plan's model as plans.json holds it: JSON, so without the keys a model leaves undefined.
  const sam = JSON.parse(JSON.stringify(model(checkText(minimalPlan()).plan!, { slug: 'sam-okafor', file: 'plans/sam-okafor.md', asOf: '2026-11-26', locale: 'en', bodyHtml: '', markdown: { inline: (text) => text } }))) as PlanModel;
  const valid = { version: 1, generator: 'careerplan 0.1.0', asOf: '2026-11-26', shard: { index: 2, count: 3 }, plans: [sam] };

  test('reads the plans.json of a sharded build, and of a build without --shard', () => {
    expect(readSlice(valid)).toEqual(valid);
    const { shard: _, ...plain } = valid;
    expect(readSlice(plain)).toEqual(plain);
  });

  test.each([
    [null, 'expected an object'],
    [[], 'expected an object'],
    [{ ...valid, version: '1' }, 'expected a whole number as `version`'],
    [{ ...valid, generator: undefined }, 'expected the name and version of careerplan as `generator`'],
    [{ ...valid, asOf: '2026-02-30' }, 'expected a date as YYYY-MM-DD as `asOf`'],
    [{ ...valid, shard: { index: 0, count: 3 } }, 'expected `shard` to be `{ "index": i, "count": n }` with 1 ≤ i ≤ n'],
    [{ ...valid, shard: { index: '1', count: 3 } }, 'expected `shard` to be `{ "index": i, "count": n }` with 1 ≤ i ≤ n'],
    [{ ...valid, shard: '1/3' }, 'expected `shard` to be `{ "index": i, "count": n }` with 1 ≤ i ≤ n'],
    [{ ...valid, plans: {} }, 'expected a list of plans as `plans`'],
    [{ ...valid, plans: [{ slug: 'a' }, { owner: 'b' }] }, 'expected plan 2 to have a `slug` that names one folder'],
  ])('refuses %j: %s', (json, problem) => {
    expect(readSlice(json)).toBe(problem);
  });

  test.each(['', '.', '..', '../evil', 'a/b', 'a\\b', '/etc', 'a\0b'])('refuses the slug %j, which would write outside its folder', (bad) => {
    expect(readSlice({ ...valid, plans: [{ slug: bad }] })).toBe('expected plan 1 to have a `slug` that names one folder');
  });

  test('no JSON value makes it throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => readSlice(json)).not.toThrow();
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('joinSlices', () => {
  const expected = { generator: 'careerplan 0.1.0', version: 1 };
  const model = (key: string) => ({ slug: key }) as PlanModel;
  /** A slice built as `shard` holding these slugs, each with its page and, when `pdfs`, its PDF. */
  const slice = (name: string, keys: readonly string[], options: { shard?: Shard; pdfs?: boolean; data?: Partial<SliceData> } = {}): Slice => ({
    name,
    data: { version: 1, generator: 'careerplan 0.1.0', asOf: '2026-11-26', ...(options.shard ? { shard: options.shard } : {}), plans: keys.map(model), ...options.data },
    pages: new Set(keys),
    pdfs: new Set(options.pdfs ? keys : []),
  });
  const keys = ['zoe-adams', 'jordan-lee', 'lena-schmidt', 'sam-okafor', 'ada-lovelace', 'chen-wei', 'émile-zola'];
  /** The slices of a sharded build of `keys` into `count` shards. */
  const sharded = (count: number, pdfs = false): Slice[] =>
    Array.from({ length: count }, (_, i) => slice(`slices/${i + 1}`, keys.filter((key) => inShard(key, { index: i + 1, count })), { shard: { index: i + 1, count }, pdfs }));
  const problems = (joined: ReturnType<typeof joinSlices>): readonly string[] => ('problems' in joined ? joined.problems : []);

  test('the slices of every shard join into every plan, sorted by slug, each with the slice that holds it', () => {
    const slices = sharded(3);
    const joined = joinSlices(slices, expected);
    if ('problems' in joined) throw new Error(joined.problems.join('\n'));
    expect(joined.asOf).toBe('2026-11-26');
    expect(joined.pdfs).toBe(false);
    expect(joined.plans.map((plan) => plan.model.slug)).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    for (const plan of joined.plans) expect(slices[plan.slice]?.pages.has(plan.model.slug)).toBe(true);
  });

  test('any plans in any number of shards join back into all of them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(slug, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (all, count, pdfs) => {
        const slices = Array.from({ length: count }, (_, i) => slice(`s${i + 1}`, all.filter((key) => inShard(key, { index: i + 1, count })), { shard: { index: i + 1, count }, pdfs }));
        const joined = joinSlices([...slices].reverse(), expected);
        if ('problems' in joined) throw new Error(joined.problems.join('\n'));
        expect(joined.plans.map((plan) => plan.model.slug)).toEqual([...all].sort((a, b) => a.localeCompare(b)));
        expect(joined.pdfs).toBe(pdfs && all.length > 0);
      }),
    );
  });

  test('PDFs in the slices make the index link them', () => {
    const joined = joinSlices(sharded(2, true), expected);
    expect('pdfs' in joined && joined.pdfs).toBe(true);
  });

  test('slices of builds without --shard join when no plan is in two of them', () => {
    const joined = joinSlices([slice('north', ['a', 'b']), slice('south', ['c'])], expected);
    expect(problems(joined)).toEqual([]);
    expect('plans' in joined && joined.plans.map((plan) => plan.model.slug)).toEqual(['a', 'b', 'c']);
  });

  test('a missing shard is named', () => {
    const [first, , third] = sharded(3) as [Slice, Slice, Slice];
    expect(problems(joinSlices([first, third], expected))).toEqual(['shard 2/3 is missing: give the out folder of every shard']);
    expect(problems(joinSlices([first], expected))).toEqual(['shards 2/3 and 3/3 are missing: give the out folder of every shard']);
    const one = slice('one', [], { shard: { index: 2, count: 2 ** 31 - 1 } });
    expect(problems(joinSlices([one], expected))).toEqual([`shards 1/${2 ** 31 - 1}, 3/${2 ** 31 - 1}, 4/${2 ** 31 - 1} and ${2 ** 31 - 5} more are missing: give the out folder of every shard`]);
  });

  test('a shard given twice is named once', () => {
    const [first, second, third] = sharded(3) as [Slice, Slice, Slice];
    expect(problems(joinSlices([first, second, third, { ...first, name: 'copy' }], expected))).toEqual(['slices/1 and copy are both shard 1/3: give each shard once']);
  });

  test('shards of different counts, and a slice built without --shard among shards, are refused', () => {
    const [first] = sharded(2) as [Slice];
    const [, second, third] = sharded(3) as [Slice, Slice, Slice];
    expect(problems(joinSlices([first, second, third], expected))).toEqual([
      'the slices are shards of different counts (slices/1 is 1/2, slices/2 is 2/3 and slices/3 is 3/3): merge the slices of one sharded build',
    ]);
    expect(problems(joinSlices([slice('whole', ['a']), second, third], expected))).toEqual([
      'whole was built without --shard, the other slices with it: merge the slices of one sharded build',
    ]);
  });

  test('a plan in a shard that is not its own is named', () => {
    const slices = sharded(3);
    const [first] = slices as [Slice];
    const stray = keys.find((key) => !inShard(key, { index: 1, count: 3 })) ?? '';
    const tampered = { ...first, data: { ...first.data, plans: [...first.data.plans, model(stray)] }, pages: new Set([...first.pages, stray]) };
    expect(problems(joinSlices([tampered, ...slices.slice(1)], expected))).toEqual([
      `slices/1 is shard 1/3 but holds \`${stray}\` of other shards: was it built with another careerplan?`,
    ]);
  });

  test('a plan in two slices built without --shard is named, and many are counted', () => {
    expect(problems(joinSlices([slice('north', ['a', 'b']), slice('south', ['b'])], expected))).toEqual([
      'north and south both hold `b`: give each shard\'s slice once, and each plan in one slice',
    ]);
    const many = Array.from({ length: 10 }, (_, i) => `plan-${i}`);
    expect(problems(joinSlices([slice('north', many), slice('north', many)], expected))).toEqual([
      'north and north both hold `plan-0`, `plan-1`, `plan-2` and 7 more: give each shard\'s slice once, and each plan in one slice',
    ]);
  });

  test('slices of another careerplan are refused, each named', () => {
    const [first, second] = sharded(2) as [Slice, Slice];
    const other = { ...second, data: { ...second.data, generator: 'careerplan 0.2.0' } };
    expect(problems(joinSlices([first, other], expected))).toEqual([
      'slices/2 was built by careerplan 0.2.0, this is careerplan 0.1.0: build every shard and merge with one version of careerplan',
    ]);
    const newer = { ...second, data: { ...second.data, version: 2 } };
    expect(problems(joinSlices([first, newer], expected))).toEqual([
      'slices/2 holds plans.json version 2, this careerplan writes version 1: build every shard and merge with one version of careerplan',
    ]);
  });

  test('slices built as of different dates are refused, with the dates and slices', () => {
    const [first, second, third] = sharded(3) as [Slice, Slice, Slice];
    const later = { ...third, data: { ...third.data, asOf: '2026-11-27' } };
    expect(problems(joinSlices([first, second, later], expected))).toEqual([
      'the slices were built as of different dates, 2026-11-26 (slices/1 and slices/2) and 2026-11-27 (slices/3): give every shard the same --as-of',
    ]);
  });

  test('a plan whose page is missing, and PDFs in some slices but not others, are refused', () => {
    const north = { ...slice('north', ['a', 'b'], { pdfs: true }), pages: new Set(['a']) };
    const south = slice('south', ['c', 'd']);
    expect(problems(joinSlices([north, south], expected))).toEqual([
      'north lacks the pages of `b`: copy the whole out folder of each shard',
      'south lacks the PDFs of `c` and `d` while other plans have theirs: merge shards that printed every PDF, or build every shard with --no-pdf',
    ]);
  });

  test('empty slices make an empty site', () => {
    const joined = joinSlices([slice('empty', [], { shard: { index: 1, count: 1 } })], expected);
    expect('plans' in joined && joined.plans).toEqual([]);
  });
});
