/**
 * The files a plan's body links to: the one place that decides whether a
 * link or image names a file the site may publish, and where it goes.
 * `check`'s rules turn its refusals into positioned messages; the page build
 * rewrites URLs with it and copies only what it allowed, so `check` passing
 * means the build refuses nothing. Pure but for the injected `inspect`.
 */
import path from 'node:path';
import { planSlug } from '../format/slug.js';
import { isInside } from '../lib/paths.js';
import type { FileFacts } from '../types.js';
import { isPlanFile } from '../stages/load.js';

/** A file to copy into the site. */
export interface Copy {
  readonly source: string;
  readonly target: string;
}

/** The largest file a plan may link to, in bytes (25 MiB): a page is read on a phone, and a build holds a file whole while copying it. */
export const maxAttachmentBytes = 25 * 1024 * 1024;

/**
 * The file types a plan may link to or show, by extension: images and
 * documents that a static host serves as something to look at or to
 * download, never as a page that runs script on the site's origin. SVG is
 * published sanitized to static shapes (see `svg.ts`).
 */
export const attachableTypes = {
  images: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'],
  documents: ['pdf', 'txt', 'csv', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'],
} as const;

const attachable: ReadonlySet<string> = new Set<string>([...attachableTypes.images, ...attachableTypes.documents]);

/** The rules a refused link is reported under. */
export type RefusalRule = 'broken-link' | 'private-file' | 'bad-attachment';

/** What a URL of a plan's body names. */
export type LinkTarget =
  /** A web address or another scheme (`https:`, `mailto:`, `http:host/x`, `//host/x`): not a file of the plans folder. */
  | { readonly kind: 'web' }
  /** The page itself: empty, `#part` or `?query`. */
  | { readonly kind: 'page' }
  /** Another plan: its page. */
  | { readonly kind: 'plan'; readonly slug: string; readonly suffix: string }
  /** A file the site publishes: its real path and its path in the plans folder, with forward slashes. */
  | { readonly kind: 'file'; readonly real: string; readonly relative: string; readonly suffix: string }
  /** A local target the site does not publish, and why, worded for the author. */
  | { readonly kind: 'refused'; readonly ruleId: RefusalRule; readonly message: string };

/** What classifying a plan's links needs. */
export interface LinkContext {
  /** Absolute path of the plan file. */
  readonly planFile: string;
  /** Absolute path of the plans folder. */
  readonly plansRoot: string;
  /** What is at a path (symbolic links followed), or `undefined` when nothing is; never opens it. */
  readonly inspect: (absolutePath: string) => FileFacts | undefined;
}

/**
 * A URL as a browser reads it: without leading and trailing spaces and
 * control characters, without tabs and line breaks anywhere (so `ht\ttp:x`
 * is `http:x`), and its scheme in lower case. Pure.
 */
export function browserUrl(url: string): string {
  return url
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '')
    .replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());
}

/** Whether a URL names something outside the site: any scheme (`http:host/x` too) or a network path (`//host`, `\\host`, which browsers read as `//host`). Pure. */
export function isWebUrl(url: string): boolean {
  const read = browserUrl(url);
  return /^[a-z][a-z0-9+.-]*:/.test(read) || /^[/\\]{2}/.test(read);
}

