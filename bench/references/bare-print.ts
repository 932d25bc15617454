/**
 * `node bare-print.js <site> <concurrency> <pdfs> <browser> [flag…]`: the
 * bare Puppeteer script careerplan's printing is measured against, in a
 * process of its own so its wall time counts what a user's own script would:
 * Node's start, loading puppeteer-core, launching Chromium (`browser` with
 * the flags given: the bench passes careerplan's), `concurrency` tabs, each opening a page of the built site
 * with `page.goto(file://…)` (its stylesheet, fonts and images load from
 * the disk), `page.pdf({ format: 'A4', printBackground: true })`, the PDF
 * written, the browser closed. Prints every `<site>/<folder>/index.html`
 * (the plans' pages of careerplan's site or of Eleventy's) to
 * `<pdfs>/<folder>.pdf`. Starts a browser, reads and writes the disk.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

/** The plan pages of a built site: `<folder>/index.html` for each folder but the theme's assets. Reads the disk. */
async function sitePages(site: string): Promise<Array<{ readonly name: string; readonly page: string }>> {
  const entries = await readdir(site, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory() && entry.name !== 'assets').map((entry) => entry.name).sort();
  const pages: Array<{ name: string; page: string }> = [];
  for (const name of folders) {
    if ((await readdir(path.join(site, name))).includes('index.html')) pages.push({ name, page: path.join(site, name, 'index.html') });
  }
  return pages;
}

async function printSite(site: string, concurrency: number, pdfs: string, executablePath: string, args: readonly string[]): Promise<number> {
  const pages = await sitePages(site);
  await mkdir(pdfs, { recursive: true });
  const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: [...args] });
  try {
    let next = 0;
    const tab = async (): Promise<void> => {
      const page = await browser.newPage();
      while (next < pages.length) {
        const { name, page: file } = pages[next++] as (typeof pages)[number];
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await writeFile(path.join(pdfs, `${name}.pdf`), await page.pdf({ format: 'A4', printBackground: true }));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pages.length)) }, tab));
  } finally {
    await browser.close();
  }
  return pages.length;
}

const [site, concurrency, pdfs, browser, ...flags] = process.argv.slice(2);
if (!site || !concurrency || !pdfs || !browser) {
  process.stderr.write('usage: bare-print.js <site> <concurrency> <pdfs> <browser> [flag…]\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${await printSite(site, Number(concurrency), pdfs, browser, flags)}\n`);
}
