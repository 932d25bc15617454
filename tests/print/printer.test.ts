import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { findBrowser, launchArgs } from '../../src/edges/browser.js';
import { createPrinter, printOrigin, withBase, type Printer, type PrintJob } from '../../src/print/printer.js';
import { appendMetadata } from '../../src/print/metadata.js';

describe('withBase', () => {
  const base = `${printOrigin}/plan/`;
  test('goes first in the head, before any <base> of the page', () => {
    expect(withBase('<!doctype html><html><head lang="en"><base href="https://elsewhere/"><title>x</title></head></html>', base)).toBe(
      `<!doctype html><html><head lang="en"><base href="${base}"><base href="https://elsewhere/"><title>x</title></head></html>`,
    );
  });
  test('a page without a head gets it after the doctype (no quirks mode), or first of all', () => {
    expect(withBase('<!DOCTYPE html><p>x</p>', base)).toBe(`<!DOCTYPE html><base href="${base}"><p>x</p>`);
    expect(withBase('<p>x</p>', base)).toBe(`<base href="${base}"><p>x</p>`);
  });
  test('<header> is not a head', () => {
    expect(withBase('<header>x</header>', base)).toBe(`<base href="${base}"><header>x</header>`);
  });
});

const browser = findBrowser({ env: process.env });
const text = (pdf: Uint8Array): string => {
  const file = path.join(os.tmpdir(), `careerplan-printer-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(file, { force: true });
  }
};

describe.skipIf(!browser)('a printer with real Chromium', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'careerplan-printer-'));
  let printer: Printer;
  let server: Server;
  let hits: string[];
  let remote: string;

  const job = (slug: string, body: string, more: Partial<PrintJob> = {}): PrintJob => ({
    name: `plans/${slug}.md`,
    slug,
    html: `<!doctype html><html lang="de-DE"><head><meta charset="utf-8"><title>Plan of ${slug}</title><link rel="stylesheet" href="../assets/style.css"></head><body>${body}</body></html>`,
    // The running header and footer as the print stage makes them from the theme (stages/print.ts).
    headerTemplate: `<div style="font-size: 8.5pt; width: 100%; display: flex; justify-content: space-between;"><span>Plan of ${slug}</span><span>Jürgen Müller</span></div>`,
    footerTemplate: '<div style="font-size: 8.5pt; width: 100%; display: flex; justify-content: space-between;"><span>Stand: 26. November 2026</span><span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>',
    ...more,
  });

  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    mkdirSync(path.join(out, 'assets/fonts'), { recursive: true });
    copyFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2'), path.join(out, 'assets/fonts/inter-latin-400-normal.woff2'));
    writeFileSync(
      path.join(out, 'assets/style.css'),
      "@font-face { font-family: 'Inter'; font-weight: 400; src: url('fonts/inter-latin-400-normal.woff2') format('woff2'); }\nbody { font-family: 'Inter', sans-serif; }\n.styled { color: rgb(1, 2, 3); }\n",
    );
    for (const slug of ['ada', 'bob']) {
      mkdirSync(path.join(out, slug, 'media'), { recursive: true });
      writeFileSync(path.join(out, slug, 'media/note.html'), `<p>FRAME-OF-${slug.toUpperCase()}</p>`);
    }
    hits = [];
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('<p>SERVED-BY-TEST-SERVER</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remote = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const puppeteer = (await import('puppeteer-core')).default;
    printer = createPrinter({
      launch: () => puppeteer.launch({ executablePath: browser?.path ?? '', headless: true, args: launchArgs(), handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }),
      out,
      settings: { paper: 'A4', margin: '15mm' },
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    await printer?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(out, { recursive: true, force: true });
  });

  test('prints the page with its web font, its own files, the running header and footer, and internal links', async () => {
    const printed = await printer.print(
      job('ada', '<h1 id="top">Ada’s plan</h1><p class="styled">Größere Ziele</p><iframe src="media/note.html"></iframe><p><a href="#top">back to the top</a></p>'),
    );
    expect(printed.blocked).toEqual([]);
    const pdf = Buffer.from(printed.pdf);
    expect(pdf.includes('+Inter-Regular')).toBe(true);
    const words = text(printed.pdf);
    expect(words).toContain('Ada’s plan');
    expect(words).toContain('Größere Ziele');
    expect(words).toContain('FRAME-OF-ADA');
    expect(words).toContain('Seite 1 von 1');
    expect(words).toContain('Stand: 26. November 2026');
    // The `#top` link stays inside the document; no link leads to the made-up origin.
    expect(pdf.includes('/Dest')).toBe(true);
    expect(pdf.includes('careerplan.invalid')).toBe(false);
  });

  test('runs no script, loads nothing from outside the build or from another plan, and names every request it blocked', async () => {
    const printed = await printer.print(
      job(
        'bob',
        [
          '<p id="words">STATIC-TEXT</p>',
          '<script>document.getElementById("words").textContent = "SCRIPT-RAN"</script>',
          '<iframe src="../ada/media/note.html"></iframe>',
          `<iframe src="${remote}/frame"></iframe>`,
          `<img src="${remote}/image.png">`,
          `<link rel="stylesheet" href="${remote}/style.css">`,
          '<img src="../../secret.png">',
          '<iframe src="index.html"></iframe>',
          `<meta http-equiv="refresh" content="0;url=${remote}/refresh">`,
        ].join(''),
      ),
    );
    const words = text(printed.pdf);
    expect(words).toContain('STATIC-TEXT');
    expect(words).not.toContain('SCRIPT-RAN');
    expect(words).not.toContain('FRAME-OF-ADA');
    expect(words).not.toContain('SERVED-BY-TEST-SERVER');
    expect(hits).toEqual([]);
    expect(printed.blocked).toEqual(
      expect.arrayContaining([
        `${printOrigin}/ada/media/note.html`,
        `${remote}/frame`,
        `${remote}/image.png`,
        `${remote}/style.css`,
        `${printOrigin}/secret.png`,
        `${printOrigin}/bob/index.html`,
        expect.stringMatching(/^a meta refresh/),
      ]),
    );
  });

  test('one tab prints plan after plan: nothing of one plan ends up in the next', async () => {
    for (const slug of ['ada', 'bob', 'ada']) {
      const printed = await printer.print(job(slug, `<p>BODY-OF-${slug.toUpperCase()}</p><iframe src="media/note.html"></iframe>`));
      const words = text(printed.pdf);
      expect(words).toContain(`BODY-OF-${slug.toUpperCase()}`);
      expect(words).toContain(`FRAME-OF-${slug.toUpperCase()}`);
      expect(words).not.toContain(slug === 'ada' ? 'OF-BOB' : 'OF-ADA');
      expect(printed.blocked).toEqual([]);
    }
  });

  test("Chromium's PDF takes the fast path of the metadata: an update appended, nothing rewritten", async () => {
    const printed = await printer.print(job('ada', '<h1>Heading</h1><h2>Sub</h2><p>x</p>'));
    const updated = appendMetadata(printed.pdf, { title: 'Plan „A“', author: 'Jürgen Müller', subject: 'Plan', lang: 'de-DE', creator: 'careerplan test' });
    expect(updated).toBeDefined();
    const file = path.join(out, 'ada/ada.pdf');
    writeFileSync(file, updated as Uint8Array);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Plan „A“$/m);
    expect(info).toMatch(/^Author:\s+Jürgen Müller$/m);
    expect(info).toMatch(/^Creator:\s+careerplan test$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    // The page's <html lang> is in Chromium's catalog, which is then kept as it is.
    expect(Buffer.from((updated as Uint8Array).subarray(printed.pdf.length)).toString('latin1')).not.toContain('/Catalog');
  });
});

