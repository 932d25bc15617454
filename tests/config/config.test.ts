import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { configDefaults, configWithoutFile } from '../../src/config/defaults.js';
import { configSchema, resolveConfig, type ConfigSource } from '../../src/config/config.js';

const file = (text: string, name = 'careerplan.config.yaml'): ConfigSource => ({ path: path.join('/project', name), displayPath: name, text });
const resolve = (source: ConfigSource | undefined, flags = {}) => resolveConfig(source, flags, '/elsewhere', '2026-11-26');

describe('resolveConfig', () => {
  test('defaults: folders beside the working folder, today, A4', () => {
    const { config, diagnostics } = resolve(undefined);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ plans: '/elsewhere/plans', out: '/elsewhere/out', templates: '/elsewhere/templates', asOf: '2026-11-26', locale: 'en', rules: {} });
    expect(config?.pdf).toEqual({ paper: 'A4', margin: '18mm', timeout: 60_000, newPageBefore: [] });
  });

  test('the file beats defaults and its paths resolve from its own folder; flags beat the file', () => {
    const source = file('plans: students\nasOf: 2027-01-01\nlocale: de\nrules: { overdue: "off" }\npdf: { paper: Letter }\n');
    expect(resolve(source).config).toMatchObject({ plans: '/project/students', asOf: '2027-01-01', locale: 'de', rules: { overdue: 'off' } });
    expect(resolve(source).config?.pdf.paper).toBe('Letter');
    expect(resolve(source, { asOf: '2028-02-29', plans: 'mine' }).config).toMatchObject({ asOf: '2028-02-29', plans: '/elsewhere/mine' });
  });

  test('sections that start a new page of the PDF are named by their anchors; another name is an error naming them', () => {
    expect(resolve(file('pdf: { newPageBefore: [goals, timeline] }\n')).config?.pdf.newPageBefore).toEqual(['goals', 'timeline']);
    const { config, diagnostics } = resolve(file('pdf: { newPageBefore: [Goals] }\n'));
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.place.start.line])).toEqual([['error', 1]]);
    expect(diagnostics[0]?.message).toMatch(/goals/);
  });

  test('JSON config files are read with positions too', () => {
    const { diagnostics } = resolve(file('{\n  "plan": "x"\n}\n', 'careerplan.config.json'));
    expect(diagnostics.map((d) => [d.file, d.place.start.line, d.place.start.column, d.severity, d.message])).toEqual([
      ['careerplan.config.json', 2, 3, 'warning', 'Unknown config key `plan`, did you mean `plans`?'],
    ]);
  });

  test('unknown keys and rule ids warn with the nearest known one', () => {
    const { config, diagnostics } = resolve(file('rules:\n  overdu: warn\npdf:\n  papper: A4\n'));
    expect(config).toBeDefined();
    expect(diagnostics.map((d) => d.message)).toEqual(['Unknown config key `papper`, did you mean `paper`?', 'Unknown rule `overdu`, did you mean `overdue`?']);
  });

  test.each([
    ['rules: { overdue: loud }\n', 1, 19, 'Unexpected value for `rules.overdue`: expected one of `off`, `warn`, `error`'],
    ['pdf: { margin: 18 }\n', 1, 16, 'Unexpected value for `pdf.margin`: expected a length such as `18mm`, or a mapping of `top`, `right`, `bottom` and `left` lengths'],
    ['asOf: 2027-02-30\n', 1, 7, 'Unexpected value for `asOf`: expected a date as YYYY-MM-DD'],
    ['plans: [a, b]\n', 1, 8, 'Unexpected value for `plans`: expected text'],
    ['a: &x 1\nb: *x\n', 2, 4, 'Unexpected alias `*x`, expected plain values: anchors and aliases are not allowed'],
  ])('a bad value makes the config unusable: %s', (text, line, column, message) => {
    const { config, diagnostics } = resolve(file(text));
    expect(config).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.place.start.line, d.place.start.column, d.message])).toEqual([[line, column, message]]);
  });
});

describe('configWithoutFile: the config of a project without a config file, without loading the schema', () => {
  test.each([
    ['no flags', {}],
    ['every path flag and a date', { plans: 'p', out: 'o', templates: 't', asOf: '2027-03-01' }],
    ['a view, which needs a config that defines it', { view: 'mentor' }],
  ] as const)('%s: the same as resolveConfig gives', (_, flags) => {
    expect(configWithoutFile(flags, '/elsewhere', '2026-11-26')).toEqual(resolve(undefined, flags));
  });

  test('PDF flags are left to the schema, which checks them', () => {
    expect(configWithoutFile({ pdf: { paper: 'a5' } }, '/elsewhere', '2026-11-26')).toBeUndefined();
    expect(resolve(undefined, { pdf: { paper: 'a5' } }).config?.pdf.paper).toBe('A5');
  });

  test('the schema of an empty config file gives the defaults', () => {
    expect(configSchema.parse({})).toEqual(configDefaults);
  });
});
