import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Io } from '../../src/io.js';
import { createLiveSite } from '../../src/preview/live-site.js';
import { merge } from '../../src/commands/merge.js';
import { resolveConfig } from '../../src/config/config.js';
import { packageRoot } from '../../src/lib/package-root.js';
import { modelVersion, type PlanModel } from '../../src/stages/model.js';
import { inShard } from '../../src/site/shard.js';
import { repo } from '../e2e/run.js';

const asOf = '2026-11-26';
const generator = `careerplan ${packageRoot().version}`;
let base: string;
/** Where `merge` runs: a folder with slices and no plans, as in a CI job that downloaded them. */
let ci: string;
/** The site of every plan, with and without PDFs, as one build writes it. */
let whole: string;
let wholeWithPdfs: string;

beforeAll(async () => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-merge-')));
  cpSync(path.join(repo, 'plans'), path.join(base, 'plans'), { recursive: true });
  ci = path.join(base, 'ci');
  mkdirSync(ci);
  whole = await buildSite('whole', false);
  wholeWithPdfs = await buildSite('whole-pdf', true);
  split(whole, path.join(ci, 'slices'), 3);
  split(wholeWithPdfs, path.join(ci, 'pdf-slices'), 3);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Builds the example plans into `base/name` in-process; with `pdfs`, a stand-in PDF next to each page. */
async function buildSite(name: string, pdfs: boolean): Promise<string> {
  const config = { ...resolveConfig(undefined, { out: name }, base, asOf).config!, templates: path.join(base, 'templates') };
  const site = createLiveSite({ config, cwd: base, builtinTemplates: path.join(repo, 'templates'), generator, pdfs });
  await site.buildAll();
  if (pdfs) for (const { slug } of site.models()) writeFileSync(path.join(config.out, slug, `${slug}.pdf`), `%PDF-1.7 the plan of ${slug}\n`);
  return config.out;
}

/** What `build --shard i/count` leaves of a site: its slice's plan folders, and plans.json of its slice with the shard. */
function split(site: string, into: string, count: number): void {
  const data = JSON.parse(readFileSync(path.join(site, 'plans.json'), 'utf8')) as { plans: PlanModel[] };
  for (let index = 1; index <= count; index++) {
    const slice = path.join(into, String(index));
    const plans = data.plans.filter((plan) => inShard(plan.slug, { index, count }));
    for (const { slug } of plans) cpSync(path.join(site, slug), path.join(slice, slug), { recursive: true });
    cpSync(path.join(site, 'assets'), path.join(slice, 'assets'), { recursive: true });
    writeFileSync(path.join(slice, 'index.html'), `<p>the index of shard ${index} alone</p>\n`);
    writeFileSync(path.join(slice, 'plans.json'), `${JSON.stringify({ version: modelVersion, generator, asOf, shard: { index, count }, plans }, null, 2)}\n`);
  }
}

/** Runs `merge` in the CI folder into `out`; what it printed and returned. */
async function run(slices: readonly string[], out = 'site'): Promise<{ status: number; stderr: string }> {
  // The config's as-of date is not the slices': the slices' own date must win.
  const config = resolveConfig(undefined, { out }, ci, '2031-01-01').config!;
  let stderr = '';
  const io: Io = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, cwd: ci, env: {}, isTerminal: false };
  const status = await merge(config, { slices }, io);
  return { status, stderr };
}

const allFiles = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => name.split(path.sep).join('/')).sort();

/** Asserts that two folders hold the same files with the same bytes. */
function expectSameFiles(actual: string, expected: string): void {
  expect(allFiles(actual)).toEqual(allFiles(expected));
  for (const name of allFiles(expected)) {
    if (statSync(path.join(expected, name)).isDirectory()) continue;
    expect(readFileSync(path.join(actual, name)).equals(readFileSync(path.join(expected, name))), name).toBe(true);
  }
}

