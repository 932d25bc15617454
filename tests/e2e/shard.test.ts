import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-shard-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder with a copy of the example plans. */
function project(name: string): string {
  const folder = path.join(scratch, name);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  return folder;
}

const asOf = ['--as-of', '2026-11-26'];
/** Files a build keeps for its next run on the same machine, not part of the site. */
const buildCaches = new Set(['.careerplan-pdf.json', '.careerplan-cache.json']);
const siteFiles = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => !buildCaches.has(name) && statSync(path.join(folder, name)).isFile())
    .sort();
const plansJson = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'plans.json'), 'utf8')) as { shard?: unknown; plans: Array<{ slug: string }> };
/** The PDF's text, as poppler's pdftotext reads it: an independent parser. */
const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Builds the plans of `folder` whole into `whole/`, as 3 shards into `slices/1`… and merges the slices into `merged/`. */
async function buildBothWays(folder: string, flags: readonly string[]): Promise<void> {
  const whole = await careerplan(['build', ...asOf, ...flags, '--out', 'whole'], { cwd: folder });
  expect(whole.stderr).toMatch(/3 of 3 plans built into whole/);
  expect(whole.status).toBe(0);
  for (const index of [1, 2, 3]) {
    const shard = await careerplan(['build', ...asOf, ...flags, '--shard', `${index}/3`, '--out', `slices/${index}`], { cwd: folder });
    expect(shard.status, shard.stderr).toBe(0);
  }
  const merged = await careerplan(['merge', 'slices', '--out', 'merged'], { cwd: folder });
  expect(merged.stderr).toBe('3 plans from 3 slices merged into merged\n');
  expect(merged.stdout).toBe('');
  expect(merged.status).toBe(0);
}

describe('careerplan build --shard i/n, then careerplan merge', () => {
  let folder: string;
  beforeAll(async () => {
    folder = project('html');
    // A link from a plan of shard 1 to a plan of shard 2: it must point at the other plan's page in every shard's build.
    appendFileSync(path.join(folder, 'plans/lena-schmidt.md'), '\nSiehe auch [Sams Plan](sam-okafor.md).\n');
    await buildBothWays(folder, ['--no-pdf']);
  }, 120_000);

  test('each shard builds its slice, plans.json says which, and together they hold every plan once', async () => {
    const slices = [1, 2, 3].map((index) => plansJson(path.join(folder, 'slices', String(index))));
    expect(slices.map((slice) => slice.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    const slugs = slices.map((slice) => slice.plans.map((plan) => plan.slug));
    // One slice of the three example plans is empty: a shard without plans builds and merges too.
    expect(slugs).toEqual([['jordan-lee', 'lena-schmidt'], ['sam-okafor'], []]);
    expect(plansJson(path.join(folder, 'whole')).shard).toBeUndefined();
    expect(plansJson(path.join(folder, 'merged')).shard).toBeUndefined();
    expect(existsSync(path.join(folder, 'slices/1/sam-okafor'))).toBe(false);
    expect(existsSync(path.join(folder, 'slices/2/sam-okafor/index.html'))).toBe(true);
  });

  test('the merged site equals the site built whole, file by file and byte for byte', async () => {
    const merged = path.join(folder, 'merged');
    const whole = path.join(folder, 'whole');
    expect(siteFiles(merged)).toEqual(siteFiles(whole));
    expect(siteFiles(whole)).toContain('.careerplan-manifest.json');
    for (const name of siteFiles(whole)) expect(readFileSync(path.join(merged, name)).equals(readFileSync(path.join(whole, name))), name).toBe(true);
    expect(readFileSync(path.join(merged, 'lena-schmidt/index.html'), 'utf8')).toContain('href="../sam-okafor/"');
  });

  test('a slice whose plans.json is not as careerplan writes it is refused before anything is written: exit 2, the slice and the field named', async () => {
    const broken = path.join(folder, 'broken-slices');
    cpSync(path.join(folder, 'slices'), broken, { recursive: true });
    const data = JSON.parse(readFileSync(path.join(broken, '2/plans.json'), 'utf8')) as { plans: Array<Record<string, unknown>> };
    data.plans[0] = { ...data.plans[0], goals: 'notalist' };
    writeFileSync(path.join(broken, '2/plans.json'), JSON.stringify(data));
    const run = await careerplan(['merge', 'broken-slices', '--out', 'broken-merged'], { cwd: folder });
    expect(run.stderr).toBe('careerplan: broken-slices/2/plans.json is not the plans.json of a careerplan build: expected plan 1 (`sam-okafor`) as careerplan writes it, but `goals`: expected array, received string\n');
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'broken-merged'))).toBe(false);
    // The merges before this one wrote their new folders beside them and renamed them into place: nothing is left beside.
    expect(readdirSync(folder).filter((name) => name.includes('careerplan-merge'))).toEqual([]);
    // Into an existing merged site: not one file of it changes.
    const before = siteFiles(path.join(folder, 'merged')).map((name) => [name, readFileSync(path.join(folder, 'merged', name), 'utf8')]);
    expect((await careerplan(['merge', 'broken-slices', '--out', 'merged'], { cwd: folder })).status).toBe(2);
    expect(siteFiles(path.join(folder, 'merged')).map((name) => [name, readFileSync(path.join(folder, 'merged', name), 'utf8')])).toEqual(before);
  });

  test('a slice that names a plan after the site’s own folder or a hidden one is refused before anything is written', async () => {
    for (const [slug, name] of [['assets', 'assets'], ['.git', 'dot-git']] as const) {
      const broken = path.join(folder, `slices-${name}`);
      cpSync(path.join(folder, 'slices'), broken, { recursive: true });
      const data = JSON.parse(readFileSync(path.join(broken, '2/plans.json'), 'utf8')) as { plans: Array<Record<string, unknown>> };
      const old = String(data.plans[0]?.slug);
      data.plans[0] = { ...data.plans[0], slug };
      writeFileSync(path.join(broken, '2/plans.json'), JSON.stringify(data));
      cpSync(path.join(broken, '2', old), path.join(broken, '2', slug), { recursive: true });
      writeFileSync(path.join(broken, '2', slug, 'site.js'), 'alert(1)');
      const run = await careerplan(['merge', `slices-${name}`, '--out', `merged-${name}`], { cwd: folder });
      expect(run.stderr).toContain(`expected plan 1 (\`${slug}\`) as careerplan writes it, but \`slug\`: expected a plan's name as careerplan makes it from a file name`);
      expect(run.status).toBe(2);
      expect(existsSync(path.join(folder, `merged-${name}`))).toBe(false);
    }
  });

  test('slices without every shard are refused: exit 2, one line, nothing written', async () => {
    const run = await careerplan(['merge', 'slices/1', 'slices/3', '--out', 'partial'], { cwd: folder });
    expect(run.stderr).toBe('careerplan: shard 2/3 is missing: give the out folder of every shard\n');
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'partial'))).toBe(false);
  });
});

