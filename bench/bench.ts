/**
 * `npm run bench`: generates realistic plans in a temporary folder and
 * measures careerplan through its real CLI — check and build (cold, then
 * unchanged), the cold build at several corpus sizes (growth, peak memory),
 * PDFs next to a bare Puppeteer loop, a warm build with PDFs, the stages
 * in-process, and watch's save → reload — with, in the same run, the
 * references the issue compares it with: a straightforward unified pipeline
 * and, with `--peers`, Eleventy 3 and md-to-pdf. Every run is checked before
 * it counts. Prints one table (`report.ts`), writes it to docs/benchmarks.md
 * and the raw figures to `.bench/results.json`. Touches the disk, starts child
 * processes and browsers, and with `--peers` runs npm.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserVersion, findBrowser, launchArgs } from '../src/edges/browser.js';
import { cases, type BenchCase, type CaseContext } from './cases.js';
import { repoRoot, runCli, runNode, toRuns, type ChildRun } from './child.js';
import { benchAsOf, writePlans, type GeneratedPlan } from './generate.js';
import { parseOptions, usage, type Options, type SectionName } from './options.js';
import { measurePdf } from './pdf.js';
import { measureColdPdf, measureOnePdf, onePdfMinRuns } from './pdf-builds.js';
import { checkPages, planSlugs } from './references/check-pages.js';
import { installPeers, mdToPdfBatch, prepareEleventy, prepareMdToPdf, runEleventy, runMdToPdf, type EleventySite, type Peers } from './references/peers.js';
import type { UnifiedBuild } from './references/unified.js';
import { renderReport, type BenchResults, type CaseRuns, type Failure, type Machine, type Runs } from './report.js';
import { measureFastReaders } from './fast-readers.js';
import { measureHistory } from './history.js';
import { measureOnePlanCheck, onePlanTurns } from './one-plan.js';
import { runProperties } from './properties.js';
import { measureStages } from './stages.js';
import { median, summarize } from './stats.js';
import { measureWarm } from './warm.js';
import { measureWatch } from './watch.js';
import { measureLsp } from './lsp.js';

/**
 * Timed warm builds at least: one takes about 0.2 s, so seven cost little, and their median is not one unlucky
 * moment of a shared machine (its target, a tenth of Eleventy's cold build, is about 0.2 s too).
 */
const warmRuns = 7;

/** How often the load average is sampled while the bench runs. */
const loadSampleMs = 5000;

