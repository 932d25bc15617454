import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string): string {
  const folder = path.join(scratch, name);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  return folder;
}

/** The PDF's text, as poppler's pdftotext reads it: an independent parser. */
const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file: string): Record<string, string> =>
  Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );

describe('PDFs of the example plans', () => {
  let folder: string;
  beforeAll(async () => {
    folder = project('examples');
    const run = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.stderr).toMatch(/3 of 3 plans built into out; PDFs: 3 printed, 0 unchanged\n$/);
    expect(run.status).toBe(0);
  }, 120_000);

  test('every goal and step is in the PDF, with the running header and footer', async () => {
    const text = pdfText(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'));
    for (const words of [
      'Earn a promotion to Senior Analyst',
      'Complete the advanced SQL course',
      'Present the quarterly report to the operations team',
      'Ask my manager what the promotion panel looks for',
      'Become a confident presenter',
      'Join Toastmasters and give the icebreaker speech',
      'Finish the data engineering certificate',
      'Choose a programme the company will pay for',
      'Mentor a new analyst',
      'Pair with the new analyst twice a week',
    ]) {
      expect(text.replace(/\s+/g, ' '), words).toContain(words);
    }
    const info = pdfInfo(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'));
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(12);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('As of November 26, 2026');
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Title).toBe('Career Action Plan 2027–2031');
    expect(info.Author).toBe('Jordan Lee');
    expect(info.Tagged).toBe('yes');
    // Bookmarks from the headings: the document catalog has an outline.
    expect(readFileSync(path.join(folder, 'out/jordan-lee/jordan-lee.pdf')).includes('/Outlines')).toBe(true);
  });

  test('the German plan prints German, umlauts and typographic quotes included', async () => {
    const text = pdfText(path.join(folder, 'out/lena-schmidt/lena-schmidt.pdf'));
    expect(text).toMatch(/Seite 1 von \d+/);
    expect(text).toContain('Stand: 26. November 2026');
    expect(text).toContain('„Förderanlage Halle 3“');
    expect(pdfInfo(path.join(folder, 'out/lena-schmidt/lena-schmidt.pdf')).Author).toBe('Lena Schmidt');
  });

  test('the fonts are embedded: Inter, as in the HTML', async () => {
    const fonts = execFileSync('pdffonts', [path.join(folder, 'out/jordan-lee/jordan-lee.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/Inter-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);
  });

  test('the page and the index link each PDF', async () => {
    expect(readFileSync(path.join(folder, 'out/jordan-lee/index.html'), 'utf8')).toContain('href="jordan-lee.pdf"');
    expect(readFileSync(path.join(folder, 'out/index.html'), 'utf8')).toContain('href="jordan-lee/jordan-lee.pdf"');
  });

  test('incremental: nothing reprinted when nothing changed; only an edited plan; everything with --force', async () => {
    const pdf = path.join(folder, 'out/sam-okafor/sam-okafor.pdf');
    const before = statSync(pdf).mtimeMs;
    const again = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(again.stderr).toMatch(/PDFs: 0 printed, 3 unchanged\n$/);
    expect(statSync(pdf).mtimeMs).toBe(before);

    const plan = path.join(folder, 'plans/jordan-lee.md');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('Mentor a new analyst', 'Mentor two new analysts'));
    const edited = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(edited.stderr).toMatch(/PDFs: 1 printed, 2 unchanged\n$/);
    expect(pdfText(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'))).toContain('Mentor two new analysts');

    const forced = await careerplan(['build', '--as-of', '2026-11-26', '--force'], { cwd: folder });
    expect(forced.stderr).toMatch(/PDFs: 3 printed, 0 unchanged\n$/);
  }, 120_000);

  test('--paper Letter prints US Letter', async () => {
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--paper', 'letter', '--out', 'letter'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(pdfInfo(path.join(folder, 'letter/sam-okafor/sam-okafor.pdf'))['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  }, 120_000);
});

describe('a sandboxed page', () => {
  let server: Server;
  let hits: string[];
  let port: number;
  beforeAll(async () => {
    hits = [];
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('body { background: red } /* SERVED-BY-TEST-SERVER */');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a plan and a template reaching outside the build get nothing into the PDF and send no request', async () => {
    const folder = path.join(scratch, 'sandbox');
    mkdirSync(path.join(folder, 'plans'), { recursive: true });
    mkdirSync(path.join(folder, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(folder, 'secret.txt'), 'TOP-SECRET-CONTENT');
    writeFileSync(path.join(folder, 'careerplan.config.json'), JSON.stringify({ allowRawHtml: true, rules: { 'broken-link': 'off' } }));
    const remote = `http://127.0.0.1:${port}`;
    writeFileSync(
      path.join(folder, 'plans/eve.md'),
      [
        '---',
        'title: Sandbox',
        'owner: Eve',
        'goals:',
        '  - title: Reach out',
        '    measure: Nothing leaks',
        '    due: 2027-06',
        '    steps: [Try]',
        '---',
        `![remote](${remote}/image.png) ![local](../secret.txt) ![abs](file://${folder}/secret.txt)`,
        '',
        `<iframe src="file://${folder}/secret.txt"></iframe> <img src="${remote}/raw.png"> <object data="../secret.txt"></object>`,
        '',
      ].join('\n'),
    );
    // A user template is trusted more than a plan, but the printed page still loads nothing from outside.
    writeFileSync(
      path.join(folder, 'templates/partials/notes.hbs'),
      `<iframe src="file://${folder}/secret.txt"></iframe><iframe src="${remote}/frame"></iframe><link rel="stylesheet" href="${remote}/style.css"><style>@import url("${remote}/import.css");</style><meta http-equiv="refresh" content="0;url=${remote}/refresh"><img src="file://${folder}/secret.txt">`,
    );
    const run = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.stderr).toMatch(/PDFs: 1 printed/);
    expect(run.status).toBe(0);
    expect(hits).toEqual([]);
    const text = pdfText(path.join(folder, 'out/eve/eve.pdf'));
    expect(text).toContain('Reach out');
    expect(text).not.toContain('TOP-SECRET-CONTENT');
    expect(text).not.toContain('SERVED-BY-TEST-SERVER');
    expect(run.stderr).toMatch(/^plans\/eve\.md: warning: blocked a request for .*while printing/m);
  }, 120_000);
});

describe('when things go wrong', () => {
  test('without a browser the HTML site is still built, one line says how to get one, exit 2; --no-pdf builds and exits 0', async () => {
    const folder = project('no-browser');
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--browser', '/nonexistent/chromium'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'out/jordan-lee/index.html'))).toBe(true);
    expect(existsSync(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'))).toBe(false);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('3 of 3 plans built into out');
    expect(lines.at(-1)).toMatch(/^careerplan: .*--browser.*\/nonexistent\/chromium/);
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--browser', '/nonexistent/chromium', '--no-pdf'], { cwd: folder })).status).toBe(0);
  });

  test('a plan that takes longer than pdf.timeout fails alone, named, and the build exits 1', async () => {
    const folder = project('timeout');
    writeFileSync(path.join(folder, 'careerplan.config.json'), JSON.stringify({ pdf: { timeout: 5 } }));
    const run = await careerplan(['build', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^plans\/jordan-lee\.md: could not print the PDF: took longer than 5 ms \(the config's `pdf.timeout`\)$/m);
    expect(run.stderr).toMatch(/PDFs: 0 printed, 0 unchanged, 3 failed\n$/);
    expect(existsSync(path.join(folder, 'out/jordan-lee/index.html'))).toBe(true);
  }, 120_000);

  test('a browser killed in the middle of a build is started again and every plan still prints', async () => {
    const folder = project('killed');
    // Enough plans that the browser dies while it is printing, not before or after.
    const plan = readFileSync(path.join(folder, 'plans/jordan-lee.md'), 'utf8');
    for (let i = 0; i < 12; i++) writeFileSync(path.join(folder, `plans/copy-${i}.md`), plan);
    const marker = path.join(folder, 'killed-once');
    const wrapper = path.join(folder, 'flaky-chromium.sh');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ ! -e '${marker}' ]; then\n  touch '${marker}'\n  /usr/bin/chromium "$@" &\n  child=$!\n  sleep 2\n  kill -9 $child\n  wait $child\n  exit 1\nfi\nexec /usr/bin/chromium "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--browser', wrapper, '--concurrency', '1'], { cwd: folder });
    expect(existsSync(marker)).toBe(true);
    expect(run.stderr).toMatch(/PDFs: 15 printed, 0 unchanged\n$/);
    expect(run.status).toBe(0);
    for (const slug of ['jordan-lee', 'lena-schmidt', 'sam-okafor', 'copy-11']) expect(pdfText(path.join(folder, `out/${slug}/${slug}.pdf`)).length).toBeGreaterThan(100);
  }, 120_000);

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s in the middle of printing: exit %i, no partial file, no browser left behind', async (signal, code) => {
    const folder = project(`interrupted-${signal}`);
    const text = readFileSync(path.join(folder, 'plans/jordan-lee.md'), 'utf8');
    for (let i = 0; i < 30; i++) writeFileSync(path.join(folder, `plans/copy-${i}.md`), text);
    const mark = `careerplan-test-${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [path.join(repo, 'bin/careerplan.js'), 'build', '--as-of', '2026-11-26', '--concurrency', '2'], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CAREERPLAN_TEST_MARK: mark },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('printed ')) resolve();
      });
    });
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toContain(`stopped by ${signal}`);
    const files = readdirSync(path.join(folder, 'out'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const name of files.filter((file) => file.endsWith('.pdf'))) expect(pdfInfo(path.join(folder, 'out', name)).Pages).toMatch(/^\d+$/);
    const left = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark);
      } catch {
        return false;
      }
    });
    expect(left).toEqual([]);
  }, 120_000);
});
