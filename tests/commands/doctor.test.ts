import { describe, expect, test } from 'vitest';
import { describePaper, doctor, formatReport } from '../../src/commands/doctor.js';
import type { Io } from '../../src/io.js';
import { resolveConfig } from '../../src/config/config.js';
import { howToGetABrowser } from '../../src/edges/browser.js';

const config = resolveConfig(undefined, {}, '/project', '2026-11-26').config!;

function fakeIo(env: Record<string, string> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, cwd: '/project', env, isTerminal: false };
}

describe('careerplan doctor without a browser', () => {
  test('exit 2, the report says none, and one line says how to get one', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const io = fakeIo();
      expect(await doctor(config, {}, io, { platform, exists: () => false, puppeteerPath: () => undefined })).toBe(2);
      expect(io.out.join('')).toContain('browser     none\n');
      expect(io.err).toEqual([`careerplan: ${howToGetABrowser(platform)}\n`]);
    }
  });

  test('a missing --browser names the flag', async () => {
    const io = fakeIo();
    expect(await doctor(config, { browser: 'bin/chrome' }, io, { exists: () => false })).toBe(2);
    expect(io.err).toEqual(['careerplan: the browser given by --browser is not there: /project/bin/chrome\n']);
  });
});

describe('the report', () => {
  test('aligned lines; the browser block only when there is one', () => {
    const base = { careerplan: '0.1.0', node: 'v20.20.2 (linux x64)', puppeteer: '24.43.1', paper: 'A4, margins 18mm', problem: undefined };
    expect(formatReport({ ...base, browser: { path: '/usr/bin/chromium', source: 'installed', reason: 'found /usr/bin/chromium' }, browserVersion: 'Chromium 156.0.8078.73', starts: true })).toBe(
      [
        'careerplan  0.1.0',
        'Node        v20.20.2 (linux x64)',
        'browser     /usr/bin/chromium',
        '  version   Chromium 156.0.8078.73',
        '  why       found /usr/bin/chromium',
        '  starts    yes',
        'puppeteer   24.43.1',
        'paper       A4, margins 18mm',
        '',
      ].join('\n'),
    );
    expect(formatReport({ ...base, puppeteer: undefined, browser: undefined, browserVersion: undefined, starts: undefined })).toBe(
      ['careerplan  0.1.0', 'Node        v20.20.2 (linux x64)', 'browser     none', 'puppeteer   not installed', 'paper       A4, margins 18mm', ''].join('\n'),
    );
  });

  test('paper and margins in words', () => {
    expect(describePaper(config.pdf)).toBe('A4, margins 18mm');
    expect(describePaper({ ...config.pdf, paper: 'Letter', margin: { top: '1in', right: '2cm', bottom: '1in', left: '2cm' } })).toBe('Letter, margins top 1in, right 2cm, bottom 1in, left 2cm');
  });
});