describe('careerplan build --shard i/n with PDFs, then careerplan merge', () => {
  let folder: string;
  beforeAll(async () => {
    folder = project('pdf');
    await buildBothWays(folder, []);
  }, 240_000);

  test('the merged site equals the site built whole: every file the same, every PDF the same text', async () => {
    const merged = path.join(folder, 'merged');
    const whole = path.join(folder, 'whole');
    expect(siteFiles(merged)).toEqual(siteFiles(whole));
    const pdfs = siteFiles(whole).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toEqual(['jordan-lee/jordan-lee.pdf', 'lena-schmidt/lena-schmidt.pdf', 'sam-okafor/sam-okafor.pdf']);
    for (const name of siteFiles(whole)) {
      // A PDF carries the time it was printed, so PDFs are compared by their text.
      if (name.endsWith('.pdf')) expect(pdfText(path.join(merged, name)), name).toBe(pdfText(path.join(whole, name)));
      else expect(readFileSync(path.join(merged, name)).equals(readFileSync(path.join(whole, name))), name).toBe(true);
    }
    expect(pdfText(path.join(merged, 'jordan-lee/jordan-lee.pdf'))).toContain('Earn a promotion to Senior Analyst');
    expect(readFileSync(path.join(merged, 'index.html'), 'utf8')).toContain('href="sam-okafor/sam-okafor.pdf"');
  });
});

describe('wrong --shard values and a merge of nothing', () => {
  test.each(['0/3', '4/3', '3', '1/0', 'a/b', '1/3/2'])('build --shard %s exits 2 and says what --shard takes', async (value) => {
    const folder = project(`bad-shard-${value.replaceAll('/', '-')}`);
    const run = await careerplan(['build', '--no-pdf', '--shard', value], { cwd: folder });
    expect(run.stderr).toBe(`careerplan: --shard takes i/n with 1 ≤ i ≤ n, such as 2/4; not \`${value}\`\nRun 'careerplan --help' for usage.\n`);
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'out'))).toBe(false);
  });

  test('merge without a slice exits 2 and says what it takes', async () => {
    const run = await careerplan(['merge'], { cwd: scratch });
    expect(run.stderr).toBe("careerplan: merge takes the out folders of the shards, such as `careerplan merge slices/1 slices/2 slices/3`\nRun 'careerplan --help' for usage.\n");
    expect(run.status).toBe(2);
  });
});
