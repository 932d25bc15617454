import type { Html, Nodes } from 'mdast';
import type { PlanContext, Report, Rule } from './rule.js';

/** Raw HTML in the body, which the site drops unless the config allows it. */
export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'warning',
  summary: 'raw HTML in the body, which is left out of the page unless `allowRawHtml` is set',
  *check(context: PlanContext): Iterable<Report> {
    if (!context.body) return;
    for (const node of htmlNodes(context.body)) {
      const html = node.value.trim();
      if (html.startsWith('<!--') || !node.position) continue;
      const { start, end } = node.position;
      const shown = html.length > 40 ? `${html.slice(0, 37)}...` : html;
      yield {
        place: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
        message: `Unexpected raw HTML \`${shown.replace(/`/g, "'")}\`, expected Markdown: the page leaves it out (set \`allowRawHtml: true\` in the config to keep it, sanitized)`,
      };
    }
  },
};

function* htmlNodes(node: Nodes): Iterable<Html> {
  if (node.type === 'html') yield node;
  if ('children' in node) for (const child of node.children) yield* htmlNodes(child);
}
