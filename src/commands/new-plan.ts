/**
 * `careerplan new "Full Name"`: writes `<plans>/<slug>.md` from the starter
 * plan, dated today, and refuses when that file is there. Writes one file,
 * reports to `io`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IsoDate } from '../format/dates.js';
import { slugify } from '../format/slug.js';
import { displayPath } from '../lib/paths.js';
import { starterPlan } from '../scaffold/starter-plan.js';
import { exitCodes, UsageError, type Io } from '../io.js';

/** What `new` writes. */
export interface NewPlanOptions {
  /** The person's full name, the plan's `owner`. */
  readonly name: string;
  /** The plans folder, absolute. */
  readonly plans: string;
  readonly today: IsoDate;
}

/** Writes a new plan; returns the exit code: 1 when the file is already there. */
export async function newPlan(options: NewPlanOptions, io: Io): Promise<number> {
  const owner = options.name.trim();
  const stem = fileStem(owner);
  if (stem === '') throw new UsageError(`new takes a person's full name, such as \`careerplan new "Jordan Lee"\`; cannot name a plan file after \`${options.name}\``);
  const file = path.join(options.plans, `${stem}.md`);
  const shown = displayPath(file, io.cwd);
  await mkdir(options.plans, { recursive: true });
  try {
    await writeFile(file, starterPlan({ owner, today: options.today }), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    io.stderr.write(`careerplan: ${shown} already exists; edit it, or give another name\n`);
    return exitCodes.problems;
  }
  io.stderr.write(`careerplan: created ${shown}, the plan of ${owner}\nNext: fill it in, then run \`careerplan check\`\n`);
  return exitCodes.ok;
}

/**
 * The file name for a person's plan, without `.md`: their name as careerplan
 * slugs it, so the page is `out/<slug>/`; a name with no Latin letter or
 * digit keeps its own letters (the slug is then the name, URL-encoded).
 */
export function fileStem(name: string): string {
  return (
    slugify(name) ||
    name
      .toLowerCase()
      .replace(/[\s\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
  );
}
