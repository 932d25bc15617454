import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer, eventsPath, PortInUseError, type PreviewServer } from '../../src/edges/server.js';
import { isLocalHost, isSameOrigin, parseTarget } from '../../src/edges/server-request.js';

const secret = 'TOP-SECRET-OUTSIDE-ROOT';
const snippet = '<script src="/__careerplan/client.js"></script>';
const page = '<!doctype html><html><head><title>Plan</title></head><body><p>Hello plan</p></body></html>';

let base: string;
let root: string;
let server: PreviewServer;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'careerplan-server-'));
  root = path.join(base, 'out');
  const files: Record<string, string> = {
    'index.html': page,
    'plans/ada/index.html': page.replace('Hello plan', 'Ada'),
    'assets/style.css': 'body { color: black; }',
    'assets/app.js': 'console.log(1);',
    'data.json': '{}',
    'timeline.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    'a.png': 'png',
    'a.jpg': 'jpg',
    'a.gif': 'gif',
    'a.webp': 'webp',
    'font.woff2': 'woff2',
    'plan.pdf': '%PDF-1.7',
    'deadlines.ics': 'BEGIN:VCALENDAR',
    'notes.txt': 'notes',
    'blob.bin': 'bytes',
    'boom.html': page,
    '.careerplan.lock': '123',
    'evil.example/index.html': page,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  mkdirSync(path.join(root, 'empty'));
  writeFileSync(path.join(base, 'secret.txt'), secret);
  // A sibling whose name starts with the root's name: a prefix check without a separator lets it through.
  mkdirSync(path.join(base, 'out-secret'));
  writeFileSync(path.join(base, 'out-secret', 'secret.txt'), secret);
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
  symlinkSync(base, path.join(root, 'linkdir'));
  symlinkSync(path.join(base, 'out-secret'), path.join(root, 'sibling'));
  symlinkSync(path.join(root, 'assets', 'style.css'), path.join(root, 'inner-link.css'));
  server = await createServer({
    root,
    port: 0,
    heartbeatMs: 50,
    memory: (name) => (name === 'client.js' ? 'new EventSource("/__careerplan/events");' : undefined),
    notFound: (requestPath) => (requestPath.startsWith('/pending/') ? `<!doctype html><title>Not built</title><p>${requestPath} is not built yet</p>` : undefined),
    inject: (html, requestPath) => {
      if (requestPath === '/boom.html') throw new Error('inject failed');
      return html.replace('</body>', `${snippet}</body>`);
    },
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A request with the path sent exactly as given (no normalisation) and a Host header we choose. */
function request(rawPath: string, options: { method?: string; host?: string | null; headers?: http.OutgoingHttpHeaders; port?: number } = {}): Promise<Reply> {
  const port = options.port ?? server.port;
  const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', agent: false, setHost: false, headers: { ...(host === null ? {} : { host }), ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Sends bytes over a plain socket (for request lines an HTTP client would refuse or fix) and returns all that comes back. */
function raw(text: string, options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(text, 'latin1');
    if (options.end === true) socket.end();
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);

describe('serving files', () => {
  test('binds to 127.0.0.1 and reports its URL', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test('a folder serves its index.html; a folder without a slash redirects; a folder without an index is 404', async () => {
    expect((await request('/')).body).toContain('Hello plan');
    expect((await request('/plans/ada/')).body).toContain('Ada');
    const redirect = await request('/plans/ada?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/plans/ada/?x=1');
    expect((await request('/empty/')).status).toBe(404);
    expect((await request('/missing.html')).status).toBe(404);
    expect((await request('/missing.html')).body).toBe('Not found\n');
    expect((await request('/.careerplan.lock')).status).toBe(404);
  });

  test('a redirect never points at another host', async () => {
    const redirect = await request('//evil.example');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/evil.example/');
  });

  test('content types, nosniff and no-store', async () => {
    const expected: Record<string, string> = {
      '/index.html': 'text/html; charset=utf-8',
      '/assets/style.css': 'text/css; charset=utf-8',
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/timeline.svg': 'image/svg+xml; charset=utf-8',
      '/a.png': 'image/png',
      '/a.jpg': 'image/jpeg',
      '/a.gif': 'image/gif',
      '/a.webp': 'image/webp',
      '/font.woff2': 'font/woff2',
      '/plan.pdf': 'application/pdf',
      '/deadlines.ics': 'text/calendar; charset=utf-8',
      '/notes.txt': 'text/plain; charset=utf-8',
      '/blob.bin': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(expected)) {
      const reply = await request(file);
      expect(reply.status, file).toBe(200);
      expect(reply.headers['content-type'], file).toBe(type);
      expect(reply.headers['x-content-type-options'], file).toBe('nosniff');
      expect(reply.headers['cache-control'], file).toBe('no-store');
    }
    expect((await request('/notes.txt')).body).toBe('notes');
  });

  test('HTML (and SVG) carries a same-origin CSP; other files do not need one', async () => {
    const csp = (await request('/')).headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect((await request('/timeline.svg')).headers['content-security-policy']).toBe(csp);
    expect((await request('/assets/style.css')).headers['content-security-policy']).toBeUndefined();
  });

  test('the reload snippet is in served HTML only, in memory; the file on disk is unchanged', async () => {
    const before = readFileSync(path.join(root, 'index.html'), 'utf8');
    const reply = await request('/');
    expect(reply.body).toContain(snippet);
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
    expect(readFileSync(path.join(root, 'index.html'), 'utf8')).toBe(before);
    expect(before).not.toContain('__careerplan');
    expect((await request('/assets/style.css')).body).not.toContain(snippet);
    const client = await request('/__careerplan/client.js');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.body).toContain('EventSource');
    expect((await request('/__careerplan/other.js')).status).toBe(404);
  });

  test('a 404 page from notFound where it has one, with the HTML headers; a plain 404 elsewhere', async () => {
    const reply = await request('/pending/ada/');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.body).toContain('/pending/ada/ is not built yet');
    expect((await request('/pending/../secret.txt')).body).not.toContain(secret);
    expect((await request('/elsewhere.html')).body).toBe('Not found\n');
  });

  test('a failing handler is a 500 and the server keeps serving', async () => {
    const reply = await request('/boom.html');
    expect(reply.status).toBe(500);
    expect((await request('/')).status).toBe(200);
  });

  test('a symlink that stays inside the root is served', async () => {
    expect((await request('/inner-link.css')).body).toBe('body { color: black; }');
  });
});

describe('nothing outside the root', () => {
  const cases: ReadonlyArray<readonly [string, number]> = [
    ['/../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/%2e%2e%2fsecret.txt', 400],
    ['/%2e%2e%2f..%2fsecret.txt', 400],
    ['/%2E%2E/secret.txt', 400],
    ['/assets/../../secret.txt', 400],
    ['/%252e%252e/secret.txt', 404],
    ['/%252e%252e%252fsecret.txt', 404],
    ['/..%5csecret.txt', 400],
    ['/..\\secret.txt', 400],
    ['/%5c..%5csecret.txt', 400],
    ['/index.html%00.txt', 400],
    ['/%00', 400],
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['/link.txt', 404],
    ['/linkdir/secret.txt', 404],
    ['/linkdir/out-secret/secret.txt', 404],
    ['/sibling/secret.txt', 404],
    ['/?/../secret.txt', 200],
  ];
  test.each(cases)('%s → %i, never the secret', async (target, status) => {
    const reply = await request(target);
    expect(reply.status).toBe(status);
    expect(reply.body).not.toContain(secret);
  });

  test('raw request lines an HTTP client would normalise', async () => {
    for (const target of ['/../secret.txt', '/./../secret.txt', '/a/../../secret.txt', '/index.html#/../../secret.txt', '/..%2f..%2fsecret.txt', '../secret.txt']) {
      const response = await raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect([400, 404], target).toContain(statusOf(response));
      expect(response).not.toContain(secret);
    }
  });

  test('property: random request paths never return a file outside the root and never crash the server', async () => {
    const piece = fc.constantFrom('/', '..', '.', '%2e', '%2E', '%2f', '%5c', '%25', '%00', '\\', '%', '%e0', '?', '#', ';', '~', '//', 'secret.txt', 'out-secret', 'link.txt', 'linkdir', 'sibling', 'index.html', 'assets', 'a');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const reply = await request(`/${pieces.join('')}`);
        expect([200, 301, 400, 404]).toContain(reply.status);
        expect(reply.body).not.toContain(secret);
      }),
      { numRuns: 200 },
    );
    expect((await request('/')).status).toBe(200);
  });
});

