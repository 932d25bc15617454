/**
 * Plan Markdown to safe HTML: remark-rehype, then rehype-sanitize (always
 * last before stringifying), then rehype-stringify. Raw HTML is dropped
 * unless the config allows it, and then it is still sanitized. Inline text
 * without any Markdown, the usual case, skips the pipeline: it would come
 * out unchanged. Inline text with Markdown is read by the body's reader,
 * which gives the tree remark-parse gives. Pure.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { candidateAttributes, candidates, cssUrls, urlAttribute } from './body-urls.js';
import { findTooComplex, type TooComplex } from './complexity.js';
import { parseBody, parseWithMicromark } from '../fast/markdown-body.js';
import { browserUrl, isWebUrl } from './media.js';

/** Renders a plan's body and its inline Markdown strings to sanitized HTML. */
export interface HtmlRenderer {
  /** The body of a plan (its Markdown tree, frontmatter included or not). */
  body(tree: Root, rewrite?: UrlRewrite): string;
  /** A string that allows inline Markdown (see `inlineMarkdownTexts`); its local URLs go through `rewrite` as the body's do, and are dropped without one. */
  inline(markdown: string, rewrite?: UrlRewrite): string;
}

/** Rewrites a local URL of the body or of an inline string (to where its file is copied); `undefined` drops it. */
export type UrlRewrite = (url: string, kind: 'link' | 'image') => string | undefined;

/** Options of the HTML stage. */
export interface HtmlOptions {
  /** Keep raw HTML from the plan (still sanitized) instead of dropping it. */
  readonly allowRawHtml: boolean;
  /**
   * Return plain inline text as it is, without the pipeline (default true).
   * Turned off only to prove the shortcut gives the pipeline's output.
   */
  readonly plainShortcut?: boolean;
  /**
   * Read inline Markdown with the body's reader (`parseBody`, default true),
   * which gives remark-parse's tree and calls micromark only for what it does
   * not know. Turned off only to prove it gives micromark's output.
   */
  readonly fastReader?: boolean;
}

/**
 * One line of letters, digits, spaces and punctuation that Markdown and GFM
 * leave as they are (none of * _ ~ ` [ ] < > & \ # | = @, no tab). It starts
 * with a letter or digit (no list, heading or indent) and does not end with
 * a space (which the paragraph would trim).
 */
const plainCharacters = String.raw`\p{L}\p{M}\p{N},.;:'"?!%()/+\-\u2013\u2014\u2018\u2019\u201c\u201d\u2026`;
const plainLine = new RegExp(String.raw`^[\p{L}\p{N}](?:[ ${plainCharacters}]*[${plainCharacters}])?$`, 'u');

/**
 * The HTML the pipeline makes of an inline string that holds no Markdown:
 * the text itself (it has no `<` or `&` to escape), without one final line
 * break. `undefined` for any text that might hold Markdown, which then goes
 * through the pipeline. Pure.
 */
export function plainInline(text: string): string | undefined {
  const line = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!plainLine.test(line)) return undefined;
  // An ordered list item (`1.`, `2)`) or an autolink literal (`www.`, `https://`).
  if (/^[0-9]+[.)]/.test(line) || /http|www/i.test(line)) return undefined;
  return line;
}

/**
 * Why an inline string is too complex to read as Markdown (nested too deeply,
 * thousands of markers: see `findTooComplex`, the body's guard), or
 * `undefined`. The page shows such a string as plain text, and `check`
 * reports it (`too-complex`). Pure.
 */
export function inlineTooComplex(text: string): TooComplex | undefined {
  return plainInline(text) === undefined ? findTooComplex(text) : undefined;
}

/** The Markdown tree of an inline string as the page reads it, or `undefined` when the page reads no Markdown in it (none there, or `inlineTooComplex`): what `check` looks at in `vision`, notes and reflections. Pure. */
export function inlineTree(text: string): Root | undefined {
  return plainInline(text) === undefined && findTooComplex(text) === undefined ? parseBody(text) : undefined;
}

/** GitHub's sanitizing schema, plus an accessible name on task-list checkboxes. */
const schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, input: [...(defaultSchema.attributes?.input ?? []), 'ariaLabel'] },
};

