/**
 * A worker thread of `careerplan lsp`: checks the open texts the server
 * sends, one message a text, and answers each with its diagnostics, so a slow
 * or hostile plan never holds up the server's thread. Started by `checker.ts`
 * with the config and working folder as its data. Reads the disk.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOpenText } from './check-text.js';
import type { CheckerData, CheckReply, CheckRequest } from './checker.js';

const port = parentPort;
if (port === null) throw new Error('check-worker.js runs as a worker thread of careerplan lsp');
const { config, cwd } = workerData as CheckerData;
// Its modules are loaded: a check's time limit counts from here, not from the thread's start.
port.postMessage({ ready: true } satisfies CheckReply);

port.on('message', (request: CheckRequest) => {
  checkOpenText(request.file, request.text, config, cwd).then(
    (diagnostics) => port.postMessage({ id: request.id, diagnostics } satisfies CheckReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies CheckReply),
  );
});
