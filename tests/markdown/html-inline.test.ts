import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generatePlans } from '../../bench/generate.js';
import { createHtmlRenderer, plainInline } from '../../src/markdown/html.js';
import { property } from '../support/property.js';

/**
 * The shortcut for plain inline text, and the body's reader for the rest,
 * give, byte for byte, what the whole pipeline (micromark's remark-parse,
 * GFM, rehype, sanitize, stringify) gives.
 */
const pipelines = [
  ['raw HTML dropped', createHtmlRenderer({ allowRawHtml: false, plainShortcut: false, fastReader: false }), createHtmlRenderer({ allowRawHtml: false })],
  ['raw HTML allowed', createHtmlRenderer({ allowRawHtml: true, plainShortcut: false, fastReader: false }), createHtmlRenderer({ allowRawHtml: true })],
] as const;

/** The shortcut either declines or agrees with the pipeline, and the renderer agrees with it either way. */
function expectSameAsPipeline(text: string): boolean {
  const plain = plainInline(text);
  for (const [, pipeline, renderer] of pipelines) {
    const expected = pipeline.inline(text);
    if (plain !== undefined) expect(plain, JSON.stringify(text)).toBe(expected);
    expect(renderer.inline(text), JSON.stringify(text)).toBe(expected);
  }
  return plain !== undefined;
}

/** Pieces of Markdown and GFM syntax, and characters a parser or serializer treats specially. */
const special = [
  '*', '_', '**', '__', '~', '~~', '`', '```', '[', ']', '(', ')', '![', '](', '[^1]', '[x]', '<', '>', '&', '&amp;', '&#65;', '&copy', '\\', '#', '# ', '|', '=',
  '-', '- ', '+', '+ ', '1.', '1. ', '2)', '12) ', '0.', '1234567890.', '---', '***', '===', '> ', '    ', ' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', '\0',
  '\uFEFF', '\u00A0', '\u2028', '\u3000', '\u200B', '\uD800', '\uDC00', '😀', '👩‍💻', 'é', 'e\u0301', '\u0301', '–', '—', '’', '“', '”', '…', '日本', '٣',
  'www.', 'WWW.', 'www', 'http://', 'HTTPS://', 'https://x.org', 'http', 'ftp://', 'mailto:', 'xmpp:', '@', 'a@b.co', 'me@example.org', '.com', ':', '/', '//',
  '%', '"', "'", '?', '!', ',', ';', '.', '{{', '}}', '$', '^', 'javascript:', 'data:',
];
const plainWords = ['a', 'Lead', 'team', 'Q3', '2027', 'x', 'well-documented', 'ad-hoc', 'and/or', '50%', '(e.g.', 'it’s', 'don\'t', 'Ünïcødé', 'naïve', 'São Paulo', '東京', 'Zoë'];

/** Strings made of pieces, mostly plain words with special pieces mixed in, so both paths are taken often. */
const pieces = (specialWeight: number) =>
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...plainWords, ' '), weight: 10 }, { arbitrary: fc.constantFrom(...special), weight: specialWeight }), { maxLength: 14 })
    .map((parts) => parts.join(''));

describe('plainInline: the shortcut for inline text without Markdown', () => {
  test('plain text comes back as it is, without one final line break', () => {
    expect(plainInline('Four guides published on the intranet and used by another team')).toBe('Four guides published on the intranet and used by another team');
    expect(plainInline('Evening classes would fit around childcare.\n')).toBe('Evening classes would fit around childcare.');
  });

  test.each([
    '', ' ', 'a ', ' a', 'a\n\n', 'a\nb', 'a\r\n', 'a\tb', '**a**', 'a_b', '~~a~~', '`a`', '[a](b)', 'a <b>', 'a & b', 'a \\ b', '# a', 'a | b', 'a = b',
    '- a', '+ a', '1. a', '2) a', '1.', 'see www.example.com', 'see https://example.com', 'HTTP', 'me@example.org', '\uFEFFa', 'a\u00A0', '\u00A0a', 'a\0b',
  ])('%j goes through the pipeline', (text) => {
    expect(plainInline(text)).toBeUndefined();
  });

  test('mostly plain strings: the same HTML as the pipeline', () => {
    let taken = 0;
    fc.assert(
      fc.property(pieces(1), (text) => {
        if (expectSameAsPipeline(text)) taken++;
      }),
      // No fewer in CI: the count below is out of 1,000 runs.
      property(1_000),
    );
    expect(taken).toBeGreaterThan(150);
  });

  test('strings full of syntax: the same HTML as the pipeline', () => {
    fc.assert(
      fc.property(pieces(10), (text) => {
        expectSameAsPipeline(text);
      }),
      property(200),
    );
  });

  test('arbitrary Unicode strings: the same HTML as the pipeline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (graphemes, binary) => {
        expectSameAsPipeline(graphemes);
        expectSameAsPipeline(binary);
      }),
      property(100),
    );
  });

  test('every string and body line of the example plans and of 20 generated plans: the same HTML as the pipeline', () => {
    const folder = path.join(import.meta.dirname, '../../plans');
    const texts = [
      ...readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => readFileSync(path.join(folder, name), 'utf8')),
      ...generatePlans(20, 1).map((plan) => plan.text),
    ];
    const strings = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const text of texts) {
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text) ?? [];
      collect(parseYaml(frontmatter));
      for (const line of body.split('\n')) strings.add(line);
    }
    const taken = [...strings].filter((text) => expectSameAsPipeline(text)).length;
    expect(taken).toBeGreaterThan(strings.size / 3);
  });
});
