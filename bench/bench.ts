/**
 * `npm run bench`: generates a corpus of realistic plans in a temporary
 * folder, measures each case of `cases.ts` through the real CLI (cold: the
 * first run after generating; unchanged: runs again with nothing changed),
 * measures printing PDFs through the CLI next to a bare Puppeteer loop
 * (`pdf.ts`), and breaks one plan's check down by stage in-process. Prints a
 * table and writes the figures to `.bench/results.json`. Touches the disk and
 * starts child processes and browsers.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cases, type BenchCase, type CaseContext } from './cases.js';
import { repoRoot, runCli, type ChildRun } from './child.js';
import { benchAsOf, writePlans, type GeneratedPlan } from './generate.js';
import { floorVariants, measurePdf, pdfConcurrencies, type FloorVariant, type PdfFigures } from './pdf.js';
import { measureStages, stageNames, type StageFigures } from './stages.js';
import { measureWatch, type WatchFigures } from './watch.js';
import { median, summarize } from './stats.js';

/** The cases and sections `--case` chooses from: the CLI cases, then printing PDFs, then the live preview. */
const sectionNames = [...cases.map((c) => c.name), 'pdf', 'watch'] as const;

const usage = `Usage: npm run bench -- [options]

  --plans N        plans in the generated corpus (default 1000)
  --runs R         cold and unchanged runs per case, and in-process passes; medians reported (default 1)
  --sample K       plans timed in-process, stage by stage (default 200; evenly spread over the corpus)
  --seed S         the generator's seed (default 1)
  --case NAMES     comma-separated cases to run (default: ${sectionNames.join(',')}; pdf is the PDF section)
  --pdf-plans N    plans printed to PDF by the pdf section (default 100)
  --pdf-runs R     timed runs of each PDF measurement; medians reported (default 1)
  --watch-edits N  saves timed by the watch section, each a different plan of the corpus (default 50)
  --floor NAMES    the bare Puppeteer loops to compare with, of ${floorVariants.join(', ')} (default: served):
                     served = setContent(html) with a <base> to a loopback server over the site:
                              the same styled pages careerplan prints (CSS, web fonts, images)
                     plain  = setContent(html) alone: CSS, fonts and images do not load (about:blank),
                              so it prints unstyled pages, about twice as fast; adds ~25 s
  --keep           keep the temporary folder with the generated plans
  -h, --help       show this help
`;

interface Options {
  readonly plans: number;
  readonly runs: number;
  readonly sample: number;
  readonly seed: number;
  readonly cases: readonly BenchCase[];
  readonly pdf: boolean;
  readonly pdfPlans: number;
  readonly pdfRuns: number;
  readonly floors: readonly FloorVariant[];
  readonly watch: boolean;
  readonly watchEdits: number;
  readonly keep: boolean;
}

/** One case's figures: wall time and cost per run, cold and unchanged. */
interface CaseFigures {
  readonly name: string;
  readonly command: string;
  readonly cold: RunFigures;
  readonly unchanged: RunFigures;
  /** What the last run reported, such as warnings by rule. */
  readonly counts: Readonly<Record<string, number>>;
}

