import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import type { OverlayProblem } from '../../src/diagnostics/reporters/overlay.js';
import { clientPath } from '../../src/preview/inject.js';
import { printViewPage } from '../../src/preview/print-view.js';

const problem: OverlayProblem = { file: 'plans/jordan-lee.md', line: 2, column: 1, severity: 'warning', ruleId: 'overdue', message: 'Goal `x` is overdue' };
const options = { slug: 'jordan-lee', title: 'Jordan <b>&"', lang: 'de', pdfReady: true, state: { problems: [problem], printView: '/__careerplan/print/jordan-lee/' } };

describe('printViewPage', () => {
  test('the PDF fills the page under a header with the title and a link back to the plan', () => {
    const html = printViewPage(options);
    const tree = fromHtml(html);
    const pdf = select('main > iframe#careerplan-pdf', tree);
    expect(pdf?.properties).toMatchObject({ dataSlug: 'jordan-lee', src: '/jordan-lee/jordan-lee.pdf', title: 'PDF of Jordan <b>&"' });
    expect(toString(select('header h1', tree)!)).toBe('Jordan <b>&"');
    expect(toString(select('title', tree)!)).toBe('Print view: Jordan <b>&"');
    expect(select('header a[href="/jordan-lee/"]', tree)).toBeDefined();
    expect(toString(select('header', tree)!)).toContain('by itself');
    expect(select('html', tree)?.properties.lang).toBe('de');
    expect(select('b', tree)).toBeUndefined();
    expect(select('#careerplan-pdf-pending', tree)).toBeUndefined();
  });

  test('the state and the client script, as on every preview page; no link to the print view itself', () => {
    const tree = fromHtml(printViewPage(options));
    expect(JSON.parse(toString(select('head > script#careerplan-preview', tree)!))).toEqual({ problems: [problem] });
    expect(select(`head > script[src="${clientPath}"][defer]`, tree)).toBeDefined();
    expect(selectAll('script', tree)).toHaveLength(2);
  });

  test('the slug is encoded in URLs and escaped in attributes', () => {
    const tree = fromHtml(printViewPage({ ...options, slug: 'a b/"c"<&' }));
    expect(select('iframe', tree)?.properties).toMatchObject({ dataSlug: 'a b/"c"<&', src: '/a%20b%2F%22c%22%3C%26/a%20b%2F%22c%22%3C%26.pdf' });
    expect(select('header a', tree)?.properties.href).toBe('/a%20b%2F%22c%22%3C%26/');
  });

  test('before the PDF is printed: a note, marked with the slug, instead of the PDF', () => {
    const tree = fromHtml(printViewPage({ ...options, pdfReady: false }));
    const pending = select('main > p#careerplan-pdf-pending', tree);
    expect(pending?.properties.dataSlug).toBe('jordan-lee');
    expect(toString(pending!)).toBe('The PDF is being printed; this page shows it when it is ready.');
    expect(select('iframe', tree)).toBeUndefined();
    expect(select('header a[href="/jordan-lee/"]', tree)).toBeDefined();
  });
});
