/**
 * The plan a new project or a new person starts from: every part of the
 * format once, with dates counted from today so that it is valid and on time
 * the day it is made; its placeholders (`format/placeholders.ts`) are
 * warned about until the author replaces them. Used by `init` and `new`. Pure.
 */
import { parse, stringify } from 'yaml';
import { addDays, type IsoDate } from '../format/dates.js';
import { placeholders, visionPlaceholderLines } from '../format/placeholders.js';

/** Whose plan and which day counts as today. */
export interface StarterOptions {
  readonly owner: string;
  readonly today: IsoDate;
}

/** The text of a starter plan for `owner`, dated from `today`. Pure. */
export function starterPlan({ owner, today }: StarterOptions): string {
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

  return `---
# A career action plan. Every key is explained in careerplan's docs/plan-format.md;
# run \`careerplan check\` after each edit.
title: ${text(`Career action plan ${year}–${year + 5}`)}
owner: ${text(owner)}
role: ${placeholders.role.text}
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
# Levels run from 0 (none) to 5 (expert): where you are now and where the goals need you.
skills:
  - name: ${placeholders.skill.text}
    id: first-skill
    kind: technical
    level: 1
    target: 3
  - name: Presenting to a group
    id: presenting
    kind: people
    level: 2
    target: 3
education:
  current: ${placeholders.education.text}
  # needed: A course or certificate the goals call for (marks an education gap)
goals:
  - title: Take the next step in my role
    id: next-step
    kind: professional
    # Measurable: how will you know the goal is reached?
    measure: A new role or responsibility, confirmed in writing
    start: ${monthPeriod(0)}
    due: ${quarterPeriod(12)}
    skills: [first-skill, presenting]
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
    requires: { first-skill: 3, presenting: 3 }
---

## Why this plan

Free notes in Markdown: the story behind the goals, what you talked about
with your coach, what you decided and why.

## Review notes

- ${today}: Plan written.
`;
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
