/**
 * What the body's URLs say about the site, worked out once per plan for the
 * rules that report it (`broken-link`, `private-file`, `bad-attachment`,
 * `remote-content`): each local target that `classifyLink` refuses, and
 * each URL from outside the site that the page would have loaded. Pure but
 * for the context's `inspect`.
 */
import { bodyUrls } from '../body-urls.js';
import { browserUrl, classifyLink, isWebUrl, type RefusalRule } from '../../stages/media.js';
import type { PlanContext, Report } from './rule.js';

/** A problem with one URL, and the rule it belongs to. */
export interface LinkProblem extends Report {
  readonly ruleId: RefusalRule | 'remote-content';
}

const found = new WeakMap<PlanContext, readonly LinkProblem[]>();

/** The problems of a plan's URLs, each rule's share picked by `ruleId`. */
export function linkProblems(context: PlanContext): readonly LinkProblem[] {
  const known = found.get(context);
  if (known) return known;
  const problems: LinkProblem[] = [];
  const linkContext = { planFile: context.source.absolutePath, plansRoot: context.plansRoot, inspect: context.inspect };
  for (const { url, load, image, place } of context.body ? bodyUrls(context.body, context.rawHtml) : []) {
    if (isWebUrl(url)) {
      // `data:` is part of the page itself; every other scheme reaches out of the site.
      if (load && !/^data:/i.test(browserUrl(url))) problems.push({ ruleId: 'remote-content', place, message: remoteMessage(url, image) });
      continue;
    }
    const target = classifyLink(url, linkContext);
    if (target.kind === 'refused') problems.push({ ruleId: target.ruleId, place, message: target.message });
  }
  found.set(context, problems);
  return problems;
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
