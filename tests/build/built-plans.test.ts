import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createBuiltPlans } from '../../src/build/built-plans.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-built-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const plan = (slug: string, owner: string) => ({ slug, index: JSON.stringify({ slug, owner }), json: `    {\n      "slug": "${slug}"\n    }`, csv: `${owner},${slug},Goal\r\n` });

describe('the plans a build keeps on disk', () => {
  test('give back what the index shows of each, sorted by slug, their models, rows of plans.csv and texts; nothing is written until something is kept', () => {
    const kept = createBuiltPlans(folder);
    expect(readdirSync(folder)).toEqual([]);
    expect(kept.indexPlans()).toEqual([]);
    kept.keep('plans/zoe.md', plan('zoe', 'Zoë Ångström'));
    kept.keep('plans/adam.md', plan('adam', 'Adam'));
    kept.keepText('plans/zoe.md', '---\ntitle: Zoë\n---\n');
    expect(kept.indexPlans()).toEqual([{ slug: 'adam', owner: 'Adam' }, { slug: 'zoe', owner: 'Zoë Ångström' }]);
    expect(Buffer.from(kept.modelJson('zoe')).toString('utf8')).toBe(plan('zoe', '').json);
    expect(Buffer.from(kept.csvRows('zoe')).toString('utf8')).toBe(plan('zoe', 'Zoë Ångström').csv);
    expect(kept.texts()).toEqual(new Map([['plans/zoe.md', '---\ntitle: Zoë\n---\n']]));
    kept.close();
    expect(readdirSync(folder)).toEqual([]);
    // The build closes it as soon as plans.json is written, and again when it ends.
    expect(() => kept.close()).not.toThrow();
    expect(kept.indexPlans()).toEqual([]);
  });
});
