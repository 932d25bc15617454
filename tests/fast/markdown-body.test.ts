import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { generatePlans } from '../../bench/generate.js';
import { parseBody, readBody } from '../../src/fast/markdown-body.js';
import { propertyRuns } from '../support/property.js';

/**
 * `parseBody` gives the tree micromark gives for a body, every node, key
 * (in order) and position included: the one remark-parse with remark-gfm
 * gives.
 */
const gfm = unified().use(remarkParse).use(remarkGfm);

/** Runs per property (deeper with `CAREERPLAN_PROPERTY_RUNS`, see tests/support/property.ts). */
const runs = propertyRuns(200);
/** Generated plans of each corpus below. */
const corpus = propertyRuns(60);
const propertyTimeout = Math.max(30_000, runs * 30);

const root = path.join(import.meta.dirname, '../..');

/** The body of a plan: the text after the line `---` that closes its frontmatter. */
function bodyOf(text: string): string {
  const block = /^---[ \t]*\n[\s\S]*?\n---[ \t]*\n/.exec(text);
  return block ? text.slice(block[0].length) : text;
}

function sameTree(actual: Root, expected: Root): boolean {
  return isDeepStrictEqual(actual, expected) && JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * Whether `read` gives remark-gfm's tree for a body. Bodies on which
 * remark-gfm itself fails are skipped: under vitest the unified packages
 * run their development builds, whose assertions reject a few odd inputs
 * (`*\n[x] *`) that the production builds read.
 */
function readsLikeGfm(read: (body: string) => Root, body: string): boolean {
  let expected: Root;
  try {
    expected = gfm.parse(body);
  } catch {
    fc.pre(false);
    return true;
  }
  return sameTree(read(body), expected);
}

/**
 * `parseBody` gives remark-gfm's tree; unless `only` says so, so do the
 * chunks alone read by micromark (which proves the cutting on its own).
 */
function expectSameTree(body: string, only?: 'parseBody'): void {
  const expected = gfm.parse(body);
  const trees = only ? [parseBody(body)] : [parseBody(body), readBody(body, false).tree];
  for (const tree of trees) {
    expect(tree, JSON.stringify(body)).toStrictEqual(expected);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(expected));
  }
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name));
}

describe('parseBody on plans', () => {
  // Chunks alone on the first 30 of each corpus: micromark's development build is slow.
  test.each([1, 2026])(`every body of ${corpus} generated plans, seed %i`, (seed) => {
    for (const [index, plan] of generatePlans(corpus, seed).entries()) expectSameTree(bodyOf(plan.text), index < 30 ? undefined : 'parseBody');
  });

  test('the example plans and every Markdown fixture', () => {
    const files = [...markdownFiles(path.join(root, 'plans')), ...markdownFiles(path.join(root, 'tests/fixtures'))];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectSameTree(text);
      expectSameTree(bodyOf(text));
    }
  });

  test('every body of 100 generated plans saved with CR LF line breaks', () => {
    for (const plan of generatePlans(100, 4)) expectSameTree(bodyOf(plan.text).replace(/\n/g, '\r\n'), 'parseBody');
  });

  test('reads nearly every chunk of a generated body without micromark', () => {
    let chunks = 0;
    let fastChunks = 0;
    for (const plan of generatePlans(50, 3)) {
      const reading = readBody(bodyOf(plan.text));
      chunks += reading.chunks;
      fastChunks += reading.fastChunks;
    }
    expect(chunks).toBeGreaterThan(500);
    expect(fastChunks / chunks).toBeGreaterThan(0.95);
  });

  test.each([
    ['an empty body', ''],
    ['blank lines only', '\n\n  \n'],
    ['leading and trailing blank lines', '\n\n# H\n\ntext\n\n\n'],
    ['no final line break', '## H\n\ntext'],
    ['a heading over a list', '## H\n- a\n- [x] b'],
    ['a loose list', '- a\n\n- b\n\ntext'],
    ['a list after a paragraph', 'text\n\n- [ ] a\n- [x] b\n'],
    ['two quotes', '> a\n\n> b\n'],
    ['a quote over two lines', '> a *b*\n> c [d\n> e](f)\n'],
    ['a table with alignments', '| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | [x](y) |\n'],
    ['a table row with a missing cell', '| a | b |\n|---|---|\n| 1 |\n'],
    ['a setext heading', 'Title\n===\n\ntext\n'],
    ['indented code after a blank line', 'text\n\n    code\n\nmore\n'],
    ['autolink literals', 'see https://x.org/a. www.x.org, and <https://y.org/b>\nhttps://z.org/c?d=e\n'],
    ['emphasis with underscores', '_a_ and __b__ but snake_case\n'],
    ['a definition', '[a]\n\n[a]: https://x.org\n'],
    ['fenced code', 'text\n\n```\n\nnot *text*\n```\n'],
    ['an HTML block', 'text\n\n<!--\n\ncomment\n-->\n'],
    ['cells without spaces', '|*a*|https://x.org|[b](c)|\n|-|-|-|\n|**d**.|www.e.org,|<https://f.org>|\n'],
    ['task items starting with a link or emphasis', '- [x] [a](b) c\n- [ ] *d* e\n- [x] https://x.org\n'],
    ['a nested quote ending a chunk', '> > a\n>\n\ntext\n'],
  ])('%s', (_, body) => {
    expectSameTree(body);
  });
});

