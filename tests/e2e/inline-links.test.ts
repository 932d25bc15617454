/**
 * Links and images in a plan's inline Markdown (`vision`, notes,
 * reflections), through the real CLI on a temp project: `check` and
 * `build --no-pdf` report the same positioned diagnostics for what the site
 * refuses (a private file, a path out of the plans folder, an HTML page) and
 * warn about a remote image; Markdown nested too deeply to read safely is
 * refused without stopping the run; a plan whose inline links are all valid is
 * built with working links, its linked files copied, and none of the
 * refused files reach `out/`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { minimalPlan } from '../support/plans.js';
import { careerplan, diagnosticsOf, filesUnder } from './run.js';

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-inline-'));
  const plans = path.join(folder, 'plans');
  mkdirSync(path.join(plans, 'images'), { recursive: true });
  writeFileSync(path.join(folder, 'secret.txt'), 'outside the plans folder\n');
  writeFileSync(path.join(plans, 'ok.txt'), 'notes to publish\n');
  writeFileSync(path.join(plans, '_priv.txt'), 'private draft\n');
  writeFileSync(path.join(plans, 'x.html'), '<script>alert(1)</script>');
  writeFileSync(path.join(plans, 'images', 'chart.png'), 'png');
  // The audit's vision, on line 9: every relative link but `ok.txt` is refused.
  writeFileSync(
    path.join(plans, 'bad.md'),
    minimalPlan('vision: "[ok](ok.txt) [p](_priv.txt) [e](../secret.txt) ![i](http://127.0.0.1:9/v.png) ![t](x.html)"\n'),
  );
  // Nested 20,000 deep: read as Markdown it would crash the parser, and with it every plan of the run.
  writeFileSync(path.join(plans, 'deep.md'), minimalPlan(`vision: "${'> '.repeat(20_000)}[p](_priv.txt)"\n`));
  writeFileSync(
    path.join(plans, 'good.md'),
    minimalPlan('vision: "Read [my notes](ok.txt) and see ![my chart](images/chart.png)"\nopportunities:\n  - title: Team lead\n    note: "Photo: ![team](https://example.com/team.jpg)"\n'),
  );
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The diagnostics of bad.md, as `file:line:col severity … rule` lines print them. */
const expected = [
  // `minimalPlan`'s goal does not say its `kind`, which is nudged too.
  'plans/bad.md:5:5 warning goal-needs-kind',
  'plans/bad.md:9:23 error private-file',
  'plans/bad.md:9:38 error broken-link',
  'plans/bad.md:9:57 warning remote-content',
  'plans/bad.md:9:88 error bad-attachment',
  'plans/deep.md:5:5 warning goal-needs-kind',
  'plans/deep.md:9:9 error too-complex',
  'plans/good.md:5:5 warning goal-needs-kind',
  'plans/good.md:12:19 warning remote-content',
];

describe('links in inline Markdown', () => {
  test('check and build report the same positioned diagnostics; the valid plan is built with its inline links working and nothing refused is published', async () => {
    const check = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder });
    expect(check.status, check.stderr).toBe(1);
    expect(diagnosticsOf(check.stderr)).toEqual(expected);
    expect(check.stderr).toContain('Unexpected link `_priv.txt` to a private file');

    const build = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: folder });
    expect(build.status, build.stderr).toBe(1);
    expect(diagnosticsOf(build.stderr)).toEqual(expected);

    const out = path.join(folder, 'out');
    expect(existsSync(path.join(out, 'bad'))).toBe(false);
    expect(existsSync(path.join(out, 'deep'))).toBe(false);
    const page = readFileSync(path.join(out, 'good', 'index.html'), 'utf8');
    expect(page).toContain('<a href="media/ok.txt">my notes</a>');
    expect(page).toContain('<img src="media/images/chart.png" alt="my chart">');
    // The remote image is a link to it: the page loads nothing from elsewhere.
    expect(page).toContain('<a href="https://example.com/team.jpg">team</a>');
    expect(page).not.toMatch(/<img[^>]+example\.com/);
    expect(readFileSync(path.join(out, 'good', 'media', 'ok.txt'), 'utf8')).toBe('notes to publish\n');
    expect(existsSync(path.join(out, 'good', 'media', 'images', 'chart.png'))).toBe(true);
    const written = filesUnder(out).map((file) => path.basename(file));
    for (const refused of ['_priv.txt', 'secret.txt', 'x.html']) expect(written, refused).not.toContain(refused);
  });
});