async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage()}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage());
    return 0;
  }
  if (options.properties !== undefined) return runProperties(options.properties);

  const work = await mkdtemp(path.join(os.tmpdir(), 'careerplan-bench-'));
  const usageFile = path.join(work, 'child-usage.json');
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const loadDuring: number[] = [];
  const loadTimer = setInterval(() => loadDuring.push(os.loadavg()[0] ?? 0), loadSampleMs);
  loadTimer.unref();
  try {
    const results = await run(options, work, usageFile);
    clearInterval(loadTimer);
    const report: BenchResults = {
      ...results,
      date: new Date().toISOString(),
      ...commit(),
      command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
      machine: await describeMachine(),
      load: { before: loadBefore, during: loadDuring, after: os.loadavg()[0] ?? 0 },
      benchSeconds: (performance.now() - started) / 1000,
    };
    const resultsFile = path.join(repoRoot, '.bench', 'results.json');
    await mkdir(path.dirname(resultsFile), { recursive: true });
    await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    const text = renderReport(report);
    process.stdout.write(`\n${text}`);
    const written = [path.relative(process.cwd(), resultsFile) || resultsFile];
    // A peer that fails is a fact about the peer; careerplan failing means the figures are not worth publishing.
    const failed = report.failures.filter((failure) => !failure.peer);
    if (options.docs && failed.length === 0) {
      const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
      await writeFile(docsFile, `${docsPreamble}${text}`);
      written.push(path.relative(process.cwd(), docsFile) || docsFile);
    }
    process.stdout.write(`\nWritten to ${written.join(' and ')}\n`);
    if (failed.length > 0) {
      process.stderr.write(`bench: ${failed.map((failure) => failure.section).join(', ')} failed${options.docs ? '; docs/benchmarks.md left as it was' : ''}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    clearInterval(loadTimer);
    if (options.keep) process.stderr.write(`bench: kept the temporary folder ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

const docsPreamble = `# Benchmarks

What \`npm run bench\` measured the last time it was run to update this page
(it rewrites the page; \`--no-docs\` leaves it alone). How the bench works and
its options: the README's "Benchmarks" section and \`npm run bench -- --help\`.

## The fast readers and their switch

\`src/fast/\` holds hand-written readers that give the libraries' exact result
(tree, data, positions) for the plain text plans are written in, LF or CR LF,
and leave everything else to the library: \`markdown-body\` (the Markdown
body, in place of micromark) and \`yaml-subset\` (plain YAML, in place of the
\`yaml\` package until a diagnostic needs positions). Each is tested against
its library in \`tests/fast/\`. A third, \`gfm\` (micromark's GFM constructs
refusing early), was removed when this section showed it saved nothing once
\`markdown-body\` reads the bodies (check 1.04×, cold build 1.07× the CPU time
without it, 300 plans). One place decides which run, \`src/fast/switch.ts\`,
from the environment variable \`CAREERPLAN_FAST_READERS\`: unset or \`1\`, all;
\`0\`, none (the libraries alone); or a comma-separated list of the names to
run. The \`fast\` section of the bench (\`npm run bench -- --case fast\`) runs
\`check\` and the cold build with each reader off alone, with all off, and on
the same plans saved with CR LF line breaks; a reader is kept only while its
rows show it saves at least 10% of \`check\` or of the cold build.

The test suite runs each property test (fast-check) at a size for CI; the deep
run is \`npm run bench -- --properties 1000\`: every property at least 1,000
times, nothing measured (one file: \`CAREERPLAN_PROPERTY_RUNS=1000 npx vitest
run tests/fast/markdown-body.test.ts\`; replay a failure's seed with
\`CAREERPLAN_PROPERTY_SEED\`).

`;

type Measured = Omit<BenchResults, 'date' | 'commit' | 'command' | 'machine' | 'load' | 'benchSeconds'>;

/** Runs every chosen section and returns what they measured, and what failed. */
async function run(options: Options, work: string, usageFile: string): Promise<Measured> {
  const { plans: planCount, runs, sections } = options;
  const plansFolder = path.join(work, 'plans');
  let corpus: GeneratedPlan[] = [];
  const generateMs: number[] = [];
  const generate = async (): Promise<void> => {
    await rm(plansFolder, { recursive: true, force: true });
    const begun = performance.now();
    corpus = await writePlans(plansFolder, planCount, options.seed);
    generateMs.push(performance.now() - begun);
  };
  const ensureCorpus = async (): Promise<void> => {
    if (corpus.length === 0) await generate();
  };

  // A section that fails is reported as failed and the others go on: one failure late in a long run loses nothing else.
  const failures: Failure[] = [];
  const attempt = async <T>(section: string, peer: boolean, body: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ section, peer, message });
      progress(`${section} failed: ${message.split('\n')[0] ?? ''}`);
      return undefined;
    }
  };

  let peers: Peers | undefined;
  if (options.peers) {
    progress('peers: npm install of Eleventy 3, its Handlebars plugin and md-to-pdf 5 into a temporary folder');
    peers = await attempt('peers', true, () => installPeers(path.join(work, 'peers')));
    if (peers) progress(`peers: installed in ${peers.installSeconds.toFixed(0)} s: ${Object.entries(peers.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  }
  // Eleventy at one size: after a failure at a size, not tried again at that size.
  const eleventyFailed = new Set<number>();
  const eleventyAt = async (site: EleventySite | undefined, size: number, index: number, into: ChildRun[]): Promise<void> => {
    if (!peers || !site || eleventyFailed.has(size)) return;
    progress(`peers: Eleventy on the same ${size} plans, run ${index}/${runs}`);
    const result = await attempt(`Eleventy at ${size} plans`, true, () => runEleventy(peers as Peers, site, usageFile));
    if (result) into.push(result);
    else eleventyFailed.add(size);
  };

  progress(`startup: careerplan --version, ${runs} ${runs === 1 ? 'time' : 'times'}`);
  const startup = await attempt('startup', false, async () => {
    const samples: ChildRun[] = [];
    for (let index = 0; index < runs; index++) {
      const result = await runCli(['--version'], usageFile);
      if (result.exitCode !== 0 || !/^\d+\.\d+\.\d+/.test(result.stdout)) throw new Error(`careerplan --version failed (exit ${result.exitCode}): ${result.stderr}`);
      samples.push(result);
    }
    return samples;
  });

  const contextOf = async (benchCase: BenchCase, plans: string, count: number): Promise<CaseContext> => {
    const context: CaseContext = { plans, scratch: path.join(work, `scratch-${benchCase.name}-${count}`), planCount: count };
    await mkdir(context.scratch, { recursive: true });
    return context;
  };
  const buildCase = caseNamed('build');

  // The references at N, run right after each cold build of careerplan on the same plans (or on their own without it).
  const site = peers ? await prepareEleventy(peers, plansFolder, path.join(work, `eleventy-${planCount}`)) : undefined;
  const unifiedRuns: Array<{ run: ChildRun; build: UnifiedBuild }> = [];
  const eleventyRuns: ChildRun[] = [];
  let unifiedFailed = false;
  const references = async (index: number): Promise<void> => {
    if (sections.has('unified') && !unifiedFailed) {
      progress(`unified: the straightforward pipeline on the same ${planCount} plans, run ${index}/${runs}`);
      const result = await attempt('unified', false, () => runUnified(plansFolder, path.join(work, 'unified-out'), usageFile));
      if (result) unifiedRuns.push(result);
      else unifiedFailed = true;
    }
    await eleventyAt(site, planCount, index, eleventyRuns);
  };
  const withReferences = buildCase.name;

  // Each case of cases.ts at N: cold (right after the plans are written, its output cleared), then unchanged.
  const caseResults: Record<string, CaseRuns> = {};
  for (const benchCase of cases) {
    if (!sections.has(benchCase.name as SectionName)) continue;
    const context = await contextOf(benchCase, plansFolder, planCount);
    const measured = await attempt(benchCase.name, false, async () => {
      const cold: ChildRun[] = [];
      for (let index = 1; index <= runs; index++) {
        progress(`${benchCase.name}: generating ${planCount} plans, cold run ${index}/${runs}`);
        await generate();
        await benchCase.reset?.(context);
        cold.push(await measuredRun(benchCase, context, usageFile));
        if (benchCase.name === withReferences) await references(index);
      }
      const unchanged: ChildRun[] = [];
      for (let index = 1; index <= runs; index++) {
        progress(`${benchCase.name}: unchanged run ${index}/${runs}`);
        unchanged.push(await measuredRun(benchCase, context, usageFile));
      }
      const last = unchanged.at(-1) ?? cold.at(-1);
      return { command: `careerplan ${benchCase.description}`, cold: toRuns(cold), unchanged: toRuns(unchanged), counts: last ? benchCase.verify(last, context) : {} };
    });
    if (measured) caseResults[benchCase.name] = measured;
    await benchCase.reset?.(context);
  }
  const onePlan = sections.has('check')
    ? await attempt('check of one plan', false, () => measureOnePlanCheck({ work: path.join(work, 'one-plan'), turns: Math.max(onePlanTurns, runs), seed: options.seed, usageFile, progress }))
    : undefined;
  if (!sections.has(withReferences as SectionName) && (sections.has('unified') || peers)) {
    for (let index = 1; index <= runs; index++) {
      await generate();
      await references(index);
    }
  }
  await rm(path.join(work, 'unified-out'), { recursive: true, force: true });
  const unified: Measured['unified'] = unifiedRuns.length > 0 ? { ...toRuns(unifiedRuns.map((r) => r.run)), innerMs: unifiedRuns.map((r) => r.build.ms) } : undefined;
  const eleventy: Record<string, Runs> = {};
  if (eleventyRuns.length > 0) eleventy[String(planCount)] = toRuns(eleventyRuns);
  const scale: Record<string, Runs> = {};
  const buildCold = caseResults[buildCase.name]?.cold;
  if (buildCold) scale[String(planCount)] = buildCold;

  // The other sizes: careerplan's cold build, and Eleventy's with --peers.
  if (sections.has('scale') || peers) {
    for (const size of options.scale) {
      const careerplanHere = sections.has('scale') && scale[String(size)] === undefined && !(size === planCount && sections.has(withReferences as SectionName));
      const eleventyHere = peers !== undefined && eleventy[String(size)] === undefined && !eleventyFailed.has(size);
      if (!careerplanHere && !eleventyHere) continue;
      const folder = path.join(work, `plans-${size}`);
      const context = await contextOf(buildCase, folder, size);
      const sizeSite = peers && eleventyHere ? await prepareEleventy(peers, folder, path.join(work, `eleventy-${size}`)) : undefined;
      const cold: ChildRun[] = [];
      const eleventyHereRuns: ChildRun[] = [];
      let careerplanFailed = false;
      for (let index = 1; index <= runs; index++) {
        await rm(folder, { recursive: true, force: true });
        await writePlans(folder, size, options.seed);
        if (careerplanHere && !careerplanFailed) {
          progress(`scale: cold build of ${size} plans, run ${index}/${runs}`);
          const result = await attempt(`scale at ${size} plans`, false, async () => {
            await buildCase.reset?.(context);
            return measuredRun(buildCase, context, usageFile);
          });
          if (result) cold.push(result);
          else careerplanFailed = true;
        }
        await eleventyAt(sizeSite, size, index, eleventyHereRuns);
      }
      if (cold.length === runs) scale[String(size)] = toRuns(cold);
      if (eleventyHereRuns.length > 0) eleventy[String(size)] = toRuns(eleventyHereRuns);
      await rm(folder, { recursive: true, force: true });
      await rm(context.scratch, { recursive: true, force: true });
      if (sizeSite) await rm(sizeSite.cwd, { recursive: true, force: true });
    }
  }

  const pdf = sections.has('pdf')
    ? await attempt('pdf', false, () =>
        measurePdf({ plans: options.pdfPlans, runs: options.pdfRuns, seed: options.seed, floors: options.floors, work: path.join(work, 'pdf'), usageFile, progress }),
      )
    : undefined;
  await rm(path.join(work, 'pdf'), { recursive: true, force: true });

  const onePdf = sections.has('one-pdf')
    ? await attempt('one-pdf', false, () =>
        measureOnePdf({ seed: options.seed, runs: Math.max(onePdfMinRuns, options.pdfRuns), work: path.join(work, 'one-pdf'), usageFile, progress }),
      )
    : undefined;
  await rm(path.join(work, 'one-pdf'), { recursive: true, force: true });

  // The bench corpus, cold, with every PDF, at as many tabs as cores (the CLI's default), next to Eleventy plus the bare script at the same.
  const coldPdf = sections.has('all-pdf')
    ? await attempt('all-pdf', false, async () => {
        await ensureCorpus();
        return measureColdPdf({
          plansFolder, planCount, concurrency: os.availableParallelism(), runs, work: path.join(work, 'all-pdf'), usageFile, progress,
          ...(peers && site && !eleventyFailed.has(planCount) ? { eleventy: { peers, site } } : {}),
        });
      })
    : undefined;
  await rm(path.join(work, 'all-pdf'), { recursive: true, force: true });

  const mdToPdf = peers
    ? await attempt('md-to-pdf', true, async () => {
        const choice = findBrowser({ env: process.env });
        if (!choice) throw new Error('md-to-pdf needs a browser, and none was found (set CAREERPLAN_BROWSER)');
        const folder = path.join(work, 'md-to-pdf-plans');
        const input = await prepareMdToPdf(await writePlans(folder, options.pdfPlans, options.seed), folder, path.join(work, 'md-to-pdf'));
        const wallMs: number[] = [];
        for (let index = 1; index <= options.pdfRuns; index++) {
          progress(`peers: md-to-pdf, ${options.pdfPlans} plans in batches of ${mdToPdfBatch}, run ${index}/${options.pdfRuns}`);
          wallMs.push((await runMdToPdf(peers as Peers, input, { path: choice.path, args: launchArgs() }, usageFile)).wallMs);
        }
        return { plans: options.pdfPlans, batch: mdToPdfBatch, wallMs };
      })
    : undefined;

  const warm = sections.has('warm')
    ? await attempt('warm', false, async () => {
        await ensureCorpus();
        return measureWarm({ plansFolder, planCount, runs: Math.max(warmRuns, runs), work: path.join(work, 'warm'), usageFile, progress });
      })
    : undefined;
  await rm(path.join(work, 'warm'), { recursive: true, force: true });

  const stages = sections.has('stages')
    ? await attempt('stages', false, async () => {
        await ensureCorpus();
        const sampled = sample(corpus, options.sample).map((plan) => path.join(plansFolder, plan.name));
        progress(`stages: ${sampled.length} plans in-process, ${runs} ${runs === 1 ? 'pass' : 'passes'} after a warm-up`);
        return measureStages(sampled, plansFolder, runs);
      })
    : undefined;

  const history = sections.has('history')
    ? await attempt('history', false, () => {
        progress('history: a plan with 200 commits in a scripted repository, cold and cached');
        return measureHistory({ commits: 200, runs: Math.max(3, runs), work: path.join(work, 'history') });
      })
    : undefined;

  const fastReaders = sections.has('fast')
    ? await attempt('fast', false, async () => {
        await ensureCorpus();
        return measureFastReaders({ plansFolder, planCount, runs, work: path.join(work, 'fast'), usageFile, progress });
      })
    : undefined;

  const lsp = sections.has('lsp')
    ? await attempt('lsp', false, async () => {
        await ensureCorpus();
        const plan = corpus[0];
        if (plan === undefined) throw new Error('lsp needs at least one plan');
        progress(`lsp: 50 edits of ${plan.name} in careerplan lsp --stdio`);
        return measureLsp({ plansFolder, plan, edits: 50 });
      })
    : undefined;

  if (corpus.length === 0 && sections.has('watch')) await ensureCorpus();
  const described = corpus.length > 0 ? describeCorpus(corpus, generateMs) : undefined;
  // Last: it edits the plans.
  const watch = sections.has('watch')
    ? await attempt('watch', false, () => {
        progress(`watch: starting careerplan watch on ${corpus.length} plans`);
        return measureWatch({ plansFolder, plans: corpus, edits: Math.min(options.watchEdits, corpus.length), work: path.join(work, 'watch'), progress });
      })
    : undefined;

  return {
    options: {
      plans: planCount,
      scale: options.scale,
      runs,
      seed: options.seed,
      asOf: benchAsOf,
      sections: [...sections],
      peers: options.peers,
      pdfPlans: options.pdfPlans,
      sample: Math.min(options.sample, planCount),
    },
    ...(described ? { corpus: described } : {}),
    ...(startup ? { startup: toRuns(startup) } : {}),
    cases: caseResults,
    ...(onePlan ? { onePlan } : {}),
    ...(unified ? { unified } : {}),
    ...(Object.keys(scale).length > 0 && sections.has('scale') ? { scale } : {}),
    ...(peers ? { peers: { versions: peers.versions, installSeconds: peers.installSeconds } } : {}),
    ...(Object.keys(eleventy).length > 0 ? { eleventy } : {}),
    ...(mdToPdf ? { mdToPdf } : {}),
    ...(pdf ? { pdf } : {}),
    ...(onePdf ? { onePdf } : {}),
    ...(coldPdf ? { coldPdf } : {}),
    ...(warm ? { warm } : {}),
    ...(stages ? { stages } : {}),
    ...(history ? { history } : {}),
    ...(fastReaders ? { fastReaders } : {}),
    ...(lsp ? { lsp } : {}),
    ...(watch ? { watch } : {}),
    failures,
  };
}

function caseNamed(name: string): BenchCase {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no bench case named ${name}`);
  return found;
}

async function measuredRun(benchCase: BenchCase, context: CaseContext, usageFile: string): Promise<ChildRun> {
  const result = await runCli(benchCase.args(context), usageFile);
  benchCase.verify(result, context);
  return result;
}

/** The straightforward pipeline in a Node process of its own, from an empty out folder; throws unless it wrote every page whole. */
async function runUnified(plansFolder: string, out: string, usageFile: string): Promise<{ run: ChildRun; build: UnifiedBuild }> {
  await rm(out, { recursive: true, force: true });
  const report = `${out}.json`;
  const script = path.join(repoRoot, 'dist', 'bench', 'references', 'unified-child.js');
  const result = await runNode(script, [plansFolder, out, report], usageFile);
  if (result.exitCode !== 0) throw new Error(`the unified pipeline exited ${result.exitCode}: ${result.stderr.slice(-800)}`);
  const build = JSON.parse(readFileSync(report, 'utf8')) as UnifiedBuild;
  const slugs = await planSlugs(plansFolder);
  if (build.pages !== slugs.length) throw new Error(`the unified pipeline built ${build.pages} pages, expected ${slugs.length}`);
  await checkPages(out, slugs, 'the unified pipeline');
  return { run: result, build };
}

/** `count` plans spread evenly over the corpus. */
function sample<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)] as T);
}