// ── properties ──────────────────────────────────────────────────────────────

const words = fc.constantFrom('plan', 'a', 'Über', 'team', '2026', 'x1', 'I', 'e.g.', 'it’s', '(see', 'this)', '"q"');
const constructs = fc.constantFrom(
  '*em*', '**strong**', '_em_', '__strong__', '*two words*', '**a b**', '[text](https://u.org/x)', '[a b](x.png)', '![alt](img/a.svg)',
  '<https://x.org/a>', 'https://x.org/path', 'https://x.org', 'www.x.org', 'www.x.org.', 'https://hbr.org/2019/01/x-y', '[two words](u)', '[a\nb](u)',
);

/** Inline pieces: mostly what the fast reader takes, with everything it refuses mixed in. */
const inlinePiece = fc.oneof(
  { weight: 12, arbitrary: words },
  { weight: 6, arbitrary: constructs },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '*', '**', '***', '_', '__', '[', ']', '](', ')', '(', '!', '<', '>', '#', '-', '|', '`', '``', '\\', '&amp;', '&', '~', '~~', ':', '@', '.',
      ',', '?', ';', '=', '+', '^', '[^1]', ']:', '$', '%', '\u00a0', 'é', '😀',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'https://example.com/a_b(c)', 'http://a.b/c?d=e&f', 'HTTPS://X.ORG', 'https://localhost', 'www.', 'https://', 'Www.x.org', 'www.x', 'a@b.co',
      'mailto:a@b.co', 'https://x.org/a)', '(https://x.org)', 'xhttps://x.org', 'https://x-.org', 'https://x.org/*', 'https://x.org/a.b.', 'https://x.o_rg',
      '<http://a.b>', '<HTTPS://a.b>', '<a@b.co>', '<div>', '[x]', '[ ]', '[x](u "t")', '[x](<u>)', '[](u)', '![](u)', '[x](a(b)c)', '[*a*](u)', '*[a](u)*',
      '**a*', '*a**', 'a*b*c', '_a_b', '*a*.', '**a**!', '*a*,', '*a*b', 'x**y**', '<https://a.b/%41>', '[a](u%20x)', '2026.', '1)', '[a]: u',
    ),
  },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n');
const inline = fc.array(fc.tuple(inlinePiece, separator), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.map(([piece, sep]) => piece + sep).join('').trimEnd());

const linePrefix = fc.constantFrom(
  '', '', '', '', '- ', '- [ ] ', '- [x] ', '- [X] ', '* ', '+ ', '> ', '# ', '## ', '###### ', '####### ', '#', '1. ', '2026. ', ' ', '  ', '   ', '    ', '     ',
  '| ', '- - ', '> > ', '>', '-', '[a]: ',
);
const lineEnd = fc.constantFrom('', '', '', '', ' ', '  ', ' |', ' #');
const wholeLine = fc.constantFrom('', '', '', '---', '===', '***', '|---|---|', '| a | b |', '|:-:|--:|', '```', '~~~', '    code', '<div>', '<!-- c -->', '- ', '>', '  ');
const line = fc.oneof({ weight: 6, arbitrary: fc.tuple(linePrefix, inline, lineEnd).map(([prefix, text, end]) => prefix + text + end) }, { weight: 2, arbitrary: wholeLine });

/** Bodies from a grammar of tricky pieces: line starts, inline pieces, line ends and blank lines. */
const trickyBody = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '\n', '\n\n')).map(([lines, end]) => lines.join('\n') + end);

