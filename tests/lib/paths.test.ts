import { describe, expect, test } from 'vitest';
import { isInside } from '../../src/lib/paths.js';
import { validate } from '../../src/stages/validate.js';
import { minimalPlan, parseText, quietNudges } from '../support/plans.js';

describe('isInside', () => {
  test('the folder itself and what lies below it are inside; its parent, siblings and `..` are not', () => {
    expect(isInside('/plans', '/plans')).toBe(true);
    expect(isInside('/plans', '/plans/a/b.md')).toBe(true);
    expect(isInside('/plans', '/')).toBe(false);
    expect(isInside('/plans', '/plans-old/a.md')).toBe(false);
    expect(isInside('/plans', '/plans/../etc/passwd')).toBe(false);
    expect(isInside('/', '/plans')).toBe(true);
  });

  test('a name that merely starts with `..` is inside', () => {
    expect(isInside('/plans', '/plans/..notes.md')).toBe(true);
    expect(isInside('/plans', '/plans/..')).toBe(false);
  });

  test('a link to `..photo.png` in the plans folder is a hidden file there, not one leaving the folder', () => {
    const checked = validate(parseText(minimalPlan('', '![Me](..photo.png)\n')), {
      asOf: '2026-11-26',
      plansRoot: '/plans',
      inspect: (file) => ({ real: file, kind: 'file', size: 10 }),
      severities: quietNudges,
    });
    expect(checked.diagnostics.map((d) => d.ruleId)).toEqual(['private-file']);
    expect(checked.diagnostics[0]?.message).toContain('to a private file');
  });
});
