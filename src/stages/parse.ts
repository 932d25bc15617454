/**
 * The parse stage: a plan's source text becomes its Markdown tree (with
 * exact positions) and its YAML frontmatter (with exact ranges). Pure: it
 * records every problem as a finding and never throws for a user's mistake.
 *
 * Who does what: `findFence` is the one place that finds the frontmatter
 * fence, by the rule of micromark-extension-frontmatter; remark-parse with
 * remark-frontmatter reads the file into a tree whose `yaml` node is the
 * block and whose body positions count from the file's first line; the
 * `yaml` package reads that block with exact ranges. Where a fast reader is
 * on (`fast/switch.ts`), it gives the same tree or data for the plain text
 * of plans, and leaves the rest to the library.
 */
import type { Root } from 'mdast';
import type { Document } from 'yaml';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createLocator } from '../diagnostics/locator.js';
import { readYaml, toData, type YamlProblem } from '../format/yaml.js';
import { readYamlMended } from '../format/yaml-slips.js';
import { findTraps, holdsValueForText, keepTexts } from '../format/yaml-traps.js';
import { createSubsetLocator, readYamlSubset } from '../fast/yaml-subset.js';
import type { Finding, Frontmatter, Parsed, SourceFile } from '../types.js';
import { findTooComplex } from '../markdown/complexity.js';
import { readFileAfterFence, type Fence } from '../fast/markdown-body.js';
import { fastReadersOfProcess, type FastReaders } from '../fast/switch.js';

/** The whole file through micromark, with the frontmatter block as a `yaml` node and GFM. */
const wholeFile = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** How to parse: which fast readers run (by default, as `CAREERPLAN_FAST_READERS` says). */
export interface ParseOptions {
  readonly readers?: FastReaders;
}

/** Parses a plan's text into frontmatter and Markdown tree. Pure, except that by default it reads the fast readers' switch from the environment. */
export function parse(source: SourceFile, options: ParseOptions = {}): Parsed {
  const readers = options.readers ?? fastReadersOfProcess();
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

  const text = opening.kind === 'yaml' ? plainOpening(source.text, opening.length) : source.text;
  const fence = opening.kind === 'yaml' ? findFence(text) : undefined;
  const tooComplex = findTooComplex(source.text, opening.kind === 'yaml' ? (fence?.bodyOffset ?? text.length) : 0);
  if (tooComplex) {
    at(tooComplex.offset, 'too-complex', tooComplex.message);
    return { source, locator, findings };
  }

  const body = parseMarkdown(text, fence, readers);
  if (!body) {
    at(0, 'too-complex', 'Unexpected Markdown too deeply nested to read, expected fewer nested quotes or lists');
    return { source, locator, findings };
  }

  if (opening.kind === 'none') return { source, locator, body, findings };

  const block = body.children[0];
  if (block?.type !== 'yaml') {
    at(0, 'yaml-syntax', 'Unexpected frontmatter without an end, expected a line `---` after its last key', opening.length);
    return { source, locator, body, findings };
  }

  // The YAML text runs from the end of the opening `---` (its line break included) to the end of the block's value.
  const valueEnd = opening.length + lineBreakAt(text, opening.length).length + block.value.length;
  const frontmatter = readFrontmatter(source.text.slice(opening.length, valueEnd), opening.length, readers, (problem, offset) =>
    at(offset + problem.range[0], problem.ruleId ?? 'yaml-syntax', problem.message, offset + problem.range[1]),
  );
  return { source, locator, body, findings, ...(frontmatter ? { frontmatter } : {}) };
}

type Opening = { kind: 'yaml'; length: number } | { kind: 'none' } | { kind: 'foreign'; language: string; length: number };

/** Reads the language of the first line: `---` or `---yaml` opens YAML frontmatter; any other language is refused. */
function openingLine(text: string): Opening {
  if (!text.startsWith('---')) return { kind: 'none' };
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const language = line.slice(3).trim();
  if (language === '' || /^ya?ml$/i.test(language)) return { kind: 'yaml', length: line.length };
  if (/^-+$/.test(language)) return { kind: 'none' };
  return { kind: 'foreign', language, length: line.length };
}

