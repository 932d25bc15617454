import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig, type ConfigFlags, type ConfigSource } from '../../src/config/config.js';

const file = (text: string): ConfigSource => ({ path: path.join('/project', 'careerplan.config.yaml'), displayPath: 'careerplan.config.yaml', text });
const resolve = (source: ConfigSource | undefined, flags: ConfigFlags = {}) => resolveConfig(source, flags, '/elsewhere', '2026-11-26');
const views = file('out: site\nviews:\n  mentor:\n    omit: [weaknesses, steps.reflection, weaknesses]\n  manager:\n    omit: [body]\n    out: share/manager\n');
const errors = (resolved: ReturnType<typeof resolve>) => resolved.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.place.start.line, d.place.start.column, d.message]);

describe('views in the config', () => {
  test('without --view, no view: the config is the full site\'s', () => {
    const { config, diagnostics } = resolve(views);
    expect(diagnostics).toEqual([]);
    expect(config?.view).toBeUndefined();
    expect(config?.out).toBe('/project/site');
  });

  test('--view NAME picks the view, once each part, into `<out>-NAME` beside the site', () => {
    const { config } = resolve(views, { view: 'mentor' });
    expect(config?.view).toEqual({ name: 'mentor', omit: ['weaknesses', 'steps.reflection'] });
    expect(config?.out).toBe('/project/site-mentor');
    expect(resolve(undefined, {}).config?.out).toBe('/elsewhere/out');
  });

  test('a view\'s `out` is relative to the config file; --out beats it', () => {
    expect(resolve(views, { view: 'manager' }).config?.out).toBe('/project/share/manager');
    expect(resolve(views, { view: 'manager', out: 'mine' }).config?.out).toBe('/elsewhere/mine');
    expect(resolve(views, { view: 'mentor', out: 'mine' }).config?.out).toBe('/elsewhere/mine');
  });

  test('the view changes the config, so the build cache (a hash of it) tells the builds apart', () => {
    expect(JSON.stringify(resolve(views, { view: 'mentor', out: 'x' }).config)).not.toBe(JSON.stringify(resolve(views, { out: 'x' }).config));
  });

  test('an unknown view name: one error that lists the views, no config', () => {
    const resolved = resolve(views, { view: 'mentr' });
    expect(resolved.config).toBeUndefined();
    expect(errors(resolved)).toEqual([['(flags)', 1, 1, 'Unknown view `mentr` for `--view`, did you mean `mentor`? The config defines `mentor`, `manager`']]);
    expect(errors(resolve(undefined, { view: 'mentor' }))).toEqual([['(flags)', 1, 1, 'Unknown view `mentor` for `--view`: the config defines no views, expected one named under `views`']]);
  });

  test.each([
    ['views:\n  mentor:\n    omit: [weaknesess]\n', 3, 12, 'Unknown part `weaknesess` to omit, did you mean `weaknesses`?'],
    ['views:\n  mentor:\n    omit:\n      - reflection\n', 4, 9, 'Unknown part `reflection` to omit, did you mean `steps.reflection`?'],
    ['views: { mentor: { omit: [note] } }\n', 1, 27, 'Unknown part `note` to omit, did you mean `skills.note` or `education.note` or `opportunities.note`?'],
    ['views: { mentor: { omit: [salary] } }\n', 1, 27, 'Unknown part `salary` to omit, expected one of `vision`, `priorities`, `strengths`, `weaknesses`, `skills`, `education`, `opportunities`, `body`, `skills.note`, `education.note`, `opportunities.note`, `steps.resources`, `steps.reflection`'],
    ['views: { mentor: { omit: weaknesses } }\n', 1, 26, 'Unexpected value for `views.mentor.omit`: expected a list'],
    ['views: { mentor: [weaknesses] }\n', 1, 18, 'Unexpected value for `views.mentor`: expected a mapping'],
  ])('a bad view is an error at its place: %s', (text, line, column, message) => {
    const resolved = resolve(file(text), { view: 'mentor' });
    expect(resolved.config).toBeUndefined();
    expect(errors(resolved)).toEqual([['careerplan.config.yaml', line, column, message]]);
  });

  test('an unknown key in a view warns with the nearest one, and the view still works', () => {
    const { config, diagnostics } = resolve(file('views:\n  mentor:\n    omitt: [body]\n    omit: [body]\n'), { view: 'mentor' });
    expect(diagnostics.map((d) => [d.severity, d.place.start.line, d.place.start.column, d.message])).toEqual([['warning', 3, 5, 'Unknown key `omitt` in a view, did you mean `omit`?']]);
    expect(config?.view).toEqual({ name: 'mentor', omit: ['body'] });
  });

  test('a view name that could not name a folder is an error', () => {
    const resolved = resolve(file('views:\n  ../up:\n    omit: [body]\n'));
    expect(resolved.config).toBeUndefined();
    expect(errors(resolved)).toEqual([['careerplan.config.yaml', 2, 3, "Unexpected view name `../up`, expected letters, digits, `-` and `_`: it names the view's folder"]]);
  });
});