describe('Host and Origin (DNS rebinding)', () => {
  test('local names are served, other names are refused with 403', async () => {
    expect((await request('/', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await request('/', { host: `127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await request('/', { host: `[::1]:${server.port}` })).status).toBe(200);
    expect((await request('/', { host: 'localhost' })).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${server.port}`, 'localhost.evil.example', '127.0.0.1.evil.example', 'localhost@evil.example', '', 'a b']) {
      const reply = await request('/', { host });
      expect(reply.status, host).toBe(403);
      expect(reply.body).not.toContain('Hello plan');
    }
  });

  test('a missing Host is refused', async () => {
    expect(statusOf(await raw('GET / HTTP/1.0\r\n\r\n'))).toBe(403);
    // HTTP/1.1 requires a Host; Node itself answers 400.
    expect(statusOf(await raw('GET / HTTP/1.1\r\nConnection: close\r\n\r\n'))).toBe(400);
  });

  test('the events stream refuses a foreign Origin', async () => {
    const host = `localhost:${server.port}`;
    for (const origin of ['http://evil.example', 'null', `http://localhost:${server.port + 1}`, `https://${host}`]) {
      expect((await request(eventsPath, { method: 'HEAD', host, headers: { origin } })).status, origin).toBe(403);
    }
    const same = await request(eventsPath, { method: 'HEAD', host, headers: { origin: `http://${host}` } });
    expect(same.status).toBe(200);
    expect(same.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  });

  test('pure checks', () => {
    expect(isLocalHost('LOCALHOST:1', '127.0.0.1')).toBe(true);
    expect(isLocalHost('mybox.lan:4000', 'mybox.lan')).toBe(true);
    expect(isLocalHost('192.168.1.5:4000', '0.0.0.0')).toBe(true);
    expect(isLocalHost('evil.example', '127.0.0.1')).toBe(false);
    expect(isLocalHost(undefined, '127.0.0.1')).toBe(false);
    expect(isSameOrigin(undefined, 'localhost:1', '127.0.0.1')).toBe(true);
    expect(isSameOrigin('http://localhost:1', 'localhost:1', '127.0.0.1')).toBe(true);
    expect(isSameOrigin('http://evil.example:1', 'evil.example:1', '127.0.0.1')).toBe(false);
    expect(parseTarget('/a/b/?q')).toEqual({ ok: true, segments: ['a', 'b'], trailingSlash: true, query: '?q' });
  });
});

describe('methods', () => {
  test('POST, PUT, DELETE, PATCH, OPTIONS → 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await request('/', { method });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
  });

  test('HEAD sends the headers only', async () => {
    const reply = await request('/assets/style.css', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(reply.headers['content-length']).toBe(String('body { color: black; }'.length));
    expect(reply.body).toBe('');
    const html = await request('/', { method: 'HEAD' });
    expect(html.body).toBe('');
    expect(html.headers['content-security-policy']).toBeDefined();
  });

  test('CONNECT and upgrades are refused', async () => {
    expect(statusOf(await raw('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'))).toBe(405);
    expect(statusOf(await raw('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'))).toBe(405);
  });
});

/** An events client that collects what it receives. */
function listen(): Promise<{ text: () => string; close: () => void; closed: () => boolean }> {
  return new Promise((resolve, reject) => {
    let text = '';
    let closed = false;
    const outgoing = http.request({ host: '127.0.0.1', port: server.port, path: eventsPath, agent: false }, (response) => {
      expect(response.statusCode).toBe(200);
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('close', () => (closed = true));
      response.on('error', () => undefined);
      resolve({ text: () => text, close: () => outgoing.destroy(), closed: () => closed });
    });
    outgoing.on('error', (error) => (closed ? undefined : reject(error)));
    outgoing.end();
  });
}

describe('server-sent events', () => {
  test('clients receive retry, heartbeats and every broadcast; a gone client is dropped', async () => {
    const first = await listen();
    const second = await listen();
    await vi.waitFor(() => expect(first.text()).toContain('retry: 1000\n'));
    await vi.waitFor(() => expect(first.text()).toContain(': heartbeat\n\n'));
    server.broadcast('reload', '{"path":"/plans/ada/"}');
    await vi.waitFor(() => expect(first.text()).toContain('event: reload\ndata: {"path":"/plans/ada/"}\n\n'));
    await vi.waitFor(() => expect(second.text()).toContain('event: reload\ndata: {"path":"/plans/ada/"}\n\n'));
    // Multi-line data becomes one data line each; a newline in the name cannot start a new field.
    server.broadcast('err\nor', 'a\nb');
    await vi.waitFor(() => expect(second.text()).toContain('event: error\ndata: a\ndata: b\n\n'));
    second.close();
    await vi.waitFor(() => expect(second.closed()).toBe(true));
    server.broadcast('reload', 'after');
    await vi.waitFor(() => expect(first.text()).toContain('data: after\n'));
    expect((await request('/')).status).toBe(200);
    first.close();
  });

  test('close() ends open streams and stops the server', async () => {
    const own = await createServer({ root, port: 0 });
    const events: string[] = [];
    const ended = new Promise<void>((resolve) => {
      http.get({ host: '127.0.0.1', port: own.port, path: eventsPath, agent: false }, (response) => {
        response.on('data', (chunk: Buffer) => events.push(chunk.toString()));
        response.on('end', resolve);
        response.on('error', () => resolve());
      });
    });
    await vi.waitFor(() => expect(events.join('')).toContain('retry:'));
    await own.close();
    await ended;
    await expect(own.close()).resolves.toBeUndefined();
    await expect(request('/', { port: own.port })).rejects.toThrow();
  });
});

describe('pages built on demand', () => {
  test('prepare runs before a page is looked up, so a page it writes is served at once; never for the server\'s own files', async () => {
    const prepared: string[] = [];
    const own = await createServer({
      root,
      port: 0,
      prepare: async (requestPath) => {
        prepared.push(requestPath);
        if (requestPath === '/made-on-demand/') {
          mkdirSync(path.join(root, 'made-on-demand'), { recursive: true });
          writeFileSync(path.join(root, 'made-on-demand', 'index.html'), '<!doctype html><title>Made</title><p>made when asked</p>');
        }
      },
      memory: (name) => (name === 'client.js' ? '//' : undefined),
    });
    try {
      const page = await request('/made-on-demand/', { port: own.port });
      expect(page.status).toBe(200);
      expect(page.body).toContain('made when asked');
      await request('/__careerplan/client.js', { port: own.port });
      expect(prepared).toEqual(['/made-on-demand/']);
    } finally {
      await own.close();
      rmSync(path.join(root, 'made-on-demand'), { recursive: true, force: true });
    }
  });
});

describe('ports', () => {
  async function occupy(): Promise<net.Server> {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    return blocker;
  }
  const portOf = (blocker: net.Server) => (blocker.address() as net.AddressInfo).port;

  test('a taken port falls back to one of the next 20', async () => {
    const blocker = await occupy();
    const taken = portOf(blocker);
    const own = await createServer({ root, port: taken });
    try {
      expect(own.port).toBeGreaterThan(taken);
      expect(own.port).toBeLessThanOrEqual(taken + 20);
      expect(own.url).toBe(`http://127.0.0.1:${own.port}/`);
      expect((await request('/', { port: own.port })).status).toBe(200);
    } finally {
      await own.close();
      blocker.close();
    }
  });

  test('with strictPort a taken port is a clear error', async () => {
    const blocker = await occupy();
    const taken = portOf(blocker);
    try {
      await expect(createServer({ root, port: taken, strictPort: true })).rejects.toThrow(PortInUseError);
      await expect(createServer({ root, port: taken, strictPort: true })).rejects.toThrow(`port ${taken} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('malformed requests', () => {
  test('a burst of them, and a normal GET still works', async () => {
    const burst: ReadonlyArray<readonly [string, ReadonlyArray<number>, boolean?]> = [
      ['GET /%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', [400]],
      ['GET http://evil.example/secret.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', [400]],
      ['GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', [400]],
      ['OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', [405]],
      [`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, [431]],
      ['GARBAGE\r\n\r\n', [400]],
      ['GET / HTTP/9.9\r\nHost: localhost\r\n\r\n', [400, 505]],
      ['GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n', [403]],
      ['GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n', [403]],
      ['GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n', [200, 400, 403]],
      ['GET /\0 HTTP/1.1\r\nHost: localhost\r\n\r\n', [400]],
      ['GET /a#b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', [400]],
      ['GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', [200, 400]],
      ['GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n', [400]],
      ['GET / HTTP/1.1\r\nHo', [0, 400], true],
      ['\r\n\r\n\r\n', [0, 400], true],
    ];
    for (const [text, statuses, end] of burst) {
      const response = await raw(text, { end: end ?? false });
      expect(statuses, JSON.stringify(text.slice(0, 60))).toContain(statusOf(response));
      expect(response).not.toContain(secret);
    }
    const reply = await request('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Hello plan');
  });
});
