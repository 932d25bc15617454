/**
 * The preview server: serves the build's out folder over HTTP on a local
 * address, adds the reload script to HTML in memory, and pushes server-sent
 * events to open pages. Built on node:http alone. Touches the network and
 * reads the disk.
 */
import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { contentTypeOf } from './content-types.js';
import { commonHeaders, contentSecurityPolicy, folderLocation, isDocument, isLocalHost, isSameOrigin, parseTarget } from './server-request.js';
import { isInside } from '../lib/paths.js';

/** The path of the server-sent events stream. */
export const eventsPath = '/__careerplan/events';

/** The prefix of files the server holds in memory (never read from or written to out/). */
export const memoryPrefix = '/__careerplan/';

/** How the preview server is set up. */
export interface ServerOptions {
  /** The out folder to serve; a function when it can change while the server runs (a config edit moves it). */
  readonly root: string | (() => string);
  /** The address to bind to; 127.0.0.1 unless the user asks to expose the server. */
  readonly host?: string;
  /** The port to try first; 0 takes any free port. */
  readonly port: number;
  /** Fail instead of trying the next ports when `port` is taken. */
  readonly strictPort?: boolean;
  /** Rewrites an HTML response in memory (to add the reload script); the file on disk is never touched. */
  readonly inject?: (html: string, requestPath: string) => string;
  /** Files served from memory below `/__careerplan/`: the text for a name (`client.js`, `print/jordan/`), or undefined for a 404. */
  readonly memory?: (name: string) => string | undefined;
  /** Runs before a path is looked up in the out folder: the preview builds a page asked for before its first build reached it. */
  readonly prepare?: (requestPath: string) => Promise<void>;
  /** The HTML of a 404 page for a path with no file (a plan not built yet can show its problems); a plain 404 when undefined. */
  readonly notFound?: (requestPath: string) => string | undefined;
  /** Milliseconds between heartbeats on the events stream; 15 s unless a test needs it sooner. */
  readonly heartbeatMs?: number;
}

/** A running preview server. */
export interface PreviewServer {
  /** Where a browser opens it, e.g. `http://127.0.0.1:4321/`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Ends every events stream and stops the server. */
  close(): Promise<void>;
  /** Sends a server-sent event to every page connected to the events stream. */
  broadcast(event: string, data: string): void;
}

/** The port (and the next ones, unless strict) is taken by another program. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** How many ports after the requested one are tried when it is taken. */
const portAttempts = 20;

