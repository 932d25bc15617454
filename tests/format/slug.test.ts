import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPlanSlug, planSlug, reservedSlugs, slugify } from '../../src/format/slug.js';
import { property } from '../support/property.js';

describe('isPlanSlug', () => {
  test('takes every output name a plan file can be given, unless it is private, hidden or the site’s own', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (name) => {
        const slug = planSlug(`${name}.md`);
        const refused = slug === '' || /^[._]/.test(slug) || reservedSlugs.has(slug);
        expect(isPlanSlug(slug), JSON.stringify(slug)).toBe(!refused);
      }),
      property(500),
    );
    for (const name of ['Jordan Lee', 'Zoë', '日本', '~', 'a.b']) expect(isPlanSlug(planSlug(`${name}.md`)), name).toBe(true);
  });

  test('refuses what a slice could use to write outside a plan’s folder or into the site’s own', () => {
    for (const slug of ['assets', '__careerplan', '.git', '.', '..', '_notes', '../x', 'a/b', 'a\\b', 'Jordan', '', 'x y']) expect(isPlanSlug(slug), slug).toBe(false);
  });
});

describe('slugify', () => {
  test('keeps the letters of every language careerplan speaks, spelled as that language spells them without accents', () => {
    const cases: Array<[string, string]> = [
      ['Lære', 'laere'],
      ['Übung macht den Meister', 'uebung-macht-den-meister'],
      ['Jürgen Müller', 'juergen-mueller'],
      ['Ärzte und Öffentlichkeit', 'aerzte-und-oeffentlichkeit'],
      ['Straße', 'strasse'],
      ['GROẞE Pläne', 'grosse-plaene'],
      ['Søren Kierkegård', 'soeren-kierkegaard'],
      ['Œuvre complète', 'oeuvre-complete'],
      ['Émilie Dubois', 'emilie-dubois'],
      ['Zoë', 'zoe'],
      ['Łódź', 'lodz'],
      ['Become Senior Analyst', 'become-senior-analyst'],
    ];
    for (const [title, id] of cases) expect(slugify(title), title).toBe(id);
  });

  test('a letter written as a base letter and a combining mark gives the same id as the precomposed letter', () => {
    expect(slugify('U\u0308bung')).toBe(slugify('\u00dcbung'));
    expect(slugify('A\u030Angstro\u0308m')).toBe('aangstroem');
  });
});
