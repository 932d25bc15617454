import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTheme } from '../../src/theme/theme.js';
import { builtin } from './render.js';

const css = readFileSync(path.join(builtin, 'assets', 'style.css'), 'utf8');
const script = readFileSync(path.join(builtin, 'assets', 'index-lists.js'), 'utf8');

describe('the theme’s assets', () => {
  test('are the stylesheet, the index’s script and the Inter files the stylesheet loads, all on disk', async () => {
    const theme = await createTheme({ builtin });
    const targets = theme.assets.map((asset) => asset.target).sort();
    expect(targets).toEqual([
      'fonts/inter-latin-400-normal.woff2',
      'fonts/inter-latin-600-normal.woff2',
      'fonts/inter-latin-700-normal.woff2',
      'fonts/inter-latin-ext-400-normal.woff2',
      'fonts/inter-latin-ext-600-normal.woff2',
      'fonts/inter-latin-ext-700-normal.woff2',
      'index-lists.js',
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

  test('the index’s script is a classic script that requests nothing, so it runs opened from disk', () => {
    // A module script does not load from file://, and neither does anything fetched.
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).not.toMatch(/\bfetch\(|XMLHttpRequest|import\(|EventSource|WebSocket|https?:/);
    // It builds its DOM with textContent only, as search messages quote what was typed.
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(() => new Function(script)).not.toThrow();
  });

  test('the stylesheet hides the rows of a paged list that are not on its page, and until the script has run only those of a first page', () => {
    expect(css).toContain('[hidden] { display: none !important; }');
    expect(css).toContain('tbody.is-paged > tr:not(.is-shown) { display: none; }');
    expect(css).toMatch(/@media \(scripting: enabled\) \{\s*html:not\(\.lists-ready\) script\[data-lists\] ~ \.section tbody > tr:nth-child\(n\+26\) \{ display: none; \}/);
    for (const name of ['is-paged', 'is-shown', 'lists-ready']) expect(script).toContain(`'${name}'`);
  });
});
