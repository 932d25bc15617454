/**
 * The parse stage: a plan's source text becomes its YAML frontmatter (with
 * exact ranges) and its Markdown tree (with exact positions). Pure: it
 * records every problem as a finding and never throws for a user's mistake.
 */
import matter from 'gray-matter';
import type { Root, Yaml } from 'mdast';
import type { Document } from 'yaml';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createLocator } from '../diagnostics/locator.js';
import { readYaml, toData, type YamlProblem } from '../format/yaml.js';
import { createSubsetLocator, readYamlSubset } from '../fast/yaml-subset.js';
import type { Finding, Frontmatter, Parsed, SourceFile } from '../types.js';
import { findTooComplex } from '../markdown/complexity.js';
import { remarkGfmChecked } from '../fast/gfm.js';
import { moveDown, parseBody } from '../fast/markdown-body.js';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmChecked);

/** Parses a plan's text into frontmatter and Markdown tree. Pure. */
export function parse(source: SourceFile): Parsed {
  const locator = createLocator(source.text);
  const findings: Finding[] = [];
  const at = (offset: number, ruleId: string, message: string, end?: number): void => {
    findings.push({ file: source.path, place: locator.place(offset, end), ruleId, message });
  };

  const opening = openingLine(source.text);
  if (opening.kind === 'foreign') {
    at(0, 'yaml-syntax', `Unexpected frontmatter language \`${opening.language}\`, expected YAML: start the plan with a line \`---\``, opening.length);
    return { source, locator, findings };
  }
  if (opening.kind === 'none') {
    at(0, 'yaml-syntax', 'Missing frontmatter, expected the plan to start with a line `---`, its YAML keys, and another line `---`');
  }

  const tooComplex = findTooComplex(source.text, opening.kind === 'yaml' ? bodyStart(source.text, opening.length) : 0);
  if (tooComplex) {
    at(tooComplex.offset, 'too-complex', tooComplex.message);
    return { source, locator, findings };
  }

  const body = parseMarkdown(opening.kind === 'yaml' ? plainOpening(source.text, opening.length) : source.text);
  if (!body) {
    at(0, 'too-complex', 'Unexpected Markdown too deeply nested to read, expected fewer nested quotes or lists');
    return { source, locator, findings };
  }

  if (opening.kind === 'none') return { source, locator, body, findings };

  const fence = body.children[0];
  if (fence?.type !== 'yaml') {
    at(0, 'yaml-syntax', 'Unexpected frontmatter without an end, expected a line `---` after its last key', opening.length);
    return { source, locator, body, findings };
  }

  const frontmatter = readFrontmatter(source.text, opening.length, (problem, offset) =>
    at(offset + problem.range[0], 'yaml-syntax', problem.message, offset + problem.range[1]),
  );
  return { source, locator, body, findings, ...(frontmatter ? { frontmatter } : {}) };
}

type Opening = { kind: 'yaml'; length: number } | { kind: 'none' } | { kind: 'foreign'; language: string; length: number };

/** Reads the first line: `---` or `---yaml` opens YAML frontmatter; any other language is refused. */
function openingLine(text: string): Opening {
  if (!text.startsWith('---')) return { kind: 'none' };
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const language = line.slice(3).trim();
  if (language === '' || /^ya?ml$/i.test(language)) return { kind: 'yaml', length: line.length };
  if (/^-+$/.test(language)) return { kind: 'none' };
  return { kind: 'foreign', language, length: line.length };
}

/** Where the body starts: after the line `---` that closes the frontmatter (or at the end when none does). */
function bodyStart(text: string, openingLength: number): number {
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = openingLength;
  const match = closing.exec(text);
  return match ? match.index + match[0].length : text.length;
}

/** Writes `---yaml` as `---` plus spaces, so remark-frontmatter sees its fence and every offset stays put. */
function plainOpening(text: string, openingLength: number): string {
  return openingLength === 3 ? text : `---${' '.repeat(openingLength - 3)}${text.slice(openingLength)}`;
}

