/**
 * Plan Markdown to safe HTML with one unified processor: remark-rehype, then
 * rehype-raw where the config allows raw HTML, then careerplan's own
 * transforms as rehype plugins (headings demoted in the body, URLs made the
 * site's, remote images made links, checkboxes labelled), then
 * rehype-sanitize (always last before stringifying), then rehype-stringify.
 * Raw HTML is dropped unless the config allows it, and then it is still
 * sanitized. Inline text without any Markdown, the usual case, skips the
 * pipeline: it would come out unchanged. Inline text with Markdown is read by
 * the body's reader, which gives the tree remark-parse gives. Pure.
 */
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Data } from 'vfile';
import { findTooComplex, type TooComplex } from './complexity.js';
import { parseBody, parseWithMicromark } from '../fast/markdown-body.js';
import { rehypeDemoteHeadings } from './rehype-demote-headings.js';
import { rehypeLabelCheckboxes } from './rehype-label-checkboxes.js';
import { rehypeRemoteImages } from './rehype-remote-images.js';
import { rehypeSiteUrls, type UrlRewrite } from './rehype-site-urls.js';

export type { UrlRewrite } from './rehype-site-urls.js';

/** Renders a plan's body and its inline Markdown strings to sanitized HTML. */
export interface HtmlRenderer {
  /** The body of a plan (its Markdown tree, frontmatter included or not). */
  body(tree: Root, rewrite?: UrlRewrite): string;
  /** A string that allows inline Markdown (see `inlineMarkdownTexts`); its local URLs go through `rewrite` as the body's do, and are dropped without one. */
  inline(markdown: string, rewrite?: UrlRewrite): string;
}

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

/**
 * The processor from a Markdown tree to sanitized HTML. What differs from one
 * call to the next rides on the file's data: `urlRewrite` for the local URLs,
 * `topHeading` for the body's headings. Pure.
 */
function markdownToHtml(allowRawHtml: boolean) {
  return unified()
    .use(remarkRehype, { allowDangerousHtml: allowRawHtml })
    .use(allowRawHtml ? [rehypeRaw] : [])
    .use(rehypeDemoteHeadings)
    .use(rehypeSiteUrls)
    .use(rehypeRemoteImages)
    .use(rehypeLabelCheckboxes)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
}

/** Creates the renderer once per build: its unified processor is reused for every plan. Pure. */
export function createHtmlRenderer(options: HtmlOptions): HtmlRenderer {
  const processor = markdownToHtml(options.allowRawHtml);
  const parseInline = options.fastReader === false ? parseWithMicromark : parseBody;
  const toHtml = (tree: Root, data: Data): string => processor.stringify(processor.runSync(tree, { data }));

  return {
    body: (tree, rewrite) => toHtml(tree, { topHeading: 3, ...(rewrite ? { urlRewrite: rewrite } : {}) }),
    inline(text, rewrite) {
      const plain = options.plainShortcut === false ? undefined : plainInline(text);
      if (plain !== undefined) return plain;
      // Read as Markdown, such a string could crash the parser or take minutes: it is shown as the text it is.
      if (findTooComplex(text)) return toHtml({ type: 'root', children: [{ type: 'text', value: text }] }, {});
      const tree = parseInline(text);
      const [only] = tree.children;
      const html = toHtml(tree, { urlRewrite: rewrite ?? (() => undefined) });
      return tree.children.length === 1 && only?.type === 'paragraph' ? html.replace(/^<p>([\s\S]*)<\/p>$/, '$1') : html;
    },
  };
}
