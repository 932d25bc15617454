import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/theme/index.js';
import { pageOfParts, printJob } from '../../src/stages/print.js';
import { builtin, modelOf } from '../theme/render.js';
import { everyCase } from '../theme/fixtures.js';

const settings = { paper: 'A4', margin: { top: '18mm', right: '14mm', bottom: '18mm', left: '16mm' } };

describe('pageOfParts', () => {
  it('turns the first {page} and {total} into the places of the numbers, in either order', () => {
    expect(pageOfParts('Page {page} of {total}')).toEqual([{ text: 'Page ' }, { page: true }, { text: ' of ' }, { total: true }]);
    expect(pageOfParts('{total}/{page}')).toEqual([{ total: true }, { text: '/' }, { page: true }]);
    expect(pageOfParts('{page} {page}')).toEqual([{ page: true }, { text: ' ' }, { text: '{page}' }]);
  });
});

describe('printJob', async () => {
  const theme = await createTheme({ builtin });
  const plan = { ...modelOf(everyCase), title: 'Plan <A> & "B"' };

  it('renders the header and footer from the theme, escaped, with Chromium’s number spans and the margins', () => {
    const { job } = printJob(plan, '<html></html>', { theme, settings, generator: 'careerplan test' });
    expect(job.headerTemplate).toContain('<span>Plan &lt;A&gt; &amp; &quot;B&quot;</span><span>Alex Example</span>');
    expect(job.headerTemplate).toContain('padding: 0 14mm 0 16mm;');
    expect(job.footerTemplate).toContain('<span>As of November 26, 2026</span>');
    expect(job.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(job.footerTemplate).toContain('<span class="totalPages"></span>');
    expect(job).toMatchObject({ name: 'plans/plan.md', slug: 'plan', html: '<html></html>' });
  });

  it('gives a plan’s PDF its title as subject and a review its own title and footer', () => {
    const site = printJob(plan, '', { theme, settings, generator: 'careerplan test' });
    expect(site.metadata).toEqual({ title: plan.title, author: 'Alex Example', subject: plan.title, lang: plan.lang, creator: 'careerplan test' });
    const review = printJob(plan, '', { theme, settings, generator: 'careerplan test', kind: 'review' });
    expect(review.metadata.subject).not.toBe(plan.title);
    expect(review.metadata.title).toContain(plan.title);
    expect(review.job.footerTemplate).not.toBe(site.job.footerTemplate);
  });
});
