import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { inlineMarkdownTexts } from '../../markdown/inline-markdown.js';
import { inlineTree } from '../../markdown/html.js';
import type { Place } from '../../types.js';
import { placeWithin } from './local-links.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** Raw HTML in the body or in inline Markdown (`vision`, notes, reflections), which the site drops unless the config allows it. */
export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'warning',
  summary: 'raw HTML in the body, `vision`, a note or a reflection, which is left out of the page unless `allowRawHtml` is set',
  *check(context: PlanContext): Iterable<Report> {
    if (context.body) yield* reports(context.body, (place) => place);
    for (const { path, text } of inlineMarkdownTexts(context.data)) {
      const tree = inlineTree(text);
      // Placed only when there is raw HTML: finding a value's place may read the whole YAML document.
      let within: ((place: Place) => Place) | undefined;
      if (tree) yield* reports(tree, (place) => (within ??= placeWithin(context, path, text))(place));
    }
  },
};

function* reports(tree: Root, at: (place: Place) => Place): Iterable<Report> {
  for (const node of htmlNodes(tree)) {
    const html = node.value.trim();
    if (html.startsWith('<!--') || !node.position) continue;
    const { start, end } = node.position;
    const shown = html.length > 40 ? `${html.slice(0, 37)}...` : html;
    yield {
      place: at({ start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } }),
      message: `Unexpected raw HTML \`${shown.replace(/`/g, "'")}\`, expected Markdown: the page leaves it out (set \`allowRawHtml: true\` in the config to keep it, sanitized)`,
    };
  }
}

function htmlNodes(tree: Root): Html[] {
  const found: Html[] = [];
  visit(tree, 'html', (node) => {
    found.push(node);
  });
  return found;
}
