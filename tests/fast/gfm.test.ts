import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { remarkGfmChecked } from '../../src/fast/gfm.js';
import { property } from '../support/property.js';

/**
 * `remarkGfmChecked` refuses tables and autolink literals early where they
 * cannot succeed; the tree must be remark-gfm's, every node, key and
 * position included.
 */
const reference = unified().use(remarkParse).use(remarkGfm);
const checked = unified().use(remarkParse).use(remarkGfmChecked);
const referenceWithFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const checkedWithFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmChecked);

function expectSameTree(text: string): void {
  expect(JSON.stringify(checked.parse(text)), JSON.stringify(text)).toBe(JSON.stringify(reference.parse(text)));
  expect(JSON.stringify(checkedWithFrontmatter.parse(text)), JSON.stringify(text)).toBe(JSON.stringify(referenceWithFrontmatter.parse(text)));
}

describe('GFM with early refusals gives remark-gfm’s tree', () => {
  test.each([
    ['bare www', 'See www.example.com and WWW.Example.COM/path, wWw.x.org.'],
    ['http and https', 'Go to http://a.example/x and HTTPS://b.example/y?q=1&r=2#f.'],
    ['emails', 'Mail jo@example.org, a.b+c@d-e.example. or mailto:x@y.org and xmpp:x@y.org/res.'],
    ['almost literals', 'www www. www.x ww.x.org http:/x https:x http//x @ a@ @b a@b a@b. a@b.c_ x@y.z9'],
    ['trailing punctuation', 'www.x.org. www.x.org, www.x.org) (www.x.org) www.x.org/a(b)c) https://x.org/?!.,:;*_~ https://x.org/&amp;'],
    ['in emphasis', '*www.x.org* **https://x.org** _a@b.org_ ~~www.x.org~~ ***x@y.org***'],
    ['in link text and images', '[www.x.org](https://y.org) [a@b.org] ![https://x.org/i.png](i.png) [see www.x.org]'],
    ['unclosed labels', '[ www.x.org ![ https://x.org a@b.org ] [x'],
    ['in code', '`www.x.org` ``https://x.org`` <https://x.org> <a@b.org>\n\n    www.x.org\n\n```\nhttps://x.org\n```'],
    ['in headings and tables', '# www.x.org\n\n| a | https://x.org |\n|---|:-:|\n| a@b.org | www.x.org |\n'],
    ['references and escapes', '&#64; a&#64;b.org \\www.x.org www\\.x.org https\\://x.org a\\@b.org'],
    ['tables', '| a | b |\n|---|---|\n| 1 | 2 |\nlazy row\n\na | b\n- | -\nc\n\n|a|\n|-|\n'],
    ['tables in containers', '> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n- | a |\n  | - |\n  | 1 |\n\n>> | a |\n> | - |\n'],
    ['not tables', 'a | b\nc | d\n\n| a |\n|=|\n\na\n-\n\na|b\n:\n\n| a | b |\n| - |\n'],
    ['a table after a paragraph', 'Text\n| a | b |\n| - | - |\n| c | d |\n'],
    ['tabs, CR and CRLF', '|\ta\t|\r|-|\r\n| b |\r\nwww.x.org\rhttps://x.org\r\na@b.org\n'],
    ['a byte order mark', '\uFEFF| a |\n| - |\nwww.x.org a@b.org'],
    ['astral characters', '😀 www.x.org 😀a@b.org\n| 😀 |\n|-|\n'],
  ])('%s', (_, text) => {
    expectSameTree(text);
  });

  test('10 generated plans', () => {
    for (const plan of generatePlans(10, 7)) expectSameTree(plan.text);
  });

  const piece = fc.constantFrom(
    'www.x.org', 'WWW.X.ORG', 'www.', 'www', 'wWw.a-b.c_d', 'http://a.b', 'https://x.org/a_b_c', 'HTTPS://x.y/z?q=1&r=2', 'https://x.org/path).', 'http',
    'https:/', 'x@y.org', 'a.b+c@d-e.f.', 'a@b', '@', 'mailto:a@b.co', 'xmpp:a@b.co/r', '*', '**', '_', '~~', '`', '[', ']', '](u)', '![', '(', ')', '<', '>',
    '&amp;', '&#64;', '\\', '|', '| a | b |', '|---|---|', '-|-', ':-:|', '- | -', ' - ', '> ', '>', '# ', '1. ', '- ', '- [x] ', '    ', '\t', 'hello', 'word,', '.', ':', '[^1]', '[^1]: n',
  );
  const separator = fc.constantFrom('', '', ' ', ' ', '\n', '\n', '\n\n', '\r\n', '\r');

  test('generated Markdown full of autolink and table syntax', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 30 }), (parts) => {
        expectSameTree(parts.map(([text, end]) => text + end).join(''));
      }),
      property(200),
    );
  });

  test('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('w', 'W', '.', 'h', 't', 'p', 's', ':', '/', '@', 'a', '|', '-', ' ', '\n', '>', '[', ']', '*', '_', '\t', '\r') , maxLength: 80 }), (text) => {
        expectSameTree(text);
      }),
      property(200),
    );
  });
});
