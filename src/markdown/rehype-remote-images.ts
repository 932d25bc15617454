/**
 * A rehype plugin that turns each image from outside the site (`https://…`,
 * `http:host/x`, `//host/x`) into a link to it, named by its `alt` text: the
 * page loads nothing from elsewhere. Images written in the page itself
 * (`data:`) stay. Pure.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isWebUrl } from './media.js';

/** Replaces every `<img>` whose source is a web address with `<a href>` to it, its text the image's `alt` (or the address). Pure. */
export function rehypeRemoteImages(): (tree: Root) => undefined {
  return (tree) => {
    visit(tree, 'element', (element) => {
      const source = element.properties.src;
      if (element.tagName !== 'img' || typeof source !== 'string' || !isWebUrl(source) || /^data:/.test(source)) return;
      const alt = typeof element.properties.alt === 'string' && element.properties.alt !== '' ? element.properties.alt : source;
      element.tagName = 'a';
      element.properties = { href: source };
      element.children = [{ type: 'text', value: alt }];
    });
  };
}
