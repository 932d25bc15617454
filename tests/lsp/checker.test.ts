import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/lsp/checker.js';
import { configDefaults } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/config.js';

const project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-checker-'));
mkdirSync(path.join(project, 'plans'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('createChecker from the TypeScript sources', () => {
  it('checks an open text in this thread, as check would, and a text over 1 MiB as a bad file', async () => {
    const config = { root: project, plans: path.join(project, 'plans'), templates: '', out: '', locale: 'en', asOf: '2026-11-26', rules: {}, allowRawHtml: false, pdf: configDefaults.pdf } as Config;
    const checker = createChecker({ config, cwd: project, timeoutMs: 10_000, threads: 1 });
    const file = path.join(project, 'plans/sam.md');
    const outcome = await checker.check(file, '---\ntitle: A\nowner: B\nvision: V\ngoals:\n  - title: G\n    kind: personal\n    measure: Three talks of 10 minutes given by June 2027\n    due: 2027-02-30\n    steps: [S]\n---\n');
    expect(outcome).toMatchObject({ kind: 'checked', diagnostics: [{ file: 'plans/sam.md', ruleId: 'bad-date', place: { start: { line: 9, column: 10 } } }] });
    const huge = await checker.check(file, `---\ntitle: A\n---\n${'x'.repeat(1024 * 1024)}`);
    expect(huge).toMatchObject({ kind: 'checked', diagnostics: [{ ruleId: 'bad-file' }] });
    await checker.close();
  });
});
