/** `careerplan lsp --stdio`: the language server editors start in a plans project, on this process's standard input and output. */
import type { Config } from '../config/config.js';
import type { Io } from '../io.js';
import { startServer } from '../lsp/server.js';

/** The quiet time after a keystroke before a plan is checked: long enough to let a word be typed, short enough to feel at once. */
const debounceMs = 75;

/** How long a plan's check may take before it is reported as too slow (an editor may ask for another limit). */
const checkTimeoutMs = 10_000;

/** Serves the editor until it says `exit`, when the connection ends the process. Touches the world: stdin, stdout, threads. */
export function lsp(config: Config, io: Io): Promise<number> {
  const connection = startServer(process.stdin, process.stdout, { config, cwd: io.cwd, debounceMs, timeoutMs: checkTimeoutMs });
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}