/** Writes `---yaml` as `---` plus spaces, so remark-frontmatter sees its fence and every offset stays put. */
function plainOpening(text: string, openingLength: number): string {
  return openingLength === 3 ? text : `---${' '.repeat(openingLength - 3)}${text.slice(openingLength)}`;
}

/** The line break (CR LF, LF or CR) at `offset`, or `''` at none. */
function lineBreakAt(text: string, offset: number): string {
  return /^(?:\r\n|\r|\n)?/.exec(text.slice(offset, offset + 2))?.[0] ?? '';
}

/**
 * Finds the frontmatter fence as micromark-extension-frontmatter does: a
 * first line `---` (spaces or tabs may follow), then the first line `---`
 * (the same) after it, lines ending with CR LF, LF or CR. `undefined` when
 * the text does not start with such a line or no such line closes it.
 */
export function findFence(text: string): Fence | undefined {
  const opening = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!opening) return undefined;
  const closing = /(\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
  closing.lastIndex = opening[0].length - (opening[1]?.length ?? 1);
  const match = closing.exec(text);
  if (!match) return undefined;
  const fenceStart = match.index + (match[1]?.length ?? 1);
  const fenceEnd = match.index + match[0].length;
  const closingLine = (text.slice(0, fenceStart).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const bodyOffset = fenceEnd + lineBreakAt(text, fenceEnd).length;
  return { valueStart: opening[0].length, valueEnd: match.index, fenceStart, fenceEnd, closingLine, bodyOffset };
}

/** Parses the file's Markdown, or returns `undefined` when the input overflows the parser's stack. */
function parseMarkdown(text: string, fence: Fence | undefined, readers: FastReaders): Root | undefined {
  try {
    const fast = fence && readers['markdown-body'] ? readFileAfterFence(text, fence) : undefined;
    return fast ?? wholeFile.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Reads the YAML of the frontmatter (`yamlText`, at `offset` in the file):
 * plain YAML, as plans are written, by the subset reader when it is on, any
 * other by the full reader, which names each slip once and mends it
 * (`yaml-slips.ts`), and warns where YAML reads the text otherwise than it
 * is written (`yaml-traps.ts`).
 */
function readFrontmatter(yamlText: string, offset: number, readers: FastReaders, report: (problem: YamlProblem, offset: number) => void): Frontmatter | undefined {
  const subsetData = readers['yaml-subset'] ? readYamlSubset(yamlText) : undefined;
  if (subsetData !== undefined && !holdsValueForText(subsetData)) return frontmatterReadLater(yamlText, offset, subsetData ?? Object.create(null));
  const { document, problems, readable } = readYamlMended(yamlText);
  for (const problem of problems) report(problem, offset);
  // YAML careerplan could not read past gives no data worth checking: checking a guess would only add false errors.
  if (!document || !readable) return undefined;
  const converted = toData(document);
  for (const problem of converted.problems) report(problem, offset);
  const data: unknown = converted.data ?? Object.create(null);
  const traps = findTraps(document, yamlText);
  for (const problem of traps.problems) report(problem, offset);
  keepTexts(data, traps.texts);
  return { document, offset, data };
}

/**
 * Frontmatter whose data came from the subset reader: the document, with the
 * positions only a diagnostic needs, is read when first asked for. The
 * subset reader took only text the full reader reads without a problem, and
 * its data holds every key of the document.
 */
function frontmatterReadLater(yamlText: string, offset: number, data: unknown): Frontmatter {
  let document: Document.Parsed | undefined;
  return {
    offset,
    data,
    dataHasEveryKey: true,
    locateScalar: createSubsetLocator(yamlText),
    get document() {
      document ??= readYaml(yamlText).document;
      if (!document) throw new Error('the YAML reader failed on text the subset reader took');
      return document;
    },
  };
}
