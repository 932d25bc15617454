import { describe, expect, it } from 'vitest';
import { buildKeys, type SiteWide } from '../../src/build/keys.js';
import { summaryLine } from '../../src/build/report.js';

const wide: SiteWide = { tool: '1.0.0', modelVersion: 1, config: '{}', cwd: '/p', themeFingerprint: 'f', pdfs: true, files: ['/p/a.md', '/p/b.md'], otherFiles: '' };
const facts = new Map([
  ['/p/a.md', { hash: 'ha', day: '2026-12-07' }],
  ['/p/b.md', { hash: 'hb', day: '2026-12-07' }],
]);

describe('buildKeys', () => {
  it('changes one plan’s key, and the site’s, when only that plan’s text changes', () => {
    const before = buildKeys(wide, ['/p/a.md', '/p/b.md'], facts, new Map(), '');
    const after = buildKeys(wide, ['/p/a.md', '/p/b.md'], new Map([...facts, ['/p/a.md', { hash: 'ha2', day: '2026-12-07' }]]), new Map(), '');
    expect(after.plans.get('/p/a.md')).not.toBe(before.plans.get('/p/a.md'));
    expect(after.plans.get('/p/b.md')).toBe(before.plans.get('/p/b.md'));
    expect(after.site).not.toBe(before.site);
  });

  it('changes every key with the theme, and the site’s with the shard', () => {
    const before = buildKeys(wide, ['/p/a.md'], facts, new Map(), '');
    const themed = buildKeys({ ...wide, themeFingerprint: 'g' }, ['/p/a.md'], facts, new Map(), '');
    expect(themed.plans.get('/p/a.md')).not.toBe(before.plans.get('/p/a.md'));
    const sharded = buildKeys(wide, ['/p/a.md'], facts, new Map(), '1/2');
    expect(sharded.plans.get('/p/a.md')).toBe(before.plans.get('/p/a.md'));
    expect(sharded.site).not.toBe(before.site);
  });
});

describe('summaryLine', () => {
  it('counts the plans built, cached and left out, the shard and the PDFs', () => {
    expect(summaryLine({ built: 1, plans: 1, cached: 0, out: 'out' })).toBe('1 of 1 plan built into out');
    expect(summaryLine({ built: 2, plans: 3, cached: 2, out: 'out', shard: { name: '1/2', files: 5 }, printed: { printed: 1, unchanged: 1, failures: ['x'], blocked: [] } })).toBe(
      '2 of 3 plans built into out (2 unchanged since the last build); shard 1/2 of 5 plans; 1 left out because of errors; PDFs: 1 printed, 1 unchanged, 1 failed',
    );
  });
});
