import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-pdf-header-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('the PDF header and footer are templates of the theme', () => {
  test('a project’s own pdf-header.hbs and pdf-footer.hbs make every page’s running header and footer', async () => {
    const folder = path.join(scratch, 'themed');
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    mkdirSync(path.join(folder, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(folder, 'templates/partials/pdf-header.hbs'), '<div style="font-size: 9pt; width: 100%; text-align: center;">Confidential: {{right}}</div>');
    writeFileSync(
      path.join(folder, 'templates/partials/pdf-footer.hbs'),
      '<div style="font-size: 9pt; width: 100%; text-align: center;">{{left}} | sheet <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
    );
    const run = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.stderr).toMatch(/3 of 3 plans built into out; PDFs: 3 printed, 0 unchanged\n$/);
    expect(run.status).toBe(0);
    const text = pdfText(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'));
    expect(text).toContain('Confidential: Jordan Lee');
    expect(text).toMatch(/As of November 26, 2026 \| sheet 1\/\d+/);
    expect(text).not.toContain('Page 1 of');
  }, 120_000);
});
