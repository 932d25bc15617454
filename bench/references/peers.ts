/**
 * The peers of `npm run bench -- --peers`: Eleventy 3 and md-to-pdf 5,
 * installed with npm into a temporary folder (never the project's
 * dependencies) and run as child processes on the bench's own plans.
 *
 * - Eleventy: its default Markdown (markdown-it) and the Handlebars plugin
 *   with the one layout of `layout.ts`, every plan to `<plan>/index.html`.
 *   Liquid pre-processing of Markdown is off: careerplan runs no template
 *   language over plan bodies, so the reference does not either (on; it
 *   costs Eleventy about 8% more).
 * - md-to-pdf: the plans' bodies (frontmatter removed: md-to-pdf would read
 *   it as its own config), one CLI call per batch of 20 files, one batch
 *   after another, with careerplan's browser and flags.
 *
 * Touches the disk, runs npm (network) and child processes, and browsers.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runNode, type ChildRun } from '../child.js';
import type { GeneratedPlan } from '../generate.js';
import { checkPdfBytes } from '../pdf.js';
import { checkPages, planSlugs } from './check-pages.js';
import { layoutSource } from './layout.js';

/**
 * What `--peers` installs. puppeteer 24 is named because md-to-pdf asks for
 * any puppeteer from 8 up, and the newest (25) needs Node 22.
 */
export const peerPackages = ['@11ty/eleventy@3', '@11ty/eleventy-plugin-handlebars@1', 'md-to-pdf@5', 'puppeteer@24'] as const;

/** Files md-to-pdf converts per CLI call: one call with a hundred opens a tab per file and most time out. */
export const mdToPdfBatch = 20;

/** The installed peers. */
export interface Peers {
  readonly folder: string;
  /** Installed versions, by package name. */
  readonly versions: Readonly<Record<string, string>>;
  readonly installSeconds: number;
}