/** Parses Markdown, or returns `undefined` when the input overflows the parser's stack. */
function parseMarkdown(text: string): Root | undefined {
  try {
    return parseAfterFrontmatter(text) ?? markdown.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A frontmatter block as remark-frontmatter reads it. */
interface FrontmatterBlock {
  /** Its `yaml` node: the text between the fence lines, positioned from 1:1 to the end of the closing fence. */
  readonly node: Yaml;
  /** The line of the closing fence. */
  readonly closingLine: number;
  /** Offset of the body: just after the line break that ends the closing fence. */
  readonly bodyOffset: number;
}

/**
 * The tree `markdown.parse(text)` gives, positions included: the
 * frontmatter block is read here with the rules of remark-frontmatter, the
 * body by `parseBody` (which leaves to micromark only what it cannot read
 * for certain), and the body's positions are moved down past the block. `undefined` (parse the whole
 * text) for a frontmatter that needs micromark's own reading.
 */
function parseAfterFrontmatter(text: string): Root | undefined {
  const block = frontmatterBlock(text);
  // micromark skips a byte order mark at the start of what it parses.
  if (!block || block.bodyOffset === text.length || text.charCodeAt(block.bodyOffset) === 0xfeff) return undefined;
  const tree = parseBody(text.slice(block.bodyOffset));
  if (!tree.position) return undefined;
  moveDown(tree, block.closingLine, block.bodyOffset, new Set());
  tree.children.unshift(block.node);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position.end };
  return tree;
}

/**
 * Finds the frontmatter block as micromark-extension-frontmatter does: a
 * first line `---` (spaces or tabs may follow), then the first line `---`
 * after it. Only text with `\n` line breaks and no NUL (which micromark
 * turns into U+FFFD) before the end of the closing line is read here; any
 * other text gives `undefined`, as does a block without a closing line or
 * without a line break after it.
 */
function frontmatterBlock(text: string): FrontmatterBlock | undefined {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return undefined;
  const closing = /\n---[ \t]*\n/g;
  closing.lastIndex = opening[0].length - 1;
  const match = closing.exec(text);
  if (!match) return undefined;
  const fenceStart = match.index + 1;
  const fenceEnd = match.index + match[0].length - 1;
  const block = text.slice(0, fenceEnd);
  if (block.includes('\r') || block.includes('\0')) return undefined;
  let line = 1;
  for (let index = block.indexOf('\n'); index !== -1; index = block.indexOf('\n', index + 1)) line++;
  const value = text.slice(opening[0].length, Math.max(opening[0].length, match.index));
  const position = { start: { line: 1, column: 1, offset: 0 }, end: { line, column: fenceEnd - fenceStart + 1, offset: fenceEnd } };
  return { node: { type: 'yaml', value, position }, closingLine: line, bodyOffset: fenceEnd + 1 };
}

const refuse = (): never => {
  throw new Error('careerplan reads YAML frontmatter only');
};

/**
 * Runs gray-matter with our YAML reader as its only engine. Options are
 * passed on every call, so gray-matter neither caches nor shares results.
 */
function readFrontmatter(
  text: string,
  offset: number,
  report: (problem: YamlProblem, offset: number) => void,
): Frontmatter | undefined {
  let result: Frontmatter | undefined;
  const yaml = (matterText: string): object => {
    // gray-matter ends the text before `\n---`, leaving the `\r` of a CRLF line on it.
    const yamlText = matterText.endsWith('\r') ? matterText.slice(0, -1) : matterText;
    // Plain YAML, as plans are written, is read fast; any other goes to the full reader, which reports its problems.
    const subsetData = readYamlSubset(yamlText);
    if (subsetData !== undefined) {
      result = frontmatterReadLater(yamlText, offset, subsetData ?? Object.create(null));
      return {};
    }
    const { document, problems } = readYaml(yamlText);
    for (const problem of problems) report(problem, offset);
    if (!document) return {};
    const converted = toData(document);
    for (const problem of converted.problems) report(problem, offset);
    result = { document, offset, data: converted.data ?? Object.create(null) };
    return {};
  };
  matter(text, { language: 'yaml', engines: { yaml, javascript: refuse, js: refuse, json: refuse } });
  return result ?? emptyFrontmatter(offset);
}

/**
 * Frontmatter whose data came from the subset reader: the document, with the
 * positions only a diagnostic needs, is read when first asked for. The
 * subset reader took only text the full reader reads without a problem.
 */
function frontmatterReadLater(yamlText: string, offset: number, data: unknown): Frontmatter {
  let document: Document.Parsed | undefined;
  return {
    offset,
    data,
    locateScalar: createSubsetLocator(yamlText),
    get document() {
      document ??= readYaml(yamlText).document;
      if (!document) throw new Error('the YAML reader failed on text the subset reader took');
      return document;
    },
  };
}

function emptyFrontmatter(offset: number): Frontmatter {
  const { document } = readYaml('');
  if (!document) throw new Error('the YAML reader failed on empty text');
  return { document, offset, data: Object.create(null) };
}
