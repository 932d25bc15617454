/**
 * The warm section of `npm run bench`: a second `careerplan build`, with PDFs,
 * over an out folder a first build filled with the site and every PDF, with
 * no plan changed in between; the "warm build". Setting it up prints
 * every plan once (untimed, but checked: exit 0, every plan printed, one
 * whole PDF per plan). Each timed run must then build every plan, print none
 * and leave every PDF as it was. Touches the disk, starts child processes
 * and, for the set-up, a browser.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { runCli, type ChildRun } from './child.js';
import { benchAsOf } from './generate.js';
import { checkPdfFiles, checkPrinted, pdfTimes, planFolders } from './pdf.js';

/** How the warm section runs. */
export interface WarmOptions {
  readonly plansFolder: string;
  readonly planCount: number;
  /** Timed warm runs. */
  readonly runs: number;
  /** A scratch folder of the section's own (holds `out/`). */
  readonly work: string;
  readonly usageFile: string;
  readonly progress: (message: string) => void;
}

/** What the warm section measured. */
export interface WarmFigures {
  readonly plans: number;
  /** The first build, which printed every PDF: wall seconds (not a target, what the set-up cost). */
  readonly setupSeconds: number;
  /** Each timed warm build: wall time, peak RSS, CPU time. */
  readonly runs: ReadonlyArray<{ readonly wallMs: number; readonly peakRssMb?: number; readonly cpuSeconds?: number }>;
}

/** Sets up a built out folder with PDFs, then times `runs` builds with nothing changed. */
export async function measureWarm(options: WarmOptions): Promise<WarmFigures> {
  const { planCount, usageFile, progress } = options;
  const out = path.join(options.work, 'out');
  await rm(out, { recursive: true, force: true });
  const args = ['build', '--plans', options.plansFolder, '--out', out, '--as-of', benchAsOf];

  progress(`warm: set-up, the first build of ${planCount} plans with PDFs (prints every plan once)`);
  const started = Date.now();
  const setup = await runCli(args, usageFile);
  checkPrinted(setup, planCount, planCount, 'the warm set-up build');
  const slugs = planFolders(out);
  if (slugs.length !== planCount) throw new Error(`warm: the set-up build wrote ${slugs.length} plan pages, expected ${planCount}`);
  await checkPdfFiles(out, slugs, started);

  const before = await pdfTimes(out);
  const runs: ChildRun[] = [];
  for (let run = 1; run <= options.runs; run++) {
    progress(`warm: build with PDFs, nothing changed (expect 0 printed), run ${run}/${options.runs}`);
    const result = await runCli(args, usageFile);
    checkPrinted(result, 0, planCount, 'a warm build');
    runs.push(result);
  }
  const after = await pdfTimes(out);
  if (after.size !== before.size || [...before].some(([file, time]) => after.get(file) !== time)) throw new Error('warm: a build with nothing changed rewrote PDFs');
  return {
    plans: planCount,
    setupSeconds: setup.wallMs / 1000,
    runs: runs.map((run) => ({
      wallMs: run.wallMs,
      ...(run.usage ? { peakRssMb: run.usage.maxRssKb / 1024, cpuSeconds: (run.usage.userMs + run.usage.systemMs) / 1000 } : {}),
    })),
  };
}
