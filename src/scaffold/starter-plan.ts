/**
 * The plan a new project or a new person starts from: every part of the
 * format once, with dates counted from today so that it is valid and on time
 * the day it is made; its placeholders (`format/placeholders.ts`) are
 * warned about until the author replaces them. Used by `init` and `new`, and
 * by `import` with the parts it took from a résumé filled in. Pure.
 */
import { parse, stringify } from 'yaml';
import { addDays, type IsoDate } from '../format/dates.js';
import { placeholders, visionPlaceholderLines } from '../format/placeholders.js';

/** Whose plan, which day counts as today, and the parts already known (from `import`). */
export interface StarterOptions {
  readonly owner: string;
  readonly today: IsoDate;
  readonly parts?: StarterParts;
}

/** Parts of a plan known before it is written, which take the place of the starter's placeholders. */
export interface StarterParts {
  readonly role?: string;
  /** The skills inventory, ids unique; the starter's goals and opening refer to the first. */
  readonly skills?: readonly StarterSkill[];
  readonly education?: { readonly current: string; readonly note?: string };
  /** Markdown put at the start of the notes. */
  readonly notes?: string;
  /** Where the plan came from, for its first review note (`resume.json`). */
  readonly source?: string;
}

/** A skill of the inventory, with a comment for its level when it was a guess. */
export interface StarterSkill {
  readonly name: string;
  readonly id: string;
  readonly level: number;
  readonly target: number;
  readonly note?: string;
  readonly levelComment?: string;
}

/** The starter's own skill, standing for the author's first one. */
const placeholderSkill: StarterSkill = { name: placeholders.skill.text, id: 'first-skill', level: 1, target: 3 };
/** The starter's skill that its speaking goal builds: a skill given with its id takes its place. */
export const presentingSkill: StarterSkill = { name: 'Presenting to a group', id: 'presenting', level: 2, target: 3 };

/** The text of a starter plan for `owner`, dated from `today`, with `parts` in place of its placeholders. Pure. */
export function starterPlan({ owner, today, parts = {} }: StarterOptions): string {
  const [year, month] = today.split('-').map(Number) as [number, number, number];
  const inMonths = (months: number): { year: number; month: number } => {
    const index = year * 12 + (month - 1) + months;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  };
  const monthPeriod = (months: number): string => {
    const at = inMonths(months);
    return `${pad(at.year, 4)}-${pad(at.month)}`;
  };
  const quarterPeriod = (months: number): string => {
    const at = inMonths(months);
    return `${pad(at.year, 4)}-Q${Math.ceil(at.month / 3)}`;
  };
  const firstSkill = parts.skills?.[0]?.id ?? placeholderSkill.id;

  return `---
# A career action plan. Every key is explained in careerplan's docs/plan-format.md;
# run \`careerplan check\` after each edit.
title: ${text(`Career action plan ${year}–${year + 5}`)}
owner: ${text(owner)}
role: ${parts.role === undefined ? placeholders.role.text : text(parts.role)}
created: ${today}
reviewed: ${today}
# When the vision should be reached: a year, quarter (${year + 5}-Q2), month or date,
# or retirement, with a year or an age if you like: \`retirement 2055\`, \`retirement at 67\`.
horizon: ${pad(year + 5, 4)}
vision: >
  ${visionPlaceholderLines.join('\n  ')}
priorities:
  - ${placeholders.priority.text}
strengths:
  - ${placeholders.strength.text}
weaknesses:
  - ${placeholders.weakness.text}
${skillsBlock(parts.skills)}${educationBlock(parts.education)}goals:
  - title: Take the next step in my role
    id: next-step
    kind: professional
    # Measurable: how will you know the goal is reached?
    measure: A new role or responsibility, confirmed in writing
    start: ${monthPeriod(0)}
    due: ${quarterPeriod(12)}
    skills: [${text(firstSkill)}, presenting]
    steps:
      - title: Ask my manager what the next level looks for
        due: ${addDays(today, 14)}
        resources: [Half an hour with my manager]
      - title: Choose a course or project that builds the missing skill
        due: ${monthPeriod(2)}
        resources: [Learning budget, Two hours a week]
      # A step may be just its title. When a step is done, add \`done: <date>\`
      # and \`worth: yes\`, \`partly\` or \`no\`, with a \`reflection\`.
      - Review this plan with my coach or manager
  - title: Speak at a team meeting every quarter
    id: speaking
    kind: personal
    measure: Four short talks given within the year
    due: ${pad(year + 1, 4)}
    skills: [presenting]
    steps:
      - title: Offer to present at the next team meeting
        due: ${monthPeriod(6)}
opportunities:
  - title: ${placeholders.opportunity.text}
    date: ${quarterPeriod(6)}
    status: watching
    requires: { ${text(firstSkill)}: 3, presenting: 3 }
---

## Why this plan

${parts.notes === undefined ? '' : `${parts.notes.trimEnd()}\n\n`}Free notes in Markdown: the story behind the goals, what you talked about
with your coach, what you decided and why.

## Review notes

- ${today}: Plan written${parts.source === undefined ? '' : ` from ${parts.source}`}.
`;
}

/** The skills inventory: the skills given, else the starter's placeholder; with the starter's presenting skill unless one given has its id. */
function skillsBlock(given: readonly StarterSkill[] = []): string {
  const skills = given.length > 0 ? given : [placeholderSkill];
  const all = skills.some((skill) => skill.id === presentingSkill.id) ? skills : [...skills, presentingSkill];
  const lines = all.map((skill) =>
    [
      `  - name: ${text(skill.name)}`,
      `    id: ${text(skill.id)}`,
      `    kind: ${skill.id === presentingSkill.id ? 'people' : 'technical'}`,
      `    level: ${skill.level}${skill.levelComment === undefined ? '' : ` # ${skill.levelComment}`}`,
      `    target: ${skill.target}`,
      ...(skill.note === undefined ? [] : [`    note: ${text(skill.note)}`]),
    ].join('\n'),
  );
  return `# Levels run from 0 (none) to 5 (expert): where you are now and where the goals need you.\nskills:\n${lines.join('\n')}\n`;
}

/** The education section: the one given, else the starter's placeholder. */
function educationBlock(given: StarterParts['education']): string {
  if (given === undefined) {
    return `education:\n  current: ${placeholders.education.text}\n  # needed: A course or certificate the goals call for (marks an education gap)\n`;
  }
  const note = given.note === undefined ? '' : `  note: ${text(given.note)}\n`;
  return `education:\n  current: ${text(given.current)}\n${note}  # needed: A course or certificate the goals call for (marks an education gap)\n`;
}

/** A YAML scalar for a value: as the YAML library writes it when that reads back as the same text, else double-quoted with every character outside printable ASCII escaped. */
function text(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  if (!written.includes('\n') && readsBack(written, value)) return written;
  return `"${[...value].map((character) => (/^[\x20-\x7e]$/.test(character) && character !== '"' && character !== '\\' ? character : escapeCharacter(character))).join('')}"`;
}

function readsBack(written: string, value: string): boolean {
  try {
    return (parse(`key: ${written}`) as { key?: unknown } | null)?.key === value;
  } catch {
    return false;
  }
}

/** A character as a YAML double-quoted escape: `\uXXXX`, or `\UXXXXXXXX` beyond the Basic Multilingual Plane. */
function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
