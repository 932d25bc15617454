/**
 * What the URLs of a plan's body and of its inline Markdown strings
 * (`vision`, notes, reflections) say about the site, worked out once per
 * plan for the rules that report it (`broken-link`, `private-file`,
 * `bad-attachment`, `remote-content`): each local target that
 * `classifyLink` refuses, and each URL from outside the site that the page
 * would have loaded. Pure but
 * for the context's `inspect`.
 */
import { bodyUrls, type BodyUrl } from '../../markdown/body-urls.js';
import { inlineMarkdownTexts } from '../../markdown/inline-markdown.js';
import type { DataPath } from '../yaml.js';
import { inlineTree } from '../../markdown/html.js';
import { browserUrl, classifyLink, isWebUrl, type LinkContext, type RefusalRule } from '../../markdown/media.js';
import type { Place, Point } from '../../types.js';
import type { PlanContext, Report } from './rule.js';

/** A problem with one URL, and the rule it belongs to. */
export interface LinkProblem extends Report {
  readonly ruleId: RefusalRule | 'remote-content';
}

const found = new WeakMap<PlanContext, readonly LinkProblem[]>();

/** The problems of a plan's URLs, in the body and in the inline Markdown strings of its frontmatter, each rule's share picked by `ruleId`. */
export function linkProblems(context: PlanContext): readonly LinkProblem[] {
  const known = found.get(context);
  if (known) return known;
  const problems: LinkProblem[] = [];
  const linkContext = { planFile: context.source.absolutePath, plansRoot: context.plansRoot, inspect: context.inspect };
  const add = ({ url, load, image }: BodyUrl, place: () => Place): void => {
    const problem = problemOf(url, load, image, linkContext);
    if (problem) problems.push({ ...problem, place: place() });
  };
  for (const url of context.body ? bodyUrls(context.body, context.rawHtml) : []) add(url, () => url.place);
  for (const { path, text } of inlineMarkdownTexts(context.data)) {
    const tree = inlineTree(text);
    if (tree === undefined) continue;
    // Placed only when a URL has a problem: finding a value's place may read the whole YAML document.
    let within: ((place: Place) => Place) | undefined;
    for (const url of bodyUrls(tree, context.rawHtml)) add(url, () => (within ??= placeWithin(context, path, text))(url.place));
  }
  found.set(context, problems);
  return problems;
}

/** What is wrong with one URL, if anything: a local target `classifyLink` refuses, or something from outside the site the page would load. */
function problemOf(url: string, load: boolean, image: boolean, linkContext: LinkContext): Omit<LinkProblem, 'place'> | undefined {
  if (isWebUrl(url)) {
    // `data:` is part of the page itself; every other scheme reaches out of the site.
    return load && !/^data:/i.test(browserUrl(url)) ? { ruleId: 'remote-content', message: remoteMessage(url, image) } : undefined;
  }
  const target = classifyLink(url, linkContext);
  return target.kind === 'refused' ? { ruleId: target.ruleId, message: target.message } : undefined;
}

/**
 * Maps a place inside an inline Markdown string at `path` to the plan file: exact when the
 * value stands in the YAML as it reads (plain or quoted on one line, without
 * escapes), else the place of the whole value (a folded `>` block, an
 * escape: the string's columns are not the file's).
 */
export function placeWithin(context: PlanContext, path: DataPath, text: string): (place: Place) => Place {
  const value = context.place(path);
  const source = context.sourceText(path);
  const shift = source === undefined || text.includes('\n') ? undefined : source === text ? 0 : /^["']/.test(source) && source.slice(1, -1) === text ? 1 : undefined;
  if (shift === undefined) return () => value;
  const point = ({ column }: Point): Point => ({ line: value.start.line, column: value.start.column + shift + column - 1 });
  return ({ start, end }) => ({ start: point(start), ...(end ? { end: point(end) } : {}) });
}

/** The reports of one rule. */
export function* reportsOf(context: PlanContext, ruleId: LinkProblem['ruleId']): Iterable<Report> {
  for (const { ruleId: id, ...report } of linkProblems(context)) if (id === ruleId) yield report;
}

function remoteMessage(url: string, image: boolean): string {
  const shown = url.length > 60 ? `${url.slice(0, 57)}...` : url;
  const what = `\`${shown.replace(/`/g, "'")}\``;
  return image
    ? `Unexpected image ${what} from outside the site, expected an image file in the plans folder: the page shows a link to it instead, since it loads nothing from elsewhere`
    : `Unexpected ${what} from outside the site in raw HTML, expected a file in the plans folder: the page leaves it out, since it loads nothing from elsewhere`;
}
