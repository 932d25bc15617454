/**
 * The command line of `npm run bench`: what each section costs, and
 * `parseOptions(argv)`, which turns the flags into resolved options or throws
 * a one-line message for a bad flag. Pure.
 */
import { parseArgs } from 'node:util';
import { floorVariants, type FloorVariant } from './pdf.js';

/** The sections of the bench, in the order they run; `--case` and `--skip` choose among them. */
export const sectionNames = ['check', 'build', 'unified', 'scale', 'pdf', 'one-pdf', 'all-pdf', 'warm', 'stages', 'history', 'fast', 'lsp', 'watch'] as const;
export type SectionName = (typeof sectionNames)[number];

/**
 * What each section measures and what it cost on the 2-core reference
 * machine with careerplan as of 2026-11-26 (cold build ~20 ms a plan), at
 * the default sizes. Shown by `--help`; the costs shrink as careerplan gets
 * faster.
 */
export const sectionHelp = {
  check: 'check --format json, cold then unchanged, N plans; then check of one plan taking turns with node -e 0, 15 times (~35 s)',
  build: 'build --no-pdf, cold then unchanged, N plans: the cold build the targets judge (~40 s)',
  unified: 'the straightforward unified pipeline on the same N plans, after each cold build (~16 s)',
  scale: 'cold build at each --scale size for growth and peak RSS; N itself comes from build (~90 s, most of it 4,000 plans)',
  pdf: 'PDFs of --pdf-plans plans at concurrency 1, 2, 4 next to a bare Puppeteer loop (~1.5 min)',
  'one-pdf': 'build of one plan with its PDF in a fresh folder, next to a bare Puppeteer script printing the same page, --pdf-runs (at least 7) pairs (~20 s)',
  'all-pdf': 'cold build of N plans with every PDF at C = the cores, next to Eleventy (--peers) plus a bare Puppeteer script printing its pages at C (~4 min)',
  warm: 'a second build with PDFs of N plans over a built out folder; prints N PDFs once to set up (~3 min)',
  stages: 'load, parse, validate in-process, --sample plans (~5 s)',
  history: 'the revision history of a plan with 200 commits in a scripted git repository, cold and cached (~15 s)',
  fast: 'check and cold build of N plans with each fast reader off and all off (CAREERPLAN_FAST_READERS), and of the plans saved with CR LF (~1 min)',
  lsp: 'careerplan lsp --stdio beside N plans: an edit of one plan in the editor → its problems, 50 edits (~10 s)',
  watch: 'careerplan watch on N plans: 3 starts on an empty out folder until a page is served, then save → reload, --watch-edits saves (~1.5 min)',
} as const satisfies Record<SectionName, string>;

/** Resolved options of a bench run. */
export interface Options {
  /** Plans in the main corpus: the size the targets are judged at. */
  readonly plans: number;
  /** The corpus sizes of the growth section, ascending. */
  readonly scale: readonly number[];
  readonly runs: number;
  readonly sample: number;
  readonly seed: number;
  readonly sections: ReadonlySet<SectionName>;
  /** Install Eleventy and md-to-pdf in a temporary folder and measure them too. */
  readonly peers: boolean;
  readonly pdfPlans: number;
  readonly pdfRuns: number;
  readonly floors: readonly FloorVariant[];
  readonly watchEdits: number;
  /** Write the table to docs/benchmarks.md. */
  readonly docs: boolean;
  readonly keep: boolean;
  /** Instead of measuring: run the property tests, every property at least this many times (see bench/properties.ts). */
  readonly properties: number | undefined;
  readonly help: boolean;
}

