/**
 * What `npm run bench` reports: the results of a run (`BenchResults`, also
 * written to `.bench/results.json`), turned into ONE table — each figure with
 * its median, range, the reference it is compared with in the same run, the
 * ratio, the issue's target and whether it is met — and the Markdown of
 * docs/benchmarks.md around it. Pure.
 */
import type { PdfFigures } from './pdf.js';
import type { ColdPdfFigures, OnePdfFigures } from './pdf-builds.js';
import type { HistoryFigures } from './history.js';
import type { OnePlanFigures } from './one-plan.js';
import { fastReaderNames } from '../src/fast/switch.js';
import type { FastReaderFigures } from './fast-readers.js';
import type { StageFigures } from './stages.js';
import { growth, median, type Growth, type Summary } from './stats.js';
import type { WarmFigures } from './warm.js';
import { firstPageStarts, type WatchFigures } from './watch.js';
import type { LspFigures } from './lsp.js';

// ── what a run measured ─────────────────────────────────────────────────────

/** Runs of one measured command, one entry per run. */
export interface Runs {
  readonly wallMs: readonly number[];
  /** Peak resident memory of the child process (absent for a child that died before it could report). */
  readonly peakRssMb: readonly number[];
  /** User + system CPU time of the child process. */
  readonly cpuSeconds: readonly number[];
}

/** A case of `cases.ts` at N: its cold runs, its unchanged runs, and what its last run reported. */
export interface CaseRuns {
  readonly command: string;
  readonly cold: Runs;
  readonly unchanged: Runs;
  readonly counts: Readonly<Record<string, number>>;
}

/** The machine a run measured on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly browser?: string;
}

/** The 1-minute load average before, during (sampled every few seconds) and after the run. */
export interface Load {
  readonly before: number;
  readonly during: readonly number[];
  readonly after: number;
}

/** A section (or a peer) that failed: what it was, and why. */
export interface Failure {
  readonly section: string;
  /** A reference installed by `--peers`, not careerplan. */
  readonly peer: boolean;
  readonly message: string;
}

/** Everything a bench run measured; sections that did not run, or failed, are absent. */
export interface BenchResults {
  readonly date: string;
  readonly commit?: string;
  readonly command: string;
  readonly machine: Machine;
  readonly load: Load;
  readonly benchSeconds: number;
  readonly options: {
    readonly plans: number;
    readonly scale: readonly number[];
    readonly runs: number;
    readonly seed: number;
    readonly asOf: string;
    readonly sections: readonly string[];
    readonly peers: boolean;
    readonly pdfPlans: number;
    readonly sample: number;
  };
  readonly corpus?: { readonly plans: number; readonly totalMb: number; readonly planKb: number; readonly frontmatterKb: number; readonly generateSeconds: number };
  readonly startup?: Runs;
  /** Each case of `cases.ts` that ran, by name. */
  readonly cases: Readonly<Record<string, CaseRuns>>;
  /** `check` of one plan next to `node -e 0`, taking turns (the check section). */
  readonly onePlan?: OnePlanFigures;
  /** The straightforward unified pipeline at `plans`; `innerMs`: its own time, first read to last write. */
  readonly unified?: Runs & { readonly innerMs: readonly number[] };
  /** careerplan's cold build (HTML) at each size of the scale section, by size. */
  readonly scale?: Readonly<Record<string, Runs>>;
  readonly peers?: { readonly versions: Readonly<Record<string, string>>; readonly installSeconds: number };
  /** Eleventy's cold build at `plans` and at each scale size, by size. */
  readonly eleventy?: Readonly<Record<string, Runs>>;
  readonly mdToPdf?: { readonly plans: number; readonly batch: number; readonly wallMs: readonly number[] };
  readonly pdf?: PdfFigures;
  readonly onePdf?: OnePdfFigures;
  readonly coldPdf?: ColdPdfFigures;
  readonly warm?: WarmFigures;
  readonly stages?: StageFigures;
  readonly history?: HistoryFigures;
  readonly fastReaders?: FastReaderFigures;
  readonly lsp?: LspFigures;
  readonly watch?: WatchFigures;
  readonly failures: readonly Failure[];
}

// ── the table ───────────────────────────────────────────────────────────────

/** A unit a figure is shown in. */
export type Unit = 's' | 'ms' | 'MB' | 'PDF/s' | 'ms/plan';

/** A target of the issue, on the ratio of a figure to its reference. */
export interface Target {
  readonly op: '<' | '<=' | '>=';
  readonly limit: number;
  /** A harder limit the issue would like too. */
  readonly stretch?: number;
}

/** One row of the table: every cell as shown. */
export interface Row {
  readonly group: string;
  readonly figure: string;
  readonly n: string;
  readonly median: string;
  readonly range: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: string;
}

/** The columns, in order, with their headings. */
export const columns = [
  ['figure', 'figure'],
  ['n', 'n'],
  ['median', 'median'],
  ['range', 'min–max'],
  ['reference', 'reference (same run)'],
  ['ratio', 'ratio'],
  ['target', 'target (issue)'],
  ['met', 'met'],
] as const satisfies ReadonlyArray<readonly [keyof Row, string]>;

