/**
 * Every URL a plan's body holds, with its place and whether a browser would
 * load it (an image) or only follow it (a link): Markdown links, images and
 * definitions, and, when the config keeps raw HTML, each URL in the
 * attributes and inline CSS of the elements the page keeps. What `check` looks at is what the page build
 * rewrites or drops (see `html.ts`). Pure.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Nodes, Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Place } from '../types.js';

/** A URL of the body. */
export interface BodyUrl {
  readonly url: string;
  /** Whether the page would load it as it shows (an image, a `srcset`, a CSS `url()`), rather than only link to it. */
  readonly load: boolean;
  /** Whether the page shows it as a link when it is not the site's own: an image's source (the page loads nothing from elsewhere). */
  readonly image: boolean;
  readonly place: Place;
}

/** Attributes (hast property names) whose value is one URL; whether each is loaded, by element (`*` for any). */
const urlAttributes: Readonly<Record<string, { readonly load: 'always' | 'never' | readonly string[] }>> = {
  href: { load: ['link', 'image', 'use', 'feImage', 'script', 'base'] },
  xLinkHref: { load: 'always' },
  src: { load: 'always' },
  poster: { load: 'always' },
  background: { load: 'always' },
  data: { load: ['object'] },
  lowSrc: { load: 'always' },
  dynSrc: { load: 'always' },
  codeBase: { load: 'always' },
  manifest: { load: 'always' },
  icon: { load: 'always' },
  cite: { load: 'never' },
  longDesc: { load: 'never' },
  action: { load: 'never' },
  formAction: { load: 'never' },
  ping: { load: 'always' },
};

/** Attributes holding a list of image candidates (`url 2x, url 640w`). */
export const candidateAttributes: readonly string[] = ['srcSet', 'imageSrcSet'];

/** The elements of raw HTML the page keeps (the sanitizer's list, see `html.ts`). */
const keptTags: ReadonlySet<string> = new Set(defaultSchema.tagNames ?? []);

const toHast = unified().use(rehypeRaw);

/** Lists the URLs of a body; raw HTML is read only when `rawHtml` says the page keeps it. Pure. */
export function bodyUrls(body: Root, rawHtml: boolean): BodyUrl[] {
  const found: BodyUrl[] = [];
  const loadedDefinitions = new Set<string>();
  const definitions: Array<{ readonly url: string; readonly identifier: string; readonly place: Place }> = [];
  visit(body, (node) => {
    if (!node.position) return;
    const place = placeOf(node.position);
    if (node.type === 'link' || node.type === 'image') found.push({ url: node.url, load: node.type === 'image', image: node.type === 'image', place });
    else if (node.type === 'definition') definitions.push({ url: node.url, identifier: node.identifier, place });
    else if (node.type === 'imageReference') loadedDefinitions.add(node.identifier);
    else if (node.type === 'html' && rawHtml) found.push(...htmlUrls(node.value, node.position));
  });
  for (const { url, identifier, place } of definitions) found.push({ url, load: loadedDefinitions.has(identifier), image: loadedDefinitions.has(identifier), place });
  return found;
}

/** The URLs of one piece of raw HTML, placed in the plan; its elements are parsed as `rehype-raw` parses them for the page. */
function htmlUrls(html: string, position: NonNullable<Nodes['position']>): BodyUrl[] {
  const tree = toHast.runSync({ type: 'root', children: [{ type: 'raw', value: html, position }] });
  const found: BodyUrl[] = [];
  const fallback = placeOf(position);
  visitElements(tree, (element) => {
    // An element the sanitizer takes out (an iframe, a video) loads nothing, whatever its URLs.
    if (!keptTags.has(element.tagName)) return;
    const place = element.position ? placeOf(element.position) : fallback;
    for (const { url, load, image } of elementUrls(element)) found.push({ url, load, image, place });
  });
  return found;
}

/** Whether an attribute (a hast property name) of an element holds one URL, and whether the page would load it. Pure. */
export function urlAttribute(tagName: string, name: string): { readonly load: boolean } | undefined {
  const known = Object.hasOwn(urlAttributes, name) ? urlAttributes[name] : undefined;
  if (known === undefined || name === 'ping') return undefined;
  return { load: known.load === 'always' || (known.load !== 'never' && known.load.includes(tagName)) };
}

/** The URLs of an element's attributes and inline style, and whether each is loaded. Pure. */
function elementUrls(element: Element): Array<{ readonly url: string; readonly load: boolean; readonly image: boolean }> {
  const urls: Array<{ url: string; load: boolean; image: boolean }> = [];
  for (const [name, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || typeof value === 'boolean') continue;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    const single = urlAttribute(element.tagName, name);
    if (single) urls.push({ url: text, load: single.load, image: element.tagName === 'img' && name === 'src' });
    else if (name === 'ping') for (const url of text.split(/\s+/).filter(Boolean)) urls.push({ url, load: true, image: false });
    else if (candidateAttributes.includes(name)) {
      for (const { url } of candidates(text)) urls.push({ url, load: true, image: false });
    } else if (name === 'style') {
      for (const url of cssUrls(text)) urls.push({ url, load: true, image: false });
    }
  }
  if (element.tagName === 'style') for (const url of cssUrls(toString(element))) urls.push({ url, load: true, image: false });
  return urls;
}

/** One candidate of a `srcset`: its URL and what follows it (` 2x`, ` 640w`). */
export interface Candidate {
  readonly url: string;
  readonly descriptors: string;
}

/** The candidates of a `srcset`, split as the HTML standard splits them: each one's first word is its URL. Pure. */
export function candidates(srcset: string): Candidate[] {
  const found: Candidate[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at] ?? '')) at++;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !/\s/.test(srcset[end] ?? '')) end++;
    let url = srcset.slice(at, end);
    at = end;
    const start = at;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Descriptors run to the next comma outside parentheses.
      let depth = 0;
      while (at < srcset.length && (srcset[at] !== ',' || depth > 0)) {
        if (srcset[at] === '(') depth++;
        else if (srcset[at] === ')') depth = Math.max(0, depth - 1);
        at++;
      }
    }
    if (url !== '') found.push({ url, descriptors: srcset.slice(start, at).trim() });
  }
  return found;
}

/** The URLs CSS would load: `url(…)`, `@import "…"` and the strings of `image-set(…)`; CSS escapes are read first. Pure. */
export function cssUrls(css: string): string[] {
  const read = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1');
  const urls: string[] = [];
  for (const match of read.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) urls.push(match[1] ?? match[2] ?? match[3] ?? '');
  for (const match of read.matchAll(/@import\s*(?:"([^"]*)"|'([^']*)')/gi)) urls.push(match[1] ?? match[2] ?? '');
  for (const match of read.matchAll(/image-set\(([^)]*)\)/gi)) for (const string of (match[1] ?? '').matchAll(/"([^"]*)"|'([^']*)'/g)) urls.push(string[1] ?? string[2] ?? '');
  return urls;
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

function placeOf(position: NonNullable<Nodes['position']>): Place {
  return { start: { line: position.start.line, column: position.start.column }, end: { line: position.end.line, column: position.end.column } };
}

/** Calls `visitor` on every element, those inside a `<template>`'s content too (which `unist-util-visit` does not enter). */
function visitElements(tree: HastRoot, visitor: (element: Element) => void): void {
  visit(tree, 'element', (element) => {
    visitor(element);
    if (element.content) visitElements(element.content, visitor);
  });
}
