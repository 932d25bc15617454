import { placeholderPaths, placeholders } from '../placeholders.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** A placeholder of the starter plan (`init`, `new`) left unchanged. */
export const placeholderText: Rule = {
  id: 'placeholder-text',
  severity: 'warning',
  summary: "the starter plan's placeholder text left unchanged",
  *check(context: PlanContext): Iterable<Report> {
    for (const placeholder of Object.values(placeholders)) {
      for (const path of placeholderPaths(placeholder.path, context.valueAt)) {
        const value = context.valueAt(path);
        if (typeof value !== 'string' || words(value) !== placeholder.text) continue;
        yield {
          place: context.place(path),
          message: `Unexpected placeholder \`${shortened(placeholder.text)}\` from the starter plan in ${keyName(path)}, expected ${placeholder.instead}: replace it`,
        };
      }
    }
  },
};

/** The text with its runs of spaces and line breaks as single spaces, as it reads. */
function words(value: string): string {
  return value.trim().replace(/\s+/gu, ' ');
}

/** A long placeholder's first words, enough to recognise it. */
function shortened(text: string): string {
  return text.length <= 50 ? text : `${text.slice(0, text.lastIndexOf(' ', 45))} …`;
}

/** `` `owner` ``, `` item 1 of `priorities` ``, `` `name` of item 1 of `skills` ``, `` `current` in `education` `` as a message names a place. */
function keyName(path: ReadonlyArray<string | number>): string {
  const [list, index, key] = path;
  if (typeof index !== 'number') return [...path].reverse().map((segment) => `\`${String(segment)}\``).join(' in ');
  const item = `item ${index + 1} of \`${String(list)}\``;
  return key === undefined ? item : `\`${String(key)}\` of ${item}`;
}