/** The text of `--help`. */
export function usage(): string {
  const width = Math.max(...sectionNames.map((name) => name.length));
  const sections = sectionNames.map((name) => `                   ${name.padEnd(width)}  ${sectionHelp[name]}`).join('\n');
  return `Usage: npm run bench -- [options]

Measures careerplan through its real CLI on generated plans, checks that every
run did the whole job, prints one table of figures with the issue's targets and
writes it to docs/benchmarks.md (raw figures: .bench/results.json).

  --case NAMES     comma-separated sections to run (default: all, ~10 minutes on an idle 2-core machine):
${sections}
  --skip NAMES     sections to leave out of the default set, e.g. --skip warm,watch
  --peers          also install Eleventy 3 (+ its Handlebars plugin) and md-to-pdf 5 with npm into a temporary
                     folder (never the project's dependencies) and measure them in this run: Eleventy at N and
                     each --scale size (the references of the cold and warm targets), md-to-pdf on the pdf
                     section's plans in batches of 20 (~2 min more, network needed)
  --plans N        plans in the main corpus (default 1000)
  --scale N,N,N    corpus sizes of the scale section (default: N/10, N, 4×N, i.e. 100,1000,4000)
  --runs R         timed runs of each measurement at N and in scale, in-process passes; medians reported (default 1; the warm build runs at least 7 times)
  --sample K       plans timed in-process, stage by stage (default 200; evenly spread over the corpus)
  --seed S         the generator's seed (default 1)
  --pdf-plans N    plans printed to PDF by the pdf section and md-to-pdf (default 100)
  --pdf-runs R     timed runs of each PDF measurement; medians reported (default 1)
  --watch-edits N  saves timed by the watch section, each a different plan of the corpus (default 50)
  --floor NAMES    the bare Puppeteer loops to compare with, of ${floorVariants.join(', ')} (default: served):
                     served = setContent(html) with a <base> to a loopback server over the site:
                              the same styled pages careerplan prints (CSS, web fonts, images)
                     plain  = setContent(html) alone: CSS, fonts and images do not load (about:blank),
                              so it prints unstyled pages, about twice as fast; adds ~25 s
  --no-docs        do not write docs/benchmarks.md
  --keep           keep the temporary folder with the generated plans
  --properties N   measure nothing: run the property tests (fast-check) deep, every property at least N times
                     instead of its CI size (1000 is a good depth; the CLI's hostile-tree property takes ~1 s a run)
  -h, --help       show this help
`;
}

/** Parses the bench's flags; throws an `Error` with a one-line message for a bad one. */
export function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      plans: { type: 'string' },
      scale: { type: 'string' },
      runs: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      case: { type: 'string' },
      skip: { type: 'string' },
      peers: { type: 'boolean' },
      'pdf-plans': { type: 'string' },
      'pdf-runs': { type: 'string' },
      'watch-edits': { type: 'string' },
      floor: { type: 'string' },
      'no-docs': { type: 'boolean' },
      keep: { type: 'boolean' },
      properties: { type: 'string' },
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
  const list = (name: string, given: string | undefined, allowed: readonly string[]): string[] | undefined => {
    if (given === undefined) return undefined;
    const names = given.split(',').map((item) => item.trim());
    for (const item of names) {
      if (!allowed.includes(item)) throw new Error(`unknown --${name} \`${item}\`, expected ${allowed.join(', ')}`);
    }
    return names;
  };
  const chosen = list('case', values.case, sectionNames) ?? [...sectionNames];
  const skipped = list('skip', values.skip, sectionNames) ?? [];
  const floors = list('floor', values.floor, floorVariants) ?? ['served'];
  const plans = count('plans', values.plans, 1000, 1);
  const scale =
    values.scale === undefined
      ? [Math.max(1, Math.round(plans / 10)), plans, plans * 4]
      : values.scale.split(',').map((item) => count('scale', item.trim(), 0, 1));
  return {
    plans,
    scale: [...new Set(scale)].sort((a, b) => a - b),
    runs: count('runs', values.runs, 1, 1),
    sample: Math.min(plans, count('sample', values.sample, 200, 1)),
    seed: count('seed', values.seed, 1, 0),
    sections: new Set(sectionNames.filter((name) => chosen.includes(name) && !skipped.includes(name))),
    peers: values.peers ?? false,
    pdfPlans: count('pdf-plans', values['pdf-plans'], 100, 1),
    pdfRuns: count('pdf-runs', values['pdf-runs'], 1, 1),
    floors: floorVariants.filter((variant) => floors.includes(variant)),
    watchEdits: count('watch-edits', values['watch-edits'], 50, 1),
    docs: !(values['no-docs'] ?? false),
    keep: values.keep ?? false,
    properties: values.properties === undefined ? undefined : count('properties', values.properties, 0, 1),
    help: values.help ?? false,
  };
}
