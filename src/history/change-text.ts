/**
 * What a change in a plan is, as one sentence in the words of a locale
 * (`change.*` in `templates/locales/<lang>.json`): the code picks the
 * sentence and its values, the locale words them — nouns of the plan's lists
 * in their singular and plural forms (`change.list.*`), values by the page's
 * own names for them (`goalKind.*`, `worth.*`), dates as the page writes
 * them. Goals, steps and skills are named by their titles and names, never
 * by ids. The terminal's `careerplan history` uses the English locale. Pure.
 */
import { fill, pluralForm } from '../lib/fill.js';
import { parsePeriod } from '../format/dates.js';
import { formatDate, formatPeriod } from '../theme/format.js';
import { conjunctionFormat, languageNames, pluralRules } from '../theme/intl.js';
import type { Words } from '../theme/words.js';
import type { Change, PlanField } from './plan-changes.js';

/** The words of change texts: a page's words (`change.*` and the names of values), and the language they are in. */
export type ChangeWords = Words;

/** What a change did: `+` added, `-` removed, `~` changed, `✓` done. */
export type ChangeSign = '+' | '-' | '~' | '✓';

/** A change as a reader sees it: its sign, one sentence, and for a rewritten text the text before and after. */
export interface ChangeText {
  readonly sign: ChangeSign;
  readonly text: string;
  /** The old and the new text of a rewritten long text (the vision), each labelled in the locale's words. */
  readonly rewritten?: { readonly before: LabelledText; readonly after: LabelledText };
}

/** A text with its label (`Before`, `After`). */
export interface LabelledText {
  readonly label: string;
  readonly text: string;
}

const signs = {
  'plan-created': '+',
  'list-item-added': '+',
  'list-item-removed': '-',
  'education-changed': '~',
  'notes-changed': '~',
  'goal-added': '+',
  'goal-removed': '-',
  'goal-renamed': '~',
  'goal-kind-changed': '~',
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
  'resources-added': '+',
  'resources-removed': '-',
  'skill-added': '+',
  'skill-removed': '-',
  'skill-renamed': '~',
  'skill-kind-changed': '~',
  'skill-level-changed': '~',
  'skill-target-changed': '~',
  'opportunity-added': '+',
  'opportunity-removed': '-',
  'opportunity-renamed': '~',
  'opportunity-status-changed': '~',
  'opportunity-date-moved': '~',
} as const satisfies Record<Exclude<Change['kind'], 'field-changed'>, ChangeSign>;

/** How a plan field's values read in a sentence: quoted text, a date, a language's name, or as written. */
const fieldValues: Readonly<Record<PlanField, 'text' | 'date' | 'language' | 'plain'>> = {
  title: 'text',
  owner: 'plain',
  role: 'text',
  vision: 'text',
  horizon: 'plain',
  created: 'date',
  reviewed: 'date',
  lang: 'language',
};

/** Fields whose text is long: a change to one is said in a sentence, with the old and the new text below it. */
const rewrittenFields: ReadonlySet<PlanField> = new Set(['vision']);

/** A change as one sentence with its sign, in `words`. Pure. */
export function changeText(change: Change, words: ChangeWords): ChangeText {
  const p = phrases(words);
  const sign = change.kind === 'field-changed' ? (change.to === undefined ? '-' : change.from === undefined ? '+' : '~') : signs[change.kind];
  if (change.kind === 'field-changed' && rewrittenFields.has(change.field) && change.from !== undefined && change.to !== undefined) {
    return {
      sign,
      text: capitalised(p.sentence('text-rewritten', { field: p.name('field', change.field) }), words.language),
      rewritten: { before: { label: phrase(words, 'change.before'), text: change.from }, after: { label: phrase(words, 'change.after'), text: change.to } },
    };
  }
  const parts = change.kind === 'goal-skills-changed' ? goalSkillsSentences(change, p) : [sentence(change, p)];
  return { sign, text: capitalised(parts.map(([key, values]) => p.sentence(key, values)).join('; '), words.language) };
}