describe.skipIf(!browser)('a printer warmed ahead of its first job, with real Chromium', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'careerplan-printer-warm-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** A printer over real Chromium that counts its launches and the tabs it opens, and tells each time it starts a page's PDF. */
  const counted = (launchFails = false) => {
    const seen = { launches: 0, tabs: 0, whilePrinting: 0, browsers: [] as Browser[] };
    const printer = createPrinter({
      launch: async () => {
        seen.launches += 1;
        if (launchFails) throw new Error('no such browser');
        const puppeteer = (await import('puppeteer-core')).default;
        const started = await puppeteer.launch({ executablePath: browser?.path ?? '', headless: true, args: launchArgs(), handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
        seen.browsers.push(started);
        const newPage = started.newPage.bind(started);
        started.newPage = async (...args: Parameters<Browser['newPage']>) => {
          seen.tabs += 1;
          return newPage(...args);
        };
        return started;
      },
      out,
      settings: { paper: 'A4', margin: '15mm' },
      timeout: 30_000,
      whilePrinting: () => {
        seen.whilePrinting += 1;
      },
    });
    return { printer, seen };
  };
  const job = (slug: string): PrintJob => ({ name: `plans/${slug}.md`, slug, html: `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><p>BODY-OF-${slug.toUpperCase()}</p></body></html>`, headerTemplate: '<span></span>', footerTemplate: '<span></span>' });

  test('starts the browser and its tab before the first job, which prints in that tab: one launch, one tab for plan after plan', async () => {
    const { printer, seen } = counted();
    try {
      printer.warm();
      printer.warm();
      expect(seen.launches).toBe(1);
      await expect.poll(() => seen.tabs, { timeout: 20_000 }).toBe(1);
      for (const slug of ['ada', 'bob']) expect(text((await printer.print(job(slug))).pdf)).toContain(`BODY-OF-${slug.toUpperCase()}`);
      expect(seen).toMatchObject({ launches: 1, tabs: 1, whilePrinting: 2 });
    } finally {
      await printer.close();
    }
    expect(seen.browsers.every((started) => !started.connected)).toBe(true);
  });

  test('a warmed printer closed before any job ends its browser', async () => {
    const { printer, seen } = counted();
    printer.warm();
    await expect.poll(() => seen.tabs, { timeout: 20_000 }).toBe(1);
    await printer.close();
    expect(seen.browsers.map((started) => started.connected)).toEqual([false]);
    await expect(printer.print(job('ada'))).rejects.toThrow(/closed/);
  });

  test('a browser that will not start is reported by the job that needed it, not by the warm-up', async () => {
    const { printer } = counted(true);
    try {
      printer.warm();
      await new Promise((resolve) => setTimeout(resolve, 10));
      await expect(printer.print(job('ada'))).rejects.toThrow(/no such browser/);
    } finally {
      await printer.close();
    }
  });
});
