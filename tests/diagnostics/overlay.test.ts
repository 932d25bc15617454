import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { overlayProblems, themeProblem } from '../../src/diagnostics/reporters/overlay.js';
import { pretty } from '../../src/diagnostics/reporters/pretty.js';
import { describeHandlebarsError, ThemeError } from '../../src/theme/theme-error.js';
import { checkText } from '../support/plans.js';

// Two goals with one id (an error with a cause) and a goal without a measure (lowered to a warning).
const text = `---
title: Plan
owner: Sam
goals:
  - title: Lead the rotation
    id: escalation
    due: 2027-12
    steps: [Write the runbook]
  - title: Manage escalations
    id: escalation
    measure: Promoted
    due: 2029
    steps: [Ask my manager]
---
`;

describe('overlayProblems', () => {
  const checked = checkText(text, { 'goal-needs-measure': 'warn' });
  const sources = new Map([['plans/plan.md', text]]);
  const problems = overlayProblems(checked.diagnostics, sources);

  test('one problem per diagnostic, positioned as in the terminal', () => {
    expect(problems.map(({ file, line, column, severity, ruleId }) => ({ file, line, column, severity, ruleId }))).toEqual([
      { file: 'plans/plan.md', line: 5, column: 5, severity: 'warning', ruleId: 'goal-needs-measure' },
      { file: 'plans/plan.md', line: 10, column: 9, severity: 'error', ruleId: 'duplicate-id' },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual(checked.diagnostics.map((diagnostic) => diagnostic.message));
  });

  test('an error has the code frame and the note of its cause; a warning has neither', () => {
    const [warning, error] = problems;
    expect(warning).not.toHaveProperty('frame');
    expect(warning).not.toHaveProperty('note');
    const duplicate = checked.diagnostics.find((diagnostic) => diagnostic.ruleId === 'duplicate-id');
    expect(error?.frame).toBe(codeFrame(text, duplicate!.place));
    expect(error?.frame).toContain('> 10 |     id: escalation');
    expect(error?.note).toMatch(/^plans\/plan\.md:6:9 \S/);
  });

  test('the frame and note read exactly as the pretty reporter prints them without colour', () => {
    const terminal = pretty(checked.diagnostics, { sources, color: false, planCount: 1 });
    for (const problem of problems) {
      if (problem.frame !== undefined) expect(terminal).toContain(problem.frame);
      if (problem.note !== undefined) expect(terminal).toContain(`note ${problem.note}`);
    }
  });

  test('an error without its source has no frame', () => {
    const [, error] = overlayProblems(checked.diagnostics, new Map());
    expect(error?.severity).toBe('error');
    expect(error).not.toHaveProperty('frame');
    expect(error?.note).toBeDefined();
  });
});

describe('themeProblem', () => {
  test('a template syntax error: its file and line, the reason without the prefix, no frame', () => {
    let thrown: unknown;
    try {
      Handlebars.precompile('<main>\n{{#each goals}}\n  {{title}}\n');
    } catch (error) {
      thrown = error;
    }
    const { line, reason } = describeHandlebarsError(thrown);
    const error = new ThemeError('templates/plan.hbs', line, reason);
    expect(error.message.startsWith('templates/plan.hbs:')).toBe(true);
    expect(themeProblem(error)).toEqual({ file: 'templates/plan.hbs', line, severity: 'error', ruleId: 'template', message: reason });
  });

  test('without a line, and a reason that itself looks like a place', () => {
    const problem = themeProblem(new ThemeError('templates/page.hbs', undefined, 'partials/x.hbs:3: missing partial `goal`'));
    expect(problem).toEqual({ file: 'templates/page.hbs', severity: 'error', ruleId: 'template', message: 'partials/x.hbs:3: missing partial `goal`' });
  });
});
