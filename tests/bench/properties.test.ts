import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { propertyTestFiles } from '../../bench/properties.js';

describe('the deep run of the property tests', () => {
  it('takes every test file that sizes its properties with tests/support/property.ts, the CLI property among them', () => {
    const files = propertyTestFiles(path.join(import.meta.dirname, '../..'));
    expect(files).toContain('tests/fast/markdown-body.test.ts');
    expect(files).toContain('tests/e2e/hostile-tree.test.ts');
    expect(files).toContain('tests/stages/never-throws.test.ts');
    expect(files).not.toContain('tests/bench/properties.test.ts');
  });
});
