import path from 'node:path';
import type { Nodes } from 'mdast';
import type { PlanContext, Report, Rule } from './rule.js';
import { isInside } from '../../paths.js';

/** A local link or image in the body that does not exist or leaves the plans folder. */
export const brokenLink: Rule = {
  id: 'broken-link',
  severity: 'error',
  summary: 'a local link or image in the body that does not exist or leaves the plans folder',
  *check(context: PlanContext): Iterable<Report> {
    if (!context.body) return;
    for (const node of walk(context.body)) {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') continue;
      const problem = problemWith(node.url, context);
      if (!problem || !node.position) continue;
      const { start, end } = node.position;
      yield {
        place: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
        message: problem,
      };
    }
  },
};

function* walk(node: Nodes): Iterable<Nodes> {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    yield current;
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
}

const external = /^[a-z][a-z0-9+.-]*:|^\/\/|^#|^$/i;

function problemWith(url: string, context: PlanContext): string | undefined {
  if (external.test(url)) return undefined;
  const target = url.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return `Unexpected link \`${url}\` with a broken %-escape, expected a path to a file in the plans folder`;
  }
  const base = decoded.startsWith('/') ? context.plansRoot : path.dirname(context.source.absolutePath);
  const resolved = path.resolve(base, decoded.startsWith('/') ? `.${decoded}` : decoded);
  if (!isInside(context.plansRoot, resolved)) {
    return `Unexpected link \`${url}\` leaving the plans folder, expected a file inside it: copy the file into the plans folder`;
  }
  const real = context.realPath(resolved);
  if (real === undefined) return `Unexpected link \`${url}\` to a file that does not exist, expected an existing file: check the path and its letter case`;
  const realRoot = context.realPath(context.plansRoot) ?? context.plansRoot;
  if (!isInside(realRoot, real)) {
    return `Unexpected link \`${url}\` to a file outside the plans folder through a symbolic link, expected a file inside it`;
  }
  return undefined;
}
