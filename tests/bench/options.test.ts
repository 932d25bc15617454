import { describe, expect, it } from 'vitest';
import { parseOptions, sectionHelp, sectionNames, usage } from '../../bench/options.js';

describe('the bench options', () => {
  it('measure 1,000 plans and grow over 100, 1,000 and 4,000 by default, every section, no peers', () => {
    const options = parseOptions([]);
    expect(options.plans).toBe(1000);
    expect(options.scale).toEqual([100, 1000, 4000]);
    expect([...options.sections]).toEqual([...sectionNames]);
    expect(options.sections.has('warm')).toBe(true);
    expect(options.peers).toBe(false);
    expect(options.docs).toBe(true);
  });

  it('derive the scale sizes from --plans unless --scale names them', () => {
    expect(parseOptions(['--plans', '100']).scale).toEqual([10, 100, 400]);
    expect(parseOptions(['--plans', '5']).scale).toEqual([1, 5, 20]);
    expect(parseOptions(['--scale', '400, 100,100']).scale).toEqual([100, 400]);
  });

  it('leave out what --skip names and keep what --case names, in their own order', () => {
    expect([...parseOptions(['--skip', 'warm,watch']).sections]).toEqual(['check', 'build', 'unified', 'scale', 'pdf', 'one-pdf', 'all-pdf', 'stages', 'history', 'fast', 'lsp']);
    expect([...parseOptions(['--case', 'watch,build']).sections]).toEqual(['build', 'watch']);
    expect([...parseOptions(['--case', 'build,warm', '--skip', 'warm']).sections]).toEqual(['build']);
  });

  it('take --peers and --no-docs', () => {
    const options = parseOptions(['--peers', '--no-docs']);
    expect(options.peers).toBe(true);
    expect(options.docs).toBe(false);
  });

  it('reject unknown sections, bad counts and stray arguments with one line', () => {
    expect(() => parseOptions(['--case', 'nope'])).toThrow('unknown --case `nope`, expected check, build, unified, scale, pdf, one-pdf, all-pdf, warm, stages, history, fast, lsp, watch');
    expect(() => parseOptions(['--skip', 'pfd'])).toThrow('unknown --skip `pfd`');
    expect(() => parseOptions(['--plans', '0'])).toThrow('--plans takes a whole number of at least 1, not `0`');
    expect(() => parseOptions(['--scale', '100,x'])).toThrow('--scale takes a whole number of at least 1, not `x`');
    expect(() => parseOptions(['extra'])).toThrow('unexpected argument `extra`');
    expect(() => parseOptions(['--bogus'])).toThrow();
  });

  it('take --properties N: the deep run of the property tests, instead of measuring', () => {
    expect(parseOptions([]).properties).toBeUndefined();
    expect(parseOptions(['--properties', '1000']).properties).toBe(1000);
    expect(() => parseOptions(['--properties', '0'])).toThrow('--properties takes a whole number of at least 1, not `0`');
    expect(usage()).toContain('--properties N');
  });

  it('say in --help what each section measures and costs', () => {
    const text = usage();
    for (const name of sectionNames) {
      expect(sectionHelp[name]).toMatch(/\(~\d+(\.\d+)? (s|min)[,)]/);
      expect(text).toContain(`${name.padEnd(7)}  ${sectionHelp[name]}`);
    }
    expect(text).toContain('--skip NAMES');
    expect(text).toContain('--peers');
    expect(text).toMatch(/npm install|npm into a temporary/);
  });
});
