import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, repo, type Run } from './run.js';

const fixtures = path.join(repo, 'tests/fixtures/import');
const asOf = ['--as-of', '2026-12-08'];
let scratch: string;

/** A run that failed as a tool that could not run: exit 2, one clear line, no stack trace. */
function expectRefusal(run: Run, message: string | RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(typeof message === 'string' ? new RegExp(`^careerplan: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** The export's files as a zip, inside the folder LinkedIn's zip has, written by fflate. */
function exportZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`Basic_LinkedInDataExport_12-08-2026/${name}`, bytes])));
}

const exportFiles = () => Object.fromEntries(['Profile.csv', 'Positions.csv', 'Education.csv', 'Skills.csv', 'Connections.csv'].map((name) => [name, new Uint8Array(readFileSync(path.join(fixtures, 'linkedin', name)))]));

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-import-'));
  cpSync(path.join(fixtures, 'full.json'), path.join(scratch, 'resume.json'));
  cpSync(path.join(fixtures, 'linkedin'), path.join(scratch, 'export'), { recursive: true });
  writeFileSync(path.join(scratch, 'export.zip'), exportZip(exportFiles()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('careerplan import', () => {
  let resume: Run;
  let zipped: Run;
  beforeAll(async () => {
    resume = await careerplan(['import', 'resume.json', ...asOf], { cwd: scratch });
    zipped = await careerplan(['import', 'export.zip', ...asOf], { cwd: scratch });
  });

  test('a JSON Resume becomes plans/<name>.md, and it says what it took and what it left out', () => {
    expect(resume.status, resume.stderr).toBe(0);
    expect(resume.stderr).toContain('careerplan: created plans/lena-weber.md, the plan of Lena Weber, from resume.json\nTook:\n  owner: Lena Weber\n  role: Staff Nurse, Charité (from work[0])\n');
    expect(resume.stderr).toContain('Left out (the plan has no place for it):\n  basics.label (the role is the current position)\n  basics.email\n');
    expect(resume.stderr).toContain('Next: replace the example goals');
    expect(resume.stdout).toBe('');
    expect(readFileSync(path.join(scratch, 'plans/lena-weber.md'), 'utf8')).toMatch(/^owner: Lena Weber$/m);
  });

  test("LinkedIn's export as a zip (its files in a folder of the zip) becomes a plan too", () => {
    expect(zipped.status, zipped.stderr).toBe(0);
    expect(zipped.stderr).toContain('created plans/amira-haddad.md, the plan of Amira Haddad, from export.zip');
    expect(zipped.stderr).toContain('  role: Year 6 Teacher, Oakfield Primary (from Positions.csv)\n');
    expect(zipped.stderr).toContain('  1 other file of the export (Connections.csv)\n');
    const plan = readFileSync(path.join(scratch, 'plans/amira-haddad.md'), 'utf8');
    expect(plan).toContain('  current: PGCE Primary, University of Leeds (2017 – 2018)\n  note: "Also: BA Mathematics, University of York (2014 – 2017)"\n');
    expect(plan).toContain('  - name: Classroom management\n    id: classroom-management\n    kind: technical\n    level: 1 # no level given: set 0 (none) to 5 (expert)\n');
  });

  test('the folder of the export gives the same plan as its zip', async () => {
    const run = await careerplan(['import', 'export', '--plans', 'from-folder', ...asOf], { cwd: scratch });
    expect(run.status, run.stderr).toBe(0);
    const fromZip = readFileSync(path.join(scratch, 'plans/amira-haddad.md'), 'utf8');
    expect(readFileSync(path.join(scratch, 'from-folder/amira-haddad.md'), 'utf8')).toBe(fromZip.replaceAll('export.zip', 'export'));
  });

  test('the imported plans pass `check`, warning only about the starter placeholders left, and build', async () => {
    const check = await careerplan(['check', ...asOf], { cwd: scratch });
    expect(check.status, check.stderr).toBe(0);
    expect(new Set(diagnosticsOf(check.stderr).map((line) => line.split(' ').slice(1).join(' ')))).toEqual(new Set(['warning placeholder-text']));
    const build = await careerplan(['build', '--no-pdf', ...asOf], { cwd: scratch });
    expect(build.status, build.stderr).toBe(0);
    const page = readFileSync(path.join(scratch, 'out/lena-weber/index.html'), 'utf8');
    expect(page).toContain('Staff Nurse, Charité');
    // The résumé's Markdown and HTML are shown as its text, not followed or run.
    expect(page).toContain('See [my portfolio](portfolio.html) &#x3C;b>now&#x3C;/b>.');
    expect(page).not.toContain('href="portfolio.html"');
    expect(existsSync(path.join(scratch, 'out/amira-haddad/index.html'))).toBe(true);
  });

  test('never replaces a plan: exit 2 and the plan kept; --force replaces it', async () => {
    const file = path.join(scratch, 'plans/lena-weber.md');
    const edited = `${readFileSync(file, 'utf8')}\nMy own notes.\n`;
    writeFileSync(file, edited);
    const again = await careerplan(['import', 'resume.json', ...asOf], { cwd: scratch });
    expectRefusal(again, 'plans/lena-weber.md already exists, so nothing was written; run again with --force to replace it with the plan from resume.json');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = await careerplan(['import', 'resume.json', '--force', ...asOf], { cwd: scratch });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('My own notes.');
  });

  test('a file it cannot use is named with what is wrong: exit 2, no stack trace, no plan written', async () => {
    const write = (name: string, data: string | Uint8Array) => writeFileSync(path.join(scratch, name), data);
    write('broken.json', '{ "basics": { "name": "Sam", } }');
    write('wrong.json', '{ "basics": { "name": "Sam" }, "skills": [{ "name": "Go", "level": ["high"] }] }');
    write('latin1.json', Uint8Array.of(...strToU8('{ "basics": { "name": "Ren'), 0xe9, ...strToU8('e" } }')));
    write('garbage.zip', 'not a zip at all');
    write('no-profile.zip', exportZip({ 'Skills.csv': strToU8('Name\nGo\n') }));
    // A Profile.csv far larger than any profile, packed small.
    write('huge.zip', exportZip({ ...exportFiles(), 'Profile.csv': strToU8(`First Name,Last Name\n${'Sam,Lee\n'.repeat(800_000)}`) }));
    mkdirSync(path.join(scratch, 'linked'));
    symlinkSync(path.join(fixtures, 'linkedin/Profile.csv'), path.join(scratch, 'linked/Profile.csv'));
    const run = (file: string) => careerplan(['import', file, '--plans', 'refused', ...asOf], { cwd: scratch });
    expectRefusal(await run('broken.json'), /^careerplan: broken\.json is not JSON \(.+\); a JSON Resume is a JSON file, see jsonresume\.org\n$/);
    expectRefusal(await run('wrong.json'), 'wrong.json has an unexpected `skills[0].level`: expected a level as text, such as Advanced, found a list (see jsonresume.org/schema)');
    expectRefusal(await run('latin1.json'), 'latin1.json is not UTF-8 text: save it again as UTF-8 (JSON Resume files are)');
    expectRefusal(await run('missing.json'), "missing.json does not exist: give a JSON Resume file, or LinkedIn's data export (a folder or a .zip)");
    expectRefusal(await run('garbage.zip'), /^careerplan: cannot read garbage\.zip as a zip file \(.+\): unpack it and give its folder instead\n$/);
    expectRefusal(await run('no-profile.zip'), "no-profile.zip has no Profile.csv: is it LinkedIn's data export?");
    expectRefusal(await run('huge.zip'), 'Profile.csv in huge.zip is 6400021 bytes unpacked, more than 5242880');
    expectRefusal(await run('linked'), 'cannot read linked/Profile.csv: it is a symbolic link, not a file');
    expect(existsSync(path.join(scratch, 'refused'))).toBe(false);
  });

  test('a zip whose part claims to be smaller than it is gets no further than the size claimed', async () => {
    const zip = exportZip({ ...exportFiles(), 'Skills.csv': strToU8(`Name\n${'Kotlin\n'.repeat(1_000_000)}`) });
    // The size the central directory claims for Skills.csv, set to 40 bytes: what a zip bomb would do.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 46 <= zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name.endsWith('/Skills.csv')) view.setUint32(at + 24, 40, true);
    }
    writeFileSync(path.join(scratch, 'lying.zip'), zip);
    const run = await careerplan(['import', 'lying.zip', '--plans', 'lying', ...asOf], { cwd: scratch });
    expect(run.status, run.stderr).toBe(0);
    // 40 bytes hold `Name` and a few `Kotlin`s: one skill, named a second time.
    expect(readFileSync(path.join(scratch, 'lying/amira-haddad.md'), 'utf8').match(/name: Kotlin/g)).toHaveLength(1);
    expect(run.stderr).toContain('  skills named a second time: Kotlin\n');
  });

  test('is in the help, with its own', async () => {
    expect((await careerplan(['--help'])).stdout).toMatch(/^ {2}import FILE +Write plans\/<name>\.md from a JSON Resume or a LinkedIn data export/m);
    const help = await careerplan(['import', '--help']);
    expect(help.stdout).toContain('careerplan import resume.json');
    expect(help.stdout).toContain('--force');
    expectRefusal(await careerplan(['import'], { cwd: scratch }), 'import needs a file');
  });
});