interface RunFigures {
  /** Median wall time of the runs, in seconds. */
  readonly seconds: number;
  readonly msPerPlan: number;
  readonly samplesMs: readonly number[];
  /** Median peak resident memory of the child, in MB. */
  readonly peakRssMb?: number;
  /** Median user + system CPU time of the child, in seconds. */
  readonly cpuSeconds?: number;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }

  const work = await mkdtemp(path.join(os.tmpdir(), 'careerplan-bench-'));
  const plansFolder = path.join(work, 'plans');
  const usageFile = path.join(work, 'child-usage.json');
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  try {
    const startup = await measureStartup(options.runs, usageFile);

    let corpus: { plans: GeneratedPlan[]; generateMs: number[] } = { plans: [], generateMs: [] };
    const generate = async (): Promise<void> => {
      await rm(plansFolder, { recursive: true, force: true });
      const begun = performance.now();
      const plans = await writePlans(plansFolder, options.plans, options.seed);
      corpus = { plans, generateMs: [...corpus.generateMs, performance.now() - begun] };
    };

    const results: CaseFigures[] = [];
    for (const benchCase of options.cases) {
      const context: CaseContext = { plans: plansFolder, scratch: path.join(work, `scratch-${benchCase.name}`), planCount: options.plans };
      await mkdir(context.scratch, { recursive: true });
      const cold: ChildRun[] = [];
      for (let run = 1; run <= options.runs; run++) {
        progress(`${benchCase.name}: generating ${options.plans} plans, cold run ${run}/${options.runs}`);
        await generate();
        await benchCase.reset?.(context);
        cold.push(await measuredRun(benchCase, context, usageFile));
      }
      const unchanged: ChildRun[] = [];
      for (let run = 1; run <= options.runs; run++) {
        progress(`${benchCase.name}: unchanged run ${run}/${options.runs}`);
        unchanged.push(await measuredRun(benchCase, context, usageFile));
      }
      const last = unchanged.at(-1) ?? cold.at(-1);
      results.push({
        name: benchCase.name,
        command: `careerplan ${benchCase.description}`,
        cold: runFigures(cold, options.plans),
        unchanged: runFigures(unchanged, options.plans),
        counts: last ? benchCase.verify(last, context) : {},
      });
    }

    const pdf = options.pdf
      ? await measurePdf({ plans: options.pdfPlans, runs: options.pdfRuns, seed: options.seed, floors: options.floors, work: path.join(work, 'pdf'), usageFile, progress })
      : undefined;

    if (corpus.plans.length === 0) await generate();
    const sampled = sample(corpus.plans, options.sample).map((plan) => path.join(plansFolder, plan.name));
    progress(`stages: ${sampled.length} plans in-process, ${options.runs} passes after a warm-up`);
    const stages = await measureStages(sampled, plansFolder, options.runs);

    let watch: WatchFigures | undefined;
    if (options.watch) {
      progress(`watch: starting careerplan watch on ${corpus.plans.length} plans`);
      watch = await measureWatch({ plansFolder, plans: corpus.plans, edits: Math.min(options.watchEdits, corpus.plans.length), work: path.join(work, 'watch'), progress });
    }

    const report = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown' },
      options: {
        plans: options.plans,
        runs: options.runs,
        sample: sampled.length,
        seed: options.seed,
        asOf: benchAsOf,
        ...(options.pdf ? { pdfPlans: options.pdfPlans, pdfRuns: options.pdfRuns, floors: options.floors } : {}),
      },
      corpus: describeCorpus(corpus.plans, corpus.generateMs),
      startup,
      cases: results,
      ...(pdf ? { pdf } : {}),
      stages,
      ...(watch ? { watch } : {}),
      benchSeconds: (performance.now() - started) / 1000,
      loadAverage: [loadBefore, os.loadavg()[0] ?? 0],
    };
    const resultsFile = path.join(repoRoot, '.bench', 'results.json');
    await mkdir(path.dirname(resultsFile), { recursive: true });
    await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(table(report, stages));
    process.stdout.write(`\nFigures written to ${path.relative(process.cwd(), resultsFile) || resultsFile}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (options.keep) process.stderr.write(`bench: kept the generated plans in ${plansFolder}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      plans: { type: 'string' },
      runs: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      case: { type: 'string' },
      'pdf-plans': { type: 'string' },
      'pdf-runs': { type: 'string' },
      'watch-edits': { type: 'string' },
      floor: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument \`${positionals[0]}\``);
  const count = (name: string, given: string | undefined, fallback: number, min: number): number => {
    if (given === undefined) return fallback;
    const value = Number(given);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number of at least ${min}, not \`${given}\``);
    return value;
  };
  const names = values.case?.split(',').map((name) => name.trim()) ?? [...sectionNames];
  for (const name of names) {
    if (!(sectionNames as readonly string[]).includes(name)) throw new Error(`unknown --case \`${name}\`, expected ${sectionNames.join(', ')}`);
  }
  const floors = values.floor?.split(',').map((name) => name.trim()) ?? ['served'];
  for (const name of floors) {
    if (!(floorVariants as readonly string[]).includes(name)) throw new Error(`unknown --floor \`${name}\`, expected ${floorVariants.join(', ')}`);
  }
  const plans = count('plans', values.plans, 1000, 1);
  return {
    plans,
    runs: count('runs', values.runs, 1, 1),
    sample: Math.min(plans, count('sample', values.sample, 200, 1)),
    seed: count('seed', values.seed, 1, 0),
    cases: cases.filter((c) => names.includes(c.name)),
    pdf: names.includes('pdf'),
    pdfPlans: count('pdf-plans', values['pdf-plans'], 100, 1),
    pdfRuns: count('pdf-runs', values['pdf-runs'], 1, 1),
    floors: floorVariants.filter((variant) => floors.includes(variant)),
    watch: names.includes('watch'),
    watchEdits: count('watch-edits', values['watch-edits'], 50, 1),
    keep: values.keep ?? false,
  };
}

