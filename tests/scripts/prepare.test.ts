import path from 'node:path';
import { describe, expect, test } from 'vitest';

const { shouldCompile } = (await import(new URL('../../scripts/prepare.mjs', import.meta.url).href)) as {
  shouldCompile: (folder: string, startedIn: string | undefined, exists: (file: string) => boolean) => boolean;
};

describe('prepare', () => {
  const folder = path.resolve('/opt/careerplan');
  const withSources = (file: string): boolean => file === path.join(folder, 'tsconfig.build.json');

  test('compiles careerplan installed in its own folder', () => {
    expect(shouldCompile(folder, folder, withSources)).toBe(true);
    expect(shouldCompile(folder, undefined, withSources)).toBe(true);
  });

  test('compiles nothing as a plans project’s file: dependency, nor a packaged careerplan without its sources', () => {
    expect(shouldCompile(folder, path.resolve('/home/coach/plans'), withSources)).toBe(false);
    expect(shouldCompile(folder, folder, () => false)).toBe(false);
  });
});