describe('careerplan merge', () => {
  test('the slices of 3 shards merge into the site one build of every plan writes, file by file', async () => {
    // Shard 3 of the example plans is empty: a slice with no plan is merged too.
    const slugsOf = (slice: string) => (JSON.parse(readFileSync(path.join(ci, 'slices', slice, 'plans.json'), 'utf8')) as { plans: PlanModel[] }).plans.map((plan) => plan.slug);
    expect(['1', '2', '3'].map(slugsOf)).toEqual([['jordan-lee', 'lena-schmidt'], ['sam-okafor'], []]);
    const { status, stderr } = await run(['slices/1', 'slices/2', 'slices/3']);
    expect(stderr).toBe('3 plans from 3 slices merged into site\n');
    expect(status).toBe(0);
    expectSameFiles(path.join(ci, 'site'), whole);
    expect(existsSync(path.join(ci, 'site/.careerplan-manifest.json'))).toBe(true);
  });

  test('a folder holding the slices stands for them, in any order', async () => {
    expect(await run(['slices'], 'from-folder')).toEqual({ status: 0, stderr: '3 plans from 3 slices merged into from-folder\n' });
    expectSameFiles(path.join(ci, 'from-folder'), whole);
    expect((await run(['slices/3', 'slices/1', 'slices/2'], 'reversed')).status).toBe(0);
    expectSameFiles(path.join(ci, 'reversed'), whole);
  });

  test('the PDFs are copied and the index links them', async () => {
    expect((await run(['pdf-slices'], 'with-pdfs')).status).toBe(0);
    expectSameFiles(path.join(ci, 'with-pdfs'), wholeWithPdfs);
    expect(readFileSync(path.join(ci, 'with-pdfs/index.html'), 'utf8')).toContain('href="jordan-lee/jordan-lee.pdf"');
  });

  test('merging again removes the folders of plans gone from the slices, keeps files it did not write, rewrites nothing unchanged', async () => {
    const slices = path.join(ci, 'again');
    cpSync(path.join(ci, 'slices'), slices, { recursive: true });
    expect((await run(['again'], 'again-site')).status).toBe(0);
    writeFileSync(path.join(ci, 'again-site/notes.txt'), 'mine');
    const page = path.join(ci, 'again-site/jordan-lee/index.html');
    const written = statSync(page).mtimeMs;

    const holder = readdirSync(slices).find((slice) => existsSync(path.join(slices, slice, 'sam-okafor'))) ?? '';
    const json = path.join(slices, holder, 'plans.json');
    const data = JSON.parse(readFileSync(json, 'utf8')) as { plans: PlanModel[] };
    writeFileSync(json, JSON.stringify({ ...data, plans: data.plans.filter((plan) => plan.slug !== 'sam-okafor') }));
    rmSync(path.join(slices, holder, 'sam-okafor'), { recursive: true });

    expect(await run(['again'], 'again-site')).toEqual({ status: 0, stderr: '2 plans from 3 slices merged into again-site\n' });
    expect(existsSync(path.join(ci, 'again-site/sam-okafor'))).toBe(false);
    expect(readFileSync(path.join(ci, 'again-site/notes.txt'), 'utf8')).toBe('mine');
    expect(statSync(page).mtimeMs).toBe(written);
    expect(readFileSync(path.join(ci, 'again-site/index.html'), 'utf8')).not.toContain('sam-okafor');
  });
});

