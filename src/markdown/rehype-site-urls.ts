/**
 * A rehype plugin that makes every URL of a page's Markdown safe for a site
 * that loads nothing from elsewhere: schemes lower-cased so the sanitizer's
 * allow-list sees them (`HTTPS:` stays a link, `JaVaScRiPt:` goes); local
 * URLs handed to the file's `urlRewrite` (which drops what the site does not
 * publish); any URL from outside the site that the page would load (a
 * `srcset`, a `poster`, CSS) dropped. An image's own source from outside the
 * site is kept for `rehypeRemoteImages`, which makes it a link. `bodyUrls`
 * lists the same URLs for `check`'s warnings. Pure.
 */
import type { Element, Properties, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { candidateAttributes, candidates, cssUrls, urlAttribute } from './body-urls.js';
import { browserUrl, isWebUrl } from './media.js';

/** Rewrites a local URL of the body or of an inline string (to where its file is copied); `undefined` drops it. */
export type UrlRewrite = (url: string, kind: 'link' | 'image') => string | undefined;

declare module 'vfile' {
  interface DataMap {
    /** How `rehypeSiteUrls` rewrites the local URLs of this file; without it they stay as they are. */
    urlRewrite: UrlRewrite;
  }
}

/** Rewrites or drops every URL attribute and inline style of every element, as the module comment says. Pure. */
export function rehypeSiteUrls(): (tree: Root, file: VFile) => undefined {
  return (tree, file) => {
    const rewrite = file.data.urlRewrite;
    visit(tree, 'element', (element) => {
      for (const [name, value] of Object.entries(element.properties)) {
        if (typeof value !== 'string' && !Array.isArray(value)) continue;
        const kept = siteValue(element, name, Array.isArray(value) ? value.join(' ') : value, rewrite);
        if (kept === undefined) delete element.properties[name];
        else element.properties[name] = kept;
      }
    });
  };
}

/** What an attribute's value becomes on the site: itself, rewritten, or `undefined` to drop the attribute. */
function siteValue(element: Element, name: string, text: string, rewrite: UrlRewrite | undefined): Properties[string] {
  const single = urlAttribute(element.tagName, name);
  if (single) {
    const url = browserUrl(text);
    const web = isWebUrl(url);
    const kept = web ? url : rewrite ? rewrite(url, element.tagName === 'img' ? 'image' : 'link') : url;
    const imageSource = element.tagName === 'img' && name === 'src';
    return kept === undefined || (web && single.load && !imageSource && !/^data:/.test(url)) ? undefined : kept;
  }
  if (candidateAttributes.includes(name)) {
    const kept = candidates(text).map(({ url, descriptors }) => {
      const local = isWebUrl(url) ? undefined : rewrite ? rewrite(url, 'image') : url;
      return local === undefined ? undefined : `${local}${descriptors === '' ? '' : ` ${descriptors}`}`;
    });
    return kept.length === 0 || kept.includes(undefined) ? undefined : kept.join(', ');
  }
  if (name === 'style' && cssUrls(text).length > 0) return undefined;
  return element.properties[name];
}
