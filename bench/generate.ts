/**
 * Realistic career action plans for benchmarks and tests: every key of the
 * format in the frontmatter (about 5.5 KB), a GFM body of 300–800 words.
 * Deterministic for a seed (a mulberry32 PRNG, never `Math.random`), and
 * plan `i` depends only on the seed and `i`, so a small corpus is a prefix of
 * a large one. Dates are consistent, so the plans check clean at
 * `benchAsOf` except for the time-dependent `overdue` warning.
 * `generatePlans` is pure; `writePlans` writes to the disk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The as-of date the generated plans are written against; pass it as `--as-of`. */
export const benchAsOf = '2026-11-26';

/** One generated plan: its file name and its text. */
export interface GeneratedPlan {
  readonly name: string;
  readonly text: string;
}

/** Images the plans link to; `writePlans` writes them into `images/`. */
export const imageNames = ['skills-radar.svg', 'speaking-progress.svg', 'timeline-sketch.svg'] as const;

/** Generates `count` plans for `seed`. Pure. */
export function generatePlans(count: number, seed: number): GeneratedPlan[] {
  return Array.from({ length: count }, (_, index) => generatePlan(index, seed));
}

/** Generates one plan, the `index`-th of the corpus for `seed`. Pure. */
export function generatePlan(index: number, seed: number): GeneratedPlan {
  const random = createRandom(mix(seed, index));
  const person = { first: random.pick(firstNames), last: random.pick(lastNames) };
  const name = `${String(index + 1).padStart(5, '0')}-${slug(`${person.first} ${person.last}`)}.md`;
  const frontmatter = writeFrontmatter(random, person);
  const body = writeBody(random);
  return { name, text: `---\n${frontmatter}---\n\n${body}` };
}

/** Writes `count` plans for `seed` into `folder` (created if needed), with the images they link to. Writes the disk. */
export async function writePlans(folder: string, count: number, seed: number): Promise<GeneratedPlan[]> {
  const plans = generatePlans(count, seed);
  await mkdir(path.join(folder, 'images'), { recursive: true });
  await Promise.all(imageNames.map((image) => writeFile(path.join(folder, 'images', image), svg(image))));
  // Bounded batches: a corpus of thousands would otherwise open thousands of files at once.
  for (let start = 0; start < plans.length; start += 64) {
    await Promise.all(plans.slice(start, start + 64).map((plan) => writeFile(path.join(folder, plan.name), plan.text)));
  }
  return plans;
}

// ── randomness ──────────────────────────────────────────────────────────────

interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(probability: number): boolean;
  /** `count` distinct items, in random order. */
  sample<T>(list: readonly T[], count: number): T[];
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    const item = list[int(0, list.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    sample<T>(list: readonly T[], count: number): T[] {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
  };
}

/** One 32-bit seed from the corpus seed and a plan's index. */
function mix(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

// ── calendar (day numbers in UTC arithmetic: no time zone can shift a date) ──

const msPerDay = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / msPerDay;
const isoOf = (day: number): string => new Date(day * msPerDay).toISOString().slice(0, 10);
const asOfDay = dayOf(benchAsOf);

/** A period as written, with its first and last day. */
interface Period {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

type PeriodKind = 'day' | 'month' | 'quarter' | 'year';

/** The period of `kind` that contains `day`. */
function periodOf(day: number, kind: PeriodKind): Period {
  const date = new Date(day * msPerDay);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const span = (first: Date, last: Date, text: string): Period => ({ text, first: first.getTime() / msPerDay, last: last.getTime() / msPerDay });
  switch (kind) {
    case 'day':
      return { text: isoOf(day), first: day, last: day };
    case 'month':
      return span(new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 0)), isoOf(day).slice(0, 7));
    case 'quarter': {
      const quarter = Math.floor(month / 3);
      return span(new Date(Date.UTC(year, quarter * 3, 1)), new Date(Date.UTC(year, quarter * 3 + 3, 0)), `${year}-Q${quarter + 1}`);
    }
    case 'year':
      return span(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31)), String(year));
  }
}

