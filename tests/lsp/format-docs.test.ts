import { describe, expect, it } from 'vitest';
import { mappings } from '../../src/format/schema.js';
import { rules } from '../../src/format/rules/index.js';
import { readFormatDocs } from '../../src/lsp/format-docs.js';

describe('the format documentation the editor shows', () => {
  const docs = readFormatDocs();

  it('has the row of docs/plan-format.md for every key of every mapping of the schema, and no row for a key the schema lacks', () => {
    for (const [name, schema] of Object.entries(mappings)) {
      const rows = docs.keys.get(name as 'plan');
      expect([...(rows?.keys() ?? [])].sort(), name).toEqual(Object.keys(schema.shape).sort());
      for (const row of rows?.values() ?? []) expect(row.meaning, name).not.toBe('');
    }
    expect(docs.keys.get('goal')?.get('measure')?.meaning).toBe('The measurable outcome: how you will know the goal is reached.');
  });

  it('has an explanation and a fix for every rule', () => {
    for (const rule of rules) {
      const doc = docs.rules.get(rule.id);
      expect(doc?.explanation, rule.id).toMatch(/^\*\*(Error|Warning)/u);
    }
    expect(docs.rules.get('unknown-skill')?.fix).toBe('**Fix:** correct the spelling, or add the skill to `skills` with its level now and its target.');
  });
});
