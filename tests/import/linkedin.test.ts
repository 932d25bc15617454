import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { refusalOf } from './refusal.js';
import { fromLinkedIn, linkedInFiles, mostRecords, type LinkedInExport, type LinkedInFile } from '../../src/import/linkedin.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const bom = '\uFEFF';

/** An export as LinkedIn writes it (tests/fixtures/import/linkedin): its documented columns, a byte order mark, quoted fields with commas and line breaks, CRLF line ends. */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import/linkedin');
const linkedInCsv = Object.fromEntries(linkedInFiles.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')])) as Record<LinkedInFile, string>;

function exported(files: Partial<Record<LinkedInFile, string>>, others: string[] = []): LinkedInExport {
  return { source: 'export', files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, bytes(text)])), others };
}

function refusal(files: Partial<Record<LinkedInFile, string>>): string {
  return refusalOf(() => fromLinkedIn(exported(files)));
}

describe('fromLinkedIn', () => {
  test('takes the name, the current position as the role, the summary, positions, education and skills', () => {
    const imported = fromLinkedIn(exported(linkedInCsv, ['Connections.csv', 'messages.csv', 'Invitations.csv', 'Rich_Media.csv']));
    expect(imported).toEqual({
      source: 'export',
      owner: 'Amira Haddad',
      role: { text: 'Year 6 Teacher, Oakfield Primary', from: 'Positions.csv' },
      summary: 'Primary teacher who loves maths. Moving towards school leadership.',
      skills: [{ name: 'Classroom management' }, { name: 'Maths teaching' }, { name: 'classroom management' }],
      education: ['PGCE Primary, University of Leeds (2017 – 2018)', 'BA Mathematics, University of York (2014 – 2017)'],
      certificates: [],
      positions: ['Year 6 Teacher, Oakfield Primary (Sep 2021 – now)', 'Teaching Assistant, Hillside Academy (Jan 2019 – Jul 2021)'],
      leftOut: [
        'Profile.csv `Headline` (the role is the current position)',
        'Profile.csv `Industry`',
        'Profile.csv `Geo Location`',
        'Positions.csv `Description`',
        'Positions.csv `Location`',
        'Education.csv `Activities`',
        '4 other files of the export (Connections.csv, messages.csv, Invitations.csv, …)',
      ],
    });
  });

  test('reads the columns in any order and any letter case, with or without a byte order mark, after a preamble of notes', () => {
    const imported = fromLinkedIn(
      exported({
        'Profile.csv': `${bom}Summary,last name,First Name,Headline\nBuilds things,Kim,Jae,Engineer at Home\n`,
        'Positions.csv': `${bom}Notes:\n"This file lists your positions."\n\nFinished On,Started On,Title,Company Name\nDec 2020,Jan 2018,Engineer,Acme\n`,
        'Skills.csv': 'Name\nRust\n\n',
      }),
    );
    expect(imported.owner).toBe('Jae Kim');
    // No current position: the headline is the role.
    expect(imported.role).toEqual({ text: 'Engineer at Home', from: 'Profile.csv `Headline`' });
    expect(imported.positions).toEqual(['Engineer, Acme (Jan 2018 – Dec 2020)']);
    expect(imported.skills).toEqual([{ name: 'Rust' }]);
    expect(imported.leftOut).toEqual(['Education.csv (not in the export)']);
  });

  test(`reads no more than the first ${mostRecords} lines of a file, and says so`, () => {
    const skills = `Name\n${Array.from({ length: 1500 }, (_, index) => `Skill ${index}`).join('\n')}\n`;
    const imported = fromLinkedIn(exported({ 'Profile.csv': linkedInCsv['Profile.csv'], 'Skills.csv': skills }));
    expect(imported.skills).toHaveLength(mostRecords - 1);
    expect(imported.leftOut).toContain(`Skills.csv after its first ${mostRecords} lines`);
  });

  test('refuses an export it cannot read, naming the file and the column', () => {
    expect(refusal({ 'Skills.csv': 'Name\nRust\n' })).toBe("export has no Profile.csv: is it LinkedIn's data export? (It holds Profile.csv, Positions.csv, Education.csv and Skills.csv.)");
    expect(refusal({ 'Profile.csv': 'First Name,Last Name\n,\n' })).toBe('export: Profile.csv has no name in `First Name` and `Last Name`');
    expect(refusal({ 'Profile.csv': 'Vorname,Nachname\nJae,Kim\n' })).toBe(
      "Profile.csv has no `First Name` or `Last Name` column: is it LinkedIn's Profile.csv? Its first line should name the columns (First Name, Last Name, Headline, Summary)",
    );
    expect(refusal({ 'Profile.csv': linkedInCsv['Profile.csv'], 'Positions.csv': 'Company,Title\nAcme,Engineer\n' })).toMatch(/^Positions\.csv has no `Company Name` column/);
    expect(refusal({ 'Profile.csv': 'First Name,Last Name\n"Jae,Kim\n' })).toMatch(/^Profile\.csv is not a CSV file LinkedIn would write: .*quote/i);
    expect(() => fromLinkedIn({ source: 'export', files: { 'Profile.csv': Uint8Array.of(0x46, 0xff, 0xfe, 0x0a) }, others: [] })).toThrow('Profile.csv is not UTF-8 text: save it again as UTF-8 (LinkedIn\'s export is)');
  });
});