const periodKinds: readonly PeriodKind[] = ['day', 'day', 'month', 'month', 'month', 'quarter', 'quarter', 'year'];

/** A period containing `day` whose last day is at most `latest` (a day, at worst). */
function periodWithin(random: Random, day: number, latest: number): Period {
  const period = periodOf(day, random.pick(periodKinds));
  return period.last <= latest ? period : periodOf(day, 'day');
}

// ── YAML writing ────────────────────────────────────────────────────────────

/** A plain scalar when YAML reads it back as the same text, else a double-quoted one. */
function scalar(text: string): string {
  // YAML 1.2 core: dates, yes/no and on/off stay text; only these read as something else.
  const syntax = /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|:$|\s$/;
  const notText = /^(?:true|false|null|~|[-+]?(?:\.\d+|\d+\.?\d*)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;
  return syntax.test(text) || notText.test(text) ? JSON.stringify(text) : text;
}

/** Writes YAML line by line, quoting a value only where a plain scalar would change its meaning. */
class Yaml {
  private readonly lines: string[] = [];
  line(indent: number, text: string): this {
    this.lines.push(`${' '.repeat(indent)}${text}`);
    return this;
  }
  key(indent: number, key: string, value: string | number): this {
    return this.line(indent, `${key}: ${typeof value === 'number' ? value : scalar(value)}`);
  }
  /** A list in flow style, `key: [a, b]`; items must not hold `,`, brackets or braces. */
  flow(indent: number, key: string, items: readonly string[]): this {
    return this.line(indent, `${key}: [${items.map(scalar).join(', ')}]`);
  }
  list(indent: number, key: string, items: readonly string[]): this {
    this.line(indent, `${key}:`);
    for (const item of items) this.line(indent + 2, `- ${scalar(item)}`);
    return this;
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

// ── frontmatter ─────────────────────────────────────────────────────────────

interface Person {
  readonly first: string;
  readonly last: string;
}

interface SkillChoice {
  readonly name: string;
  readonly id: string;
  readonly kind: string;
  /** How goals and opportunities name it: its id, its name or its slug. */
  readonly reference: string;
  readonly level: number;
  readonly target: number;
}

function writeFrontmatter(random: Random, person: Person): string {
  const yaml = new Yaml();
  const created = asOfDay - random.int(30, 420);
  const reviewed = random.int(created + 7, asOfDay - 1);
  const horizonYear = 2029 + random.int(0, 6);
  const job = random.pick(jobs);
  const company = `${random.pick(companyFirst)} ${random.pick(companySecond)}`;

  yaml.key(0, 'title', `Career Action Plan ${random.pick(planYears)}–${horizonYear}`);
  yaml.key(0, 'owner', `${person.first} ${person.last}`);
  yaml.key(0, 'role', `${job.now}, ${company}`);
  yaml.key(0, 'created', isoOf(created));
  yaml.key(0, 'reviewed', isoOf(reviewed));
  yaml.line(0, `horizon: ${random.chance(0.7) ? horizonYear : `${horizonYear}-Q${random.int(1, 4)}`}`);
  yaml.key(0, 'lang', random.pick(languages));
  yaml.line(0, 'vision: >');
  for (const line of wrap(vision(random, job), 72)) yaml.line(2, line);
  yaml.list(0, 'priorities', random.sample(priorities, random.int(3, 5)));
  yaml.list(0, 'strengths', random.sample(strengths, random.int(2, 4)));
  yaml.list(0, 'weaknesses', random.sample(weaknesses, random.int(2, 4)));

  const skills = chooseSkills(random);
  yaml.line(0, 'skills:');
  for (const skill of skills) {
    yaml.key(2, '- name', skill.name);
    if (skill.id !== slug(skill.name)) yaml.key(4, 'id', skill.id);
    yaml.key(4, 'kind', skill.kind);
    yaml.key(4, 'level', skill.level);
    yaml.key(4, 'target', skill.target);
    if (random.chance(0.3)) yaml.key(4, 'note', random.pick(skillNotes));
  }

  const education = random.pick(educations);
  yaml.line(0, 'education:');
  yaml.key(2, 'current', education.current);
  if (random.chance(0.7)) yaml.key(2, 'needed', education.needed);
  yaml.key(2, 'note', random.pick(educationNotes));

  yaml.line(0, 'goals:');
  for (const goal of random.sample(goalTemplates, random.int(4, 8))) writeGoal(yaml, random, goal, skills, job);

  yaml.line(0, 'opportunities:');
  for (const opportunity of random.sample(opportunityTemplates, random.int(2, 3))) {
    yaml.key(2, '- title', opportunity.replace('{next}', job.next).replace('{company}', company));
    yaml.line(4, `date: ${periodOf(asOfDay + random.int(-120, 500), random.pick(periodKinds)).text}`);
    yaml.key(4, 'status', random.pick(opportunityStatuses));
    const required = random.sample(skills, random.int(1, 3));
    if (random.chance(0.5)) {
      yaml.line(4, `requires: { ${required.map((skill) => `${skill.id}: ${requiredLevel(random, skill)}`).join(', ')} }`);
    } else {
      yaml.line(4, 'requires:');
      for (const skill of required) yaml.line(6, `${skill.id}: ${requiredLevel(random, skill)}`);
    }
    if (random.chance(0.6)) yaml.key(4, 'note', random.pick(opportunityNotes));
  }
  return yaml.toString();
}

/** The level an opportunity asks for: the owner's target, or one below. */
function requiredLevel(random: Random, skill: SkillChoice): number {
  return Math.max(0, skill.target - random.int(0, 1));
}

function chooseSkills(random: Random): SkillChoice[] {
  return random.sample(skillCatalogue, random.int(5, 8)).map((skill) => {
    const level = random.int(0, 4);
    const explicitId = random.chance(0.7);
    const id = explicitId ? skill.id : slug(skill.name);
    return {
      name: skill.name,
      id,
      kind: skill.kind,
      reference: random.chance(0.25) ? skill.name : id,
      level,
      target: random.int(level, 5),
    };
  });
}

type Job = (typeof jobs)[number];

function writeGoal(yaml: Yaml, random: Random, template: GoalTemplate, skills: readonly SkillChoice[], job: Job): void {
  const past = random.chance(0.2);
  const status = past ? 'active' : random.pick(goalStatusWeights);
  const startDay = past ? asOfDay - random.int(300, 700) : asOfDay + random.int(-200, 240);
  const dueDay = past ? random.int(startDay + 90, asOfDay - 20) : random.int(Math.max(startDay + 120, asOfDay + 30), startDay + 900);
  const due = periodWithin(random, dueDay, Infinity);
  const start = periodOf(startDay, random.pick(periodKinds));
  // A past goal is reached, now and then it is left open and `overdue` reports it: realistic, and time-dependent.
  const doneDay = past && random.chance(0.9) ? Math.min(asOfDay - 1, dueDay + random.int(-30, 10)) : undefined;

  yaml.key(2, '- title', template.title.replace('{next}', job.next));
  if (random.chance(0.6)) yaml.key(4, 'id', template.id);
  yaml.key(4, 'kind', template.kind);
  yaml.key(4, 'measure', template.measure.replace('{next}', job.next));
  yaml.line(4, `start: ${start.text}`);
  yaml.line(4, `due: ${due.text}`);
  const goalSkills = random.sample(skills, random.int(1, 3)).map((skill) => skill.reference);
  if (random.chance(0.6)) yaml.flow(4, 'skills', goalSkills);
  else yaml.list(4, 'skills', goalSkills);
  if (status !== 'active' || random.chance(0.3)) yaml.key(4, 'status', status);
  if (doneDay !== undefined) yaml.key(4, 'done', isoOf(doneDay));

  yaml.line(4, 'steps:');
  const stepCount = random.int(2, 3);
  const titles = random.sample(stepTitles, stepCount);
  for (const [index, title] of titles.entries()) {
    if (index === stepCount - 1 && doneDay === undefined && random.chance(0.3)) {
      yaml.line(6, `- ${scalar(title)}`);
      continue;
    }
    const stepDay = random.int(Math.min(startDay, due.last), due.last);
    const stepDue = periodWithin(random, stepDay, due.last);
    yaml.key(6, '- title', title);
    yaml.line(8, `due: ${stepDue.text}`);
    const needs = random.sample(resources, random.int(1, 2));
    if (random.chance(0.6)) yaml.flow(8, 'resources', needs);
    else yaml.list(8, 'resources', needs);
    const isDone = doneDay !== undefined || (stepDue.last < asOfDay ? random.chance(0.92) : stepDay < asOfDay && random.chance(0.3));
    if (!isDone) continue;
    if (random.chance(0.15)) yaml.line(8, 'done: true');
    else yaml.key(8, 'done', isoOf(Math.min(asOfDay - 1, Math.max(startDay, stepDay - random.int(0, 20)))));
    yaml.line(8, `worth: ${random.chance(0.05) ? 'true' : random.pick(evaluations)}`);
    if (random.chance(0.5)) yaml.key(8, 'reflection', random.pick(reflections));
  }
}

function vision(random: Random, job: Job): string {
  return `${random.pick(visionOpenings).replace('{next}', job.next)} ${random.pick(visionMiddles)} ${random.pick(visionEndings)}`;
}

/** Lines of at most `width` characters (a long word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// ── body ────────────────────────────────────────────────────────────────────

/** Words a reader sees in a Markdown fragment: link targets and syntax do not count, a bare URL is one word. */
function countWords(markdown: string): number {
  const visible = markdown
    .replace(/^- \[[ x]\] /gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, 'url')
    .replace(/[*_`|#>[\]]/g, ' ');
  return visible.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function writeBody(random: Random): string {
  const target = random.int(340, 680);
  const blocks: string[] = [];
  let words = 0;
  const add = (block: string): void => {
    blocks.push(block);
    words += countWords(block);
  };

  const headings = random.sample(sectionHeadings, sectionHeadings.length);
  const tablePosition = random.int(0, 1);
  const taskPosition = random.int(1, 2);
  for (const [section, heading] of headings.entries()) {
    if (words >= target) break;
    add(`## ${heading}`);
    // Every body has emphasis, strong emphasis, an inline link and a bare URL at least once.
    if (section === 0) add(wrap(`${writeSentence(random)} ${openingSentence(random)} ${resourcesSentence(random)}`, 78).join('\n'));
    for (let paragraph = random.int(1, 2); paragraph > 0 && words < target; paragraph--) add(writeParagraph(random, target - words));
    if (section === tablePosition) add(writeTable(random));
    if (section === taskPosition) add(writeTasks(random));
    if (random.chance(0.3) && words < target) add(`### ${random.pick(subHeadings)}\n\n${writeParagraph(random, target - words)}`);
    if (random.chance(0.2)) add(`> ${random.pick(quotes)}`);
  }
  if (!blocks.some((block) => block.startsWith('| '))) add(writeTable(random));
  if (!blocks.some((block) => block.startsWith('- ['))) add(writeTasks(random));
  return `${blocks.join('\n\n')}\n`;
}

/** A paragraph of two to five sentences, at most about `budget` words, with emphasis and links. */
function writeParagraph(random: Random, budget: number): string {
  const sentences: string[] = [];
  let words = 0;
  const count = random.int(2, 5);
  while (sentences.length < count && (sentences.length === 0 || words < budget)) {
    const sentence = writeSentence(random);
    sentences.push(sentence);
    words += countWords(sentence);
  }
  return wrap(sentences.join(' '), 78).join('\n');
}

function writeSentence(random: Random): string {
  const template = random.pick(sentenceTemplates);
  const distinctNouns = random.sample(nouns, 2);
  const filled = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'noun':
        return decorate(random, distinctNouns.shift() ?? random.pick(nouns));
      case 'verb':
        return random.pick(verbs);
      case 'adj':
        return random.pick(adjectives);
      case 'team':
        return random.pick(teams);
      case 'person':
        return random.pick(firstNames);
      case 'time':
        return random.pick(times);
      case 'link':
        return link(random);
      default:
        return slot;
    }
  });
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function openingSentence(random: Random): string {
  return `The *${random.pick(adjectives)}* part of this plan is **${random.pick(nouns)}**, and I will check it at every review.`;
}

function resourcesSentence(random: Random): string {
  const [first, second] = random.sample(sites, 2) as [Site, Site];
  return `Useful reading: [${first.label}](https://${first.host}/${random.pick(first.paths)}) and https://${second.host}/${random.pick(second.paths)} for the details.`;
}

/** Now and then, emphasis or a code span around a phrase. */
function decorate(random: Random, phrase: string): string {
  const roll = random.next();
  if (roll < 0.1) return `*${phrase}*`;
  if (roll < 0.17) return `**${phrase}**`;
  if (roll < 0.19) return `_${phrase}_`;
  return phrase;
}

/** A link in one of the forms authors use: inline, bare URL, `www.` literal, angle brackets, or a local image. */
function link(random: Random): string {
  const site = random.pick(sites);
  const url = `https://${site.host}/${random.pick(site.paths)}`;
  const roll = random.next();
  if (roll < 0.45) return `[${site.label}](${url})`;
  if (roll < 0.7) return `${url} for details`;
  if (roll < 0.8 && site.host.startsWith('www.')) return `${site.host} too`;
  if (roll < 0.92) return `<${url}>`;
  return `the sketch in ![${site.label} sketch](images/${random.pick(imageNames)})`;
}

function writeTable(random: Random): string {
  const rows = random.int(3, 5);
  const firstYear = 2026 + random.int(0, 1);
  const lines = ['| Year | Focus | Support |', '|------|-------|---------|'];
  for (let row = 0; row < rows; row++) {
    lines.push(`| ${firstYear + row} | ${random.pick(tableFocus)} | ${random.pick(tableSupport)} |`);
  }
  return lines.join('\n');
}

function writeTasks(random: Random): string {
  return random
    .sample(tasks, random.int(3, 6))
    .map((task) => `- [${random.chance(0.4) ? 'x' : ' '}] ${task}`)
    .join('\n');
}

function svg(name: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><title>${name}</title><rect x="10" y="40" width="180" height="20" fill="#4a7"/></svg>\n`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ── word lists ──────────────────────────────────────────────────────────────

const firstNames = [
  'Avery', 'Blake', 'Camila', 'Dmitri', 'Elif', 'Farah', 'Gabriel', 'Hana', 'Ines', 'Jonas', 'Kwame', 'Leila',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Samir', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Yusuf', 'Zoe',
] as const;

const lastNames = [
  'Adeyemi', 'Bergström', 'Chen', 'Da Silva', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen',
  'Kowalski', 'Lee', 'Moreau', 'Nakamura', "O'Brien", 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga',
  'Williams', 'Yilmaz', 'Zhang',
] as const;

const jobs = [
  { now: 'Data Analyst', next: 'Senior Data Analyst' },
  { now: 'Junior Software Engineer', next: 'Software Engineer' },
  { now: 'Software Engineer', next: 'Senior Software Engineer' },
  { now: 'Registered Nurse', next: 'Charge Nurse' },
  { now: 'Marketing Coordinator', next: 'Marketing Manager' },
  { now: 'Accountant', next: 'Senior Accountant' },
  { now: 'Customer Support Specialist', next: 'Support Team Lead' },
  { now: 'Project Coordinator', next: 'Project Manager' },
  { now: 'UX Designer', next: 'Lead Designer' },
  { now: 'Warehouse Supervisor', next: 'Operations Manager' },
  { now: 'Teacher', next: 'Head of Department' },
  { now: 'Lab Technician', next: 'Research Associate' },
] as const;

const companyFirst = ['Northwind', 'Contoso', 'Fabrikam', 'Blue Harbor', 'Tailspin', 'Alpine', 'Riverside', 'Summit', 'Lakeside', 'Proseware'] as const;
const companySecond = ['Logistics', 'Health', 'Bank', 'Labs', 'Foods', 'Energy', 'Schools', 'Media', 'Insurance', 'Systems'] as const;
const planYears = ['2026', '2027'] as const;
const languages = ['en', 'en', 'en', 'en-GB', 'en-US'] as const;

const visionOpenings = [
  'Work as a {next} who is trusted with the **hardest** problems,',
  'Become a {next} and lead a small team that people *want* to join,',
  'Grow into a {next} with a reputation for clear thinking and calm delivery,',
  'Move into a {next} role where I coach others and still do hands-on work,',
] as const;
const visionMiddles = [
  'speak comfortably in front of large groups,',
  'keep a healthy balance between work and family,',
  'be known across the company for reliable, well-documented work,',
  'have a network of mentors and peers outside my own team,',
] as const;
const visionEndings = [
  'and keep learning something new every quarter.',
  'and take on a budget of my own.',
  'and give back by mentoring two people a year.',
  'and feel confident negotiating my own salary.',
] as const;

const priorities = [
  'Move into people leadership within five years', 'Keep learning the technical side', 'Protect time for family on weekends',
  'Build a network outside my current employer', 'Earn a recognised certificate', 'Improve my written communication',
  'Save for a sabbatical', 'Find a mentor two levels above me', 'Work on projects with visible business impact',
  'Stay in my current city',
] as const;
const strengths = [
  'Careful with data quality', 'Patient when explaining numbers one to one', 'Calm under deadline pressure',
  'Good at breaking big tasks into small ones', 'Curious about how the business works', 'Reliable follow-through',
  'Organised documentation', 'Builds trust with customers quickly', 'Quick to learn new tools',
] as const;
const weaknesses = [
  'Shy in large meetings', 'Says yes to too many ad-hoc requests', 'Avoids difficult conversations',
  'Underestimates how long tasks take', 'Rarely asks for feedback', 'Little experience managing a budget',
  'Spreads attention across too many projects',
] as const;

const skillCatalogue = [
  { name: 'SQL and the company data warehouse', id: 'sql', kind: 'technical' },
  { name: 'Public speaking', id: 'speaking', kind: 'people' },
  { name: 'Logistics operations', id: 'logistics', kind: 'domain' },
  { name: 'Coaching others', id: 'coaching', kind: 'people' },
  { name: 'Python for analysis', id: 'python', kind: 'technical' },
  { name: 'Data visualisation', id: 'dataviz', kind: 'technical' },
  { name: 'Stakeholder management', id: 'stakeholders', kind: 'people' },
  { name: 'Budgeting and forecasting', id: 'budgeting', kind: 'domain' },
  { name: 'Project planning', id: 'planning', kind: 'other' },
  { name: 'Negotiation', id: 'negotiation', kind: 'people' },
  { name: 'Cloud infrastructure', id: 'cloud', kind: 'technical' },
  { name: 'Written communication', id: 'writing', kind: 'people' },
  { name: 'Clinical documentation', id: 'clinical-docs', kind: 'domain' },
  { name: 'User research', id: 'research', kind: 'technical' },
  { name: 'Spanish', id: 'spanish', kind: 'other' },
  { name: 'Time management', id: 'time', kind: 'other' },
] as const;
const skillNotes = [
  'The Tuesday evening club near the office is a good place to practise.',
  'My manager rates this lower than I do; ask for examples.',
  'The company has an internal course with a waiting list.',
  'Pairs well with the certificate I want to earn.',
  'I used this every day in my previous job.',
] as const;

const educations = [
  { current: 'BSc Statistics', needed: 'Certificate in data engineering' },
  { current: 'BA Business Administration', needed: 'Project management certificate (PMP)' },
  { current: 'Diploma in Nursing', needed: 'BSc Nursing top-up degree' },
  { current: 'BSc Computer Science', needed: 'Cloud architect certification' },
  { current: 'Apprenticeship in logistics', needed: 'Foundation degree in operations management' },
  { current: 'MA Education', needed: 'National leadership qualification' },
] as const;
const educationNotes = [
  'The company pays for one certificate a year.',
  'Evening classes would fit around childcare.',
  'Check whether my employer recognises online courses.',
  'Funding depends on the annual review.',
] as const;

interface GoalTemplate {
  readonly title: string;
  readonly id: string;
  readonly kind: 'professional' | 'personal';
  readonly measure: string;
}
const goalTemplates: readonly GoalTemplate[] = [
  { title: 'Earn a promotion to {next}', id: 'promotion', kind: 'professional', measure: 'Promotion to {next} confirmed in writing by HR' },
  { title: 'Become a confident presenter', id: 'presenting', kind: 'personal', measure: 'Give three talks of 10 minutes or more to groups of 30+ people' },
  { title: 'Finish the certificate I need', id: 'certificate', kind: 'professional', measure: 'Certificate awarded' },
  { title: 'Mentor a new colleague', id: 'mentoring', kind: 'professional', measure: 'A new colleague onboarded and working on their own within six months' },
  { title: 'Lead a cross-team project', id: 'lead-project', kind: 'professional', measure: 'Project delivered on time with a team from at least two departments' },
  { title: 'Build an outside network', id: 'network', kind: 'personal', measure: 'Ten people outside the company I could ask for advice' },
  { title: 'Own a budget', id: 'budget', kind: 'professional', measure: 'Responsible for a budget of at least $50,000 for a full year' },
  { title: 'Publish internal guides', id: 'guides', kind: 'professional', measure: 'Four guides published on the intranet and used by another team' },
  { title: 'Get comfortable negotiating', id: 'negotiating', kind: 'personal', measure: 'My own salary review held, with a prepared case' },
  { title: 'Learn conversational Spanish', id: 'spanish-b1', kind: 'personal', measure: 'Pass the B1 exam' },
  { title: 'Automate the monthly reporting', id: 'automation', kind: 'professional', measure: 'Monthly report produced in under an hour instead of two days' },
  { title: 'Take a three-month sabbatical', id: 'sabbatical', kind: 'personal', measure: 'Sabbatical approved and taken without losing my role' },
] as const;
const goalStatusWeights = ['active', 'active', 'active', 'active', 'active', 'active', 'paused', 'dropped'] as const;

const stepTitles = [
  'Complete the advanced course', 'Ask my manager what the promotion panel looks for', 'Present the quarterly report to the team',
  'Join a speaking club and give the icebreaker speech', 'Choose a programme the company will pay for', 'Book a monthly call with my mentor',
  'Write a one-page proposal', 'Shadow a team lead for a week', 'Volunteer to run the retrospective',
  'Give a lightning talk at the internal meetup', 'Read two books on the subject and take notes', 'Sign up for the evening class',
  'Collect feedback from three colleagues', 'Draft a learning plan with milestones', 'Attend the regional conference',
  'Pair with a senior colleague twice a week', 'Prepare a case with market salary data', 'Set up a study group',
] as const;
const resources = [
  'Thursday afternoons off', 'Course fee of $450', 'Slot in the team meeting', 'Feedback from my manager',
  'Club fee of $120 a year', 'Tuesday evenings', 'Learning budget approval', 'A mentor from another department',
  'Two study days before the exam', 'Childcare on Saturday mornings', 'Conference ticket and travel', 'A quiet room once a week',
] as const;
const evaluations = ['yes', 'yes', 'partly', 'no'] as const;
const reflections = [
  'I use what I learned every day now.', 'Useful practice, but it took more evenings than planned.',
  'It took far more time than planned; a checklist would have done most of it.', 'The feedback was hard to hear and very useful.',
  'Worth it mainly for the people I met.', 'I would do it again, earlier.', 'Less useful than expected because the material was dated.',
] as const;

const opportunityTemplates = [
  '{next} opening in my department', 'Team lead opening at {company}', 'Secondment to the strategy team',
  'Similar role at a competitor', 'Internal mobility programme', 'Part-time lecturing at the local college',
] as const;
const opportunityStatuses = ['watching', 'watching', 'applied', 'interviewing', 'offered', 'declined', 'passed'] as const;
const opportunityNotes = [
  'My manager expects the role to open after the reorganisation.',
  'Pays better but means a longer commute.',
  'A former colleague works there and can introduce me.',
  'Needs the certificate first.',
] as const;

const sectionHeadings = [
  'Why this plan', 'Where I am now', 'What went well this year', 'What I want to change', 'Support I need',
  'Risks and how I will handle them', 'Notes from my mentor', 'Next review',
] as const;
const subHeadings = ['A note on timing', 'What my manager said', 'Costs', 'Open questions'] as const;
const quotes = [
  'The best time to ask for the stretch project is before it is announced.',
  'Progress, not perfection: one step each month is enough.',
  'Write it down, or it did not happen.',
] as const;

const sentenceTemplates = [
  'I want to {verb} {noun} before {time}.',
  'the {team} team asked me to {verb} {noun}, which is a {adj} chance to grow.',
  '{person} suggested that I {verb} {noun} and report back by {time}.',
  'a {adj} way to start is to {verb} {noun}; see {link}.',
  'my manager and I agreed that {noun} matters more than {noun} for now.',
  'last quarter I tried to {verb} {noun}, and it was more {adj} than I expected.',
  'if the budget allows, I will {verb} {noun} with help from the {team} team.',
  'I keep a list of resources, for example {link}.',
  'by {time} I should be able to {verb} {noun} without help.',
  'the {adj} part is not {noun} but finding the time for it.',
  '{person} from the {team} team recommended {link}.',
  'to stay honest I will {verb} {noun} and write down what I learned.',
] as const;
const verbs = ['improve', 'document', 'present', 'automate', 'practise', 'review', 'plan', 'lead', 'simplify', 'measure', 'share', 'rebuild'] as const;
const nouns = [
  'the quarterly report', 'our onboarding checklist', 'the data pipeline', 'my speaking skills', 'the team budget',
  'the customer survey', 'the weekly stand-up', 'a small side project', 'the handover notes', 'the training plan',
  'my written updates', 'the release process', 'the on-call rota', 'the supplier review',
] as const;
const adjectives = ['useful', 'difficult', 'rewarding', 'practical', 'stressful', 'surprising', 'clear', 'realistic', 'valuable', 'visible'] as const;
const teams = ['operations', 'finance', 'platform', 'sales', 'support', 'research', 'ward', 'design', 'logistics'] as const;
const times = ['the end of the quarter', 'the summer', 'my next review', 'the new year', 'the autumn planning round', 'March'] as const;
const sites = [
  { host: 'www.toastmasters.org', label: 'Toastmasters guide', paths: ['education', 'find-a-club', 'resources/public-speaking-tips'] },
  { host: 'www.coursera.org', label: 'the course page', paths: ['learn/sql-for-data-science', 'specializations/project-management'] },
  { host: 'learn.microsoft.com', label: 'the certification outline', paths: ['credentials/certifications/azure-data-engineer', 'training'] },
  { host: 'www.pmi.org', label: 'PMI certification', paths: ['certifications/project-management-pmp', 'membership'] },
  { host: 'hbr.org', label: 'a useful article', paths: ['2019/01/how-to-find-a-mentor', 'topic/leadership'] },
  { host: 'example.com', label: 'the intranet page', paths: ['careers/internal-mobility', 'learning/budget-policy'] },
] as const;
type Site = (typeof sites)[number];
const tableFocus = ['Promotion and speaking practice', 'Certificate and first direct reports', 'Lead a project', 'Budget ownership', 'Network and mentoring', 'Sabbatical'] as const;
const tableSupport = ['Manager', 'Mentor', 'Learning budget', 'HR partner', 'Study group', 'Family'] as const;
const tasks = [
  'Talk to my manager about this plan', 'Share it with my mentor', 'Book the exam date', 'Update my CV',
  'Ask HR about the learning budget', 'Block Thursday afternoons in my calendar', 'Review the plan in three months',
  'Find a speaking club near the office',
] as const;
