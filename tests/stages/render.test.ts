import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/theme/index.js';
import { leftOutSections, render } from '../../src/stages/render.js';
import { everyCase } from '../theme/fixtures.js';
import { builtin, modelOf } from '../theme/render.js';

describe('render', async () => {
  const theme = await createTheme({ builtin });
  const plan = modelOf(everyCase);

  it('links a site page’s calendar, and its PDF only when PDFs are printed', () => {
    const withPdf = render(plan, { theme, generator: 'careerplan test', site: { pdf: true } });
    expect(withPdf).toContain('href="plan.ics"');
    expect(withPdf).toContain('href="plan.pdf"');
    expect(render(plan, { theme, generator: 'careerplan test', site: { pdf: false } })).not.toContain('href="plan.pdf"');
  });

  it('links neither for a review page, and draws the timeline', () => {
    const html = render(plan, { theme, generator: 'careerplan test' });
    expect(html).not.toContain('plan.ics');
    expect(html).toContain('<svg');
  });
});

describe('leftOutSections', () => {
  it('is nothing without a view, and names the sections a view leaves out whole', () => {
    expect(leftOutSections(undefined)).toBeUndefined();
    expect(leftOutSections({ name: 'coach', omit: ['vision', 'priorities', 'strengths', 'weaknesses', 'education'] })).toEqual({ vision: true, skills: false, opportunities: false, notes: false, selfAssessment: true });
  });
});
