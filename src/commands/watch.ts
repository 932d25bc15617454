/**
 * `careerplan watch`: builds the site, serves it on a local address, and
 * rebuilds what each saved file touches (see preview/session.ts). Open pages
 * reload themselves and show problems over the last good version; PDFs are
 * printed again in the background for the print view. Runs until Ctrl-C.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { lockOut } from '../edges/files.js';
import { createServer } from '../edges/server.js';
import { packageRoot } from '../lib/package-root.js';
import { clientScript } from '../preview/client-script.js';
import { injectPreview } from '../preview/inject.js';
import { buildOnDemand, notBuilt, printView, stateFor, statusJson, type PreviewNow } from '../preview/requests.js';
import { closeSession, say, startSession, type Preview, type WatchOptions } from '../preview/session.js';
import { pickBrowser } from '../print/browser-choice.js';
import { exitCodes, type Io } from '../io.js';
import { guardOut } from '../site/out-guard.js';

export type { WatchOptions } from '../preview/session.js';

/** The port the preview tries first. */
export const defaultPort = 4300;

/** Runs the preview until `options.signal` aborts; returns the exit code. Serves HTTP, watches the disk, runs a browser. */
export async function watch(initial: Config, options: WatchOptions, io: Io): Promise<number> {
  guardOut(initial);
  const release = await lockOut(initial.out);
  const browser = options.pdf ? previewBrowser(initial, options, io) : undefined;
  const now = (): PreviewNow => ({ ...(preview.session ? { site: preview.session.site } : {}), configProblems: preview.configProblems, printing: preview.session?.printing !== undefined, out: preview.session?.config.out ?? initial.out });
  const server = await createServer({
    root: () => preview.session?.config.out ?? initial.out,
    host: options.host,
    port: options.port,
    strictPort: options.strictPort,
    inject: (html, requestPath) => injectPreview(html, stateFor(now(), requestPath)),
    memory: (name) => (name === 'client.js' ? clientScript : name === 'status.json' ? statusJson(now()) : printView(now(), name)),
    prepare: (requestPath) => buildOnDemand(preview.session?.site, requestPath),
    notFound: (requestPath) => notBuilt(now(), requestPath),
  });
  const preview: Preview = {
    options, io, browser, server, release,
    generator: `careerplan ${packageRoot().version}`,
    builtinTemplates: path.join(packageRoot().folder, 'templates'),
    session: undefined, configProblems: [], queue: Promise.resolve(), dataTimer: undefined,
  };
  try {
    preview.session = await startSession(preview, initial);
    if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
      say(preview, `careerplan: warning: the preview is exposed on ${options.host}: anyone who can reach this machine can read these plans`);
    }
    say(preview, `careerplan: previewing ${preview.session.site.planCount} plans at ${server.url} (Ctrl-C stops)`);
    if (options.open) openInBrowser(server.url, io);
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    const last = preview.session;
    if (last) last.retired = true;
    await preview.queue.catch(() => undefined);
    if (preview.session) await closeSession(preview, preview.session);
    await server.close();
    await preview.release();
  }
  say(preview, 'careerplan: preview stopped');
  return exitCodes.ok;
}

/** The browser that prints the preview's PDFs; without one, the preview runs without them and says why. Looks at the disk. */
function previewBrowser(config: Config, options: WatchOptions, io: Io): Preview['browser'] {
  const pick = pickBrowser(config, options.browser, io.env);
  if (pick.browser) return pick.browser;
  if (pick.named) io.stderr.write(`careerplan: ${pick.problem}; the preview runs without PDFs\n`);
  if (!options.browser && !config.pdf.browser) io.stderr.write('careerplan: no browser found to print PDFs; the preview runs without them (see `careerplan doctor`)\n');
  return undefined;
}

/** Opens a URL in the desktop's default browser; a failure is one line, never a crash. */
function openInBrowser(url: string, io: Io): void {
  void import('node:child_process').then(({ spawn }) => {
    const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
    const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr.write(`careerplan: could not open a browser; open ${url}\n`));
    child.unref();
  });
}
