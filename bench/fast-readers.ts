/**
 * The fast-readers section of `npm run bench`: what each fast reader of
 * `src/fast/` earns on `check` and on the cold build, and what Windows line
 * breaks cost. Runs the real CLI on the corpus with `CAREERPLAN_FAST_READERS`
 * set for each variant (every reader on; each reader off alone; every reader
 * off), then on a copy of the corpus saved with CR LF line breaks, whose
 * `check` report must equal the LF corpus's line for line. The variants take
 * turns within each run, so load on a shared machine weighs on all of them
 * alike. Starts processes and touches the disk.
 */
import { readdir, readFile, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fastReaderNames, type FastReaderName } from '../src/fast/switch.js';
import { cases, type BenchCase, type CaseContext } from './cases.js';
import { runCli, toRuns, type ChildRun } from './child.js';
import type { Runs } from './report.js';
import type { WarmOptions } from './warm.js';

/** A variant: its name, the value of `CAREERPLAN_FAST_READERS`, and whether its plans have CR LF line breaks. */
interface Variant {
  readonly name: FastVariantName;
  readonly env: string;
  readonly crlf: boolean;
}

/** The variants measured: every reader on, each reader off alone, every reader off, and CR LF plans with every reader on. */
export type FastVariantName = 'all on' | `without ${FastReaderName}` | 'all off' | 'CRLF, all on';

const variants: readonly Variant[] = [
  { name: 'all on', env: '1', crlf: false },
  ...fastReaderNames.map((reader): Variant => ({ name: `without ${reader}`, env: fastReaderNames.filter((name) => name !== reader).join(','), crlf: false })),
  { name: 'all off', env: '0', crlf: false },
  { name: 'CRLF, all on', env: '1', crlf: true },
];

/** What the section measured: per variant, `check` and the cold build. */
export interface FastReaderFigures {
  readonly plans: number;
  readonly variants: Readonly<Partial<Record<FastVariantName, { readonly check: Runs; readonly build: Runs }>>>;
}

/** Where the section runs and how often: the corpus, timed runs of each variant, a scratch folder of its own. */
export type FastReaderOptions = WarmOptions;

/** Measures every variant `runs` times, taking turns; throws when a run is broken or CR LF plans report differently. */
export async function measureFastReaders(options: FastReaderOptions): Promise<FastReaderFigures> {
  const { plansFolder, planCount, runs, work, usageFile, progress } = options;
  const crlfFolder = path.join(work, 'plans-crlf');
  await copyWithCrlf(plansFolder, crlfFolder);
  const check = caseNamed('check');
  const build = caseNamed('build');
  const samples = new Map<FastVariantName, { check: ChildRun[]; build: ChildRun[] }>(variants.map((variant) => [variant.name, { check: [], build: [] }]));
  let expected: string | undefined;
  for (let index = 1; index <= runs; index++) {
    for (const variant of variants) {
      progress(`fast readers: ${variant.name}, run ${index}/${runs}`);
      const context: CaseContext = { plans: variant.crlf ? crlfFolder : plansFolder, scratch: path.join(work, 'scratch-fast'), planCount };
      await mkdir(context.scratch, { recursive: true });
      const env = { CAREERPLAN_FAST_READERS: variant.env };
      const checked = await measured(check, context, usageFile, env);
      // Fast readers change how fast check is, never what it reports; nor do CR LF line breaks.
      const report = positionsOf(checked.stdout);
      expected ??= report;
      if (report !== expected) throw new Error(`check reported other places or messages for ${variant.name} than for ${variants[0]?.name ?? 'the first variant'}`);
      await build.reset?.(context);
      const built = await measured(build, context, usageFile, env);
      await build.reset?.(context);
      samples.get(variant.name)?.check.push(checked);
      samples.get(variant.name)?.build.push(built);
    }
  }
  await rm(crlfFolder, { recursive: true, force: true });
  const figures: Partial<Record<FastVariantName, { check: Runs; build: Runs }>> = {};
  for (const [name, runsOf] of samples) figures[name] = { check: toRuns(runsOf.check), build: toRuns(runsOf.build) };
  return { plans: planCount, variants: figures };
}

function caseNamed(name: string): BenchCase {
  const found = cases.find((benchCase) => benchCase.name === name);
  if (!found) throw new Error(`no bench case ${name}`);
  return found;
}

async function measured(benchCase: BenchCase, context: CaseContext, usageFile: string, env: Readonly<Record<string, string>>): Promise<ChildRun> {
  const result = await runCli(benchCase.args(context), usageFile, { env });
  benchCase.verify(result, context);
  return result;
}

/** The diagnostics of a `check --format json` report, by file name (not folder), line, column, rule and message. */
function positionsOf(stdout: string): string {
  const report = JSON.parse(stdout) as { diagnostics: Array<{ file: string; line: number; column: number; endLine?: number; endColumn?: number; ruleId: string; message: string }> };
  return report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column}-${d.endLine ?? ''}:${d.endColumn ?? ''} ${d.ruleId} ${d.message}`).join('\n');
}

/** Copies the plans folder with every `.md` file's line breaks written as CR LF. */
async function copyWithCrlf(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    await mkdir(path.dirname(target), { recursive: true });
    if (entry.name.endsWith('.md')) await writeFile(target, (await readFile(source, 'utf8')).replace(/\r?\n/g, '\r\n'));
    else await copyFile(source, target);
  }
}
