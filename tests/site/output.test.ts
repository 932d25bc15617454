import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writePiecesIfChanged } from '../../src/edges/files.js';
import type { PlanModel } from '../../src/stages/model.js';
import { planJson, plansJsonPieces } from '../../src/site/plans-json.js';

describe('plans.json in pieces', () => {
  test('the pieces join to exactly what JSON.stringify writes, whatever the plans hold', () => {
    const head = { version: 3, generator: 'careerplan 1.0.0 [x]', asOf: '2026-11-26' };
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }), (plans) => {
        const models = plans as unknown as PlanModel[];
        expect([...plansJsonPieces(models.length, models.map((model) => () => planJson(model)), head)].join('')).toBe(`${JSON.stringify({ ...head, plans: models }, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  test('each plan given as UTF-8 bytes makes the same file, byte for byte', async () => {
    const head = { version: 3, generator: 'careerplan 1.0.0', asOf: '2026-11-26' };
    const models = [{ slug: 'zoe', owner: 'Zoë Ångström 🚀' }, { slug: 'adam', notes: 'a\nb "c"' }] as unknown as PlanModel[];
    const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-pieces-'));
    try {
      const file = path.join(folder, 'plans.json');
      expect(await writePiecesIfChanged(file, plansJsonPieces(models.length, models.map((model) => () => Buffer.from(planJson(model))), head))).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify({ ...head, plans: models }, null, 2)}\n`);
      // The same content given as text is recognised as unchanged.
      expect(await writePiecesIfChanged(file, plansJsonPieces(models.length, models.map((model) => () => planJson(model)), head))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('writePiecesIfChanged writes atomically and leaves an unchanged file alone', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-pieces-'));
    try {
      const file = path.join(folder, 'plans.json');
      expect(await writePiecesIfChanged(file, ['{"a":', '1}\n'])).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
      const written = statSync(file).mtimeMs;
      expect(await writePiecesIfChanged(file, ['{"a":1}', '\n'])).toBe(false);
      expect(statSync(file).mtimeMs).toBe(written);
      const big = Array.from({ length: 3000 }, (_, i) => `${'x'.repeat(1000)}${i}\n`);
      expect(await writePiecesIfChanged(file, big)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(big.join(''));
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(1 << 21);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
