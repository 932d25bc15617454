import { describe, expect, it } from 'vitest';
import { problemsSummary, sortBatch } from '../../src/preview/session.js';
import type { Diagnostic } from '../../src/types.js';
import { linkingTo, sortChanges, touchedBy } from '../../src/preview/live-site.js';
import { pageOf } from '../../src/preview/requests.js';

describe('sortBatch', () => {
  it('tells the config, the templates and the plans folder apart', () => {
    const batch = { changed: ['/p/careerplan.config.json', '/p/templates/plan.hbs', '/p/plans/a.md'], added: ['/p/plans/b.md'], removed: ['/p/plans/img.png'] };
    const sorted = sortBatch(batch, ['/p/careerplan.config.json'], ['/p/templates'], '/p');
    expect(sorted.config).toBe(true);
    expect(sorted.templates).toEqual(['templates/plan.hbs']);
    expect(sorted.plans).toEqual({ changed: ['/p/careerplan.config.json', '/p/plans/a.md'], added: ['/p/plans/b.md'], removed: ['/p/plans/img.png'] });
    expect(sorted.planNames).toEqual(['careerplan.config.json', 'plans/a.md', 'plans/b.md', 'plans/img.png']);
    expect(sortBatch({ changed: ['/p/plans/a.md'], added: [], removed: [] }, [], ['/p/templates'], '/p').config).toBe(false);
  });
});

describe('the live site’s rebuild decisions', () => {
  const disk = (plans: string[], links: string[] = [], entries: string[] = []) => ({
    isPlanOnDisk: (file: string) => plans.includes(file),
    isPlanFile: (file: string) => file.endsWith('.md'),
    isLink: (file: string) => links.includes(file),
    isEntry: (file: string) => entries.includes(file),
  });

  it('takes a plan that became a link as removed, and names a link that appeared without reading it', () => {
    const sorted = sortChanges({ changed: ['/p/a.md'], added: ['/p/l.md', '/p/img.png'], removed: [] }, disk([], ['/p/a.md', '/p/l.md'], ['/p/a.md']));
    expect(sorted.changes).toEqual({ changed: [], added: ['/p/l.md', '/p/img.png'], removed: ['/p/a.md'] });
    expect(sorted.links).toEqual(['/p/a.md', '/p/l.md']);
    expect(sorted.isPlan('/p/a.md')).toBe(true);
    expect(sorted.isPlan('/p/l.md')).toBe(false);
    expect(sorted.isPlan('/p/img.png')).toBe(false);
  });

  it('rechecks the plans that link to a plan that came or went, and those an image matters to', () => {
    const entries = new Map([
      ['/p/a.md', { text: 'see [b](b.md)', diagnostics: [], page: undefined }],
      ['/p/c.md', { text: 'nothing', diagnostics: [], page: { model: {} as never, copies: [{ source: '/p/img.png', target: 'c/media/img.png' }] } }],
      ['/p/d.md', { text: 'broken', diagnostics: [{}] as never, page: undefined }],
    ]);
    expect(linkingTo(['/p/b.md'], entries)).toEqual(['/p/a.md']);
    expect(touchedBy(['/p/img.png'], entries)).toEqual(['/p/c.md', '/p/d.md']);
    expect(touchedBy([], entries)).toEqual([]);
  });
});

describe('pageOf', () => {
  it('names the index, a plan’s page, or nothing', () => {
    expect(pageOf('/')).toBe('index');
    expect(pageOf('/index.html')).toBe('index');
    expect(pageOf('/jordan-lee/')).toBe('jordan-lee');
    expect(pageOf('/jordan-lee/index.html')).toBe('jordan-lee');
    expect(pageOf('/assets/')).toBeUndefined();
    expect(pageOf('/jordan-lee/media/x.png')).toBeUndefined();
  });
});

describe('problemsSummary', () => {
  const problem = (file: string, severity: Diagnostic['severity']) => ({ file, severity }) as Diagnostic;
  it('counts the plans with errors and the warnings in one line, and says where to read them', () => {
    const found = [problem('plans/a.md', 'error'), problem('plans/a.md', 'error'), problem('plans/b.md', 'warning'), ...Array.from({ length: 1_200 }, () => problem('plans/c.md', 'warning'))];
    expect(problemsSummary(2_000, found, false)).toBe('careerplan: 2,000 plans, 1 with errors, 1,201 warnings: see the problems panel of the pages, run `careerplan check`, or start with `--verbose` to list them here');
    expect(problemsSummary(1, [problem('plans/b.md', 'warning')], true)).toBe('careerplan: 1 plan, 0 with errors, 1 warning: listed above and in the problems panel of the pages');
    expect(problemsSummary(3, [], false)).toBeUndefined();
  });
});
