/**
 * What a source gave, as a starter plan: the owner, role, skills inventory,
 * education and notes filled in, the starter's goals left for the author to
 * replace; with what it took and what it left out, in words for the person
 * who ran `import`. Pure.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import type { IsoDate } from '../format/dates.js';
import { slugify } from '../format/slug.js';
import { presentingSkill, starterPlan, type StarterParts, type StarterSkill } from '../scaffold/starter-plan.js';
import type { Imported, ImportedSkill } from './imported.js';
import { skillLevel } from './skill-level.js';

/** How many positions the notes list; older ones are left out. */
export const recentPositions = 5;
/** The longest summary the notes take, in characters; a longer one is cut at a word. */
export const longestSummary = 1500;
/** The most skills the inventory takes (LinkedIn's own limit); more are left out, so a plan stays readable and small. */
export const mostSkills = 100;
/** The most qualifications and certificates the education section takes. */
const mostQualifications = 10;
/** The longest name, role or note taken, in characters. */
const longestText = 300;

/** A plan written from an import, and what it took and left out. */
export interface ImportedPlan {
  readonly text: string;
  /** What the plan took, one line each (`skills: 4, levels from the résumé's words`). */
  readonly took: readonly string[];
  readonly leftOut: readonly string[];
}

/** The starter plan with what `imported` gave filled in, dated from `today`. Pure. */
export function importedPlan(imported: Imported, today: IsoDate): ImportedPlan {
  const took: string[] = [`owner: ${clip(imported.owner)}`];
  const leftOut = [...imported.leftOut];
  const parts: { -readonly [K in keyof StarterParts]: StarterParts[K] } = { source: imported.source };
  if (imported.role) {
    parts.role = clip(imported.role.text);
    took.push(`role: ${parts.role} (from ${imported.role.from})`);
  }
  const skills = inventory(imported.skills);
  if (skills.skills.length > 0) {
    parts.skills = skills.skills;
    took.push(`skills: ${skills.skills.length}, each with its target at its level: raise the targets your goals need${skills.guessed > 0 ? `; ${skills.guessed} without a level careerplan knows, set to 1 (marked in the plan)` : ''}`);
  }
  if (skills.over > 0) leftOut.push(`${skills.over} skills after the first ${mostSkills}`);
  if (skills.duplicates.length > 0) leftOut.push(`skills named a second time: ${[...new Set(skills.duplicates)].join(', ')}`);
  const qualifications = [...imported.education, ...imported.certificates];
  if (qualifications.length > mostQualifications) leftOut.push(`${qualifications.length - mostQualifications} more qualifications and certificates`);
  const [current, ...earlier] = qualifications.slice(0, mostQualifications).map((line) => clip(line));
  if (current !== undefined) {
    parts.education = { current, ...(earlier.length === 0 ? {} : { note: `Also: ${earlier.join('; ')}` }) };
    took.push(`education: ${current}${earlier.length === 0 ? '' : ` and ${earlier.length} more in its note`}`);
  }
  const notes = notesOf(imported);
  if (notes.text !== '') {
    parts.notes = notes.text;
    took.push(`notes: ${notes.took.join(' and ')}`);
  }
  const older = imported.positions.length - recentPositions;
  if (older > 0) leftOut.push(`${older} older ${older === 1 ? 'position' : 'positions'}`);
  if (notes.cut) leftOut.push(`the summary after its first ${longestSummary} characters`);
  return { text: starterPlan({ owner: clip(imported.owner), today, parts }), took, leftOut };
}

/** The skills inventory: unique names and ids (the name's slug, else `skill-N`), levels on careerplan's scale, targets at the levels. */
function inventory(given: readonly ImportedSkill[]): { skills: StarterSkill[]; guessed: number; duplicates: string[]; over: number } {
  const skills: StarterSkill[] = [];
  const duplicates: string[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  let guessed = 0;
  let over = 0;
  for (const skill of given) {
    if (skills.length === mostSkills) {
      over += 1;
      continue;
    }
    const name = clip(skill.name);
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    if (names.has(key)) {
      duplicates.push(name);
      continue;
    }
    names.add(key);
    // A skill the starter's speaking goal builds takes the starter's own skill's place.
    const slug = key === presentingSkill.name.toLowerCase() ? presentingSkill.id : slugify(name);
    const id = slug !== '' && !ids.has(slug) ? slug : freeId(slug || 'skill', ids);
    ids.add(id);
    const level = skill.level === undefined ? undefined : skillLevel(skill.level);
    if (level === undefined) guessed += 1;
    const levelComment = level !== undefined ? undefined : skill.level === undefined ? 'no level given: set 0 (none) to 5 (expert)' : `\`${clip(String(skill.level), 40)}\` is not a level careerplan knows: set 0 (none) to 5 (expert)`;
    skills.push({ name, id, level: level ?? 1, target: level ?? 1, ...(skill.note === undefined ? {} : { note: clip(skill.note) }), ...(levelComment === undefined ? {} : { levelComment }) });
  }
  return { skills, guessed, duplicates, over };
}

function freeId(stem: string, ids: ReadonlySet<string>): string {
  let number = 2;
  while (ids.has(`${stem}-${number}`)) number += 1;
  return `${stem}-${number}`;
}

/** The notes' imported part, as Markdown whose every character is the source's text (nothing in it is read as Markdown): the summary, then the recent positions. */
function notesOf(imported: Imported): { text: string; took: string[]; cut: boolean } {
  const summary = imported.summary === undefined ? undefined : clip(imported.summary, longestSummary);
  const positions = imported.positions.slice(0, recentPositions).map((position) => clip(position));
  const took = [...(summary === undefined ? [] : ['the summary']), ...(positions.length === 0 ? [] : [`${positions.length} recent ${positions.length === 1 ? 'position' : 'positions'}`])];
  const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] });
  const children = [
    ...(summary === undefined ? [] : [paragraph(summary)]),
    ...(positions.length === 0
      ? []
      : [paragraph(`Recent positions (from ${imported.source}):`), { type: 'list' as const, spread: false, children: positions.map((position) => ({ type: 'listItem' as const, spread: false, children: [paragraph(position)] })) }]),
  ];
  const text = children.length === 0 ? '' : toMarkdown({ type: 'root', children }, { bullet: '-' });
  return { text, took, cut: summary !== undefined && imported.summary !== undefined && summary !== imported.summary };
}

/** A text cut to at most `longest` characters, at a word where it can, with `…`. */
function clip(text: string, longest = longestText): string {
  const characters = [...text];
  if (characters.length <= longest) return text;
  const cut = characters.slice(0, longest - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > longest / 2 ? atWord : cut}…`;
}