interface Phrases {
  readonly language: string;
  readonly none: string;
  /** The sentence `change.<key>` filled with `values`. */
  sentence(key: string, values: Readonly<Record<string, string>>): string;
  quote(text: string | undefined): string;
  /** A value's name (`status`, `at-risk` → `Gefährdet`) from `change.<group>.<value>`, or the value itself when the locale has none. */
  name(group: string, value: string | undefined): string;
  /** A value's name as the page shows it (`goalKind.personal` → `Personal`), or the value itself. */
  pageName(group: string, value: string): string;
  count(key: string, n: number): string;
  /** A list's noun: its singular and plural (`list`, `lists`), and the form for `n` items (`noun`). */
  list(name: string, n?: number): { readonly list: string; readonly lists: string; readonly noun: string };
  /** A date or period as the page writes it (`2027-12` → `December 2027`); other text as written. */
  when(text: string | undefined): string;
  /** Items of a list, as one phrase. */
  items(items: readonly string[]): string;
  field(field: PlanField, value: string | undefined): string;
}

/** A text in the language's quotes (`change.quote`), as the history's sentences quote titles and values. Pure. */
export function quoteText(words: ChangeWords, text: string): string {
  return fill(phrase(words, 'change.quote'), { text });
}

function phrases(words: ChangeWords): Phrases {
  const none = phrase(words, 'change.none');
  const plural = (key: string, n: number): string => {
    const label = words.labels[key];
    if (label === undefined || typeof label === 'string') throw new Error(`Unexpected label \`${key}\`, expected plural forms`);
    return pluralForm(label, pluralRules(words.language).select(n));
  };
  const named = (key: string, value: string): string => {
    const label = words.labels[key];
    return typeof label === 'string' ? label : value;
  };
  const when = (text: string | undefined): string => {
    if (text === undefined) return none;
    const period = parsePeriod(text);
    return period === undefined ? text : formatPeriod(period, words.language, words);
  };
  const quote = (text: string | undefined): string => (text === undefined ? none : quoteText(words, text));
  const items = (list: readonly string[]): string => conjunctionFormat(words.language).format(list);
  return {
    language: words.language,
    none,
    sentence: (key, values) => fill(phrase(words, `change.${key}`), values),
    quote,
    name: (group, value) => (value === undefined ? none : named(`change.${group}.${value}`, value)),
    pageName: (group, value) => named(`${group}.${value}`, value),
    count: (key, n) => fill(plural(`change.${key}`, n), { n: String(n) }),
    list: (name, n = 1) => ({ list: plural(`change.list.${name}`, 1), lists: plural(`change.list.${name}`, 2), noun: plural(`change.list.${name}`, n) }),
    when,
    items,
    field: (field, value) => {
      if (value === undefined) return none;
      switch (fieldValues[field]) {
        case 'text':
          return quote(value);
        case 'date':
          return when(value);
        case 'language':
          return languageName(value, words.language);
        case 'plain':
          return value;
      }
    },
  };
}

/** The text label of `key` in `words`; throws when it is missing or counted. Pure. */
export function phrase(words: ChangeWords, key: string): string {
  const label = words.labels[key];
  if (typeof label !== 'string') throw new Error(`Unexpected label \`${key}\`, expected text in templates/locales/en.json`);
  return label;
}

/** A sentence with a capital first letter (a list's noun may open it: `area to develop added` → `Area to develop added`). */
function capitalised(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** A language's name in `language` (`de` → `German`), or the tag as written when it has none. */
function languageName(tag: string, language: string): string {
  try {
    return languageNames(language).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

type Sentence = [key: string, values: Record<string, string>];

/** The sentences of a change to the skills a goal builds: what was added, what was removed, each named by the skill's name. */
function goalSkillsSentences(change: Extract<Change, { kind: 'goal-skills-changed' }>, p: Phrases): Sentence[] {
  const goal = p.quote(change.goalTitle);
  const part = (key: string, skills: readonly { readonly name: string }[]): Sentence[] =>
    skills.length === 0 ? [] : [[key, { goal, ...p.list('skills', skills.length), names: p.items(skills.map((skill) => skill.name)) }]];
  return [...part('goal-skills-added', change.added), ...part('goal-skills-removed', change.removed)];
}

/** The sentence of a change: its key under `change.` and the values it fills in. */
function sentence(change: Change, p: Phrases): Sentence {
  const moved = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: p.when(from), to: p.when(to) });
  const quoted = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: p.quote(from), to: p.quote(to) });
  const goal = 'goalTitle' in change ? p.quote(change.goalTitle) : '';
  switch (change.kind) {
    case 'plan-created':
      return [change.kind, { goals: p.count('goals', change.goals), skills: p.count('skills', change.skills) }];
    case 'field-changed': {
      const field = p.name('field', change.field);
      if (change.to === undefined) return ['field-removed', { field, from: p.field(change.field, change.from) }];
      if (change.from === undefined) return ['field-set', { field, to: p.field(change.field, change.to) }];
      return ['field-changed', { field, from: p.field(change.field, change.from), to: p.field(change.field, change.to) }];
    }
    case 'list-item-added':
    case 'list-item-removed':
      return [change.kind, { ...p.list(change.list), item: change.item }];
    case 'education-changed':
      return [change.kind, { part: p.name('education', change.part), from: change.from ?? p.none, to: change.to ?? p.none }];
    case 'notes-changed':
      return [change.kind, {}];
    case 'goal-added':
    case 'goal-removed':
    case 'goal-reopened':
      return [change.kind, { goal }];
    case 'goal-renamed':
      return [change.kind, quoted(change.from, change.to)];
    case 'goal-kind-changed':
      return [change.kind, { goal, from: p.pageName('goalKind', change.from), to: p.pageName('goalKind', change.to) }];
    case 'due-moved':
    case 'start-moved':
      return [change.kind, { goal, ...moved(change.from, change.to) }];
    case 'measure-changed':
      return [change.kind, { goal, ...quoted(change.from, change.to) }];
    case 'status-changed':
      return [change.kind, { goal, from: p.name('status', change.from), to: p.name('status', change.to) }];
    case 'goal-done':
      return change.on ? ['goal-done-on', { on: formatDate(change.on, p.language), goal }] : [change.kind, { goal }];
    default:
      return stepSentence(change, p, goal) ?? skillSentence(change, p);
  }
}

