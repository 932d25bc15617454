import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { schemaText } from '../../src/commands/schema.js';
import { configSchema } from '../../src/config/config.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { paperSizes } from '../../src/config/defaults.js';
import { configSchemaPath, starterConfig } from '../../src/scaffold/starter-project.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the config file\'s JSON Schema', () => {
  test('is committed in schema/config.schema.json as careerplan makes it (run `careerplan schema config > schema/config.schema.json` after changing the config)', () => {
    expect(readFileSync(path.join(repo, 'schema/config.schema.json'), 'utf8')).toBe(schemaText('config'));
  });

  test('names every key of the config and no other, with the paper sizes to complete', () => {
    const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, { examples?: unknown }> }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.pdf?.properties?.paper?.examples).toEqual([...paperSizes]);
  });

  test('is shipped in the package, and the config init writes names it on its first line', () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('schema');
    expect(starterConfig().split('\n')[0]).toBe(`# yaml-language-server: $schema=${configSchemaPath}`);
    expect(configSchemaPath).toBe('./node_modules/careerplan/schema/config.schema.json');
  });
});