/** Formats a value of `unit`, with the unit. */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, unit)} ${unit}`;
}

function formatNumber(value: number, unit: Unit): string {
  switch (unit) {
    case 's':
      return value >= 100 ? value.toFixed(1) : value.toFixed(2);
    case 'ms':
      return value >= 100 ? value.toFixed(0) : value.toFixed(1);
    case 'MB':
      return value.toFixed(0);
    case 'PDF/s':
    case 'ms/plan':
      return value.toFixed(2);
  }
}

/** `12,345`. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Whether `ratio` meets `target`: `yes`, `no`, or `yes, stretch too` when the harder limit is met as well. */
export function judge(ratio: number, target: Target): 'yes' | 'no' | 'yes, stretch too' {
  const within = (limit: number): boolean => (target.op === '<' ? ratio < limit : target.op === '<=' ? ratio <= limit : ratio >= limit);
  if (!Number.isFinite(ratio) || !within(target.limit)) return 'no';
  return target.stretch !== undefined && within(target.stretch) ? 'yes, stretch too' : 'yes';
}

/** `≤ 1.25× (stretch ≤ 1×)`. */
export function describeTarget(target: Target): string {
  const op = { '<': '<', '<=': '≤', '>=': '≥' }[target.op];
  return `${op} ${target.limit}×${target.stretch === undefined ? '' : ` (stretch ${op} ${target.stretch}×)`}`;
}

/** A reference: what a figure is divided by, or why there is none. */
type Reference = { readonly label: string; readonly value: number } | { readonly label: string; readonly missing: string };

interface Measured {
  readonly group: string;
  readonly figure: string;
  readonly unit: Unit;
  /** The samples, or a summary when only that was kept. */
  readonly samples: readonly number[] | Summary | undefined;
  /** Why there are no samples, when there are none. */
  readonly missing?: string;
  readonly reference?: Reference;
  readonly target?: Target;
  /** The corpus size the target is set at, when the run measured another. */
  readonly offSize?: string;
}

function measuredRow(m: Measured): Row {
  const stats = statsOf(m.samples);
  const reference = m.reference;
  const referenceCell = !reference ? '–' : 'value' in reference ? `${reference.label}: ${formatValue(reference.value, m.unit)}` : `${reference.label}: ${reference.missing}`;
  const ratio = stats && reference && 'value' in reference ? stats.median / reference.value : undefined;
  let met = '–';
  if (m.target) {
    if (!stats) met = `not measured${m.missing ? ` (${m.missing})` : ''}`;
    else if (ratio === undefined) met = reference && 'missing' in reference ? `? (${reference.missing})` : '?';
    else met = `${judge(ratio, m.target)}${m.offSize ? ` (${m.offSize})` : ''}`;
  }
  return {
    group: m.group,
    figure: m.figure,
    n: stats ? String(stats.n) : '–',
    median: stats ? formatValue(stats.median, m.unit) : m.missing ? `– (${m.missing})` : '–',
    range: stats ? (stats.n > 1 ? `${formatNumber(stats.min, m.unit)}–${formatValue(stats.max, m.unit)}` : '–') : '–',
    reference: referenceCell,
    ratio: ratio === undefined ? '–' : `${ratio.toFixed(2)}×`,
    target: m.target ? describeTarget(m.target) : '–',
    met,
  };
}

function statsOf(samples: Measured['samples']): { median: number; min: number; max: number; n: number } | undefined {
  if (!samples) return undefined;
  if ('median' in samples) return samples.samples > 0 ? { median: samples.median, min: samples.min, max: samples.max, n: samples.samples } : undefined;
  const finite = samples.filter((sample) => Number.isFinite(sample));
  if (finite.length === 0) return undefined;
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

/** A row that is a verdict rather than a measurement, such as growth. */
function verdictRow(group: string, figure: string, value: string, target: string, met: string): Row {
  return { group, figure, n: '–', median: value, range: '–', reference: '–', ratio: '–', target, met };
}

/** The tolerance of "linear": the cost of a further plan may differ by this fraction between sizes. */
export const linearTolerance = 0.25;
/** Peak memory that grows by less than this per plan (10 MB per 1,000 plans) does not grow: noise. */
export const flatMbPerPlan = 0.01;

/** The verdict on a growth: met when linear, flat or sublinear. */
export function growthVerdict(result: Growth): string {
  const spread = Number.isFinite(result.spread) ? ` (±${(result.spread * 100).toFixed(0)}%)` : '';
  switch (result.kind) {
    case 'linear':
      return `yes: linear${spread}`;
    case 'flat':
      return 'yes: flat';
    case 'sublinear':
      return `yes: sublinear${spread}`;
    case 'superlinear':
      return `no: superlinear${spread}`;
    case 'unknown':
      return '? (needs 3 sizes)';
  }
}

const seconds = (ms: readonly number[]): number[] => ms.map((value) => value / 1000);
const perPlan = (ms: readonly number[], plans: number): number[] => ms.map((value) => value / plans);
const medianOf = (values: readonly number[] | undefined): number | undefined => (values && values.length > 0 ? median(values) : undefined);

/** ` (CPU 12.1 s, peak 210 MB)`: the secondary medians of a run, for a figure's label. */
function costs(runs: Runs | undefined): string {
  if (!runs) return '';
  const parts = [
    runs.cpuSeconds.length > 0 ? `CPU ${formatValue(median(runs.cpuSeconds), 's')}` : undefined,
    runs.peakRssMb.length > 0 ? `peak ${formatValue(median(runs.peakRssMb), 'MB')}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** ` (12.3 s in all)`: the median wall time of some runs, for a figure's label. */
function total(runs: Runs): string {
  const ms = medianOf(runs.wallMs);
  return ms === undefined ? '' : ` (${formatValue(ms / 1000, 's')} in all)`;
}

/** The size the issue's targets are set at. */
export const targetPlans = 1000;

