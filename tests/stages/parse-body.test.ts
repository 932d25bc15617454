import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { parseText } from '../support/plans.js';
import { property } from '../support/property.js';

/**
 * `parse` reads the frontmatter block itself and lets micromark walk only
 * the body; its tree is the one micromark gives for the whole file, every
 * node, key and position (line, column and offset) included.
 */
const wholeFile = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The tree of the whole file, as `parse` made it before: `---yaml` written as `---` and spaces. */
function reference(text: string): Root {
  const opening = /^---[ \t]*(ya?ml)[ \t]*(?=\r?\n)/i.exec(text);
  return wholeFile.parse(opening ? `---${' '.repeat(opening[0].length - 3)}${text.slice(opening[0].length)}` : text);
}

function expectSameTree(text: string): void {
  const body = parseText(text).body;
  if (!body) return;
  const expected = reference(text);
  expect(body, JSON.stringify(text)).toStrictEqual(expected);
  // Same keys in the same order too, as anything serializing the tree would see them.
  expect(JSON.stringify(body)).toBe(JSON.stringify(expected));
}

const root = path.join(import.meta.dirname, '../..');

describe('the Markdown tree of a plan with frontmatter', () => {
  test('every rule fixture', () => {
    const folder = path.join(root, 'tests/fixtures/rules');
    const names = readdirSync(folder);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expectSameTree(readFileSync(path.join(folder, name, 'input.md'), 'utf8'));
  });

  test('the example plans and 30 generated plans', () => {
    const folder = path.join(root, 'plans');
    const examples = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(examples.length).toBeGreaterThan(0);
    for (const name of examples) expectSameTree(readFileSync(path.join(folder, name), 'utf8'));
    for (const plan of generatePlans(30, 1)) expectSameTree(plan.text);
  });

  test.each([
    ['an empty block', '---\n---\nBody\n'],
    ['an empty line for a block', '---\n\n---\nBody\n'],
    ['no body', '---\na: 1\n---\n'],
    ['no line break after the closing fence', '---\na: 1\n---'],
    ['no closing fence', '---\na: 1\nBody\n'],
    ['spaces and tabs after the fences', '--- \t\na: 1\n---\t \nBody\n'],
    ['lines that are almost fences', '---\n----\n ---\n--- a\n-- -\n---\nBody\n'],
    ['a second block in the body', '---\na: 1\n---\n---\nb: 2\n---\nBody\n'],
    ['a setext underline first in the body', '---\na: 1\n---\n===\nText\n---\n'],
    ['CRLF line breaks', '---\r\na: 1\r\n---\r\nBody\r\n'],
    ['CR line breaks', '---\ra: 1\r---\rBody\r'],
    ['a CR only in the block', '---\na: 1\r---\n---\nBody\n'],
    ['a NUL in the block', '---\na: \0\n---\nBody\n'],
    ['a byte order mark first in the body', '---\na: 1\n---\n\uFEFF# Body\n'],
    ['tabs in the block and the body', '---\na:\t1\n\tb: 2\n---\n\t- item\n  \tcode?\n'],
    ['a body of blank lines', '---\na: 1\n---\n\n\n  \n'],
    ['the opening `---yaml`', '---yaml\na: 1\n---\n# Body\n'],
    ['GFM in the body', '---\na: 1\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\nwww.example.com x@y.org [^1] ~~no~~\n\n[^1]: Note.\n\n[ref]: https://example.org\n\n[ref]\n'],
  ])('%s', (_, text) => {
    expectSameTree(text);
  });

  const blockLine = fc.constantFrom('a: 1', 'b: [x, y]', '', ' ', '---', '--- ', '---\t', '----', ' ---', '--- x', '...', '\t- x', 'c: "\r"', '\r', '\0', '\uFEFF', '# not a heading', '> q', '| a |');
  const bodyPiece = fc.constantFrom(
    '# H', 'Text', '---', '===', '***', '- a', '1. b', '> q', '    code', '```js', '```', '~~~', '| a | b |', '|---|---|', '[^1]: n', '[^1]', '[r]: /u', '[r]', '<div>', '</div>',
    '<!-- c -->', 'www.x.org', 'https://x.org', 'a@b.co', '*em* **s** ~~d~~', '- [ ] t', '\t', ' ', '', '\uFEFF', '$$', 'a\\', '&amp;', '![i](x.png)',
  );
  const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

  test('generated blocks and bodies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('---', '--- ', '---\t', '---yaml', '---  yml'),
        fc.array(blockLine, { maxLength: 6 }),
        fc.constantFrom('---', '--- ', '---\t\t', ''),
        fc.array(fc.tuple(fc.array(bodyPiece, { maxLength: 3 }), lineBreak), { maxLength: 8 }),
        (opening, block, closing, body) => {
          const text = `${opening}\n${block.map((line) => `${line}\n`).join('')}${closing}${body.map(([pieces, end]) => pieces.join(' ') + end).join('')}`;
          expectSameTree(text);
        },
      ),
      property(200),
    );
  });
});
