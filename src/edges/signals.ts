/**
 * Ctrl-C and SIGTERM for the commands that must clean up before they end
 * (`build`, `watch`). Every other command installs no handler: the signal's
 * default action ends it at once, even while JavaScript is busy, and the
 * browser it may have started ends with it (its control pipe closes). A
 * command that listens stops at its next step; should it not be gone within
 * `cleanupDeadlineMs` (a browser that does not close, a page that does not
 * print), or should a second signal come, it removes what must not be left
 * and exits anyway. Touches the process.
 */

/** Exit codes of a command stopped by a signal, as shells report them (128 + the signal's number). */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** The signals that stop a command. */
export type StopSignal = keyof typeof signalExitCodes;

/** How long a command may take to clean up after a stop signal before it is ended anyway. */
export const cleanupDeadlineMs = 1_000;

/**
 * Calls `stop` on the first SIGINT or SIGTERM; `cleanupDeadlineMs` later, or
 * at a second signal, runs `lastResort` (synchronous: it removes temporary
 * files and locks) and exits with 130 or 143. Without `stop` (a command with
 * nothing to finish, only temporaries to remove) the first signal does that. Returns the function that stops
 * listening, for when the command has ended; after a signal the deadline
 * still stands, but no longer keeps the process alive.
 * Touches the process: it may call `process.exit`.
 */
export function onStopSignals(stop: ((signal: StopSignal) => void) | undefined, lastResort: () => void = () => undefined): () => void {
  let deadline: NodeJS.Timeout | undefined;
  const exitNow = (signal: StopSignal): never => {
    try {
      lastResort();
    } finally {
      process.exit(signalExitCodes[signal]);
    }
  };
  const listener = (signal: StopSignal): void => {
    if (deadline !== undefined || stop === undefined) {
      exitNow(signal);
      return;
    }
    deadline = setTimeout(() => exitNow(signal), cleanupDeadlineMs);
    stop(signal);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return () => {
    process.removeListener('SIGINT', listener);
    process.removeListener('SIGTERM', listener);
    // After a signal the process must still end in time: the deadline stays, but no longer keeps it alive by itself.
    deadline?.unref();
  };
}
