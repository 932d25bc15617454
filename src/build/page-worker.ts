/**
 * A worker thread of `build`: builds the plan pages the main thread sends,
 * one message a file, several at once, and answers each with what the file
 * gave; told to close, it closes the builder and says so. Started by
 * `workers.ts` with a `PagesJob` as its data; its first message is the
 * compiled theme.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { themeFrom, type PrecompiledTheme } from '../theme/theme.js';
import { createPageBuilder, type PageBuilder, type PagesJob } from './pages.js';
import { describeError, type FromWorker, type ToWorker } from './workers.js';

const port = parentPort;
if (port === null) throw new Error('page-worker.js runs as a worker thread of careerplan build');

let resolveTheme: (theme: PrecompiledTheme) => void = () => undefined;
const ready: Promise<PageBuilder> = new Promise<PrecompiledTheme>((resolve) => (resolveTheme = resolve)).then((theme) =>
  createPageBuilder(workerData as PagesJob, themeFrom(theme)),
);
ready.catch((error: unknown) => port.postMessage({ kind: 'failed', error: describeError(error) } satisfies FromWorker));

port.on('message', (message: ToWorker) => {
  if ('theme' in message) {
    resolveTheme(message.theme);
    return;
  }
  if ('close' in message) {
    // Every file has been answered: end the git processes the builder started.
    void ready.then((builder) => builder.close(), () => undefined).finally(() => port.postMessage({ kind: 'closed' } satisfies FromWorker));
    return;
  }
  ready
    .then((builder) => builder.build(message.file))
    .then(
      (result) => port.postMessage({ kind: 'built', result } satisfies FromWorker),
      (error: unknown) => port.postMessage({ kind: 'failed', file: message.file, error: describeError(error) } satisfies FromWorker),
    );
});
