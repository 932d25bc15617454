import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTheme } from '../../src/theme/theme.js';
import { builtin } from './render.js';

const css = readFileSync(path.join(builtin, 'assets', 'style.css'), 'utf8');

describe('the theme’s assets', () => {
  test('are the stylesheet and the Inter files it loads, all on disk', async () => {
    const theme = await createTheme({ builtin });
    const targets = theme.assets.map((asset) => asset.target).sort();
    expect(targets).toEqual([
      'fonts/inter-latin-400-normal.woff2',
      'fonts/inter-latin-600-normal.woff2',
      'fonts/inter-latin-700-normal.woff2',
      'fonts/inter-latin-ext-400-normal.woff2',
      'fonts/inter-latin-ext-600-normal.woff2',
      'fonts/inter-latin-ext-700-normal.woff2',
      'style.css',
    ]);
    for (const asset of theme.assets) expect(existsSync(asset.source), asset.source).toBe(true);
    const loaded = [...css.matchAll(/url\('([^']+)'\)/g)].map((match) => match[1]);
    expect(new Set(loaded)).toEqual(new Set(targets.filter((target) => target.startsWith('fonts/'))));
  });

  test('the stylesheet needs no network', () => {
    expect(css).not.toMatch(/https?:|@import|\/\//);
  });

  test('the stylesheet prints: cards and rows stay whole, headings stay with what follows, colours print, no navigation', () => {
    const print = css.slice(css.indexOf('@media print'));
    // Page size, margins and page numbers belong to the printer's settings and its header and footer (see tests/e2e/pdf.test.ts):
    // an @page margin or page-number box here would override them.
    expect(css).not.toMatch(/@page\s*\{[^}]*(margin|size|@bottom|@top)/);
    expect(print).toMatch(/\.card[^{]*\{\s*break-inside: avoid/);
    expect(print).toMatch(/\.table tr[^{]*\{\s*break-inside: avoid/);
    expect(print).toMatch(/h2[^{]*\{ break-after: avoid/);
    expect(print).toContain('print-color-adjust: exact');
    expect(print).toMatch(/\.skip-link, \.site-nav[^{]*\{ display: none/);
  });
});