function describeCorpus(plans: readonly GeneratedPlan[], generateMs: readonly number[]): NonNullable<BenchResults['corpus']> {
  const bytes = plans.map((plan) => Buffer.byteLength(plan.text));
  const frontmatter = plans.map((plan) => Buffer.byteLength(plan.text.slice(0, plan.text.indexOf('\n---', 3) + 4)));
  return {
    plans: plans.length,
    totalMb: bytes.reduce((sum, size) => sum + size, 0) / 1024 / 1024,
    planKb: summarize(bytes.map((size) => size / 1024)).mean,
    frontmatterKb: summarize(frontmatter.map((size) => size / 1024)).mean,
    generateSeconds: median(generateMs) / 1000,
  };
}

/** The machine, as docs/benchmarks.md describes it. Runs the browser once for its version. */
async function describeMachine(): Promise<Machine> {
  let release = '';
  try {
    release = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // Not Linux, or no os-release: the kernel alone.
  }
  const choice = findBrowser({ env: process.env });
  const browser = choice ? await browserVersion(choice.path) : undefined;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${release ? `${release}, ` : ''}${os.type()} ${os.release()} ${process.arch}`,
    node: process.version,
    ...(browser ? { browser } : {}),
  };
}

/** The commit measured, marked when the code that runs (src, bin, templates) has uncommitted changes. */
function commit(): { commit?: string } {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bin', 'templates'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: dirty ? `${head} (with uncommitted changes to src, bin or templates)` : head };
  } catch {
    return {};
  }
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

process.exitCode = await main(process.argv.slice(2));
