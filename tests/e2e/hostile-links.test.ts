/**
 * A plans folder whose plan links to everything the site must not publish —
 * folders, a FIFO, a 3 GB (sparse) image, private files (`_notes/`, `.env`,
 * `.git/config`), an HTML page — and to an SVG with script in it, through
 * the real CLI: `check` gives a positioned error for each, `build` reports
 * the same, exits 1, builds the other plans without hanging and copies none
 * of those files; the SVG is published static; `watch` starts and serves.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { minimalPlan } from '../support/plans.js';
import { startWatch } from '../support/watch-process.js';
import { careerplan, diagnosticsOf, filesUnder, repo } from './run.js';

/** Each bad link on a line of its own (the body starts on line 10), with the rule that must refuse it. */
const badLinks: ReadonlyArray<readonly [string, string]> = [
  ['[all plans](/)', 'broken-link'],
  ['[here](./)', 'broken-link'],
  ['[the images](images/)', 'broken-link'],
  ['![a pipe](pipe.png)', 'broken-link'],
  ['![a huge photo](big.png)', 'bad-attachment'],
  ['![a draft](_notes/x.png)', 'private-file'],
  ['[settings](.env)', 'private-file'],
  ['[the repository](.git/config)', 'private-file'],
  ['[my page](page.html)', 'bad-attachment'],
  ['<img src="_notes/x.png" alt="raw draft">', 'private-file'],
];

/** The files the bad links name: none of them may reach the out folder. */
const refusedNames = ['x.png', '.env', 'config', 'page.html', 'pipe.png', 'big.png'];

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-hostile-'));
  const plans = path.join(folder, 'plans');
  cpSync(path.join(repo, 'plans'), plans, { recursive: true });
  writeFileSync(path.join(folder, 'careerplan.config.json'), JSON.stringify({ allowRawHtml: true }));
  writeFileSync(path.join(plans, 'links.md'), minimalPlan('', badLinks.map(([link]) => `${link}\n`).join('\n')));
  writeFileSync(path.join(plans, 'drawing.md'), minimalPlan('', '![my chart](images/active.svg)\n'));
  mkdirSync(path.join(plans, '_notes'));
  writeFileSync(path.join(plans, '_notes', 'x.png'), 'draft');
  writeFileSync(path.join(plans, '.env'), 'SECRET=1\n');
  mkdirSync(path.join(plans, '.git'));
  writeFileSync(path.join(plans, '.git', 'config'), '[core]\n');
  writeFileSync(path.join(plans, 'page.html'), '<script>alert(document.cookie)</script>');
  writeFileSync(
    path.join(plans, 'images', 'active.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="red" onclick="alert(3)"/>' +
      '<foreignObject><iframe src="https://evil.example/"></iframe></foreignObject><a href="javascript:alert(4)"><text>Chart</text></a>' +
      '<image href="https://evil.example/track.png"/><style>@import url(https://evil.example/x.css);</style><set attributeName="href" to="javascript:alert(5)"/></svg>',
  );
  execFileSync('mkfifo', [path.join(plans, 'pipe.png')]);
  // Sparse: 3 GB on paper, no disk used.
  writeFileSync(path.join(plans, 'big.png'), '');
  truncateSync(path.join(plans, 'big.png'), 3 * 1024 ** 3);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The expected diagnostics of `links.md`: line, column and rule of each bad link. */
const expected = badLinks.map(([link, ruleId], index) => `plans/links.md:${10 + 2 * index}:1 error ${ruleId}`);

/** The `file:line:col severity rule` of each error a run printed for `links.md`. */
function errorsOf(output: string): string[] {
  return diagnosticsOf(output).filter((line) => line.startsWith('plans/links.md:') && / error /.test(line));
}

describe('a plan linking to what the site must not publish', () => {
  test('check reports a positioned error for each link, and nothing for the other plans', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.status, run.stderr).toBe(1);
    expect(errorsOf(run.stderr)).toEqual(expected);
    expect(run.stderr).not.toMatch(/plans\/(jordan-lee|drawing)\.md:\d+:\d+ error/);
  });

  test('build reports the same errors, exits 1, builds the other plans and copies none of the refused files', async () => {
    const started = Date.now();
    const run = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.status, run.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(errorsOf(run.stderr)).toEqual(expected);
    const out = path.join(folder, 'out');
    expect(existsSync(path.join(out, 'links'))).toBe(false);
    for (const slug of ['jordan-lee', 'lena-schmidt', 'sam-okafor', 'drawing']) expect(existsSync(path.join(out, slug, 'index.html')), slug).toBe(true);
    const written = filesUnder(out);
    expect(written.filter((file) => refusedNames.includes(path.basename(file)))).toEqual([]);

    const svg = readFileSync(path.join(out, 'drawing', 'media', 'images', 'active.svg'), 'utf8');
    expect(svg).toContain('<rect width="10" height="10" fill="red"/>');
    expect(svg).toContain('<text>Chart</text>');
    expect(svg).not.toMatch(/script|on(load|click)|foreignObject|iframe|javascript|evil\.example|@import|<set|<a\b/i);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg">')).toBe(true);
  });

  test('watch starts with the plan there and serves the other plans', async () => {
    const watch = await startWatch(folder, ['--as-of', '2026-11-26', '--no-pdf']);
    try {
      expect(watch.stderr()).toMatch(/plans\/links\.md:10:1 error .* broken-link/);
      expect((await watch.get('/jordan-lee/')).status).toBe(200);
      const drawing = await watch.get('/drawing/media/images/active.svg');
      expect(drawing.status).toBe(200);
      expect(drawing.body).not.toMatch(/script|onload/i);
      expect((await watch.get('/links/')).status).toBe(404);
    } finally {
      await watch.stop();
    }
  });
});
