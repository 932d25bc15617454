/**
 * Building the pages of many plans on every core: worker threads, each with
 * its own processors and the theme this thread compiled, take plan files
 * from a shared queue and send back what each gave. Few plans are built in
 * this thread, where starting workers would cost more than it saves. Starts
 * threads; they read plans and write pages.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ThemeError } from '../theme/theme-error.js';
import type { PrecompiledTheme } from '../theme/theme.js';
import type { PageResult, PagesJob } from './pages.js';

/** A message to a worker: the theme (the first message), build this file, or (once every file is answered) close the builder. */
export type ToWorker = { readonly theme: PrecompiledTheme } | { readonly file: string } | { readonly close: true };

/** A message from a worker: a file's result, a failure (of one file, or of starting, without `file`), or that it closed its builder. */
export type FromWorker =
  | { readonly kind: 'built'; readonly result: PageResult }
  | { readonly kind: 'closed' }
  | { readonly kind: 'failed'; readonly file?: string; readonly error: DescribedError };

/** An error as it crosses threads: a `ThemeError` keeps its file and line. */
export interface DescribedError {
  readonly name: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

/** Below this many plans per thread, a worker's start-up (loading its modules) costs more than it saves. */
const plansPerWorker = 50;

/**
 * The young generation of a worker's heap, in MB. V8's default (48 MB on
 * 64-bit) is mostly room for garbage: at 16 MB a 4,000-plan build peaked
 * 30 MB lower, in the same CPU time.
 */
const youngGenerationMb = 16;

/**
 * Files a worker holds at once: enough that it has a plan to work on while
 * another waits for the disk (fsync), few enough that its young generation
 * holds little that is still alive, which each scavenge copies. Cold builds
 * of 1,000 plans, alternated: 8 at once 6.45 s (CPU 11.9 s), 3 at once
 * 6.04 s (11.1 s), 2 6.16 s, 1 7.21 s (the worker then waits); 4,000 plans
 * 21.4 -> 20.5 s, peak memory 251 -> 241 MB.
 */
const inFlightPerWorker = 3;

/** How many worker threads a build of `planCount` plans uses by default: none for a few plans, else one a core. */
export function defaultWorkers(planCount: number, cores: number): number {
  const useful = Math.floor(planCount / plansPerWorker);
  return useful < 2 ? 0 : Math.min(cores, useful);
}

/**
 * Builds the pages of `files` with `workers` threads (0: in this thread) and
 * `theme`, calling `onResult` for each as it arrives. Once `signal` aborts it
 * hands out no more files and ends the threads without waiting for the plans
 * under way: each page is written whole or not at all, and the caller removes
 * the temporary files a thread ended mid-write may leave. A broken theme
 * rejects with its `ThemeError`.
 */
export async function buildPages(
  files: readonly string[],
  job: PagesJob,
  theme: Promise<PrecompiledTheme>,
  workers: number,
  signal: AbortSignal,
  onResult: (result: PageResult) => void,
): Promise<void> {
  const script = new URL('./page-worker.js', import.meta.url);
  // Run from TypeScript sources (the tests), there is no compiled worker: the pages are built here.
  if (workers <= 0 || files.length === 0 || !existsSync(fileURLToPath(script))) return buildHere(files, job, await theme, signal, onResult);

  const queue = [...files];
  let failure: Error | undefined;
  const threads = Array.from({ length: Math.min(workers, files.length) }, () => new Worker(script, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } }));
  try {
    // The workers load their code while this thread compiles the theme (about 100 ms); each then makes its
    // templates from the compiled text in a few milliseconds, instead of compiling the theme again.
    const compiled = await theme;
    for (const thread of threads) thread.postMessage({ theme: compiled } satisfies ToWorker);
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            // Each file handed out gets one answer; after a failure no more are handed out, and the ones under way finish.
            const feed = (): void => {
              while (inFlight < inFlightPerWorker && queue.length > 0 && !signal.aborted && failure === undefined) {
                inFlight++;
                thread.postMessage({ file: queue.shift() as string } satisfies ToWorker);
              }
              if (inFlight === 0) {
                if (failure === undefined) resolve();
                else reject(failure);
              }
            };
            thread.on('message', (message: FromWorker) => {
              if (message.kind === 'closed') return;
              if (message.kind === 'failed') failure ??= revive(message.error);
              else onResult(message.result);
              if (message.kind === 'built' || message.file !== undefined) inFlight--;
              feed();
            });
            thread.on('error', (error) => {
              failure ??= error;
              reject(error);
            });
            thread.on('exit', (code) => {
              if (inFlight > 0) reject(new Error(`a build worker stopped with exit code ${code}`));
            });
            // Stopped: the plans under way are left (each page is written whole or not at all), and the thread is ended below.
            signal.addEventListener('abort', () => resolve(), { once: true });
            feed();
          }),
      ),
    );
    // Each worker closes its builder (ending the git processes it started) before it is stopped.
    if (!signal.aborted) {
      await Promise.all(
        threads.map(
          (thread) =>
            new Promise<void>((resolve) => {
              const closed = (message: FromWorker): void => {
                if (message.kind !== 'closed') return;
                thread.off('message', closed);
                resolve();
              };
              thread.on('message', closed);
              thread.once('exit', () => resolve());
              thread.postMessage({ close: true } satisfies ToWorker);
            }),
        ),
      );
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

async function buildHere(files: readonly string[], job: PagesJob, theme: PrecompiledTheme, signal: AbortSignal, onResult: (result: PageResult) => void): Promise<void> {
  // Loaded only here: when workers build the pages, this thread never loads the parsers.
  const [{ createPageBuilder, plansAtOnce }, { themeFrom }] = await Promise.all([import('./pages.js'), import('../theme/theme.js')]);
  // Each plan's synchronous work takes its own turn of the event loop (see createTurns): a stop signal is handled
  // between two plans, and the plans not yet started then are left.
  const builder = createPageBuilder(job, themeFrom(theme), signal);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length && !signal.aborted) {
      const file = files[next++] as string;
      try {
        onResult(await builder.build(file));
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(plansAtOnce, files.length) }, worker));
  } finally {
    builder.close();
  }
}

/** An error as plain data, to cross to the main thread. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof ThemeError) return { name: error.name, message: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line }) };
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** The error a worker described, as the main thread throws it: a broken template is a `ThemeError` again. */
function revive(error: DescribedError): Error {
  if (error.name === 'ThemeError' && error.file !== undefined) {
    const reason = error.message.slice(`${error.file}${error.line === undefined ? '' : `:${error.line}`}: `.length);
    return new ThemeError(error.file, error.line, reason);
  }
  return Object.assign(new Error(error.message), { name: error.name });
}
