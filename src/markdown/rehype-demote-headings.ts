/**
 * A rehype plugin that shifts a body's headings down so that the highest is
 * at the file's `topHeading` level: the page has its own `h1` (the plan) and
 * `h2`s (its parts), so a body's headings start at `h3`. Pure.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The highest heading level this file's HTML may use (3: `h3`); without it headings stay as they are. */
    topHeading: number;
  }
}

/** Shifts every heading down by the same number of levels, so the highest is at least the file's `topHeading` (never below `h6`). Pure. */
export function rehypeDemoteHeadings(): (tree: Root, file: VFile) => undefined {
  return (tree, file) => {
    const top = file.data.topHeading;
    if (top === undefined) return;
    const headings: Element[] = [];
    visit(tree, 'element', (element) => {
      if (/^h[1-6]$/.test(element.tagName)) headings.push(element);
    });
    const shift = Math.max(0, top - Math.min(...headings.map(level)));
    for (const heading of headings) heading.tagName = `h${Math.min(6, level(heading) + shift)}`;
  };
}

function level(heading: Element): number {
  return Number(heading.tagName[1]);
}
