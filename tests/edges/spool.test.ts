import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createSpool, removeLeftoverSpools } from '../../src/edges/spool.js';
import { property } from '../support/property.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-spool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
const folder = (): string => mkdtempSync(path.join(scratch, `f${folders++}-`));

describe('the spool', () => {
  test('gives back every text put, in any order, whatever its characters; a key put again gives its last text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 200 })), { maxLength: 30 }), (puts) => {
        const spool = createSpool(folder());
        try {
          const expected = new Map<string, string>();
          for (const [key, text] of puts) {
            spool.put(key, text);
            expected.set(key, text);
          }
          for (const [key, text] of [...expected].reverse()) {
            expect(spool.get(key)).toBe(text);
            expect(spool.bytes(key).equals(Buffer.from(text))).toBe(true);
          }
        } finally {
          spool.close();
        }
      }),
      property(30),
    );
  });

  test('a key never put is an error, not an empty text', () => {
    const spool = createSpool(folder());
    spool.put('a', 'x');
    expect(() => spool.get('b')).toThrow('nothing put aside as b');
    spool.close();
  });

  test('close deletes its file; leftovers of a killed process are removed and nothing else is', () => {
    const here = folder();
    const spool = createSpool(here);
    spool.put('a', 'x'.repeat(10_000));
    expect(readdirSync(here)).toHaveLength(1);
    spool.close();
    expect(readdirSync(here)).toEqual([]);

    writeFileSync(path.join(here, '.careerplan-spool.123.abcd1234.tmp'), 'left');
    writeFileSync(path.join(here, 'index.html'), 'page');
    writeFileSync(path.join(here, '.careerplan-cache.json'), '{}');
    removeLeftoverSpools(here);
    expect(readdirSync(here).sort()).toEqual(['.careerplan-cache.json', 'index.html']);
  });
});
