/**
 * What a change in a plan is, as one line of text in the words of a locale
 * (`change.*` in `templates/locales/<lang>.json`): the code picks the
 * sentence and its values, the locale words them. The terminal's
 * `careerplan history` uses the English locale. Pure.
 */
import { fill, pluralForm, type PluralForms } from '../lib/fill.js';
import { pluralRules } from '../theme/intl.js';
import type { Change } from './plan-changes.js';

/** The words of change texts: labels by key (`change.goal-added`), text or plural forms, and the language they are in. */
export interface ChangeWords {
  readonly language: string;
  readonly labels: Readonly<Record<string, string | PluralForms>>;
}

/** What a change did: `+` added, `-` removed, `~` changed, `✓` done. */
export type ChangeSign = '+' | '-' | '~' | '✓';

const signs = {
  'plan-created': '+',
  'list-item-added': '+',
  'list-item-removed': '-',
  'education-changed': '~',
  'notes-changed': '~',
  'goal-added': '+',
  'goal-removed': '-',
  'goal-renamed': '~',
  'due-moved': '~',
  'start-moved': '~',
  'measure-changed': '~',
  'status-changed': '~',
  'goal-done': '✓',
  'goal-reopened': '~',
  'goal-skills-changed': '~',
  'step-added': '+',
  'step-removed': '-',
  'step-renamed': '~',
  'step-done': '✓',
  'step-reopened': '~',
  'step-due-moved': '~',
  'step-evaluated': '~',
  'skill-added': '+',
  'skill-removed': '-',
  'skill-renamed': '~',
  'skill-level-changed': '~',
  'skill-target-changed': '~',
  'opportunity-added': '+',
  'opportunity-removed': '-',
  'opportunity-renamed': '~',
  'opportunity-status-changed': '~',
  'opportunity-date-moved': '~',
} as const satisfies Record<Exclude<Change['kind'], 'field-changed'>, ChangeSign>;

/** A change as one line of text with its sign, in `words`. Pure. */
export function changeText(change: Change, words: ChangeWords): { readonly sign: ChangeSign; readonly text: string } {
  const [key, values] = sentence(change, phrases(words));
  const sign = change.kind === 'field-changed' ? (change.to === undefined ? '-' : change.from === undefined ? '+' : '~') : signs[change.kind];
  return { sign, text: fill(phrase(words, `change.${key}`), values) };
}

interface Phrases {
  readonly none: string;
  quote(text: string | undefined): string;
  /** A value's name (`status`, `at-risk` → `Gefährdet`), or the value itself when the locale has none. */
  name(group: string, value: string | undefined): string;
  count(key: string, n: number): string;
}

function phrases(words: ChangeWords): Phrases {
  const none = phrase(words, 'change.none');
  return {
    none,
    quote: (text) => (text === undefined ? none : fill(phrase(words, 'change.quote'), { text })),
    name: (group, value) => {
      if (value === undefined) return none;
      const label = words.labels[`change.${group}.${value}`];
      return typeof label === 'string' ? label : value;
    },
    count: (key, n) => {
      const label = words.labels[`change.${key}`];
      if (label === undefined || typeof label === 'string') throw new Error(`Unexpected label \`change.${key}\`, expected plural forms`);
      return fill(pluralForm(label, pluralRules(words.language).select(n)), { n: String(n) });
    },
  };
}

/** The text label of `key` in `words`; throws when it is missing or counted. Pure. */
export function phrase(words: ChangeWords, key: string): string {
  const label = words.labels[key];
  if (typeof label !== 'string') throw new Error(`Unexpected label \`${key}\`, expected text in templates/locales/en.json`);
  return label;
}

function goal(ref: { readonly goal: string; readonly goalTitle: string }): string {
  return `${ref.goalTitle} (\`${ref.goal}\`)`;
}