/** The one-plan build with its PDF against the bare script, and the cold build with every PDF against Eleventy plus the bare script. */
function pdfBuildRows(results: BenchResults, group: string, missingFor: (name: string) => { missing?: string }): Row[] {
  const rows: Row[] = [];
  const one = results.onePdf;
  const bare = medianOf(one ? seconds(one.bareMs) : undefined);
  rows.push(
    measuredRow({
      group,
      figure: 'build of one plan with its PDF, fresh folder (no out folder, no cache)',
      unit: 's',
      samples: one ? seconds(one.careerplanMs) : undefined,
      ...missingFor('one-pdf'),
      reference: bare !== undefined ? { label: 'bare Puppeteer script: launch, goto, pdf(), close', value: bare } : { label: 'bare Puppeteer script', missing: missingFor('one-pdf').missing ?? 'not run' },
      target: { op: '<=', limit: 1.25 },
    }),
  );
  const cold = results.coldPdf;
  if (!cold) return rows;
  const N = count(cold.plans);
  const references = cold.eleventyMs && cold.bareMs ? cold.eleventyMs.map((ms, index) => ms + (cold.bareMs?.[index] ?? Number.NaN)) : undefined;
  const reference = medianOf(references ? seconds(references) : undefined);
  const eleventyVersion = results.peers?.versions['@11ty/eleventy'] ?? '3';
  rows.push(
    measuredRow({
      group,
      figure: `cold build, ${N} plans → HTML + every PDF, C=${cold.concurrency}`,
      unit: 's',
      samples: seconds(cold.careerplanMs),
      reference: reference !== undefined
        ? { label: `Eleventy ${eleventyVersion} cold build + bare Puppeteer script printing its pages, C=${cold.concurrency}`, value: reference }
        : { label: 'Eleventy + bare Puppeteer script', missing: 'run with --peers' },
    }),
  );
  return rows;
}

/** The references of `pdfBuildRows`, each alone. */
function pdfBuildReferenceRows(results: BenchResults, group: string): Row[] {
  const rows: Row[] = [];
  const { onePdf: one, coldPdf: cold } = results;
  if (one) rows.push(measuredRow({ group, figure: 'bare Puppeteer script printing the page of one plan careerplan built (Node start to exit)', unit: 's', samples: seconds(one.bareMs) }));
  if (!cold) return rows;
  const N = count(cold.plans);
  const eleventyVersion = results.peers?.versions['@11ty/eleventy'] ?? '3';
  if (cold.eleventyMs) rows.push(measuredRow({ group, figure: `Eleventy ${eleventyVersion}, cold build of the ${N} plans printed with PDFs`, unit: 's', samples: seconds(cold.eleventyMs) }));
  if (cold.bareMs) rows.push(measuredRow({ group, figure: `bare Puppeteer script printing Eleventy's ${N} pages, C=${cold.concurrency}`, unit: 's', samples: seconds(cold.bareMs) }));
  return rows;
}
/** The size the issue's memory target is set at. */
export const memoryTargetPlans = 4000;