/** The sentences of changes to steps, or `undefined` for a change that is not one. */
function stepSentence(change: Change, p: Phrases, goal: string): Sentence | undefined {
  const step = 'step' in change && typeof change.step === 'string' ? p.quote(change.step) : '';
  switch (change.kind) {
    case 'step-added':
    case 'step-removed':
    case 'step-reopened':
      return [change.kind, { goal, step }];
    case 'step-renamed':
      return [change.kind, { goal, from: p.quote(change.from), to: p.quote(change.to) }];
    case 'step-done':
      return change.on ? ['step-done-on', { on: formatDate(change.on, p.language), step, goal }] : [change.kind, { step, goal }];
    case 'step-due-moved':
      return [change.kind, { step, from: p.when(change.from), to: p.when(change.to) }];
    case 'step-evaluated':
      if (change.from === undefined) return [change.kind, { step, to: p.name('worth', change.to) }];
      return ['step-evaluation-changed', { step, from: p.name('worth', change.from), to: p.name('worth', change.to) }];
    case 'resources-added':
    case 'resources-removed':
      return [change.kind, { step, ...p.list('resources', change.resources.length), items: p.items(change.resources) }];
    default:
      return undefined;
  }
}

/** The sentences of changes to skills and opportunities. */
function skillSentence(change: Change, p: Phrases): Sentence {
  const quoted = (from: string | undefined, to: string | undefined): Record<string, string> => ({ from: p.quote(from), to: p.quote(to) });
  switch (change.kind) {
    case 'skill-added':
      return [change.kind, { name: change.name, level: String(change.level), target: String(change.target) }];
    case 'skill-removed':
      return [change.kind, { name: change.name }];
    case 'skill-renamed':
      return [change.kind, quoted(change.from, change.to)];
    case 'skill-kind-changed':
      return [change.kind, { name: change.name, from: p.pageName('skillKind', change.from), to: p.pageName('skillKind', change.to) }];
    case 'skill-level-changed':
      return [change.to > change.from ? 'skill-level-raised' : 'skill-level-lowered', { name: change.name, from: String(change.from), to: String(change.to) }];
    case 'skill-target-changed':
      return [change.kind, { name: change.name, from: String(change.from), to: String(change.to) }];
    case 'opportunity-added':
      return [change.kind, { title: p.quote(change.title), status: p.name('opportunity', change.status) }];
    case 'opportunity-removed':
      return [change.kind, { title: p.quote(change.title) }];
    case 'opportunity-renamed':
      return [change.kind, quoted(change.from, change.to)];
    case 'opportunity-status-changed':
      return [change.kind, { title: p.quote(change.title), from: p.name('opportunity', change.from), to: p.name('opportunity', change.to) }];
    case 'opportunity-date-moved':
      return [change.kind, { title: p.quote(change.title), from: p.when(change.from), to: p.when(change.to) }];
    default:
      throw new Error(`Unexpected change \`${change.kind}\``);
  }
}
