/**
 * The in-process breakdown: times each stage of checking one plan with the
 * functions `src/stages/*.ts` export, plan by plan, and the parts of the
 * parse stage on their own. Reads the plans from disk.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { inspectPath } from '../src/edges/attachments.js';
import { readYaml, toData } from '../src/format/yaml.js';
import { findTooComplex } from '../src/markdown/complexity.js';
import { isFinding, loadPlan } from '../src/stages/load.js';
import { parse } from '../src/stages/parse.js';
import { validate, type ValidateOptions } from '../src/stages/validate.js';
import { benchAsOf } from './generate.js';
import { summarize, type Summary } from './stats.js';

/** The stages and parts of stages timed per plan. */
export const stageNames = ['load', 'parse', 'parse: YAML', 'parse: Markdown', 'parse: pre-scan', 'validate', 'load + parse + validate'] as const;

/** A stage or part of one. */
export type StageName = (typeof stageNames)[number];

/** What each stage cost per plan, in milliseconds. */
export type StageFigures = Readonly<Record<StageName, Summary>>;

/**
 * The same processor as `src/stages/parse.ts` (which does not export its
 * own), to time the Markdown parse apart from the YAML.
 */
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The YAML between the opening `---` line and the closing one, as `parse` hands it to the YAML reader. */
function frontmatterText(text: string): string {
  const start = text.indexOf('\n') + 1;
  const end = text.indexOf('\n---', start - 1);
  return end === -1 ? '' : text.slice(start, end + 1);
}

/**
 * Times every stage for each of `files` (absolute paths in `plansRoot`),
 * `passes` times after one warm-up pass. Each pass runs the real pipeline
 * over all plans, then, separately, the parts of `parse` on their own, so
 * neither leaves its garbage to the other's timings. Reads the disk.
 */
export async function measureStages(files: readonly string[], plansRoot: string, passes: number): Promise<StageFigures> {
  const options: ValidateOptions = { asOf: benchAsOf, plansRoot, inspect: inspectPath, severities: {} };
  const samples = Object.fromEntries(stageNames.map((name) => [name, [] as number[]])) as Record<StageName, number[]>;
  const texts: string[] = [];
  for (let pass = 0; pass <= passes; pass++) {
    const record = (name: StageName, ms: number): void => {
      if (pass > 0) samples[name].push(ms);
    };
    collectGarbage();
    for (const [index, file] of files.entries()) {
      const t0 = performance.now();
      const source = await loadPlan(file, file);
      const t1 = performance.now();
      if (isFinding(source)) throw new Error(`cannot load ${file}: ${source.message}`);
      const parsed = parse(source);
      const t2 = performance.now();
      const checked = validate(parsed, options);
      const t3 = performance.now();
      const error = checked.diagnostics.find((d) => d.severity === 'error');
      if (error) throw new Error(`${file}:${error.place.start.line} ${error.ruleId}: ${error.message}`);
      texts[index] = source.text;
      record('load', t1 - t0);
      record('parse', t2 - t1);
      record('validate', t3 - t2);
      record('load + parse + validate', t3 - t0);
    }
    collectGarbage();
    for (const text of texts) {
      const yaml = frontmatterText(text);
      const t0 = performance.now();
      const { document } = readYaml(yaml);
      if (document) toData(document);
      const t1 = performance.now();
      markdown.parse(text);
      const t2 = performance.now();
      findTooComplex(text);
      const t3 = performance.now();
      record('parse: YAML', t1 - t0);
      record('parse: Markdown', t2 - t1);
      record('parse: pre-scan', t3 - t2);
    }
  }
  return Object.fromEntries(stageNames.map((name) => [name, summarize(samples[name])])) as StageFigures;
}

/** Collects garbage between passes when node runs with `--expose-gc`, so one pass does not pay for another. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
