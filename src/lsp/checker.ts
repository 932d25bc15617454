/**
 * Runs the checks of open plans off the server's thread: worker threads, each
 * checking one text at a time, as many as there are texts under way up to a
 * limit. A check that takes longer than its time limit has its thread ended
 * (a synchronous loop cannot be interrupted any other way) and is answered
 * as too slow; a thread that fails (out of memory) answers its check as
 * failed. Either way the other documents go on being checked. Starts threads.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { Diagnostic } from '../types.js';
import { checkOpenText } from './check-text.js';

/** What a check thread is started with. */
export interface CheckerData {
  readonly config: Config;
  readonly cwd: string;
}

/** A text for a check thread. */
export interface CheckRequest {
  readonly id: number;
  readonly file: string;
  readonly text: string;
}

/** A check thread's answer: the diagnostics, or why there are none. */
export type CheckReply = { readonly id: number; readonly diagnostics: Diagnostic[] } | { readonly id: number; readonly error: string } | { readonly ready: true };

/** How a check ended. */
export type CheckOutcome =
  | { readonly kind: 'checked'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'too-slow'; readonly limitMs: number }
  | { readonly kind: 'failed'; readonly reason: string };

/** Checks open texts; `close` ends its threads. */
export interface Checker {
  check(file: string, text: string): Promise<CheckOutcome>;
  close(): Promise<void>;
}

/** How a checker works. */
export interface CheckerOptions extends CheckerData {
  /** Milliseconds a check may take before it is answered as too slow. */
  readonly timeoutMs: number;
  /** Threads at most, so a burst of slow plans cannot start one thread each. */
  readonly threads: number;
}

/** Threads kept loaded, from the start and after one is ended: a slow plan in one leaves another free. */
const warmThreads = 2;

/** A thread's heap limit: a hostile plan that needs more ends its thread, not the server. */
const threadHeapMb = 512;

interface Thread {
  readonly worker: Worker;
  job: Job | undefined;
  /** Whether its modules are loaded, so the time limit of its check runs. */
  ready: boolean;
}

interface Job {
  readonly request: CheckRequest;
  readonly resolve: (outcome: CheckOutcome) => void;
}

/** Starts a checker, with its warm threads loading. Starts threads (in this thread when run from the TypeScript sources). */
export function createChecker(options: CheckerOptions): Checker {
  const script = new URL('./check-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return checkerHere(options);
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  const start = (): Thread => {
    const data: CheckerData = { config: options.config, cwd: options.cwd };
    // The protocol owns standard output: anything a thread prints goes to standard error, where editors log it.
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: threadHeapMb }, stdout: true });
    worker.stdout.pipe(process.stderr);
    const thread: Thread = { worker, job: undefined, ready: false };
    thread.worker.on('message', (reply: CheckReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        next();
      } else finish(thread, 'error' in reply ? { kind: 'failed', reason: reply.error } : { kind: 'checked', diagnostics: reply.diagnostics });
    });
    thread.worker.on('error', (error) => end(thread, { kind: 'failed', reason: error.message }));
    thread.worker.on('exit', () => end(thread, { kind: 'failed', reason: 'its check stopped' }));
    threads.push(thread);
    return thread;
  };
  const finish = (thread: Thread, outcome: CheckOutcome): void => {
    const { job } = thread;
    thread.job = undefined;
    job?.resolve(outcome);
    next();
  };
  const end = (thread: Thread, outcome: CheckOutcome): void => {
    const index = threads.indexOf(thread);
    if (index < 0) return;
    threads.splice(index, 1);
    void thread.worker.terminate();
    if (threads.length < warmThreads) start();
    finish(thread, outcome);
  };
  const next = (): void => {
    while (queue.length > 0) {
      // Only to a thread ready now: one still loading may take longer than a busy one takes to finish.
      const thread = threads.find((each) => each.job === undefined && each.ready);
      if (thread === undefined) {
        if (threads.every((each) => each.job !== undefined) && threads.length < options.threads) start();
        return;
      }
      const job = queue.shift() as Job;
      thread.job = job;
      thread.worker.postMessage(job.request);
      arm(thread);
    }
  };
  // The time limit of a check: past it, the thread is ended and the check answered as too slow.
  const arm = (thread: Thread): void => {
    const { job } = thread;
    if (job === undefined) return;
    const timer = setTimeout(() => {
      if (thread.job === job) end(thread, { kind: 'too-slow', limitMs: options.timeoutMs });
    }, options.timeoutMs);
    timer.unref();
  };
  for (let count = 0; count < warmThreads; count++) start();
  return {
    check: (file, text) =>
      new Promise((resolve) => {
        queue.push({ request: { id: nextId++, file, text }, resolve: (outcome) => resolve(outcome) });
        next();
      }),
    close: async () => {
      const ending = threads.splice(0);
      await Promise.all(ending.map((thread) => thread.worker.terminate()));
    },
  };
}

/** A checker in this thread, for runs from the TypeScript sources (tests), where there is no compiled thread script: no time limit. */
function checkerHere(options: CheckerOptions): Checker {
  return {
    check: async (file, text) => {
      try {
        return { kind: 'checked', diagnostics: await checkOpenText(file, text, options.config, options.cwd) };
      } catch (error) {
        return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
    close: async () => undefined,
  };
}