describe('careerplan merge refuses slices that do not make one site: exit 2, nothing written', () => {
  /** A copy of the slices to spoil, in `ci/name`. */
  const copy = (name: string, from = 'slices'): string => {
    const folder = path.join(ci, name);
    cpSync(path.join(ci, from), folder, { recursive: true });
    return folder;
  };
  const refused = async (slices: readonly string[], out = 'refused'): Promise<string> => {
    const { status, stderr } = await run(slices, out);
    expect(status).toBe(2);
    expect(existsSync(path.join(ci, out))).toBe(false);
    return stderr;
  };

  test('a shard missing', async () => {
    expect(await refused(['slices/1', 'slices/3'])).toBe('careerplan: shard 2/3 is missing: give the out folder of every shard\n');
  });

  test('a shard given twice', async () => {
    expect(await refused(['slices', 'slices/2'])).toBe('careerplan: slices/2 and slices/2 are both shard 2/3: give each shard once\n');
  });

  test('slices built as of other dates, or by another careerplan', async () => {
    const folder = copy('spoiled');
    const json = path.join(folder, '2/plans.json');
    const data = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    writeFileSync(json, JSON.stringify({ ...data, asOf: '2026-11-27', generator: 'careerplan 9.9.9' }));
    expect(await refused(['spoiled'])).toBe(
      [
        `careerplan: spoiled/2 was built by careerplan 9.9.9, this is ${generator}: build every shard and merge with one version of careerplan`,
        'careerplan: the slices were built as of different dates, 2026-11-26 (spoiled/1 and spoiled/3) and 2026-11-27 (spoiled/2): give every shard the same --as-of',
        '',
      ].join('\n'),
    );
  });

  test('slices with PDFs and slices without', async () => {
    const folder = copy('half-printed', 'pdf-slices');
    for (const slug of ['jordan-lee', 'lena-schmidt']) rmSync(path.join(folder, '1', slug, `${slug}.pdf`));
    expect(await refused(['half-printed'])).toBe(
      'careerplan: half-printed/1 lacks the PDFs of `jordan-lee` and `lena-schmidt` while other plans have theirs: merge shards that printed every PDF, or build every shard with --no-pdf\n',
    );
  });

  test('a slice whose plan folder did not arrive', async () => {
    const folder = copy('incomplete');
    rmSync(path.join(folder, '2/sam-okafor'), { recursive: true });
    expect(await refused(['incomplete'])).toBe('careerplan: incomplete/2 lacks the pages of `sam-okafor`: copy the whole out folder of each shard\n');
  });

  test('a folder that is not a slice, a folder that is not there, a plans.json that is not JSON', async () => {
    mkdirSync(path.join(ci, 'empty'));
    mkdirSync(path.join(ci, 'broken'));
    writeFileSync(path.join(ci, 'broken/plans.json'), '{"version": 1,');
    const stderr = await refused(['empty', 'nowhere', 'broken']);
    expect(stderr).toMatch(
      /^careerplan: no plans\.json in empty or its folders: give the out folder of each `careerplan build --shard`, or the folder that holds them\ncareerplan: cannot read the slice nowhere: ENOENT\ncareerplan: broken\/plans\.json is not JSON: .*JSON.*\n$/,
    );
  });

  test('a slug that would write outside the out folder', async () => {
    const folder = copy('hostile');
    const json = path.join(folder, '1/plans.json');
    const data = JSON.parse(readFileSync(json, 'utf8')) as { plans: PlanModel[] };
    writeFileSync(json, JSON.stringify({ ...data, plans: [...data.plans, { ...data.plans[0], slug: '../../escaped' }] }));
    expect(await refused(['hostile'])).toBe(
      'careerplan: hostile/1/plans.json is not the plans.json of a careerplan build: expected plan 3 to have a `slug` that names one folder\n',
    );
    expect(existsSync(path.join(base, 'escaped'))).toBe(false);
  });

  test('a plan folder that is a link to elsewhere on the machine', async () => {
    const folder = copy('linked');
    rmSync(path.join(folder, '2/sam-okafor'), { recursive: true });
    symlinkSync(path.join(whole, 'sam-okafor'), path.join(folder, '2/sam-okafor'));
    expect(await refused(['linked'])).toBe('careerplan: linked/2 lacks the pages of `sam-okafor`: copy the whole out folder of each shard\n');
  });

  test('an out folder inside a slice, or a slice as the out folder', async () => {
    expect(await refused(['slices'], 'slices/1/site')).toBe('careerplan: --out slices/1/site overlaps the slice slices/1: merge into a folder of its own\n');
    const { status, stderr } = await run(['slices/1', 'slices/2', 'slices/3'], 'slices/2');
    expect(status).toBe(2);
    expect(stderr).toBe('careerplan: --out slices/2 overlaps the slice slices/2: merge into a folder of its own\n');
  });

  test('no slice at all is a usage error', async () => {
    await expect(run([])).rejects.toThrow('merge takes the out folders of the shards, such as `careerplan merge slices/1 slices/2 slices/3`');
  });
});
