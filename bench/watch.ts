/**
 * The watch section of `npm run bench`: how long after a plan is saved the
 * reload event reaches a page connected to the preview, in a project of
 * generated plans. Runs the real `careerplan watch` (HTML only: PDFs are
 * printed in the background and never delay a reload), connects like a page,
 * saves `edits` different plans one after another, each once the previous
 * rebuild is over, and times save → the reload event naming that plan's page,
 * and save → the index's reload. Before that, as a user on a fresh clone
 * would, it starts watch on an empty out folder a few times and times the
 * start until a plan's page is served (one the first build has not reached:
 * the middle plan). Touches the disk, starts child processes, makes HTTP requests.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bin } from './child.js';
import { connectEvents, getPage, type ReceivedEvent } from './events-client.js';
import { benchAsOf, type GeneratedPlan } from './generate.js';
import { summarize, type Summary } from './stats.js';

/** How the watch section runs. */
export interface WatchOptions {
  readonly plansFolder: string;
  readonly plans: readonly GeneratedPlan[];
  /** Saves timed. */
  readonly edits: number;
  /** A scratch folder of the section's own (the project folder, holding `out/`). */
  readonly work: string;
  readonly progress: (message: string) => void;
}

/** What the watch section measured, in milliseconds. */
export interface WatchFigures {
  readonly plans: number;
  readonly edits: number;
  /** From starting `careerplan watch` to it serving the built site. */
  readonly startMs: number;
  /** From starting `careerplan watch` on an empty out folder to a plan's page served, once per start. */
  readonly firstPageMs: readonly number[];
  /** Save → the reload event for the saved plan's page. */
  readonly pageReload: Summary;
  /** Save → the reload event for the index. */
  readonly indexReload: Summary;
}

/** How long a save waits for its reload before the section fails. */
const timeoutMs = 30_000;

/** Starts of watch on an empty out folder timed until a plan's page is served. */
export const firstPageStarts = 3;

/** Runs the section; throws when watch fails or an event never comes. */
export async function measureWatch(options: WatchOptions): Promise<WatchFigures> {
  await mkdir(options.work, { recursive: true });
  const firstPage: number[] = [];
  for (let start = 1; start <= firstPageStarts; start++) {
    options.progress(`watch: start ${start}/${firstPageStarts} on an empty out folder, until a plan's page is served`);
    firstPage.push(await timeFirstPage(options, path.join(options.work, `fresh-${start}`, 'out')));
  }
  const watch = startWatch(options, path.join(options.work, 'out'));
  const { child, stderr } = watch;
  try {
    const url = await watch.served;
    // The first build runs on after the preview serves: the saves are timed once it is over.
    await until(() => (/ built \d+ of \d+ plans in /.test(stderr()) ? true : undefined), () => child.exitCode !== null, 600_000, () => `watch did not build the plans:\n${stderr()}`);
    const startMs = performance.now() - watch.started;
    const events: ReceivedEvent[] = [];
    let wake: (() => void) | undefined;
    const stream = await connectEvents(url, events, () => wake?.());
    const page: number[] = [];
    const index: number[] = [];
    const edited = options.plans.slice(0, options.edits);
    for (const [number, plan] of edited.entries()) {
      options.progress(`watch: save ${number + 1}/${edited.length}`);
      const file = path.join(options.plansFolder, plan.name);
      const slug = plan.name.replace(/\.md$/, '');
      const text = await readFile(file, 'utf8');
      const from = events.length;
      const saved = performance.now();
      await writeFile(file, text.replace(/^title: .*$/m, `title: Edited in the watch bench ${number}`));
      const reloadOf = (pagePath: string) => () => events.slice(from).find((event) => event.event === 'reload' && (JSON.parse(event.data) as { paths?: string[] }).paths?.includes(pagePath));
      const pageEvent = await waitForEvent(reloadOf(`/${slug}/`), (resolve) => (wake = resolve), () => `no reload of /${slug}/ after a save:\n${stderr().slice(-2000)}`);
      const indexEvent = await waitForEvent(reloadOf('/'), (resolve) => (wake = resolve), () => `no reload of the index after a save:\n${stderr().slice(-2000)}`);
      page.push(pageEvent.at - saved);
      index.push(indexEvent.at - saved);
    }
    stream.destroy();
    return { plans: options.plans.length, edits: edited.length, startMs, firstPageMs: firstPage, pageReload: summarize(page), indexReload: summarize(index) };
  } finally {
    await watch.stop();
  }
}

/** A running `careerplan watch` of the bench. */
interface BenchWatch {
  readonly child: ReturnType<typeof spawn>;
  readonly started: number;
  /** The preview's address, once it serves. */
  readonly served: Promise<string>;
  stderr(): string;
  /** Ctrl-C, and its exit. */
  stop(): Promise<void>;
}

/** Starts `careerplan watch` (pages only) on the corpus into `out`. Starts a child process. */
function startWatch(options: WatchOptions, out: string): BenchWatch {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'watch', '--no-pdf', '--port', '0', '--as-of', benchAsOf, '--plans', options.plansFolder, '--out', out], {
    cwd: options.work,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const served = until(() => /previewing \d+ plans at (http:\/\/\S+\/)/.exec(stderr)?.[1], () => child.exitCode !== null, 600_000, () => `watch did not start:\n${stderr}`);
  return {
    child,
    started,
    served,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** Milliseconds from starting watch on an empty out folder to the middle plan's page served whole; throws when it is not. */
async function timeFirstPage(options: WatchOptions, out: string): Promise<number> {
  const plan = options.plans[Math.floor(options.plans.length / 2)];
  if (plan === undefined) throw new Error('no plans to preview');
  const watch = startWatch(options, out);
  try {
    const url = await watch.served;
    const { status, body } = await getPage(new URL(`${plan.name.replace(/\.md$/, '')}/`, url).href);
    const at = performance.now() - watch.started;
    const title = /^title: (.*)$/m.exec(plan.text)?.[1]?.replace(/^"|"$/g, '') ?? '';
    if (status !== 200 || !body.includes(title) || !body.includes('</html>')) throw new Error(`watch served ${plan.name}'s page with status ${status}, not whole:\n${watch.stderr().slice(-2000)}`);
    return at;
  } finally {
    await watch.stop();
  }
}

/** Waits until `find` finds the event, woken by each new event, or fails after `timeoutMs`. */
async function waitForEvent(find: () => ReceivedEvent | undefined, onWake: (resolve: () => void) => void, failure: () => string): Promise<ReceivedEvent> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(failure());
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(left, 1000));
      onWake(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Polls `value` until it is defined; fails when `dead` says the process is gone or the time is up. */
async function until<T>(value: () => T | undefined, dead: () => boolean, limitMs: number, failure: () => string): Promise<T> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    const found = value();
    if (found !== undefined) return found;
    if (dead() || performance.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
