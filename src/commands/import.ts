/**
 * `careerplan import FILE`: writes `<plans>/<name>.md`, a starter plan with
 * what a JSON Resume or LinkedIn's data export (a folder or a `.zip`) gives
 * filled in, and says what it took and what it left out. Never replaces a
 * plan unless told to (`--force`). Reads the source, writes one file
 * atomically, reports to `io`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { readImportSource } from '../edges/import-source.js';
import { writeFileAtomic } from '../edges/files.js';
import type { IsoDate } from '../format/dates.js';
import { utf8 } from '../import/imported.js';
import { fromJsonResume } from '../import/json-resume.js';
import { fromLinkedIn } from '../import/linkedin.js';
import { importedPlan } from '../import/to-plan.js';
import { displayPath } from '../lib/paths.js';
import { exitCodes, type Io } from '../io.js';
import { fileStem } from './new-plan.js';

/** What `import` reads and where it writes. */
export interface ImportOptions {
  /** The JSON Resume file, or LinkedIn's export folder or zip, absolute. */
  readonly source: string;
  /** The plans folder, absolute. */
  readonly plans: string;
  readonly today: IsoDate;
  /** Replace a plan of that name. */
  readonly force: boolean;
}

/** Writes the imported plan; returns the exit code: 2 when the source cannot be read or the plan is there already. Throws an ImportError for a source it cannot use. */
export async function importPlan(options: ImportOptions, io: Io): Promise<number> {
  const shown = displayPath(options.source, io.cwd);
  const read = readImportSource(options.source, shown);
  const imported = read.kind === 'json-resume' ? fromJsonResume(utf8(read.bytes, read.name, 'JSON Resume files are'), read.name) : fromLinkedIn(read.export);
  const plan = importedPlan(imported, options.today);
  const file = path.join(options.plans, `${fileStem(imported.owner)}.md`);
  const target = displayPath(file, io.cwd);
  if (!options.force && existsSync(file)) {
    io.stderr.write(`careerplan: ${target} already exists, so nothing was written; run again with --force to replace it with the plan from ${shown}\n`);
    return exitCodes.failure;
  }
  mkdirSync(options.plans, { recursive: true });
  await writeFileAtomic(file, plan.text);
  const list = (lines: readonly string[]) => lines.map((line) => `  ${line}\n`).join('');
  io.stderr.write(
    `careerplan: created ${target}, the plan of ${imported.owner}, from ${shown}\n` +
      `Took:\n${list(plan.took)}` +
      (plan.leftOut.length === 0 ? 'Left out: nothing\n' : `Left out (the plan has no place for it):\n${list(plan.leftOut)}`) +
      `Next: replace the example goals with the person's own, set the skills' targets, then run \`careerplan check\`\n`,
  );
  return exitCodes.ok;
}