/** The CLI's own start-up cost: `careerplan --version`. */
async function measureStartup(runs: number, usageFile: string): Promise<{ ms: number; peakRssMb?: number; samplesMs: number[] }> {
  const samples: ChildRun[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await runCli(['--version'], usageFile);
    if (result.exitCode !== 0 || !/^\d+\.\d+\.\d+/.test(result.stdout)) throw new Error(`careerplan --version failed (exit ${result.exitCode}): ${result.stderr}`);
    samples.push(result);
  }
  const rss = samples.flatMap((run) => (run.usage ? [run.usage.maxRssKb / 1024] : []));
  return { ms: median(samples.map((run) => run.wallMs)), ...(rss.length > 0 ? { peakRssMb: median(rss) } : {}), samplesMs: samples.map((run) => run.wallMs) };
}

async function measuredRun(benchCase: BenchCase, context: CaseContext, usageFile: string): Promise<ChildRun> {
  const run = await runCli(benchCase.args(context), usageFile);
  benchCase.verify(run, context);
  return run;
}

function runFigures(runs: readonly ChildRun[], planCount: number): RunFigures {
  const samplesMs = runs.map((run) => run.wallMs);
  const ms = median(samplesMs);
  const usages = runs.flatMap((run) => (run.usage ? [run.usage] : []));
  return {
    seconds: ms / 1000,
    msPerPlan: ms / planCount,
    samplesMs,
    ...(usages.length > 0
      ? { peakRssMb: median(usages.map((u) => u.maxRssKb / 1024)), cpuSeconds: median(usages.map((u) => (u.userMs + u.systemMs) / 1000)) }
      : {}),
  };
}

/** `count` plans spread evenly over the corpus. */
function sample<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)] as T);
}

function describeCorpus(plans: readonly GeneratedPlan[], generateMs: readonly number[]) {
  const bytes = plans.map((plan) => Buffer.byteLength(plan.text));
  const frontmatter = plans.map((plan) => Buffer.byteLength(plan.text.slice(0, plan.text.indexOf('\n---', 3) + 4)));
  return {
    plans: plans.length,
    totalMb: bytes.reduce((sum, size) => sum + size, 0) / 1024 / 1024,
    planKb: summarize(bytes.map((size) => size / 1024)),
    frontmatterKb: summarize(frontmatter.map((size) => size / 1024)),
    generateMs: median(generateMs),
  };
}

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bin'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit} (src modified)` : commit;
  } catch {
    return undefined;
  }
}

interface Report {
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpu: string };
  readonly options: { readonly plans: number; readonly runs: number; readonly sample: number; readonly seed: number };
  readonly corpus: ReturnType<typeof describeCorpus>;
  readonly startup: { readonly ms: number; readonly peakRssMb?: number };
  readonly cases: readonly CaseFigures[];
  readonly pdf?: PdfFigures;
  readonly watch?: WatchFigures;
  readonly commit: string | undefined;
  readonly benchSeconds: number;
  /** The 1-minute load average before and after the bench: other work on the machine skews every figure. */
  readonly loadAverage: readonly number[];
}