/** Inline text the fast reader mostly takes: words and the constructs it reads, now and then any other piece. */
const simpleInline = fc
  .array(fc.tuple(fc.oneof({ weight: 40, arbitrary: words }, { weight: 10, arbitrary: constructs }, { weight: 1, arbitrary: inlinePiece }), fc.constantFrom(' ', ' ', ' ', ' ', ' ', ' ', '\n', '')), {
    minLength: 1,
    maxLength: 10,
  })
  .map((pieces) => pieces.map(([piece, sep]) => piece + sep).join('').trim())
  .filter((text) => text !== '');

const block = fc.oneof(
  simpleInline.map((text) => text),
  fc.tuple(fc.integer({ min: 1, max: 6 }), simpleInline).map(([depth, text]) => `${'#'.repeat(depth)} ${text.replace(/\n/g, ' ')}`),
  fc.array(fc.tuple(fc.constantFrom('- ', '- [ ] ', '- [x] '), simpleInline), { minLength: 1, maxLength: 4 }).map((items) => items.map(([marker, text]) => marker + text.replace(/\n/g, ' ')).join('\n')),
  simpleInline.map((text) => `> ${text.replace(/\n/g, '\n> ')}`),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }))
    .chain(([columns, rows]) =>
      fc.tuple(
        fc.array(simpleInline.map((text) => text.replace(/[\n|]/g, ' ')), { minLength: columns * (rows + 1), maxLength: columns * (rows + 1) }),
        fc.array(fc.constantFrom('---', ':--', '--:', ':-:', ' - ', '------'), { minLength: columns, maxLength: columns }),
      ),
    )
    .map(([cells, delimiters]) => {
      const columns = delimiters.length;
      const rows: string[] = [];
      for (let start = 0; start < cells.length; start += columns) rows.push(`| ${cells.slice(start, start + columns).join(' | ')} |`);
      rows.splice(1, 0, `|${delimiters.join('|')}|`);
      return rows.join('\n');
    }),
);

/** Bodies built of the blocks plans are written in, with one or two blank lines or none between them. */
const planBody = fc
  .tuple(fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n')), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n'))
  .map(([blocks, end]) => blocks.map(([text, sep]) => text + sep).join('').trimEnd() + end);

describe('parseBody on generated Markdown', () => {
  test('bodies of plan blocks are mostly read without micromark, so the properties test the fast reader', () => {
    let chunks = 0;
    let fastChunks = 0;
    for (const body of fc.sample(planBody, { numRuns: 200, seed: 1 })) {
      const reading = readBody(body);
      chunks += reading.chunks;
      fastChunks += reading.fastChunks;
    }
    expect(fastChunks / chunks).toBeGreaterThan(0.5);
  });

  test('bodies of tricky pieces give the tree remark-gfm gives', () => {
    fc.assert(
      fc.property(trickyBody, (body) => readsLikeGfm(parseBody, body)),
      { numRuns: runs },
    );
  }, propertyTimeout);

  test('bodies of plan blocks give the tree remark-gfm gives', () => {
    fc.assert(
      fc.property(planBody, (body) => readsLikeGfm(parseBody, body)),
      { numRuns: runs },
    );
  }, propertyTimeout);

  test('bodies with CR LF line breaks give the tree remark-gfm gives, and are read without micromark as often as with LF', () => {
    fc.assert(
      fc.property(fc.oneof(trickyBody, planBody), (body) => readsLikeGfm(parseBody, body.replace(/\r?\n/g, '\r\n'))),
      { numRuns: Math.ceil(runs / 2) },
    );
    for (const body of fc.sample(planBody, { numRuns: 100, seed: 2 })) {
      expect(readBody(body.replace(/\n/g, '\r\n')).fastChunks).toBe(readBody(body).fastChunks);
    }
  }, propertyTimeout);

  test('bodies of any shape are cut and read without micromark alike with CR LF and with LF', () => {
    fc.assert(
      fc.property(fc.oneof(trickyBody, planBody), (body) => {
        // A CR of the body's own makes it another text once its line feeds gain one.
        fc.pre(!body.includes('\r'));
        const [lf, crlf] = [readBody(body), readBody(body.replace(/\n/g, '\r\n'))];
        expect({ chunks: crlf.chunks, fastChunks: crlf.fastChunks }).toEqual({ chunks: lf.chunks, fastChunks: lf.fastChunks });
      }),
      { numRuns: Math.ceil(runs / 4) },
    );
  }, propertyTimeout);

  test('cutting into chunks alone gives the tree remark-gfm gives', () => {
    fc.assert(
      fc.property(fc.oneof(trickyBody, planBody), (body) => readsLikeGfm((text) => readBody(text, false).tree, body)),
      { numRuns: Math.ceil(runs / 2) },
    );
  }, propertyTimeout);
});
