import { afterEach, describe, expect, test } from 'vitest';
import { createPrintQueue, type PrintQueue } from '../../src/preview/print-queue.js';
import { pause } from '../support/editors.js';

/** A round as the fake printer saw it: the plans asked for first, and whether it was stopped. */
interface Round {
  readonly first: string[];
  stopped: boolean;
}

let queue: PrintQueue | undefined;

afterEach(async () => {
  await queue?.close();
  queue = undefined;
});

/** A queue over a fake printer whose rounds take `roundMs` unless stopped. */
function start(roundMs: number, debounceMs = 30, fail = false) {
  const rounds: Round[] = [];
  const errors: unknown[] = [];
  let running = 0;
  let overlapped = false;
  queue = createPrintQueue({
    debounceMs,
    onError: (error) => errors.push(error),
    print: async (first, signal) => {
      const round: Round = { first: [...first], stopped: false };
      rounds.push(round);
      running++;
      if (running > 1) overlapped = true;
      try {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, roundMs);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            round.stopped = true;
            resolve();
          });
        });
        if (fail) throw new Error('browser crashed');
      } finally {
        running--;
      }
    },
  });
  return { queue, rounds, errors, overlapped: () => overlapped };
}

describe('the print queue', () => {
  test('requests close together make one round, with every plan asked for', async () => {
    const { queue, rounds } = start(10);
    queue.request(['ada']);
    await pause(5);
    queue.request(['bo', 'ada']);
    await queue.idle();
    expect(rounds).toEqual([{ first: ['ada', 'bo'], stopped: false }]);
  });

  test('a request during a round stops it; the next round has the newest plans first, then the stopped ones', async () => {
    const { queue, rounds, overlapped } = start(500);
    queue.request(['ada']);
    await pause(100);
    expect(rounds).toHaveLength(1);
    queue.request(['bo']);
    await queue.idle();
    expect(rounds).toEqual([
      { first: ['ada'], stopped: true },
      { first: ['bo', 'ada'], stopped: false },
    ]);
    expect(overlapped()).toBe(false);
  });

  test('a failing round is reported and the queue goes on', async () => {
    const { queue, rounds, errors } = start(5, 10, true);
    queue.request(['ada']);
    await queue.idle();
    queue.request(['bo']);
    await queue.idle();
    expect(rounds.map((round) => round.first)).toEqual([['ada'], ['bo']]);
    expect(errors.map((error) => (error as Error).message)).toEqual(['browser crashed', 'browser crashed']);
  });

  test('close stops the round under way and ignores later requests', async () => {
    const { queue, rounds, errors } = start(5000);
    queue.request(['ada']);
    await pause(60);
    await queue.close();
    queue.request(['bo']);
    await pause(60);
    expect(rounds).toEqual([{ first: ['ada'], stopped: true }]);
    expect(errors).toEqual([]);
  });

  test('idle resolves at once when nothing is asked for', async () => {
    const { queue, rounds } = start(5);
    await queue.idle();
    expect(rounds).toEqual([]);
  });
});