/** Every row of the table, in order. */
export function tableRows(results: BenchResults): Row[] {
  const { options } = results;
  const plans = options.plans;
  const ran = new Set(options.sections);
  const rows: Row[] = [];
  const N = count(plans);
  const offSize = plans === targetPlans ? undefined : `at ${N} plans; the target is at ${count(targetPlans)}`;
  const eleventyVersion = results.peers?.versions['@11ty/eleventy'];
  const eleventyLabel = `Eleventy ${eleventyVersion ?? '3'}`;
  const eleventyAtN = results.eleventy?.[String(plans)];
  const failed = (prefix: string): boolean => results.failures.some((failure) => failure.section.startsWith(prefix));
  const noPeers = failed(`Eleventy at ${plans} plans`) ? 'Eleventy failed' : failed('peers') ? 'npm install failed' : 'run with --peers';
  const skipped = (name: string): string => (failed(name) ? `${name} failed` : `${name} not run`);
  const missingFor = (name: string): { missing?: string } => (ran.has(name) && !failed(name) ? {} : { missing: skipped(name) });
  const group = 'the issue’s targets';

  // The targets first: what the issue asks, measured in this run.
  const buildRuns = results.cases['build'];
  const buildCold = buildRuns ? seconds(buildRuns.cold.wallMs) : undefined;
  const eleventyCold = eleventyAtN ? medianOf(seconds(eleventyAtN.wallMs)) : undefined;
  // The cold build is judged twice: against Eleventy and against the straightforward unified pipeline.
  const coldBuildRow = (reference: Reference, target: Target): Row =>
    measuredRow({ group, figure: `cold build, ${N} plans → HTML`, unit: 's', samples: buildCold, ...missingFor('build'), reference, target, ...(offSize ? { offSize } : {}) });
  rows.push(
    coldBuildRow(
      eleventyCold !== undefined ? { label: `${eleventyLabel} cold build`, value: eleventyCold } : { label: eleventyLabel, missing: noPeers },
      // Issue 21 retired issue 6's ≤ 1.25×: Eleventy writes bare pages, careerplan checks every plan and writes more. It must not regress.
      { op: '<=', limit: 2.5 },
    ),
  );
  const unifiedMedian = medianOf(results.unified ? seconds(results.unified.wallMs) : undefined);
  rows.push(
    coldBuildRow(
      unifiedMedian !== undefined ? { label: 'straightforward unified pipeline', value: unifiedMedian } : { label: 'straightforward unified pipeline', missing: skipped('unified') },
      { op: '<=', limit: 0.3 },
    ),
  );
  rows.push(
    measuredRow({
      group,
      figure: `warm build, ${N} plans → HTML + PDF, nothing changed`,
      unit: 's',
      samples: results.warm ? seconds(results.warm.runs.map((run) => run.wallMs)) : undefined,
      ...missingFor('warm'),
      reference: eleventyCold !== undefined ? { label: `⅒ of ${eleventyLabel} cold build`, value: eleventyCold / 10 } : { label: `⅒ of ${eleventyLabel} cold build`, missing: noPeers },
      target: { op: '<', limit: 1 },
      ...(offSize ? { offSize } : {}),
    }),
  );
  const pdf = results.pdf;
  const floorVariant = pdf?.floor.some((f) => f.variant === 'served') ? 'served' : 'plain';
  for (const concurrency of [1, 2, 4]) {
    const figures = pdf?.careerplan.find((f) => f.concurrency === concurrency);
    const floor = pdf?.floor.find((f) => f.variant === floorVariant && f.concurrency === concurrency);
    rows.push(
      measuredRow({
        group,
        figure: `PDF throughput, C=${concurrency} (${count(pdf?.plans ?? options.pdfPlans)} plans, print phase)`,
        unit: 'PDF/s',
        samples: figures ? figures.samples.map((s) => (pdf?.plans ?? 0) / (s.printMs / 1000)) : undefined,
        ...missingFor('pdf'),
        reference: floor
          ? { label: `bare Puppeteer loop (${floorVariant}), C=${concurrency}`, value: floor.pdfPerSecond }
          : { label: 'bare Puppeteer loop', missing: skipped('pdf') },
        target: { op: '>=', limit: 0.8 },
      }),
    );
  }
  rows.push(...pdfBuildRows(results, group, missingFor));
  const largest = options.scale.at(-1) ?? plans;
  const scaleRuns = results.scale?.[String(largest)];
  rows.push(
    measuredRow({
      group,
      figure: `peak RSS, cold build of ${count(largest)} plans → HTML (careerplan’s process)`,
      unit: 'MB',
      samples: scaleRuns?.peakRssMb,
      ...missingFor('scale'),
      reference: { label: 'the issue’s ceiling', value: 300 },
      target: { op: '<', limit: 1 },
      ...(largest === memoryTargetPlans ? {} : { offSize: `at ${count(largest)} plans; the target is at ${count(memoryTargetPlans)}` }),
    }),
  );
  rows.push(
    measuredRow({
      group,
      figure: `watch: save → reload of the page, ${count(results.watch?.plans ?? plans)} plans`,
      unit: 'ms',
      samples: results.watch?.pageReload,
      ...missingFor('watch'),
      reference: { label: 'the issue’s limit', value: 100 },
      target: { op: '<', limit: 1 },
      ...(offSize ? { offSize } : {}),
    }),
  );
  rows.push(
    measuredRow({
      group,
      figure: `watch, fresh copy of ${count(results.watch?.plans ?? plans)} plans (no out/, no cache): start → a plan’s page served`,
      unit: 's',
      samples: results.watch?.firstPageMs.map((ms) => ms / 1000),
      ...missingFor('watch'),
      reference: eleventyCold !== undefined ? { label: `${eleventyLabel} cold build`, value: eleventyCold } : { label: eleventyLabel, missing: noPeers },
      target: { op: '<=', limit: 0.5 },
      ...(offSize ? { offSize } : {}),
    }),
  );
  rows.push(...onePlanRows(results.onePlan, group, missingFor('check')));
  rows.push(...growthRows(results, group));

  // The cold build's references, each with its runs, for the comparisons below.
  const coldReferences = [[`${eleventyLabel} cold build`, eleventyAtN], ['straightforward unified pipeline', results.unified]] as const;

  // The same comparisons in CPU time: less swayed by other work on the machine than wall time, though no target is set on it.
  const cpu = `CPU time (user + system) of the cold build, ${N} plans`;
  const careerplanCpu = buildRuns?.cold.cpuSeconds;
  if (careerplanCpu && careerplanCpu.length > 0) {
    for (const [label, runs] of coldReferences) {
      const value = medianOf(runs?.cpuSeconds);
      if (value === undefined) continue;
      rows.push(measuredRow({ group: cpu, figure: 'careerplan build --no-pdf, cold', unit: 's', samples: careerplanCpu, reference: { label, value } }));
    }
  }

  // What the cold build's target leaves for pages: `check` reads and validates every plan, as the build does first, and writes nothing.
  const checkCold = results.cases['check']?.cold;
  if (checkCold && checkCold.wallMs.length > 0) {
    const alone = `validation alone against the cold build’s references, ${N} plans`;
    for (const [label, runs] of coldReferences) {
      const value = medianOf(runs ? seconds(runs.wallMs) : undefined);
      if (value === undefined) continue;
      rows.push(measuredRow({ group: alone, figure: 'careerplan check, cold: no page made, nothing written', unit: 's', samples: seconds(checkCold.wallMs), reference: { label, value } }));
    }
  }

  // careerplan through the CLI at N.
  const cli = `careerplan through the CLI, ${N} plans`;
  if (results.startup) rows.push(measuredRow({ group: cli, figure: `start-up: careerplan --version${costs(results.startup)}`, unit: 's', samples: seconds(results.startup.wallMs) }));
  for (const [name, figures] of Object.entries(results.cases)) {
    for (const [label, runs] of [['cold', figures.cold], ['unchanged', figures.unchanged]] as const) {
      const ms = medianOf(runs.wallMs);
      const each = ms === undefined ? '' : `, ${formatValue(ms / plans, 'ms/plan')}`;
      rows.push(measuredRow({ group: cli, figure: `${name}, ${label}${each}${costs(runs)}`, unit: 's', samples: seconds(runs.wallMs) }));
    }
  }

  // Growth: careerplan (and Eleventy) at each size.
  if (results.scale || results.eleventy) {
    const scale = `cold build → HTML at each size (${options.scale.map(count).join(', ')} plans)`;
    for (const size of options.scale) {
      const runs = results.scale?.[String(size)];
      if (runs) {
        rows.push(measuredRow({ group: scale, figure: `careerplan, ${count(size)} plans: time per plan${total(runs)}`, unit: 'ms/plan', samples: perPlan(runs.wallMs, size) }));
        rows.push(measuredRow({ group: scale, figure: `careerplan, ${count(size)} plans: peak RSS`, unit: 'MB', samples: runs.peakRssMb }));
      }
    }
    for (const size of options.scale) {
      const runs = results.eleventy?.[String(size)];
      if (runs) {
        rows.push(measuredRow({ group: scale, figure: `${eleventyLabel}, ${count(size)} plans: time per plan${total(runs)}`, unit: 'ms/plan', samples: perPlan(runs.wallMs, size) }));
        rows.push(measuredRow({ group: scale, figure: `${eleventyLabel}, ${count(size)} plans: peak RSS`, unit: 'MB', samples: runs.peakRssMb }));
      }
    }
  }

  // The references, measured in this run.
  const refs = 'references, measured in this run';
  if (eleventyAtN) rows.push(measuredRow({ group: refs, figure: `${eleventyLabel} + Handlebars layout, cold build, ${N} plans${costs(eleventyAtN)}`, unit: 's', samples: seconds(eleventyAtN.wallMs) }));
  if (results.unified) {
    const inner = medianOf(seconds(results.unified.innerMs));
    rows.push(
      measuredRow({
        group: refs,
        figure: `straightforward unified pipeline, ${N} plans${costs(results.unified)}${inner === undefined ? '' : `, ${formatValue(inner, 's')} in the pipeline itself`}`,
        unit: 's',
        samples: seconds(results.unified.wallMs),
      }),
    );
  }
  if (pdf) {
    for (const floor of pdf.floor) {
      rows.push(measuredRow({ group: refs, figure: `bare Puppeteer loop (${floor.variant}), ${count(pdf.plans)} plans, C=${floor.concurrency}`, unit: 'PDF/s', samples: floor.samplesMs.map((ms) => pdf.plans / (ms / 1000)) }));
    }
  }
  rows.push(...pdfBuildReferenceRows(results, refs));
  if (!results.mdToPdf && failed('md-to-pdf')) {
    rows.push(verdictRow(refs, `md-to-pdf, ${count(options.pdfPlans)} plan bodies, 20 per call`, 'failed', '–', '–'));
  }
  if (results.mdToPdf) {
    const version = results.peers?.versions['md-to-pdf'] ?? '5';
    const { mdToPdf } = results;
    rows.push(measuredRow({ group: refs, figure: `md-to-pdf ${version}, ${count(mdToPdf.plans)} plan bodies, ${mdToPdf.batch} per call`, unit: 's', samples: seconds(mdToPdf.wallMs) }));
    const cores = results.machine.cores;
    const compared = pdf?.careerplan.find((f) => f.concurrency === cores) ?? pdf?.careerplan.find((f) => f.concurrency === 2);
    const mdToPdfSeconds = medianOf(seconds(mdToPdf.wallMs));
    if (compared && mdToPdfSeconds !== undefined && pdf?.plans === mdToPdf.plans) {
      rows.push(
        measuredRow({
          group: refs,
          figure: `careerplan build --force, ${count(pdf.plans)} plans → HTML + PDF, C=${compared.concurrency}`,
          unit: 's',
          samples: seconds(compared.samples.map((s) => s.wallMs)),
          reference: { label: `md-to-pdf ${version}`, value: mdToPdfSeconds },
        }),
      );
    }
  }

  // PDFs in detail.
  if (pdf) {
    const group = `PDFs, ${count(pdf.plans)} plans`;
    for (const f of pdf.careerplan) {
      const c = `C=${f.concurrency}`;
      rows.push(measuredRow({ group, figure: `build --force, ${c}: wall`, unit: 's', samples: seconds(f.samples.map((s) => s.wallMs)) }));
      rows.push(measuredRow({ group, figure: `  print phase (${f.tabsOpened} tabs, ${f.pdfCalls} pdf() calls)`, unit: 's', samples: seconds(f.samples.map((s) => s.printMs)) }));
      rows.push(measuredRow({ group, figure: '    of which browser start (launch)', unit: 's', samples: seconds(f.samples.map((s) => s.browserStartMs)) }));
      rows.push(measuredRow({ group, figure: '    first pdf() call → last one done', unit: 's', samples: seconds(f.samples.map((s) => s.pdfSpanMs)) }));
      const htmlMs = median(pdf.html.samplesMs);
      rows.push(
        measuredRow({ group, figure: `  cross-check: ${count(pdf.plans)} ÷ (wall − HTML-only wall)`, unit: 'PDF/s', samples: f.samples.map((s) => pdf.plans / ((s.wallMs - htmlMs) / 1000)) }),
      );
    }
    rows.push(measuredRow({ group, figure: 'build --no-pdf, site already there (HTML alone)', unit: 's', samples: seconds(pdf.html.samplesMs) }));
    rows.push(
      measuredRow({
        group,
        figure: `build with PDFs, nothing changed: 0 printed, ${pdf.unchanged.unchanged} unchanged`,
        unit: 's',
        samples: seconds(pdf.unchanged.samplesMs),
      }),
    );
    const start = pdf.browserStart.samplesMs;
    rows.push(measuredRow({ group, figure: 'browser: launch', unit: 'ms', samples: start.map((s) => s.launchMs) }));
    rows.push(measuredRow({ group, figure: 'browser: first newPage()', unit: 'ms', samples: start.map((s) => s.newPageMs) }));
    rows.push(measuredRow({ group, figure: 'browser: close', unit: 'ms', samples: start.map((s) => s.closeMs) }));
  }

  if (results.warm) {
    const group = `warm build, ${count(results.warm.plans)} plans`;
    rows.push(measuredRow({ group, figure: `set-up, not part of the target: the first build, printing ${count(results.warm.plans)} PDFs`, unit: 's', samples: [results.warm.setupSeconds] }));
    const rss = results.warm.runs.flatMap((run) => (run.peakRssMb === undefined ? [] : [run.peakRssMb]));
    if (rss.length > 0) rows.push(measuredRow({ group, figure: 'warm build: peak RSS', unit: 'MB', samples: rss }));
  }

  if (results.stages) {
    const group = `in-process, ms per plan (${count(options.sample)} plans × ${options.runs} ${options.runs === 1 ? 'pass' : 'passes'})`;
    for (const [name, summary] of Object.entries(results.stages) as Array<[keyof StageFigures, Summary]>) {
      const label = name.startsWith('parse: ') ? `  ${name.slice('parse: '.length)}` : name;
      rows.push(measuredRow({ group, figure: `${label} (p95 ${formatValue(summary.p95, 'ms')})`, unit: 'ms', samples: summary }));
    }
  }

  if (results.history) {
    const { history } = results;
    const group = `revision history of one plan: ${count(history.commits)} commits, ${count(history.versions)} versions of ${history.planKb.toFixed(1)} KB`;
    rows.push(measuredRow({ group, figure: 'cold: every version read from git and parsed', unit: 'ms', samples: history.cold }));
    rows.push(measuredRow({ group, figure: 'cached: versions known by blob id, only git log and status run', unit: 'ms', samples: history.cached }));
    rows.push(measuredRow({ group, figure: 'history stamp: what a build checks to reuse the page', unit: 'ms', samples: history.stamp }));
  }

  if (results.fastReaders) rows.push(...fastReaderRows(results.fastReaders, options.runs));

  if (results.lsp) {
    const { lsp } = results;
    const group = `lsp, ${lsp.edits} edits of one plan (${lsp.planKb.toFixed(1)} KB)`;
    const figure = `edit → its problems in the editor, the server's 75 ms quiet time included (p95 ${formatValue(lsp.publish.p95, 'ms')})`;
    rows.push(measuredRow({ group, figure, unit: 'ms', samples: lsp.publish, reference: { label: 'the issue’s limit', value: 100 }, target: { op: '<', limit: 1 } }));
  }

  if (results.watch) {
    const group = `watch, ${count(results.watch.plans)} plans, ${results.watch.edits} saves`;
    rows.push(measuredRow({ group, figure: `save → reload of the index (p95 ${formatValue(results.watch.indexReload.p95, 'ms')})`, unit: 'ms', samples: results.watch.indexReload }));
    rows.push(measuredRow({ group, figure: `save → reload of the page (p95 ${formatValue(results.watch.pageReload.p95, 'ms')})`, unit: 'ms', samples: results.watch.pageReload }));
    rows.push(measuredRow({ group, figure: `start: serve, then build all ${count(results.watch.plans)} plans in the background`, unit: 's', samples: [results.watch.startMs / 1000] }));
  }
  return rows;
}