/** Installs the peers into `folder` with `npm install --prefix`; no install scripts run (no browser download). */
export async function installPeers(folder: string): Promise<Peers> {
  await mkdir(folder, { recursive: true });
  const started = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await promisify(execFile)(npm, ['install', '--prefix', folder, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...peerPackages], {
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`peers: npm install --prefix ${folder} ${peerPackages.join(' ')} failed: ${stderr.trim().slice(-800)}`, { cause: error });
  }
  const versions: Record<string, string> = {};
  for (const name of ['@11ty/eleventy', '@11ty/eleventy-plugin-handlebars', 'handlebars', 'markdown-it', 'md-to-pdf', 'puppeteer', 'marked']) {
    try {
      const manifest = JSON.parse(await readFile(path.join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
      if (manifest.version) versions[name] = manifest.version;
    } catch {
      // Not installed at the top level: left out of the report.
    }
  }
  return { folder, versions, installSeconds: (performance.now() - started) / 1000 };
}

/** An Eleventy project over a plans folder: its config, its working folder and where it writes the site. */
export interface EleventySite {
  readonly config: string;
  readonly cwd: string;
  readonly output: string;
  readonly plansFolder: string;
}

/** Writes the layout and an Eleventy config that builds `plansFolder` into `<work>/_site`. Writes the disk. */
export async function prepareEleventy(peers: Peers, plansFolder: string, work: string): Promise<EleventySite> {
  const includes = path.join(work, '_includes');
  await mkdir(includes, { recursive: true });
  await writeFile(path.join(includes, 'plan.hbs'), layoutSource);
  const plugin = pathToFileURL(path.join(peers.folder, 'node_modules/@11ty/eleventy-plugin-handlebars/handlebarsConfig.js')).href;
  const output = path.join(work, '_site');
  const dir = { input: plansFolder, includes: path.relative(plansFolder, includes), output };
  const config = path.join(work, 'eleventy.config.mjs');
  await writeFile(
    config,
    [
      `import handlebarsPlugin from ${JSON.stringify(plugin)};`,
      'export default function (eleventyConfig) {',
      '  eleventyConfig.addPlugin(handlebarsPlugin);',
      "  eleventyConfig.addGlobalData('layout', 'plan.hbs');",
      '}',
      `export const config = { dir: ${JSON.stringify(dir)}, markdownTemplateEngine: false };`,
      '',
    ].join('\n'),
  );
  return { config, cwd: work, output, plansFolder };
}

/** Builds the site with Eleventy from an empty output folder; throws unless it wrote every page whole. */
export async function runEleventy(peers: Peers, site: EleventySite, usageFile: string): Promise<ChildRun> {
  await rm(site.output, { recursive: true, force: true });
  const cli = path.join(peers.folder, 'node_modules/@11ty/eleventy/cmd.cjs');
  const run = await runNode(cli, [`--config=${site.config}`, '--quiet'], usageFile, { cwd: site.cwd });
  if (run.exitCode !== 0) throw new Error(`Eleventy exited ${run.exitCode}: ${firstError(`${run.stderr}\n${run.stdout}`)}`);
  await checkPages(site.output, await planSlugs(site.plansFolder), 'Eleventy');
  return run;
}

/** A folder of plan bodies for md-to-pdf, with the images they link to. */
export interface MdToPdfInput {
  readonly folder: string;
  readonly files: readonly string[];
}

/** Writes each plan's body (the frontmatter removed) into `folder`, and copies the plans' images. Writes the disk. */
export async function prepareMdToPdf(plans: readonly GeneratedPlan[], plansFolder: string, folder: string): Promise<MdToPdfInput> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await cp(path.join(plansFolder, 'images'), path.join(folder, 'images'), { recursive: true });
  const files: string[] = [];
  for (const plan of plans) {
    const end = plan.text.indexOf('\n---\n', 3);
    await writeFile(path.join(folder, plan.name), end === -1 ? plan.text : plan.text.slice(end + '\n---\n'.length));
    files.push(plan.name);
  }
  return { folder, files };
}

/** What one md-to-pdf run did: its wall time over every batch, and each batch's child run. */
export interface MdToPdfRun {
  readonly wallMs: number;
  readonly batches: readonly ChildRun[];
}

/** Converts every file, `mdToPdfBatch` per CLI call, one call after another; throws unless each file got a whole PDF. */
export async function runMdToPdf(peers: Peers, input: MdToPdfInput, browser: { readonly path: string; readonly args: readonly string[] }, usageFile: string): Promise<MdToPdfRun> {
  const pdfOf = (file: string): string => path.join(input.folder, file.replace(/\.md$/, '.pdf'));
  await Promise.all(input.files.map((file) => rm(pdfOf(file), { force: true })));
  const cli = path.join(peers.folder, 'node_modules/md-to-pdf/dist/cli.js');
  const launch = JSON.stringify({ executablePath: browser.path, args: browser.args });
  const batches: ChildRun[] = [];
  const started = performance.now();
  for (let start = 0; start < input.files.length; start += mdToPdfBatch) {
    const files = input.files.slice(start, start + mdToPdfBatch);
    const run = await runNode(cli, ['--launch-options', launch, ...files], usageFile, { cwd: input.folder, env: { PUPPETEER_EXECUTABLE_PATH: browser.path } });
    if (run.exitCode !== 0) throw new Error(`md-to-pdf exited ${run.exitCode} on files ${start + 1}–${start + files.length} (${files.length} at once): ${firstError(`${run.stderr}\n${run.stdout}`)}`);
    batches.push(run);
  }
  const wallMs = performance.now() - started;
  for (const file of input.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(pdfOf(file));
    } catch (error) {
      throw new Error(`md-to-pdf wrote no PDF for ${file}`, { cause: error });
    }
    // Body only, default styles: smaller than careerplan's PDFs, but never under a couple of KB when whole.
    checkPdfBytes(bytes, `md-to-pdf's PDF of ${file}`, 2 * 1024);
  }
  return { wallMs, batches };
}

/**
 * The line of a child's output that says what went wrong: a timeout first
 * (`TimeoutError: Navigation timeout of 30000 ms exceeded`), else an error
 * other than listr's wrapper, else the output's last 500 characters.
 */
export function firstError(output: string): string {
  const lines = output.split('\n').filter((line) => !/^\s*at /.test(line));
  const line = lines.find((candidate) => /timeout|timed out/i.test(candidate)) ?? lines.find((candidate) => /\w+(Error|Exception)\b:/.test(candidate) && !/ListrError/.test(candidate));
  return (line ?? output.slice(-500)).trim();
}
