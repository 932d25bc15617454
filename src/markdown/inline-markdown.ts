/**
 * The strings of a plan's frontmatter that the page renders as inline
 * Markdown: `vision`, each skill's `note`, `education.note`, each step's
 * `reflection` and each opportunity's `note`. Their links and images are
 * checked like the body's (`rules/local-links.ts`); the model renders the
 * same strings (`stages/model.ts`, held to this list by its tests). Pure.
 */
import type { DataPath } from '../format/yaml.js';

/** An inline Markdown string of a plan and the path of its value. */
export interface InlineText {
  readonly path: DataPath;
  readonly text: string;
}

/** The inline Markdown strings of a plan as the author wrote it (its raw data, before the schema), each with its path. Pure. */
export function inlineMarkdownTexts(data: unknown): InlineText[] {
  const found: InlineText[] = [];
  const add = (path: DataPath, value: unknown): void => {
    if (typeof value === 'string') found.push({ path, text: value });
  };
  add(['vision'], field(data, 'vision'));
  for (const [index, skill] of list(field(data, 'skills')).entries()) add(['skills', index, 'note'], field(skill, 'note'));
  add(['education', 'note'], field(field(data, 'education'), 'note'));
  for (const [index, goal] of list(field(data, 'goals')).entries()) {
    for (const [stepIndex, step] of list(field(goal, 'steps')).entries()) add(['goals', index, 'steps', stepIndex, 'reflection'], field(step, 'reflection'));
  }
  for (const [index, opportunity] of list(field(data, 'opportunities')).entries()) add(['opportunities', index, 'note'], field(opportunity, 'note'));
  return found;
}

/** A mapping's own value at a key (a plan's `__proto__` is never read). */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
