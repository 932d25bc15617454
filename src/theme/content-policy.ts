/**
 * The Content-Security-Policy every page of the site carries, as a meta tag
 * first in its head: the page may load scripts, styles, fonts and images
 * only from the site itself (and images from `data:`), and nothing else,
 * wherever it is opened from (disk, a static host, the preview). It backs up
 * the body's own rules (see `html.ts`): whatever a plan says, the browser
 * fetches nothing from elsewhere. Inline `style` attributes stay allowed:
 * the theme sets bar widths with them, and CSS runs no script. Pure.
 */

/** The policy, for the site's own origin (`'self'`) and any others given. */
export function contentPolicy(origins: readonly string[] = []): string {
  const own = ["'self'", ...origins].join(' ');
  return [
    "default-src 'none'",
    `script-src ${own}`,
    `style-src ${own} 'unsafe-inline'`,
    `img-src ${own} data:`,
    `font-src ${own}`,
    // The live preview's reload client listens to its own server.
    `connect-src ${own}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The meta tag of a policy. */
export function contentPolicyMeta(policy: string = contentPolicy()): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

/** A page with the policy's meta tag first in its head (before anything it governs), or first in the document when it has no head. Pure. */
export function withContentPolicy(html: string, policy: string = contentPolicy()): string {
  const meta = contentPolicyMeta(policy);
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${meta}${html.slice(head.index + head[0].length)}`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : `${meta}${html}`;
}