function table(report: Report, stages: StageFigures): string {
  const { options, corpus, machine } = report;
  const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '–' : value.toFixed(digits));
  const row = (cells: readonly string[], widths: readonly number[]): string =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  const lines: string[] = [
    '',
    `careerplan bench · ${options.plans} plans (seed ${options.seed}) · ${options.runs} runs, medians · Node ${machine.node} · ${machine.cpus} × ${machine.cpu}${report.commit ? ` · ${report.commit}` : ''}`,
    `corpus: ${corpus.totalMb.toFixed(1)} MB, ${corpus.planKb.mean.toFixed(1)} KB a plan (frontmatter ${corpus.frontmatterKb.mean.toFixed(1)} KB), generated in ${(corpus.generateMs / 1000).toFixed(2)} s`,
    '',
  ];
  const cliWidths = [34, 9, 9, 10, 8];
  lines.push(row(['through the CLI (child process)', 'total s', 'ms/plan', 'peak RSS', 'CPU s'], cliWidths));
  lines.push(row(['startup: careerplan --version', fixed(report.startup.ms / 1000, 3), '–', `${fixed(report.startup.peakRssMb, 0)} MB`, '–'], cliWidths));
  for (const result of report.cases) {
    for (const [label, figures] of [['cold', result.cold], ['unchanged', result.unchanged]] as const) {
      lines.push(
        row(
          [`${result.name}, ${label}`, fixed(figures.seconds, 2), fixed(figures.msPerPlan, 2), `${fixed(figures.peakRssMb, 0)} MB`, fixed(figures.cpuSeconds, 2)],
          cliWidths,
        ),
      );
    }
    const counts = Object.entries(result.counts).map(([key, value]) => `${key} ${value}`);
    lines.push(`  ${result.command}: ${counts.join(', ')}`);
  }
  if (report.pdf) lines.push(...pdfTable(report.pdf, fixed, row));
  lines.push('');
  const stageWidths = [34, 9, 9, 9];
  lines.push(row([`in-process, ${options.sample} plans × ${options.runs} passes`, 'median', 'mean', 'p95'], stageWidths) + '  ms/plan');
  for (const name of stageNames) {
    const figures = stages[name];
    const label = name.startsWith('parse: ') ? `  ${name.slice('parse: '.length)}` : name;
    lines.push(row([label, fixed(figures.median, 2), fixed(figures.mean, 2), fixed(figures.p95, 2)], stageWidths));
  }
  lines.push('(the parts of parse are timed on their own, in a pass of their own: they need not add up to parse)');
  if (report.watch) lines.push(...watchTable(report.watch, fixed));
  const [before = 0, after = 0] = report.loadAverage;
  // The bench itself keeps about one core busy, which the load average after it includes; when it printed PDFs,
  // its browsers keep every core busy and the figure after says nothing about other processes.
  const busy = before > 0.5 || (!report.pdf && after > 1.5) ? ' — other processes were busy: expect noisy figures' : '';
  lines.push('', `bench took ${report.benchSeconds.toFixed(0)} s; 1-minute load average ${before.toFixed(2)} before, ${after.toFixed(2)} after${busy}`);
  return `${lines.join('\n')}\n`;
}

type Fixed = (value: number | undefined, digits: number) => string;
type Row = (cells: readonly string[], widths: readonly number[]) => string;

