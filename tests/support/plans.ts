/** Helpers for tests that run plans through the real stages in-process. */
import path from 'node:path';
import { parse } from '../../src/stages/parse.js';
import { validate } from '../../src/stages/validate.js';
import type { Checked, Parsed, RuleSetting } from '../../src/types.js';

/** A source file for a plan that lives (virtually) in `/plans`. */
export function source(text: string, name = 'plan.md') {
  return { path: `plans/${name}`, absolutePath: path.join('/plans', name), text };
}

/** Parses a plan's text. */
export function parseText(text: string): Parsed {
  return parse(source(text));
}

/**
 * The nudges for a plan that is not whole yet (no `vision`, a goal without `kind`), off for `checkText`: the plans
 * of these tests are cut down to what each test is about. The nudges have their own fixtures and CLI tests, and
 * `checkText(text, { 'needs-vision': 'warn' })` turns one back on.
 */
export const quietNudges: Readonly<Record<string, RuleSetting>> = { 'needs-vision': 'off', 'goal-needs-kind': 'off' };

/** Parses and validates a plan's text as of a fixed date, with the nudges for unfinished plans off (see `quietNudges`). */
export function checkText(text: string, severities: Record<string, RuleSetting> = {}): Checked {
  return validate(parseText(text), { asOf: '2026-11-26', plansRoot: '/plans', inspect: () => undefined, severities: { ...quietNudges, ...severities } });
}

/** The smallest valid plan, with extra frontmatter lines appended. */
export function minimalPlan(extra = '', body = 'Body text.\n'): string {
  return `---\ntitle: Plan\nowner: Sam\ngoals:\n  - title: Ship it\n    measure: Shipped\n    due: 2027-06\n    steps: [Start]\n${extra}---\n${body}`;
}

/** Rule id, line and column of each diagnostic. */
export function positions(checked: Checked): string[] {
  return checked.diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column}`);
}
