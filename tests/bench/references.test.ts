import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlans, type GeneratedPlan } from '../../bench/generate.js';
import { checkPages, planSlugs } from '../../bench/references/check-pages.js';
import { layoutMarker } from '../../bench/references/layout.js';
import { firstError, prepareEleventy, prepareMdToPdf } from '../../bench/references/peers.js';
import { buildWithUnified } from '../../bench/references/unified.js';

describe('the bench references', () => {
  let folder: string;
  let plans: GeneratedPlan[];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'careerplan-references-'));
    plans = await writePlans(path.join(folder, 'plans'), 3, 7);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('the straightforward pipeline writes one whole page per plan, through the layout', async () => {
    const out = path.join(folder, 'unified');
    const result = await buildWithUnified(path.join(folder, 'plans'), out);
    expect(result.pages).toBe(3);
    const slugs = await planSlugs(path.join(folder, 'plans'));
    expect(slugs).toEqual(plans.map((plan) => plan.name.replace(/\.md$/, '')));
    await checkPages(out, slugs, 'unified');
    const html = await readFile(path.join(out, slugs[0] ?? '', 'index.html'), 'utf8');
    const title = /^title: (.*)$/m.exec(plans[0]?.text ?? '')?.[1] ?? '';
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(layoutMarker);
    // The body, rendered from Markdown with GFM: a table and task list items.
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input type="checkbox"[^>]*disabled/);
  });

  it('a missing or cut-short page fails the check', async () => {
    const out = path.join(folder, 'unified');
    const slugs = await planSlugs(path.join(folder, 'plans'));
    await writeFile(path.join(out, slugs[1] ?? '', 'index.html'), `<!doctype html><main ${layoutMarker}>`);
    await expect(checkPages(out, slugs, 'unified')).rejects.toThrow(/^unified: 1 of 3 pages missing or cut short, such as .*index\.html$/);
    await expect(checkPages(out, [...slugs, 'no-such-plan'], 'unified')).rejects.toThrow('2 of 4 pages');
  });

  it('md-to-pdf gets the plans’ bodies without their frontmatter, and their images', async () => {
    const input = await prepareMdToPdf(plans, path.join(folder, 'plans'), path.join(folder, 'md-to-pdf'));
    expect(input.files).toEqual(plans.map((plan) => plan.name));
    for (const [index, file] of input.files.entries()) {
      const body = await readFile(path.join(input.folder, file), 'utf8');
      expect(body.startsWith('---')).toBe(false);
      expect(body).not.toMatch(/^owner: /m);
      expect(plans[index]?.text.endsWith(body)).toBe(true);
    }
    expect((await readdir(path.join(input.folder, 'images'))).length).toBeGreaterThan(0);
  });

  it('a peer that fails is reported by the line that says why', () => {
    const listr = [
      '[ListrError: Something went wrong] {',
      '  errors: [',
      '    TimeoutError: Navigation timeout of 30000 ms exceeded',
      '        at new Deferred (/tmp/peers/node_modules/puppeteer-core/lib/cjs/puppeteer/util/Deferred.js:60:34)',
      '  ]',
      '}',
    ].join('\n');
    expect(firstError(listr)).toBe('TimeoutError: Navigation timeout of 30000 ms exceeded');
    expect(firstError('[11ty] Problem writing Eleventy templates:\nTemplateContentRenderError: a layout that does not exist\n    at x (y.js:1:1)')).toBe('TemplateContentRenderError: a layout that does not exist');
    expect(firstError('nothing useful here')).toBe('nothing useful here');
  });

  it('Eleventy is configured with the Handlebars plugin, the layout, and no Liquid over Markdown', async () => {
    const peersFolder = path.join(folder, 'peers');
    const site = await prepareEleventy({ folder: peersFolder, versions: {}, installSeconds: 0 }, path.join(folder, 'plans'), path.join(folder, 'eleventy'));
    const config = await readFile(site.config, 'utf8');
    expect(config).toContain('eleventy-plugin-handlebars/handlebarsConfig.js');
    expect(config).toContain("addGlobalData('layout', 'plan.hbs')");
    expect(config).toContain('markdownTemplateEngine: false');
    const dir = JSON.parse(/dir: (\{.*?\}),/.exec(config)?.[1] ?? '{}') as { input: string; includes: string; output: string };
    expect(path.resolve(dir.input, dir.includes)).toBe(path.join(folder, 'eleventy', '_includes'));
    expect(await readFile(path.join(folder, 'eleventy', '_includes', 'plan.hbs'), 'utf8')).toContain(layoutMarker);
    expect(site.output).toBe(path.join(folder, 'eleventy', '_site'));
  });
});
