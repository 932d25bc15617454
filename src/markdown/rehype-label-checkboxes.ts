/**
 * A rehype plugin that gives each task-list checkbox its item's text as an
 * accessible name. Pure.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Names each list item's checkbox (`aria-label`) with the item's whole text, spaces collapsed. Pure. */
export function rehypeLabelCheckboxes(): (tree: Root) => undefined {
  return (tree) => {
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'li') return;
      const holder = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? element;
      const box = holder.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (box) box.properties.ariaLabel = toString(element).trim().replace(/\s+/g, ' ');
    });
  };
}