/** Decides what a URL of a plan's body names and whether the site may publish it. Pure but for `inspect`. */
export function classifyLink(url: string, context: LinkContext): LinkTarget {
  if (isWebUrl(url)) return { kind: 'web' };
  // Browsers read a backslash in a path as a slash.
  const read = browserUrl(url).replace(/\\/g, '/');
  const [, target = '', suffix = ''] = /^([^?#]*)([?#].*)?$/s.exec(read) ?? [];
  if (target === '') return { kind: 'page' };
  const shown = `\`${url.replace(/`/g, "'")}\``;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return refused('broken-link', `Unexpected link ${shown} with a broken %-escape, expected a path to a file in the plans folder`);
  }
  const { plansRoot } = context;
  const fromRoot = decoded.startsWith('/');
  const resolved = path.resolve(fromRoot ? plansRoot : path.dirname(context.planFile), fromRoot ? `.${decoded}` : decoded);
  if (!isInside(plansRoot, resolved)) {
    return refused('broken-link', `Unexpected link ${shown} leaving the plans folder, expected a file inside it: copy the file into the plans folder`);
  }
  const relative = path.relative(plansRoot, resolved);
  if (isPrivate(relative)) return privateFile(shown);
  const facts = context.inspect(resolved);
  if (facts === undefined) return refused('broken-link', `Unexpected link ${shown} to a file that does not exist, expected an existing file: check the path and its letter case`);
  const realRoot = context.inspect(plansRoot)?.real ?? plansRoot;
  if (!isInside(realRoot, facts.real)) {
    return refused('broken-link', `Unexpected link ${shown} to a file outside the plans folder through a symbolic link, expected a file inside it`);
  }
  if (isPrivate(path.relative(realRoot, facts.real))) return privateFile(shown);
  if (facts.kind === 'folder') {
    return refused('broken-link', `Unexpected link ${shown} to a folder, expected a link to a file: link the file itself (a page cannot list a folder)`);
  }
  if (facts.kind === 'other') {
    return refused('broken-link', `Unexpected link ${shown} to something that is not a file (a pipe, socket or device), expected an ordinary file`);
  }
  if (isPlanFile(plansRoot, resolved)) return { kind: 'plan', slug: planSlug(resolved), suffix };
  const type = path.extname(resolved).slice(1).toLowerCase();
  if (!attachable.has(type) || !attachable.has(path.extname(facts.real).slice(1).toLowerCase())) {
    return refused(
      'bad-attachment',
      `Unexpected link ${shown} to a file of type ${type === '' ? 'without an extension' : `\`.${type}\``}, expected an image (${listed(attachableTypes.images)}) or a document (${listed(attachableTypes.documents)}): a page may not publish files that a browser could run`,
    );
  }
  if (facts.size > maxAttachmentBytes) {
    return refused(
      'bad-attachment',
      `Unexpected file of ${facts.size.toLocaleString('en-US')} bytes at ${shown}, expected at most 25 MiB (${maxAttachmentBytes.toLocaleString('en-US')} bytes): make it smaller, or link it on the web instead`,
    );
  }
  return { kind: 'file', real: facts.real, relative: relative.split(path.sep).join('/'), suffix };
}

/** What the page build needs besides `LinkContext`. */
export interface MediaContext extends LinkContext {
  /** The plan's output folder, relative to the site root. */
  readonly slug: string;
}

/**
 * A local URL of a plan's page as the site has it: its new URL and the file
 * to copy, or `undefined` to drop it (a target `classifyLink` refuses, or a
 * web address where only local ones are wanted). Pure but for `inspect`.
 */
export function resolveLocalUrl(url: string, context: MediaContext): { readonly url: string; readonly copy?: Copy } | undefined {
  const target = classifyLink(url, context);
  switch (target.kind) {
    case 'web':
    case 'refused':
      return undefined;
    case 'page':
      return { url: browserUrl(url).replace(/\\/g, '/') };
    case 'plan':
      return { url: `../${encodeURIComponent(target.slug)}/${target.suffix}` };
    case 'file': {
      const targetPath = ['media', ...target.relative.split('/')];
      return {
        url: `${targetPath.map(encodeURIComponent).join('/')}${target.suffix}`,
        copy: { source: target.real, target: path.posix.join(context.slug, ...targetPath) },
      };
    }
  }
}

/** Whether a path relative to the plans folder has a part the site keeps private: a name starting with `_` or `.` (drafts, `.env`, `.git`). Pure. */
export function isPrivate(relative: string): boolean {
  return relative.split(path.sep).some((part) => part.startsWith('_') || (part.startsWith('.') && part !== '.' && part !== '..'));
}

function privateFile(shown: string): LinkTarget {
  return refused('private-file', `Unexpected link ${shown} to a private file, expected a file the site may publish: names starting with \`_\` or \`.\` (drafts, \`.env\`, \`.git\`) are never published`);
}

function refused(ruleId: RefusalRule, message: string): LinkTarget {
  return { kind: 'refused', ruleId, message };
}

function listed(types: readonly string[]): string {
  return types.map((type) => type.toUpperCase()).join(', ');
}
