import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyLink, isWebUrl, maxAttachmentBytes, resolveLocalUrl, type LinkContext } from '../../src/markdown/media.js';
import type { FileFacts } from '../../src/types.js';

const root = '/site/plans';
/** A plans folder on paper: what `inspect` says of each path. */
const disk: Record<string, FileFacts> = {
  [root]: { real: root, kind: 'folder', size: 0 },
  [`${root}/images`]: { real: `${root}/images`, kind: 'folder', size: 0 },
  [`${root}/images/cv.png`]: { real: `${root}/images/cv.png`, kind: 'file', size: 10 },
  [`${root}/images/chart.svg`]: { real: `${root}/images/chart.svg`, kind: 'file', size: 10 },
  [`${root}/pipe.png`]: { real: `${root}/pipe.png`, kind: 'other', size: 0 },
  [`${root}/big.png`]: { real: `${root}/big.png`, kind: 'file', size: maxAttachmentBytes + 1 },
  [`${root}/limit.pdf`]: { real: `${root}/limit.pdf`, kind: 'file', size: maxAttachmentBytes },
  [`${root}/page.html`]: { real: `${root}/page.html`, kind: 'file', size: 10 },
  [`${root}/disguised.png`]: { real: `${root}/page.html`, kind: 'file', size: 10 },
  [`${root}/leak.png`]: { real: `${root}/_notes/x.png`, kind: 'file', size: 10 },
  [`${root}/out.png`]: { real: '/etc/x.png', kind: 'file', size: 10 },
  [`${root}/other.md`]: { real: `${root}/other.md`, kind: 'file', size: 10 },
};
const context: LinkContext = { planFile: `${root}/me.md`, plansRoot: root, inspect: (file) => disk[file] };
const kindOf = (url: string): string => {
  const target = classifyLink(url, context);
  return target.kind === 'refused' ? target.ruleId : target.kind;
};

describe('classifyLink: the one decision on what a link may publish', () => {
  test.each([
    ['images/cv.png', 'file'],
    ['./images/cv.png?v=2#top', 'file'],
    ['/images/chart.svg', 'file'],
    ['images\\cv.png', 'file'],
    ['images/%63v.png', 'file'],
    ['limit.pdf', 'file'],
    ['other.md#goals', 'plan'],
    ['', 'page'],
    ['#goals', 'page'],
    ['/', 'broken-link'],
    ['./', 'broken-link'],
    ['images/', 'broken-link'],
    ['pipe.png', 'broken-link'],
    ['missing.png', 'broken-link'],
    ['../secret.png', 'broken-link'],
    ['%2e%2e/secret.png', 'broken-link'],
    ['out.png', 'broken-link'],
    ['bad%ZZ.png', 'broken-link'],
    ['big.png', 'bad-attachment'],
    ['page.html', 'bad-attachment'],
    ['disguised.png', 'bad-attachment'],
    ['_notes/x.png', 'private-file'],
    ['.env', 'private-file'],
    ['.git/config', 'private-file'],
    ['images/../.git/config', 'private-file'],
    ['leak.png', 'private-file'],
    ['https://example.com/a.png', 'web'],
    ['HTTP:example.com/a.png', 'web'],
    ['http:/a.png', 'web'],
    ['ht\ttp:x', 'web'],
    [' //example.com/a.png', 'web'],
    ['\\\\example.com\\a.png', 'web'],
    ['/\\example.com/a.png', 'web'],
    ['mailto:a@example.com', 'web'],
  ])('%j is %s', (url, expected) => {
    expect(kindOf(url)).toBe(expected);
  });

  test('a refusal says what was found and what to do, naming the link as written', () => {
    const target = classifyLink('big.png', context);
    expect(target).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^Unexpected file of 26,214,401 bytes at `big.png`, expected at most 25 MiB/) });
  });

  test('the page build rewrites only what the classifier allows, and copies it under the plan', () => {
    const media = { ...context, slug: 'me' };
    expect(resolveLocalUrl('images/cv.png#x', media)).toEqual({ url: 'media/images/cv.png#x', copy: { source: `${root}/images/cv.png`, target: path.posix.join('me', 'media', 'images', 'cv.png') } });
    expect(resolveLocalUrl('other.md', media)).toEqual({ url: '../other/' });
    for (const refused of ['/', 'pipe.png', '.env', 'page.html', 'big.png', 'http:x/y.png']) expect(resolveLocalUrl(refused, media), refused).toBeUndefined();
  });

  test('isWebUrl reads URLs as browsers do', () => {
    expect(isWebUrl('jav\nascript:alert(1)')).toBe(true);
    expect(isWebUrl('\u0001https://x')).toBe(true);
    expect(isWebUrl('images/a:b.png')).toBe(false);
  });
});
