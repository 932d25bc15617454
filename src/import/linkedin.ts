/**
 * LinkedIn's data export ("Get a copy of your data") read into what a plan
 * takes: `Profile.csv` (name, headline, summary), `Positions.csv`,
 * `Education.csv` and `Skills.csv`, with the columns LinkedIn documents, in
 * any order, UTF-8 with or without a byte order mark. Pure.
 */
import { parse } from 'csv-parse/sync';
import { cleanLine, ImportError, joined, lineOf, roleOf, sourced, span, utf8, type Imported } from './imported.js';

/** The export's files that `import` reads, by name. */
export const linkedInFiles = ['Profile.csv', 'Positions.csv', 'Education.csv', 'Skills.csv'] as const;

/** A file of the export that `import` reads. */
export type LinkedInFile = (typeof linkedInFiles)[number];

/** The export as read: the bytes of each file found, and the names of the export's other files. */
export interface LinkedInExport {
  /** What the export is called in messages (`linkedin-export.zip`). */
  readonly source: string;
  readonly files: Partial<Readonly<Record<LinkedInFile, Uint8Array>>>;
  readonly others: readonly string[];
}

/** The columns each file must have, and those it may have that the plan takes; any other column with a value is left out. */
const columns = {
  'Profile.csv': { needed: ['First Name', 'Last Name'], used: ['Headline', 'Summary'] },
  'Positions.csv': { needed: ['Company Name', 'Title'], used: ['Started On', 'Finished On'] },
  'Education.csv': { needed: ['School Name'], used: ['Degree Name', 'Start Date', 'End Date'] },
  'Skills.csv': { needed: ['Name'], used: [] },
} as const satisfies Record<LinkedInFile, { needed: readonly string[]; used: readonly string[] }>;

/** A row of a file, by column name. */
type Row = ReadonlyMap<string, string>;

/** Reads a LinkedIn export; throws an ImportError naming the file and the column at fault when it cannot. Pure. */
export function fromLinkedIn(exported: LinkedInExport): Imported {
  const tables = new Map(linkedInFiles.map((name) => [name, exported.files[name] === undefined ? undefined : table(name, exported.files[name])]));
  const profile = tables.get('Profile.csv');
  if (profile === undefined) throw new ImportError(`${exported.source} has no Profile.csv: is it LinkedIn's data export? (It holds Profile.csv, Positions.csv, Education.csv and Skills.csv.)`);
  const person = profile.rows[0];
  const owner = cleanLine([person?.get('First Name'), person?.get('Last Name')].filter(Boolean).join(' '));
  if (owner === undefined) throw new ImportError(`${exported.source}: Profile.csv has no name in \`First Name\` and \`Last Name\``);
  const positions = tables.get('Positions.csv')?.rows ?? [];
  const current = positions.find((job) => cleanLine(job.get('Finished On')) === undefined && cleanLine(job.get('Title')) !== undefined);
  const { role, leftOut: title } = roleOf(current && sourced(joined(current.get('Title'), current.get('Company Name')), 'Positions.csv'), sourced(cleanLine(person?.get('Headline')), 'Profile.csv `Headline`'));
  const summary = cleanLine(person?.get('Summary'));
  return {
    source: exported.source,
    owner,
    ...(role === undefined ? {} : { role }),
    ...(summary === undefined ? {} : { summary }),
    skills: (tables.get('Skills.csv')?.rows ?? []).flatMap((row) => lineOf(row.get('Name'))).map((name) => ({ name })),
    education: (tables.get('Education.csv')?.rows ?? []).flatMap((row) => lineOf(joined(row.get('Degree Name'), row.get('School Name')), span(cleanLine(row.get('Start Date')), cleanLine(row.get('End Date')), false))),
    certificates: [],
    positions: positions.flatMap((row) => lineOf(joined(row.get('Title'), row.get('Company Name')), span(cleanLine(row.get('Started On')), cleanLine(row.get('Finished On')), true))),
    leftOut: [
      ...title,
      ...[...tables.values()].flatMap((read) => read?.leftOut ?? []),
      ...linkedInFiles.filter((name) => !tables.get(name)).map((name) => `${name} (not in the export)`),
      ...(exported.others.length === 0 ? [] : [`${exported.others.length} other ${exported.others.length === 1 ? 'file' : 'files'} of the export (${exported.others.slice(0, 3).join(', ')}${exported.others.length > 3 ? ', …' : ''})`]),
    ],
  };
}

/** A file's rows by column, after its header (the first row with the columns it needs: exports may start with notes), and its columns left out. */
function table(name: LinkedInFile, bytes: Uint8Array): { rows: Row[]; leftOut: string[] } {
  const records = csvRecords(name, utf8(bytes, name, 'LinkedIn\'s export is'));
  const { needed, used } = columns[name];
  const headerAt = records.findIndex((record) => needed.every((column) => record.some((cell) => sameColumn(cell, column))));
  if (headerAt === -1) {
    const missing = needed.filter((column) => !records[0]?.some((cell) => sameColumn(cell, column)));
    throw new ImportError(`${name} has no \`${missing.join('` or `')}\` column: is it LinkedIn's ${name}? Its first line should name the columns (${[...needed, ...used].join(', ')})`);
  }
  const header = (records[headerAt] ?? []).map((cell) => canonical(cell, [...needed, ...used]));
  const rows = records.slice(headerAt + 1, mostRecords).map((record) => new Map(header.map((column, index) => [column, record[index] ?? ''])));
  const known = new Set<string>([...needed, ...used]);
  const left = header.filter((column) => !known.has(column) && column !== '' && rows.some((row) => cleanLine(row.get(column)) !== undefined));
  const cut = records.length > mostRecords ? [`${name} after its first ${mostRecords} lines`] : [];
  return { rows: rows.filter((row) => [...row.values()].some((cell) => cleanLine(cell) !== undefined)), leftOut: [...left.map((column) => `${name} \`${column}\``), ...cut] };
}

/** The most lines of a file read (past notes and the columns' names): far more than a profile has; the plan takes fewer. */
export const mostRecords = 1000;

/** A file's first records (one more than `mostRecords` tells there were more). */
function csvRecords(name: string, text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, to: mostRecords + 1 }) as string[][];
  } catch (error) {
    throw new ImportError(`${name} is not a CSV file LinkedIn would write: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function sameColumn(cell: string, column: string): boolean {
  return cell.trim().toLowerCase() === column.toLowerCase();
}

/** A header cell as the column's documented name when it is one (any case), else as it is. */
function canonical(cell: string, known: readonly string[]): string {
  return known.find((column) => sameColumn(cell, column)) ?? cell.trim();
}