/** The PDF section of the table: PDF/s per concurrency, careerplan and the floor, and how they were measured. */
function pdfTable(pdf: PdfFigures, fixed: Fixed, row: Row): string[] {
  const widths = [40, 8, 8, 8];
  const perC = <T extends { readonly concurrency: number }>(items: readonly T[], cell: (item: T) => string): string[] =>
    pdfConcurrencies.map((c) => {
      const item = items.find((candidate) => candidate.concurrency === c);
      return item ? cell(item) : '–';
    });
  const shape = (label: string, s: PdfFigures['shapes']['careerplan']): string =>
    s ? `${label} ${s.pages.mean.toFixed(1)} pages, ${s.kb.mean.toFixed(0)} KB on average` : '';
  const { browserStart: start } = pdf;
  const lines: string[] = [
    '',
    `PDFs · ${pdf.plans} plans · ${pdf.runs} ${pdf.runs === 1 ? 'run' : 'runs'}${pdf.runs > 1 ? ', medians' : ''} · ${pdf.browser.version ?? 'browser'} (${pdf.browser.path}, ${pdf.browser.reason})`,
    row(['PDF/s (higher is better)', ...pdfConcurrencies.map((c) => `C=${c}`)], widths),
  ];
  lines.push(row(['careerplan build: print phase', ...perC(pdf.careerplan, (f) => fixed(f.pdfPerSecond, 2))], widths));
  lines.push(row(['  cross-check: wall − HTML-only wall', ...perC(pdf.careerplan, (f) => fixed(f.pdfPerSecondBySubtraction, 2))], widths));
  for (const variant of floorVariants) {
    const figures = pdf.floor.filter((f) => f.variant === variant);
    if (figures.length === 0) continue;
    lines.push(row([`bare loop, ${variant === 'plain' ? 'setContent, no assets' : 'setContent, assets served'}`, ...perC(figures, (f) => fixed(f.pdfPerSecond, 2))], widths));
  }
  for (const variant of floorVariants) {
    const figures = pdf.floor.filter((f) => f.variant === variant);
    if (figures.length === 0) continue;
    lines.push(
      row(
        [`ratio careerplan / bare (${variant})`, ...perC(pdf.careerplan, (f) => {
          const floor = figures.find((candidate) => candidate.concurrency === f.concurrency);
          return floor ? fixed(f.pdfPerSecond / floor.pdfPerSecond, 2) : '–';
        })],
        widths,
      ),
    );
  }
  lines.push(row(['seconds', ...pdfConcurrencies.map((c) => `C=${c}`)], widths));
  lines.push(row(['careerplan: build --force, wall', ...perC(pdf.careerplan, (f) => fixed(f.wallSeconds, 2))], widths));
  lines.push(row(['careerplan: print phase', ...perC(pdf.careerplan, (f) => fixed(f.printSeconds, 2))], widths));
  lines.push(row(['  of which browser start (launch)', ...perC(pdf.careerplan, (f) => fixed(f.browserStartSeconds, 2))], widths));
  lines.push(row(['  first pdf() call → last one done', ...perC(pdf.careerplan, (f) => fixed(f.pdfSpanSeconds, 2))], widths));
  lines.push(row(['careerplan: tabs opened / pdf() calls', ...perC(pdf.careerplan, (f) => `${f.tabsOpened}/${f.pdfCalls}`)], widths));
  lines.push(
    `HTML alone (build --no-pdf, site already there): ${fixed(pdf.html.seconds, 2)} s · unchanged rebuild with PDFs: ${fixed(pdf.unchanged.seconds, 2)} s, 0 printed, ${pdf.unchanged.unchanged} unchanged (${fixed(pdf.unchanged.overHtmlSeconds, 2)} s over HTML alone)`,
    `browser start, median of ${start.samples}: launch ${fixed(start.launchMs / 1000, 3)} s + first newPage ${fixed(start.newPageMs / 1000, 3)} s + close ${fixed(start.closeMs / 1000, 3)} s = ${fixed(start.totalMs / 1000, 3)} s`,
    [shape('careerplan PDFs:', pdf.shapes.careerplan), ...floorVariants.flatMap((v) => (pdf.shapes.floor[v] ? [shape(`bare (${v}):`, pdf.shapes.floor[v])] : []))].filter(Boolean).join(' · '),
    'method: careerplan = N ÷ its print phase, timed inside the CLI process by bench/child-print.ts (preloaded): from puppeteer.launch()',
    '  to the browser closing — browser start, tabs, printing, PDF metadata, writing files; not the HTML build before it. The cross-check',
    '  subtracts a timed `build --no-pdf` of the same out folder from the `build --force` wall time. PDFs are deleted before each timed run;',
    `  after it the bench requires exit 0, "PDFs: ${pdf.plans} printed, 0 unchanged", ${pdf.plans} files, each %PDF-…%%EOF, 10 KB–50 MB.`,
    "  bare loop = the same pages' HTML, one browser with careerplan's executable and flags, C tabs opened before the clock and reused,",
    "  page.setContent(html) + page.pdf({ format: 'A4', printBackground: true }); one untimed warm-up plan. Unlike careerplan: JavaScript on,",
    '  no request interception, no margins, header/footer, outline or tags, no metadata rewrite, nothing written to disk.',
  );
  if (pdf.floor.some((f) => f.variant === 'served')) {
    lines.push('  served: a <base> to a loopback HTTP server over the out folder, so the CSS, web fonts and images load (fonts awaited, as careerplan does).');
  }
  if (pdf.floor.some((f) => f.variant === 'plain')) {
    lines.push('  plain: the HTML alone on about:blank: its relative URLs go nowhere, so it prints the pages unstyled, without fonts or images.');
  }
  for (const note of pdf.notes) lines.push(`note: ${note}`);
  return lines;
}

/** The watch section of the table: save → reload latency, with the issue's target. */
function watchTable(watch: WatchFigures, fixed: Fixed): string[] {
  const cells = (f: WatchFigures['pageReload']) => `median ${fixed(f.median, 0)} ms, p95 ${fixed(f.p95, 0)} ms (${fixed(f.min, 0)}–${fixed(f.max, 0)})`;
  return [
    '',
    `watch · ${watch.plans} plans · ${watch.edits} saves, each of another plan, HTML only (PDFs are printed after, in the background)`,
    `  save → reload event of the plan's page: ${cells(watch.pageReload)}; target: median under 100 ms`,
    `  save → reload event of the index:       ${cells(watch.indexReload)}`,
    `  start (build ${watch.plans} plans, then serve): ${fixed(watch.startMs / 1000, 1)} s`,
  ];
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

process.exitCode = await main(process.argv.slice(2));
