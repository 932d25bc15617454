import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkText } from '../support/plans.js';
import { property } from '../support/property.js';

/** Whatever the input, parse and validate return messages; they never throw. */
describe('parse and validate never throw', () => {
  const isWellFormed = (checked: ReturnType<typeof checkText>): boolean =>
    checked.diagnostics.every((d) => d.place.start.line >= 1 && d.place.start.column >= 1 && d.message.length > 0 && d.ruleId.length > 0);

  test('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(isWellFormed(checkText(text))).toBe(true);
      }),
      property(100),
    );
  });

  test('arbitrary text between frontmatter fences', () => {
    const yamlish = fc.stringMatching(/^[-:\[\]{}&*!|>'"#%@`, \nabcxyz019_.?]{0,200}$/);
    fc.assert(
      fc.property(yamlish, fc.string({ maxLength: 100 }), (frontmatter, body) => {
        expect(isWellFormed(checkText(`---\n${frontmatter}\n---\n${body}`))).toBe(true);
      }),
      property(200),
    );
  });

  test('arbitrary YAML data in the frontmatter', () => {
    const key = fc.constantFrom('title', 'owner', 'goals', 'skills', 'steps', 'due', 'start', 'done', 'worth', 'level', 'requires', '__proto__', 'constructor', 'x');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('2027-02-30', '2027-Q5', '2027-06', '2031', 'yes', 'partly'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.string({ maxLength: 80 }), (data, body) => {
        expect(isWellFormed(checkText(`---\n${stringify(data)}---\n${body}`))).toBe(true);
      }),
      property(200),
    );
  });
});
