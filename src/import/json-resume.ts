/**
 * A JSON Resume (jsonresume.org, schema v1.0.0) read into what a plan takes:
 * `basics` (name, label, summary), `work`, `education`, `certificates` and
 * `skills`. The parts used are checked against the schema's shape (zod);
 * anything else is named in what was left out. Pure.
 */
import { z } from 'zod';
import { cleanLine, ImportError, joined, lineOf, roleOf, sourced, span, type Imported } from './imported.js';

/** JSON Resume's `iso8601` date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
const date = z.string({ error: 'expected a date as text' }).regex(/^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/, { error: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY' });
const words = z.string({ error: 'expected text' });
const wordList = z.array(words, { error: 'expected a list of texts' });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list' }).optional();
const entry = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: 'expected an object with named fields' });

/** The parts of JSON Resume v1.0.0 that `import` uses; other fields pass unchecked and are reported as left out. */
const jsonResume = entry({
  basics: entry({ name: words.optional(), label: words.optional(), summary: words.optional() }).optional(),
  work: list(entry({ name: words.optional(), position: words.optional(), startDate: date.optional(), endDate: date.optional() })),
  education: list(entry({ institution: words.optional(), area: words.optional(), studyType: words.optional(), startDate: date.optional(), endDate: date.optional() })),
  certificates: list(entry({ name: words.optional(), date: date.optional(), issuer: words.optional() })),
  // The schema says text; a number (`"level": 4`) is taken too, as résumé builders write it.
  skills: list(entry({ name: words.optional(), level: z.union([words, z.number()], { error: 'expected a level as text, such as Advanced' }).optional(), keywords: wordList.optional() })),
});

type JsonResume = z.output<typeof jsonResume>;

/** The fields of each part that the plan takes; any other field with a value is left out. */
const used: Readonly<Record<string, readonly string[]>> = {
  basics: ['name', 'label', 'summary'],
  work: ['name', 'position', 'startDate', 'endDate'],
  education: ['institution', 'area', 'studyType', 'startDate', 'endDate'],
  certificates: ['name', 'date', 'issuer'],
  skills: ['name', 'level', 'keywords'],
};
/** Top-level keys that are about the file, not the person. */
const aboutTheFile = new Set(['$schema', 'meta']);

/** Reads a JSON Resume's text; throws an ImportError naming `file` and the field at fault when it is not one. Pure. */
export function fromJsonResume(text: string, file: string): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${file} is not JSON (${error instanceof Error ? error.message : String(error)}); a JSON Resume is a JSON file, see jsonresume.org`);
  }
  const checked = jsonResume.safeParse(data);
  if (!checked.success) throw new ImportError(problemOf(checked.error.issues[0], data, file));
  const resume = checked.data;
  const owner = cleanLine(resume.basics?.name);
  if (owner === undefined) throw new ImportError(`${file} has no \`basics.name\`: add the name of the person whose plan it is`);
  const at = resume.work?.findIndex((job) => job.endDate === undefined && cleanLine(job.position) !== undefined) ?? -1;
  const current = resume.work?.[at];
  const { role, leftOut: title } = roleOf(current && sourced(joined(current.position, current.name), `work[${at}]`), sourced(cleanLine(resume.basics?.label), 'basics.label'));
  const summary = cleanLine(resume.basics?.summary);
  return {
    source: file,
    owner,
    ...(role === undefined ? {} : { role }),
    ...(summary === undefined ? {} : { summary }),
    skills: skillsOf(resume),
    education: (resume.education ?? []).flatMap((school) => lineOf(joined(cleanLine([school.studyType, school.area].filter(Boolean).join(' ')), school.institution), span(school.startDate, school.endDate, false))),
    certificates: (resume.certificates ?? []).flatMap((certificate) => lineOf(joined(certificate.name, certificate.issuer), certificate.date === undefined ? '' : ` (${certificate.date})`)),
    positions: (resume.work ?? []).flatMap((job) => lineOf(joined(job.position, job.name), span(job.startDate, job.endDate, true))),
    leftOut: [...title, ...leftOut(data as Record<string, unknown>)],
  };
}

function skillsOf(resume: JsonResume): Imported['skills'] {
  return (resume.skills ?? []).flatMap((skill) => {
    const name = cleanLine(skill.name);
    if (name === undefined) return [];
    const note = joined(...(skill.keywords ?? []));
    return [{ name, ...(skill.level === undefined || cleanLine(String(skill.level)) === undefined ? {} : { level: skill.level }), ...(note === undefined ? {} : { note }) }];
  });
}

/** The résumé's parts and fields with a value that the plan has no place for, such as `basics.email` or `volunteer`. */
function leftOut(data: Record<string, unknown>): string[] {
  const left: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (aboutTheFile.has(key) || isEmpty(value)) continue;
    const fields = used[key];
    if (fields === undefined) {
      left.push(key);
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    const extra = new Set(items.flatMap((item) => Object.entries(item as Record<string, unknown>).filter(([field, inner]) => !fields.includes(field) && !isEmpty(inner)).map(([field]) => field)));
    for (const field of extra) left.push(`${key}.${field}`);
  }
  return left;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A zod issue as a message naming the field (`skills[2].level`), what was expected and what was found. */
function problemOf(issue: z.core.$ZodIssue | undefined, data: unknown, file: string): string {
  const path = issue?.path ?? [];
  const field = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
  const found = path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
  const where = field === '' ? `${file} is not a JSON Resume` : `${file} has an unexpected \`${field}\``;
  return `${where}: ${issue?.message ?? 'unexpected'}, found ${describe(found)} (see jsonresume.org/schema)`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return `\`${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}\``;
}