/** Creates the renderer once per build: the unified processors are reused for every plan. Pure. */
export function createHtmlRenderer(options: HtmlOptions): HtmlRenderer {
  const toHast = unified()
    .use(remarkRehype, { allowDangerousHtml: options.allowRawHtml })
    .use(options.allowRawHtml ? rehypeRaw : () => undefined);
  const finish = unified().use(rehypeSanitize, schema).use(rehypeStringify);
  const parseInline = options.fastReader === false ? parseWithMicromark : parseBody;

  const toHtml = (tree: Root, rewrite: UrlRewrite | undefined, demote: boolean): string => {
    const content: Root = { ...tree, children: tree.children.filter((node) => node.type !== 'yaml') };
    const hast = (toHast as unknown as Processor<Root, Root, HastRoot>).runSync(content) as HastRoot;
    if (demote) demoteHeadings(hast);
    secureUrls(hast, rewrite);
    labelCheckboxes(hast);
    const clean = (finish as unknown as Processor<HastRoot, HastRoot, HastRoot, HastRoot, string>).runSync(hast);
    return (finish as unknown as Processor<HastRoot, HastRoot, HastRoot, HastRoot, string>).stringify(clean);
  };

  return {
    body: (tree, rewrite) => toHtml(tree, rewrite, true),
    inline(text, rewrite) {
      const plain = options.plainShortcut === false ? undefined : plainInline(text);
      if (plain !== undefined) return plain;
      // Read as Markdown, such a string could crash the parser or take minutes: it is shown as the text it is.
      if (findTooComplex(text)) return toHtml({ type: 'root', children: [{ type: 'text', value: text }] } as unknown as Root, undefined, false);
      const tree = parseInline(text);
      const [only] = tree.children;
      const html = toHtml(tree, rewrite ?? (() => undefined), false);
      return tree.children.length === 1 && only?.type === 'paragraph' ? html.replace(/^<p>([\s\S]*)<\/p>$/, '$1') : html;
    },
  };
}

/** Body headings start at `h3`: the page has its own `h1` (the plan) and `h2`s (its parts). */
function demoteHeadings(tree: HastRoot): void {
  const headings: Element[] = [];
  visitElements(tree, (element) => {
    if (/^h[1-6]$/.test(element.tagName)) headings.push(element);
  });
  const top = Math.min(...headings.map((heading) => Number(heading.tagName[1])));
  const shift = Math.max(0, 3 - top);
  for (const heading of headings) heading.tagName = `h${Math.min(6, Number(heading.tagName[1]) + shift)}`;
}

/**
 * Makes every URL of the body safe for a site that loads nothing from
 * elsewhere: schemes lower-cased so the sanitizer's allow-list sees them
 * (`HTTPS:` stays a link, `JaVaScRiPt:` goes); local URLs handed to
 * `rewrite` (which drops what the site does not publish); an image from
 * outside the site (`https://…`, `http:host/x`, `//host/x`) turned into a
 * link; any other URL from outside the site that the page would load (a
 * `srcset`, a `poster`, CSS) dropped. `bodyUrls` lists the same URLs for
 * `check`'s warnings.
 */
function secureUrls(tree: HastRoot, rewrite: UrlRewrite | undefined): void {
  visitElements(tree, (element) => {
    const kind = element.tagName === 'img' ? 'image' : 'link';
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value !== 'string' && !Array.isArray(value)) continue;
      const text = Array.isArray(value) ? value.join(' ') : value;
      const single = urlAttribute(element.tagName, name);
      if (single) {
        const url = browserUrl(text);
        const web = isWebUrl(url);
        const kept = web ? url : rewrite ? rewrite(url, kind) : url;
        const imageSource = element.tagName === 'img' && name === 'src';
        if (kept === undefined || (web && single.load && !imageSource && !/^data:/.test(url))) delete element.properties[name];
        else element.properties[name] = kept;
      } else if (candidateAttributes.includes(name)) {
        const kept = candidates(text).map(({ url, descriptors }) => {
          const local = isWebUrl(url) ? undefined : rewrite ? rewrite(url, 'image') : url;
          return local === undefined ? undefined : `${local}${descriptors === '' ? '' : ` ${descriptors}`}`;
        });
        if (kept.length === 0 || kept.includes(undefined)) delete element.properties[name];
        else element.properties[name] = kept.join(', ');
      } else if (name === 'style' && cssUrls(text).length > 0) {
        delete element.properties[name];
      }
    }
    const source = element.properties.src;
    if (element.tagName === 'img' && typeof source === 'string' && isWebUrl(source) && !/^data:/.test(source)) {
      const alt = typeof element.properties.alt === 'string' && element.properties.alt !== '' ? element.properties.alt : source;
      element.tagName = 'a';
      element.properties = { href: source };
      element.children = [{ type: 'text', value: alt }];
    }
  });
}

/** Task-list checkboxes get their item's text as an accessible name. */
function labelCheckboxes(tree: HastRoot): void {
  visitElements(tree, (element) => {
    if (element.tagName !== 'li') return;
    const holder = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? element;
    const box = holder.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
    if (box) box.properties.ariaLabel = textOf(element).trim().replace(/\s+/g, ' ');
  });
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as HastNodes)).join('') : '';
}

function visitElements(node: HastNodes, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child as HastNodes, visit);
}
