import { describe, expect, test } from 'vitest';
import { skillLevel } from '../../src/import/skill-level.js';

describe('skillLevel', () => {
  test('maps JSON Resume words onto 0 (none) to 5 (expert), in any case', () => {
    expect(['Beginner', 'Intermediate', 'Advanced', 'Master', 'Expert'].map(skillLevel)).toEqual([1, 3, 4, 5, 5]);
    expect(['basic', 'NOVICE', ' advanced ', 'Expert level', 'native or bilingual', 'Grundkenntnisse', 'verhandlungssicher'].map(skillLevel)).toEqual([2, 1, 4, 5, 5, 1, 4]);
  });

  test('reads numbers on a scale of 5, of 10 or as a percentage', () => {
    expect([0, 3, 5, 2.6].map(skillLevel)).toEqual([0, 3, 5, 3]);
    expect(['4', '4/5', '7 of 10', '8', '80%', '2,5', '60', '1 out of 5'].map(skillLevel)).toEqual([4, 4, 4, 4, 4, 3, 3, 1]);
  });

  test('is undefined for what is not a level', () => {
    expect(['rockstar', '', '6/5', '-1', '250', 'Level 3 of something'].map(skillLevel)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(skillLevel(Number.NaN)).toBeUndefined();
    expect(skillLevel(-2)).toBeUndefined();
  });
});