/** Starts a preview server on the first free port from `options.port`. Opens a listening socket. */
export async function createServer(options: ServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  const server = http.createServer({ maxHeaderSize: 16 * 1024 }, (request, response) => {
    handle(request, response).catch((error: unknown) => fail(response, error));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLocalHost(request.headers.host, host)) return plain(response, 403, 'Forbidden: the Host header does not name this machine');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const target = parseTarget(request.url);
    if (!target.ok) return plain(response, target.status, target.status === 404 ? 'Not found' : `Bad request: ${target.reason}`);
    const requestPath = `/${target.segments.join('/')}${target.trailingSlash && target.segments.length > 0 ? '/' : ''}`;
    if (requestPath === eventsPath) return events(request, response);
    if (requestPath.startsWith(memoryPrefix)) return fromMemory(request, response, requestPath.slice(memoryPrefix.length));
    await options.prepare?.(requestPath);
    return fromDisk(options, request, response, target.segments, target.trailingSlash, target.query, requestPath);
  }

  function events(request: IncomingMessage, response: ServerResponse): void {
    if (!isSameOrigin(request.headers.origin, request.headers.host, host)) return plain(response, 403, 'Forbidden: cross-origin events request');
    response.writeHead(200, { ...commonHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    response.socket?.setNoDelay(true);
    response.write('retry: 1000\n: connected\n\n');
    clients.add(response);
    const drop = () => clients.delete(response);
    response.on('close', drop);
    response.on('error', drop);
  }

  function fromMemory(request: IncomingMessage, response: ServerResponse, name: string): void {
    const body = options.memory?.(name);
    if (body === undefined) return plain(response, 404, 'Not found');
    send(request, response, contentTypeOf(name.endsWith('/') ? `${name}index.html` : name), Buffer.from(body));
  }

  const heartbeat = setInterval(() => {
    for (const client of clients) write(client, ': heartbeat\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  function write(client: ServerResponse, text: string): void {
    if (client.destroyed || client.writableEnded) {
      clients.delete(client);
      return;
    }
    client.write(text);
  }

  refuseMalformed(server);

  let port: number;
  try {
    port = await listenFrom(server, options.port, host, options.strictPort === true);
  } catch (error) {
    clearInterval(heartbeat);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}/`,
    port,
    host,
    broadcast(event, data) {
      const name = event.replace(/[\r\n]/g, '');
      const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join('');
      for (const client of clients) write(client, `event: ${name}\n${lines}\n`);
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        clearInterval(heartbeat);
        for (const client of clients) client.end();
        clients.clear();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Serves a file below the root (a folder's `index.html`), an HTML page with the preview's state injected; a missing one as `notFound` says. Reads the disk. */
async function fromDisk(options: ServerOptions, request: IncomingMessage, response: ServerResponse, segments: readonly string[], trailingSlash: boolean, query: string, requestPath: string): Promise<void> {
  const root = typeof options.root === 'string' ? options.root : options.root();
  let found = await findInside(root, segments);
  if (found?.kind === 'folder') {
    if (!trailingSlash) return plain(response, 301, 'Moved permanently', { Location: folderLocation(segments, query) });
    found = await findInside(root, [...segments, 'index.html']);
  }
  if (found?.kind !== 'file') return missing(options, request, response, requestPath);
  const handle = await openFile(found.real);
  if (handle === undefined) return missing(options, request, response, requestPath);
  let streaming = false;
  try {
    const type = contentTypeOf(found.real);
    if (type.startsWith('text/html') && options.inject !== undefined) {
      const html = await handle.readFile('utf8');
      return send(request, response, type, Buffer.from(options.inject(html, requestPath)));
    }
    const { size } = await handle.stat();
    response.writeHead(200, headersFor(type, size));
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // The stream owns the handle from here and closes it, also when the client goes away.
    streaming = true;
    await pipeline(handle.createReadStream(), response).catch(() => response.destroy());
  } finally {
    if (!streaming) await handle.close().catch(() => undefined);
  }
}

/** Answers a request for a file that is not there: the caller's page for it, or a plain 404. */
function missing(options: ServerOptions, request: IncomingMessage, response: ServerResponse, requestPath: string): void {
  const html = options.notFound?.(requestPath);
  if (html === undefined) return plain(response, 404, 'Not found');
  send(request, response, 'text/html; charset=utf-8', Buffer.from(html), 404);
}

/** Answers malformed requests, CONNECT and protocol upgrades with an error, without a crash. */
function refuseMalformed(server: http.Server): void {
  // Node answers malformed requests itself only when nobody listens; answer them the same way, without a crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\n\r\nBad request\n`);
  });
  // CONNECT (a proxy request) and protocol upgrades are not served.
  const refuse = (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', refuse);
  server.on('upgrade', refuse);
}

/** What a path below the root is, by its real path. */
type Found = { readonly kind: 'file' | 'folder'; readonly real: string };

/**
 * Finds what `segments` name below `root` when its real path (symlinks
 * resolved) is still below root's real path and it is a regular file or a
 * folder; undefined otherwise (missing, outside, a FIFO or a device).
 */
async function findInside(root: string, segments: readonly string[]): Promise<Found | undefined> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...segments));
    if (!isInside(realRoot, real)) return undefined;
    const stats = await stat(real);
    if (stats.isFile()) return { kind: 'file', real };
    if (stats.isDirectory()) return { kind: 'folder', real };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Opens a regular file found by `findInside`; undefined if it changed into something else meanwhile. */
async function openFile(real: string): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW refuses a symlink swapped in after realpath; O_NONBLOCK keeps a swapped-in FIFO from hanging the open.
    handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  const stats = await handle.stat().catch(() => undefined);
  if (stats?.isFile() === true) return handle;
  await handle.close().catch(() => undefined);
  return undefined;
}

function headersFor(type: string, length: number): http.OutgoingHttpHeaders {
  return {
    ...commonHeaders,
    'Content-Type': type,
    'Content-Length': length,
    ...(isDocument(type) ? { 'Content-Security-Policy': contentSecurityPolicy } : {}),
  };
}

function send(request: IncomingMessage, response: ServerResponse, type: string, body: Buffer, status = 200): void {
  response.writeHead(status, headersFor(type, body.length));
  response.end(request.method === 'HEAD' ? undefined : body);
}

function plain(response: ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}): void {
  const body = `${text}\n`;
  response.writeHead(status, { ...commonHeaders, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** An unexpected failure while answering: a 500 if nothing was sent yet, else the connection is cut. */
function fail(response: ServerResponse, _error: unknown): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  try {
    plain(response, 500, 'Internal server error');
  } catch {
    response.destroy();
  }
}

async function listenFrom(server: http.Server, first: number, host: string, strict: boolean): Promise<number> {
  const last = first === 0 || strict ? first : Math.min(first + portAttempts, 65535);
  for (let port = first; port <= last; port++) {
    try {
      return await listen(server, port, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
        throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  throw new PortInUseError(
    strict
      ? `port ${first} on ${host} is in use; free it or run without --strict-port`
      : `ports ${first}–${last} on ${host} are all in use; pick another with --port`,
  );
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // Always with a host: `listen(port)` alone listens on every interface.
    server.listen(port, host);
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