/** The sentence of a change: its key under `change.` and the values it fills in. */
function sentence(change: Change, p: Phrases): [string, Record<string, string>] {
  const moved = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: from ?? p.none, to: to ?? p.none });
  const quoted = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: p.quote(from), to: p.quote(to) });
  switch (change.kind) {
    case 'plan-created':
      return [change.kind, { goals: p.count('goals', change.goals), skills: p.count('skills', change.skills) }];
    case 'field-changed': {
      const field = p.name('field', change.field);
      if (change.to === undefined) return ['field-removed', { field, from: p.quote(change.from) }];
      if (change.from === undefined) return ['field-set', { field, to: p.quote(change.to) }];
      return ['field-changed', { field, ...quoted(change.from, change.to) }];
    }
    case 'list-item-added':
    case 'list-item-removed':
      return [change.kind, { list: p.name('list', change.list), item: change.item }];
    case 'education-changed':
      return [change.kind, { part: p.name('education', change.part), ...moved(change.from, change.to) }];
    case 'notes-changed':
      return [change.kind, {}];
    case 'goal-added':
    case 'goal-removed':
    case 'goal-reopened':
      return [change.kind, { goal: goal(change) }];
    case 'goal-renamed':
      return [change.kind, { id: change.goal, ...quoted(change.from, change.to) }];
    case 'due-moved':
    case 'start-moved':
      return [change.kind, { goal: goal(change), ...moved(change.from, change.to) }];
    case 'measure-changed':
      return [change.kind, { goal: goal(change), ...quoted(change.from, change.to) }];
    case 'status-changed':
      return [change.kind, { goal: goal(change), from: p.name('status', change.from), to: p.name('status', change.to) }];
    case 'goal-done':
      return change.on ? ['goal-done-on', { on: change.on, goal: goal(change) }] : [change.kind, { goal: goal(change) }];
    case 'goal-skills-changed':
      return [change.kind, { goal: goal(change), skills: [...change.added.map((id) => `+${id}`), ...change.removed.map((id) => `-${id}`)].join(', ') }];
    default:
      return stepOrSkillSentence(change, p);
  }
}

/** The sentences of changes to steps, skills and opportunities. */
function stepOrSkillSentence(change: Change, p: Phrases): [string, Record<string, string>] {
  const quoted = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: p.quote(from), to: p.quote(to) });
  switch (change.kind) {
    case 'step-added':
    case 'step-removed':
    case 'step-reopened':
      return [change.kind, { goal: goal(change), step: change.step }];
    case 'step-renamed':
      return [change.kind, { goal: goal(change), ...quoted(change.from, change.to) }];
    case 'step-done':
      return change.on ? ['step-done-on', { on: change.on, step: change.step, goal: goal(change) }] : [change.kind, { step: change.step, goal: goal(change) }];
    case 'step-due-moved':
      return [change.kind, { step: change.step, from: change.from ?? p.none, to: change.to ?? p.none }];
    case 'step-evaluated':
      if (change.from === undefined) return [change.kind, { step: change.step, to: p.name('worth', change.to) }];
      return ['step-evaluation-changed', { step: change.step, from: p.name('worth', change.from), to: p.name('worth', change.to) }];
    case 'skill-added':
      return [change.kind, { name: change.name, id: change.skill, level: String(change.level), target: String(change.target) }];
    case 'skill-removed':
      return [change.kind, { name: change.name, id: change.skill }];
    case 'skill-renamed':
      return [change.kind, { id: change.skill, ...quoted(change.from, change.to) }];
    case 'skill-level-changed':
      return [change.to > change.from ? 'skill-level-raised' : 'skill-level-lowered', { name: change.name, from: String(change.from), to: String(change.to) }];
    case 'skill-target-changed':
      return [change.kind, { name: change.name, from: String(change.from), to: String(change.to) }];
    case 'opportunity-added':
      return [change.kind, { title: change.title, status: p.name('opportunity', change.status) }];
    case 'opportunity-removed':
      return [change.kind, { title: change.title }];
    case 'opportunity-renamed':
      return [change.kind, quoted(change.from, change.to)];
    case 'opportunity-status-changed':
      return [change.kind, { title: change.title, from: p.name('opportunity', change.from), to: p.name('opportunity', change.to) }];
    case 'opportunity-date-moved':
      return [change.kind, { title: change.title, from: change.from ?? p.none, to: change.to ?? p.none }];
    default:
      throw new Error(`Unexpected change \`${change.kind}\``);
  }
}
