import { describe, expect, test } from 'vitest';
import { checkText, minimalPlan, positions } from '../support/plans.js';

describe('one run reports every problem', () => {
  test('a goal with a schema error is still checked by the other rules, key by key', () => {
    const checked = checkText(`---
title: Plan
owner: Alex
skills:
  - name: Python
    level: 7
    target: 3
  - name: Python
    level: 1
    target: 2
goals:
  - title: Learn Rust
    due: 2027-06
    start: 2027-09
    skills: [pyhton]
    steps:
      - title: Read the book
        due: 2027-08
        done: 2026-01-05
      - 42
---
`);
    expect(positions(checked)).toEqual([
      'schema 6:12',
      'duplicate-id 8:11',
      'goal-needs-measure 12:5',
      'start-after-due 14:12',
      'unknown-skill 15:14',
      'step-after-goal 18:14',
      'needs-evaluation 19:9',
      // A step given as the number 42 is kept as the text `42`, with a warning to put it in quotes (issue 19).
      'quote-text 20:9',
    ]);
    expect(checked.diagnostics.find((d) => d.ruleId === 'unknown-skill')?.message).toContain('did you mean `Python`?');
    expect(checked.plan).toBeUndefined();
  });

  test('after a YAML syntax error only the syntax error is reported', () => {
    const unclosed = checkText('---\ntitle: "Plan\nowner: Sam\n---\n');
    expect(positions(unclosed)).toEqual(['yaml-syntax 3:11']);
    expect(unclosed.diagnostics[0]?.message).toMatch(/^Missing closing quote, expected/);
    expect(positions(checkText(minimalPlan('role: &r x\nvision: *r\n')))).toEqual(['yaml-syntax 10:9']);
  });
});

describe('places', () => {
  test('a key left empty is reported at the key, not past the end of the line', () => {
    const checked = checkText('---\ntitle: Plan\nowner: Sam\ngoals:\n  - title: Ship it\n    measure:\n    due: 2027-06\n    steps:\n---\n');
    expect(positions(checked)).toEqual(['goal-needs-measure 6:5', 'goal-needs-step 8:5']);
  });

  test('an empty frontmatter is reported at 1:1', () => {
    expect(positions(checkText('---\n---\n'))).toEqual(['schema 1:1', 'schema 1:1', 'schema 1:1']);
  });

  test('CRLF files read their last key like any other', () => {
    const checked = checkText(minimalPlan('lang: en\n').replace(/\n/g, '\r\n'));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.plan?.lang).toBe('en');
  });
});

describe('done', () => {
  test('a goal or step may be done with a date or `true`', () => {
    const checked = checkText(minimalPlan().replace('steps: [Start]', 'done: true\n    steps:\n      - title: Start\n        done: true\n        worth: true'));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.plan?.goals[0]?.done).toBe(true);
    expect(checked.plan?.goals[0]?.steps[0]).toMatchObject({ done: true, worth: 'yes' });
  });

  test('`done: no`, `nein` or `Non` says to leave `done` out until it is done; `done: Ja` says to write `true`', () => {
    const withDone = (word: string) => checkText(minimalPlan().replace('steps: [Start]', `steps:\n      - title: Start\n        done: ${word}`));
    for (const word of ['no', 'nein', 'Non', 'off']) {
      expect(positions(withDone(word))).toEqual(['bad-date 10:15']);
      expect(withDone(word).diagnostics[0]?.message).toBe(`Unexpected \`done: ${word}\`, expected the date it was done as YYYY-MM-DD, or \`true\`: while it is not done, leave \`done\` out`);
    }
    expect(withDone('Ja').diagnostics[0]?.message).toContain('write `done: true`');
  });

  test('`done: yes` says that `true` is allowed', () => {
    const checked = checkText(minimalPlan().replace('steps: [Start]', 'steps:\n      - title: Start\n        done: yes\n        worth: no'));
    expect(positions(checked)).toEqual(['bad-date 10:15']);
    expect(checked.diagnostics[0]?.message).toContain('or `true`');
  });
});
