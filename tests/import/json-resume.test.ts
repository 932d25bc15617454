import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { refusalOf } from './refusal.js';
import { fromJsonResume } from '../../src/import/json-resume.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** The message a résumé's text is refused with. */
function refusal(text: string): string {
  return refusalOf(() => fromJsonResume(text, 'resume.json'));
}

describe('fromJsonResume', () => {
  test('takes every mapped field: name, current position, summary, skills with levels and keywords, education, certificates, positions', () => {
    const imported = fromJsonResume(fixture('full.json'), 'full.json');
    expect(imported.owner).toBe('Lena Weber');
    expect(imported.role).toEqual({ text: 'Staff Nurse, Charité', from: 'work[0]' });
    // Line breaks and control characters collapse: the summary is one line of the notes.
    expect(imported.summary).toBe('Ward nurse for *eight* years; I mentor new colleagues. See [my portfolio](portfolio.html) <b>now</b>.');
    expect(imported.skills[0]).toEqual({ name: 'Wound care', level: 'Master', note: 'VAC therapy, diabetic foot' });
    expect(imported.skills.find((skill) => skill.name === 'German sign language')).toEqual({ name: 'German sign language', level: 2 });
    expect(imported.skills.find((skill) => skill.name === 'Phlebotomy')).toEqual({ name: 'Phlebotomy' });
    expect(imported.education).toEqual(['BSc Nursing, Alice Salomon Hochschule (2018-10 – 2021-09)', 'Staatsexamen, Berufsfachschule für Pflege (until 2017)']);
    expect(imported.certificates).toEqual(['Basic Life Support, ERC (2023-02-01)']);
    expect(imported.positions.slice(0, 2)).toEqual(['Staff Nurse, Charité (2021-04 – now)', 'Nurse, Vivantes (2017-09 – 2021-03)']);
    expect(imported.positions).toHaveLength(6);
    // Empty parts (`volunteer: []`) and the file's own `$schema` and `meta` are not worth a mention.
    expect(imported.leftOut).toEqual([
      'basics.label (the role is the current position)',
      'basics.email',
      'basics.phone',
      'basics.location',
      'basics.profiles',
      'work.summary',
      'work.highlights',
      'education.score',
      'certificates.url',
      'languages',
    ]);
  });

  test('a résumé with only a name gives the name and nothing else; the label is the role without a current position', () => {
    expect(fromJsonResume(fixture('minimal.json'), 'minimal.json')).toEqual({ source: 'minimal.json', owner: 'Sam Okafor', skills: [], education: [], certificates: [], positions: [], leftOut: [] });
    const labelled = fromJsonResume(JSON.stringify({ basics: { name: 'Sam', label: 'Student' }, work: [{ name: 'Shop', position: 'Cashier', startDate: '2020', endDate: '2021' }] }), 'r.json');
    expect(labelled.role).toEqual({ text: 'Student', from: 'basics.label' });
    expect(labelled.positions).toEqual(['Cashier, Shop (2020 – 2021)']);
  });

  test('refuses what is not a JSON Resume, naming the field, what was expected and what was found', () => {
    expect(refusal('{ "basics": { "name": "Sam" ')).toMatch(/^resume\.json is not JSON \(.+\); a JSON Resume is a JSON file, see jsonresume\.org$/);
    expect(refusal('[1, 2]')).toBe('resume.json is not a JSON Resume: expected an object with named fields, found a list (see jsonresume.org/schema)');
    expect(refusal('{ "basics": { "name": 42 } }')).toBe('resume.json has an unexpected `basics.name`: expected text, found `42` (see jsonresume.org/schema)');
    expect(refusal('{ "basics": { "name": "Sam" }, "skills": [{ "name": "SQL" }, { "name": "Go", "keywords": "fast" }] }')).toBe(
      'resume.json has an unexpected `skills[1].keywords`: expected a list of texts, found `"fast"` (see jsonresume.org/schema)',
    );
    expect(refusal('{ "basics": { "name": "Sam" }, "work": [{ "startDate": "March 2020" }] }')).toBe(
      'resume.json has an unexpected `work[0].startDate`: expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found `"March 2020"` (see jsonresume.org/schema)',
    );
    expect(refusal('{ "basics": { "name": "Sam" }, "education": {} }')).toBe('resume.json has an unexpected `education`: expected a list, found an object (see jsonresume.org/schema)');
    expect(refusal('{ "skills": [{ "name": "SQL", "level": true }], "basics": { "name": "Sam" } }')).toBe(
      'resume.json has an unexpected `skills[0].level`: expected a level as text, such as Advanced, found `true` (see jsonresume.org/schema)',
    );
    expect(refusal('{ "basics": { "label": "Nurse" } }')).toBe('resume.json has no `basics.name`: add the name of the person whose plan it is');
    expect(refusal('{ "basics": { "name": " \\n " } }')).toBe('resume.json has no `basics.name`: add the name of the person whose plan it is');
  });

  test('deep nesting is refused with a message, not a crash', () => {
    expect(refusal(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toMatch(/^resume\.json is (not JSON|not a JSON Resume)/);
  });
});
