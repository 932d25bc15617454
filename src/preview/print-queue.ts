/**
 * Printing in the background while `watch` runs: changes are gathered for a
 * quiet moment, then one round prints; a change during a round stops it and
 * starts a new one with the newest plans first, so the newest change wins
 * and HTML reloads never wait for a PDF. Owns timers; printing is injected.
 */

/** How the queue prints. */
export interface PrintQueueOptions {
  /** Quiet milliseconds after the last request before a round starts. */
  readonly debounceMs: number;
  /** Prints every out-of-date PDF, the plans in `first` before the rest; stops soon after `signal` aborts. */
  readonly print: (first: ReadonlySet<string>, signal: AbortSignal) => Promise<void>;
  /** Receives a round's failure; the queue goes on. */
  readonly onError: (error: unknown) => void;
}

/** A running print queue. */
export interface PrintQueue {
  /** Asks for a round that prints these plans first (an empty list: just bring every PDF up to date). */
  request(slugs: Iterable<string>): void;
  /** Resolves when no round is waiting or running. */
  idle(): Promise<void>;
  /** Stops the round under way and prints nothing more; safe to call twice. */
  close(): Promise<void>;
}

/** Creates an idle print queue. */
export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  let wanted: Set<string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let round: { readonly first: ReadonlySet<string>; readonly abort: AbortController; readonly done: Promise<void> } | undefined;
  let closed = false;
  let waiters: Array<() => void> = [];

  function settle(): void {
    if (timer !== undefined || round !== undefined || wanted !== undefined) return;
    for (const wake of waiters) wake();
    waiters = [];
  }

  function start(): void {
    timer = undefined;
    if (closed || wanted === undefined) return settle();
    if (round !== undefined) {
      // The newest change wins: the round under way stops, and the next one starts once it has, the newest plans first.
      for (const slug of round.first) wanted.add(slug);
      round.abort.abort();
      return;
    }
    const first = wanted;
    wanted = undefined;
    const abort = new AbortController();
    const done = options
      .print(first, abort.signal)
      .catch((error: unknown) => {
        if (!closed) options.onError(error);
      })
      .finally(() => {
        round = undefined;
        if (!closed && wanted !== undefined && timer === undefined) start();
        else settle();
      });
    round = { first, abort, done };
  }

  return {
    request(slugs) {
      if (closed) return;
      wanted ??= new Set();
      for (const slug of slugs) wanted.add(slug);
      clearTimeout(timer);
      timer = setTimeout(start, options.debounceMs);
    },
    idle() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      wanted = undefined;
      round?.abort.abort();
      await round?.done;
      settle();
    },
  };
}