/** The growth verdicts of careerplan's cold build: time and peak memory over the scale sizes. */
function growthRows(results: BenchResults, group: string): Row[] {
  const sizes = results.options.scale;
  const label = sizes.map(count).join(' → ');
  const target = `linear (±${linearTolerance * 100}%)`;
  if (!results.scale) {
    const missing = 'not measured (scale not run)';
    return [verdictRow(group, `time growth, cold build, ${label} plans`, '–', target, missing), verdictRow(group, `memory growth, cold build, ${label} plans`, '–', target, missing)];
  }
  const points = (value: (runs: Runs, size: number) => number | undefined) =>
    sizes.flatMap((size) => {
      const runs = results.scale?.[String(size)];
      const v = runs ? value(runs, size) : undefined;
      return v === undefined ? [] : [{ n: size, value: v }];
    });
  const time = growth(points((runs) => medianOf(runs.wallMs)), { tolerance: linearTolerance });
  const memory = growth(points((runs) => medianOf(runs.peakRssMb)), { tolerance: linearTolerance, flatBelow: flatMbPerPlan });
  const marginals = (g: Growth, scale: number, unit: string, digits: number) =>
    g.marginals.length > 0 ? `${g.marginals.map((m) => (m * scale).toFixed(digits)).join(' → ')} ${unit}` : '–';
  return [
    verdictRow(group, `time growth, cold build, ${label} plans: cost of a further plan`, marginals(time, 1, 'ms/plan', 2), target, growthVerdict(time)),
    verdictRow(group, `memory growth, cold build, ${label} plans: peak RSS per further 1,000 plans`, marginals(memory, 1000, 'MB', 0), target, growthVerdict(memory)),
  ];
}

