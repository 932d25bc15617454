/**
 * `careerplan watch` as a real child process, with a real HTTP client on its
 * events stream: what it printed, which events reached a page, and a clean
 * Ctrl-C at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { connectEvents, getPage, type ReceivedEvent } from '../../bench/events-client.js';
import { repo } from '../e2e/run.js';

/** A running `careerplan watch`. */
export interface WatchProcess {
  readonly url: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** The lines saying a rebuild happened (`rebuilt …`, `re-rendered …`, `config changed …`). */
  rebuilds(): string[];
  /** Events received on the events stream so far. */
  readonly events: ReceivedEvent[];
  /** GETs a path of the preview. */
  get(pathname: string): Promise<{ status: number; body: string; type: string | undefined }>;
  /** Sends SIGINT and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  readonly child: ChildProcess;
}

/** How a test starts watch. */
export interface StartOptions {
  /** Wait until the first build of every plan is over (the default), not only until the preview serves. */
  readonly firstBuild?: boolean;
}

/** The line watch prints once its first build of every plan is over. */
const firstBuildDone = /^\d\d:\d\d:\d\d built \d+ of \d+ plans in /m;

/** Starts `careerplan watch ...args` in `cwd`, waits until it serves (and, unless told, has built every plan), and connects to its events stream. */
export async function startWatch(cwd: string, args: readonly string[] = [], env: Record<string, string> = {}, options: StartOptions = {}): Promise<WatchProcess> {
  const child = spawn(process.execPath, [path.join(repo, 'bin/careerplan.js'), 'watch', '--port', '0', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await vi.waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`watch exited with ${child.exitCode}:\n${stderr}`);
      expect(stderr).toMatch(/previewing \d+ plans at http:\/\/[^ ]+\//);
      if (options.firstBuild !== false) expect(stderr).toMatch(firstBuildDone);
    },
    { timeout: 60_000, interval: 20 },
  );
  const url = /previewing \d+ plans at (http:\/\/[^ ]+\/)/.exec(stderr)?.[1] as string;
  const events: ReceivedEvent[] = [];
  const stream = await connectEvents(url, events);

  return {
    url,
    child,
    events,
    stderr: () => stderr,
    rebuilds: () => stderr.split('\n').filter((line) => /^\d\d:\d\d:\d\d (rebuilt|re-rendered|config changed)/.test(line)),
    get: (pathname) => getPage(new URL(pathname, url).href),
    async stop(signal = 'SIGINT') {
      stream.destroy();
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The preview state a served page carries (problems and the print view link). */
export function previewState(html: string): { problems: Array<{ file?: string; line?: number; ruleId: string; message: string; frame?: string }>; printView?: string } {
  const json = /<script type="application\/json" id="careerplan-preview">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('no preview state in the page');
  return JSON.parse(json);
}
