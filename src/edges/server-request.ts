/**
 * The preview server's decisions about a request, kept pure so they can be
 * tested on their own: which file a request target names (if any), whether a
 * Host or Origin header is local, and the headers a response carries.
 * Touches nothing.
 */
import net from 'node:net';

/** What a request target asks for: a path below the root, or a refusal with its status. */
export type Target =
  | { readonly ok: true; readonly segments: readonly string[]; readonly trailingSlash: boolean; readonly query: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

/**
 * Reads a raw request target (`req.url`) into the path segments of a file
 * below the root. The query is kept only for redirects and never changes what
 * is served; the path is decoded exactly once, so `%252e` stays the literal
 * name `%2e`. Refuses anything that is not an origin-form path, bad percent
 * encoding, `..`, backslashes, NUL, and hidden names (the out folder's lock
 * and temporary files).
 */
export function parseTarget(raw: string | undefined): Target {
  if (raw === undefined || !raw.startsWith('/')) return { ok: false, status: 400, reason: 'expected a path starting with `/`' };
  // A fragment is never sent by a browser; one in the target is a trick.
  if (raw.includes('#')) return { ok: false, status: 400, reason: 'unexpected `#` in the request target' };
  const queryAt = raw.indexOf('?');
  const encoded = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt);
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'unexpected NUL' };
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'unexpected backslash' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..')) return { ok: false, status: 400, reason: 'unexpected `..`' };
  if (segments.some((segment) => segment.startsWith('.'))) return { ok: false, status: 404, reason: 'hidden file' };
  return { ok: true, segments, trailingSlash: decoded.endsWith('/'), query };
}

/** The canonical path of a folder, for the `/dir` → `/dir/` redirect: never `//host`. */
export function folderLocation(segments: readonly string[], query: string): string {
  return `/${segments.map(encodeURIComponent).join('/')}${segments.length > 0 ? '/' : ''}${query}`;
}

/** Splits a Host header into its name and port; undefined when it is not one. */
export function parseHost(header: string | undefined): { readonly name: string; readonly port: number | undefined } | undefined {
  if (header === undefined) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (match === null) return undefined;
  const name = (match[1] ?? '').toLowerCase().replace(/\.$/, '');
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65535) return undefined;
  return { name, port };
}

const localNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a Host header names this machine: a loopback name, the host the
 * server was bound to, or an IP address literal. DNS rebinding needs a name
 * the attacker controls, so a literal address is safe; the port is not
 * compared, so port forwarders (ssh -L, dev containers) keep working.
 */
export function isLocalHost(header: string | undefined, boundHost: string): boolean {
  const host = parseHost(header);
  if (host === undefined) return false;
  const bound = boundHost.toLowerCase();
  if (localNames.has(host.name) || host.name === bound || `[${bound}]` === host.name) return true;
  if (net.isIPv4(host.name)) return true;
  return host.name.startsWith('[') && net.isIPv6(host.name.slice(1, -1));
}

/**
 * Whether an Origin header may open the events stream: absent (same-origin
 * EventSource requests and non-browser clients send none) or exactly the
 * origin the browser used to reach this server, and that one local.
 */
export function isSameOrigin(origin: string | undefined, hostHeader: string | undefined, boundHost: string): boolean {
  if (origin === undefined) return true;
  if (hostHeader === undefined || !isLocalHost(hostHeader, boundHost)) return false;
  return origin.toLowerCase() === `http://${hostHeader.trim().toLowerCase()}`;
}


/** Whether a content type is a document that runs in the page's origin (HTML, SVG) and so needs a CSP. */
export function isDocument(type: string): boolean {
  return type.startsWith('text/html') || type.startsWith('image/svg+xml');
}

/**
 * The Content-Security-Policy of HTML and SVG responses: everything from the
 * same origin only. Scripts only from files (the reload script is served from
 * memory at a same-origin path), so an inline script in a plan can never run;
 * inline styles are allowed because the theme sets `--ratio` and `--level`
 * in `style` attributes, and CSS cannot reach another origin here either.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers every response carries. */
export const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
} as const satisfies Record<string, string>;