/** The table as Markdown, columns padded so it reads in a terminal too; a bold row opens each group. */
export function renderTable(rows: readonly Row[]): string {
  const lines: string[][] = [];
  let group: string | undefined;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push([`**${group}**`, ...columns.slice(1).map(() => '')]);
    }
    lines.push(columns.map(([key]) => escapeCell(row[key])));
  }
  const header = columns.map(([, heading]) => heading);
  const widths = header.map((heading, index) => Math.max(heading.length, ...lines.map((cells) => (cells[index] ?? '').length)));
  const right = new Set<number>([1, 2, 3, 5]);
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((cell, index) => (right.has(index) ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (right.has(index) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A one-line warning when other work on the machine makes the figures noisy, else undefined. */
export function loadWarning(load: Load, cores: number): string | undefined {
  // The bench itself keeps about one core busy (two while printing), which the load during and after includes.
  const during = load.during.length > 0 ? median(load.during) : load.after;
  if (load.before > 0.5 || during > cores + 1) {
    return `other processes were busy (load ${load.before.toFixed(2)} before, median ${during.toFixed(2)} during, on ${cores} cores): expect slow, noisy figures; compare ratios within this run, not across runs`;
  }
  return undefined;
}

/** The Markdown of the whole report: the run's description, the table and how it was measured. */
export function renderReport(results: BenchResults): string {
  const { machine, load, options } = results;
  const during = load.during.length > 0 ? `median ${median(load.during).toFixed(2)}, max ${Math.max(...load.during).toFixed(2)}` : '–';
  const warning = loadWarning(load, machine.cores);
  const versions = results.peers ? Object.entries(results.peers.versions).map(([name, version]) => `${name} ${version}`).join(', ') : undefined;
  const lines = [
    `- **Date:** ${results.date} · **commit:** ${results.commit ?? 'unknown'} · \`${results.command}\``,
    `- **Machine:** ${machine.cores} × ${machine.cpu}, ${machine.memoryGb.toFixed(0)} GB RAM · ${machine.os} · Node ${machine.node}${machine.browser ? ` · ${machine.browser}` : ''}`,
    `- **Load average (1 min):** ${load.before.toFixed(2)} before, ${during} during, ${load.after.toFixed(2)} after${warning ? ` — **${warning}**` : ''}`,
    `- **Corpus:** ${count(options.plans)} generated plans (seed ${options.seed}, as of ${options.asOf})${results.corpus ? `, ${results.corpus.totalMb.toFixed(1)} MB, ${results.corpus.planKb.toFixed(1)} KB a plan of which ${results.corpus.frontmatterKb.toFixed(1)} KB frontmatter, written in ${results.corpus.generateSeconds.toFixed(2)} s` : ''}; scale sizes ${options.scale.map(count).join(', ')}; PDFs of ${count(options.pdfPlans)} plans`,
    `- **Sections:** ${options.sections.join(', ') || 'none'}${options.peers ? ` · **peers:** ${versions ?? 'installed'} (installed in ${results.peers?.installSeconds.toFixed(0) ?? '?'} s into a temporary folder)` : ' · peers not measured (`--peers`)'} · ${options.runs} ${options.runs === 1 ? 'run' : 'runs'} each · the bench took ${(results.benchSeconds / 60).toFixed(1)} min`,
    '',
    renderTable(tableRows(results)),
    '',
    ...notes(results),
  ];
  return `${lines.join('\n')}\n`;
}

/** `check` of one plan against Node's own start in the same run: wall time (the issue's target), and CPU time, which load on a shared machine inflates less. */
function onePlanRows(figures: OnePlanFigures | undefined, group: string, missing: { missing?: string }): Row[] {
  const reference = (samples: readonly number[] | undefined): Reference => {
    const value = medianOf(samples);
    return value === undefined ? { label: 'node -e 0', missing: missing.missing ?? 'not measured' } : { label: 'node -e 0', value };
  };
  const cpuMs = (runs: Runs | undefined): number[] | undefined => runs?.cpuSeconds.map((value) => value * 1000);
  return [
    measuredRow({ group, figure: 'check of one plan (a project with a config file)', unit: 'ms', samples: figures?.check.wallMs, ...missing, reference: reference(figures?.node.wallMs), target: { op: '<=', limit: 4 } }),
    measuredRow({ group, figure: '  the same in CPU time (user + system)', unit: 'ms', samples: cpuMs(figures?.check), ...missing, reference: reference(cpuMs(figures?.node)) }),
  ];
}

/**
 * What each fast reader earns: `check` and the cold build with every reader on, against the same with that
 * reader alone off (kept where on takes at most 0.9× the time off, i.e. it saves at least 10%); every reader off;
 * and plans saved with CR LF against the same plans with LF (the issue's target: within 1.3×). Each in wall time
 * and in CPU time (user + system), which load on a shared machine inflates less.
 */
function fastReaderRows(figures: FastReaderFigures, runs: number): Row[] {
  const group = `fast readers (src/fast/, CAREERPLAN_FAST_READERS): ${count(figures.plans)} plans, ${runs} ${runs === 1 ? 'run' : 'runs'} of each variant, taking turns`;
  const on = figures.variants['all on'];
  const crlf = figures.variants['CRLF, all on'];
  const rows: Row[] = [];
  for (const command of ['check', 'build'] as const) {
    for (const measure of ['wall', 'CPU'] as const) {
      const label = `${command === 'check' ? 'check' : 'cold build'}, ${measure === 'wall' ? 'wall time' : 'CPU time'}`;
      const of = (runsOf: { readonly check: Runs; readonly build: Runs } | undefined): number[] | undefined =>
        runsOf ? (measure === 'wall' ? seconds(runsOf[command].wallMs) : [...runsOf[command].cpuSeconds]) : undefined;
      const row = (figure: string, samples: number[] | undefined, name: string, value: number | undefined, target?: Target): Row =>
        measuredRow({ group, figure, unit: 's', samples, reference: value === undefined ? { label: name, missing: 'not measured' } : { label: name, value }, ...(target ? { target } : {}) });
      for (const reader of fastReaderNames) {
        rows.push(row(`${label}: every reader on`, of(on), `${reader} off`, medianOf(of(figures.variants[`without ${reader}`])), { op: '<=', limit: 0.9 }));
      }
      rows.push(row(`${label}: every reader on`, of(on), 'every reader off', medianOf(of(figures.variants['all off']))));
      rows.push(row(`${label}: the plans saved with CR LF, every reader on`, of(crlf), 'the same plans with LF', medianOf(of(on)), { op: '<=', limit: 1.3 }));
    }
  }
  return rows;
}

/** How the figures were measured and checked, under the table. */
function notes(results: BenchResults): string[] {
  const failures = results.failures.map(
    (failure) => `- **${failure.section} failed**${failure.peer ? ' (a peer, not careerplan)' : ''}: ${failure.message.replace(/\s+/g, ' ').slice(0, 600)}`,
  );
  const lines = [
    ...(failures.length > 0 ? ['**Failures.** These measured nothing; their rows say so.', '', ...failures, ''] : []),
    '**How to read it.** n is the number of timed runs (or samples); the median is the figure, min–max its spread. The ratio is the',
    'median over the reference measured in the same run on the same plans, so load on the machine weighs on both; absolute times from',
    'different runs are not comparable on a shared machine. "met" applies the issue’s target to that ratio; "?" means the reference',
    'was not measured (peers need `--peers`). Every run is checked before it counts: exit code, a clean report, one page (and PDF) per',
    'plan, each whole — a broken build cannot look fast.',
    '',
    '- **cold build**: `careerplan build --no-pdf` into an empty out folder, right after the plans were written. **unchanged**: the same',
    '  command again. **warm build**: `careerplan build` (with PDFs) again over an out folder that a first build filled with the site',
    '  and every PDF; it must print none and leave every PDF as it was. Wall times include Node’s start, as a user waits for it.',
    '- **straightforward unified pipeline** (`bench/references/unified.ts`): gray-matter, one reused unified processor (remark-parse,',
    '  remark-gfm, remark-rehype, rehype-stringify), one Handlebars layout, plan after plan, one HTML file each; run in a Node process',
    '  of its own, so its wall time and memory compare with careerplan’s.',
    '- **Eleventy** (`--peers`): Eleventy 3 with its default Markdown (markdown-it) and the Handlebars plugin rendering the same layout,',
    '  from an empty output folder; Liquid pre-processing of Markdown off, as careerplan runs no template language over plan bodies.',
    '  **md-to-pdf** 5 (`--peers`): the plans’ bodies (without frontmatter), 20 files per CLI call, calls one after another, with',
    '  careerplan’s browser and flags. Both are installed with `npm install --prefix <temporary folder>`, never into the project.',
    '- **growth**: the cost of each further plan between neighbouring sizes (Δtime ÷ Δplans), so start-up and other fixed costs do not',
    `  pass for non-linearity; "linear" when those agree within ±${linearTolerance * 100}%, "flat" when memory grows by under ${flatMbPerPlan * 1000} MB per 1,000 plans.`,
    '- **peak RSS**: the careerplan process (or the reference’s), measured by a preloaded hook at exit; the browser’s processes are not included.',
    '- **validation alone**: `careerplan check` reads and validates every plan, as the build does before it makes a page, and writes nothing;',
    '  set against the cold build’s references, it shows how much of each target is left for making and writing the pages.',
    '- **check of one plan**: `careerplan check plans/<one>.md` in a project with a config file, as a pre-commit hook or an editor on',
    '  save runs it, taking turns with `node -e 0`; wall times without any preloaded hook, CPU times with the usage hook in both.',
  ];
  const pdf = results.pdf;
  if (pdf) {
    const shape = (label: string, s: PdfFigures['shapes']['careerplan']): string | undefined =>
      s ? `${label} ${s.pages.mean.toFixed(1)} pages, ${s.kb.mean.toFixed(0)} KB on average` : undefined;
    lines.push(
      `- **PDF throughput**: ${pdf.plans} ÷ careerplan's print phase, timed inside the CLI process by bench/child-print.ts (preloaded): from`,
      '  puppeteer.launch() to the browser closing — browser start, tabs, printing, PDF metadata, writing files; not the HTML build before it.',
      '  The cross-check subtracts a timed `build --no-pdf` of the same out folder from the `build --force` wall time. PDFs are deleted before',
      `  each timed run; after it the bench requires exit 0, "PDFs: ${pdf.plans} printed, 0 unchanged", ${pdf.plans} files, each %PDF-…%%EOF, 10 KB–50 MB.`,
      "  **bare loop** = the same pages' HTML, one browser with careerplan's executable and flags, C tabs opened before the clock and reused,",
      "  page.setContent(html) + page.pdf({ format: 'A4', printBackground: true }); one untimed warm-up plan. Unlike careerplan: JavaScript on,",
      '  no request interception, no margins, header/footer, outline or tags, no metadata rewrite, nothing written to disk.',
    );
    if (pdf.floor.some((f) => f.variant === 'served')) {
      lines.push('  served: a <base> to a loopback HTTP server over the out folder, so the CSS, web fonts and images load (fonts awaited, as careerplan does).');
    }
    if (pdf.floor.some((f) => f.variant === 'plain')) {
      lines.push('  plain: the HTML alone on about:blank: its relative URLs go nowhere, so it prints the pages unstyled, without fonts or images.');
    }
    const shapes = [shape('careerplan PDFs:', pdf.shapes.careerplan), ...Object.entries(pdf.shapes.floor).map(([variant, s]) => shape(`bare (${variant}):`, s))].filter(Boolean);
    if (shapes.length > 0) lines.push(`  ${shapes.join(' · ')}. Browser: ${pdf.browser.version ?? 'unknown'} (${pdf.browser.path}, ${pdf.browser.reason}).`);
    for (const note of pdf.notes) lines.push(`  note: ${note}`);
  }
  for (const [name, figures] of Object.entries(results.cases)) {
    const counts = Object.entries(figures.counts).map(([key, value]) => `${key} ${value}`);
    lines.push(`- **${name}**: \`${figures.command}\`; its last run reported ${counts.join(', ') || 'nothing to count'}.`);
  }
  if (results.stages) {
    lines.push('- **in-process**: one plan at a time through the functions of `src/stages/`; the parts of parse are timed on their own, in a pass of their own: they need not add up to parse.');
  }
  if (results.lsp) {
    lines.push('- **lsp**: `careerplan lsp --stdio` beside the plans, driven by a scripted LSP client; one plan open, its title changed once the previous change\'s problems arrived; time from sending the change to its problems arriving.');
  }
  if (results.watch) {
    lines.push('- **watch**: `careerplan watch --no-pdf` on the plans; a client connected like a page; each save edits another plan once the previous rebuild is over; time from the write to the reload event naming the page (and the index), once the first build of every plan is over. **start → a plan’s page served**: `careerplan watch --no-pdf` started ' + String(firstPageStarts) + ' times on an empty out folder (a fresh clone: no pages, no cache), each time until the middle plan’s page is served whole over HTTP, against Eleventy’s cold build of the same plans in the same run.');
  }
  return lines;
}
