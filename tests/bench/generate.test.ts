import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchAsOf, generatePlans, writePlans, type GeneratedPlan } from '../../bench/generate.js';
import { timeDependentRules } from '../../bench/cases.js';
import { checkPlans, type CheckResult } from '../../src/build/check-plans.js';
import { resolveConfig } from '../../src/config/config.js';
import { parse } from '../../src/stages/parse.js';

/** Words a reader sees in the body: its text and code, not the frontmatter, link targets or syntax. */
function bodyWords(body: Nodes | undefined): number {
  const texts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') texts.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  if (body) walk(body);
  return texts.join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

describe('the benchmark generator', () => {
  let folder: string;
  let plans: GeneratedPlan[];
  let result: CheckResult;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'careerplan-generate-'));
    plans = await writePlans(folder, 5, 42);
    const resolved = resolveConfig(undefined, { asOf: benchAsOf }, process.cwd(), benchAsOf);
    if (!resolved.config) throw new Error('the default config did not resolve');
    const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name));
    result = await checkPlans(files, resolved.config, process.cwd());
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes plans that check without errors', () => {
    expect(result.planCount).toBe(5);
    expect(result.checked.every((checked) => checked.plan !== undefined)).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes plans whose only warnings depend on the as-of date', () => {
    expect(result.diagnostics.filter((d) => !timeDependentRules.has(d.ruleId))).toEqual([]);
  });

  it('uses every key of the format', () => {
    const keys = new Set<string>();
    const collect = (value: unknown, prefix: string): void => {
      if (Array.isArray(value)) for (const item of value) collect(item, prefix);
      else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          keys.add(`${prefix}${key}`);
          if (key !== 'requires') collect(inner, `${prefix}${key}.`);
        }
      }
    };
    // The data as written, before the schema fills in defaults such as `kind` and `id`.
    for (const plan of plans) collect(parse({ path: plan.name, absolutePath: path.join(folder, plan.name), text: plan.text }).frontmatter?.data, '');
    for (const key of ['title', 'owner', 'role', 'created', 'reviewed', 'horizon', 'vision', 'priorities', 'strengths', 'weaknesses', 'lang']) {
      expect(keys).toContain(key);
    }
    for (const key of ['name', 'id', 'kind', 'level', 'target', 'note']) expect(keys).toContain(`skills.${key}`);
    for (const key of ['current', 'needed', 'note']) expect(keys).toContain(`education.${key}`);
    for (const key of ['title', 'id', 'kind', 'measure', 'start', 'due', 'skills', 'status', 'done']) expect(keys).toContain(`goals.${key}`);
    for (const key of ['title', 'due', 'resources', 'done', 'worth', 'reflection']) expect(keys).toContain(`goals.steps.${key}`);
    for (const key of ['title', 'date', 'status', 'requires', 'note']) expect(keys).toContain(`opportunities.${key}`);
  });

  it('is deterministic for a seed, and plans do not depend on the corpus size', () => {
    expect(generatePlans(5, 42)).toEqual(plans);
    expect(generatePlans(8, 42).slice(0, 5)).toEqual(plans);
    expect(generatePlans(5, 43)).not.toEqual(plans);
  });

  it('writes bodies of 300 to 800 words with the GFM an author uses', () => {
    for (const checked of result.checked) {
      const words = bodyWords(checked.body);
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(800);
      const types = new Set<string>();
      const walk = (node: Nodes): void => {
        types.add(node.type);
        if (node.type === 'listItem' && typeof node.checked === 'boolean') types.add('task');
        // A bare URL: a link whose text is its address, not written as `<…>`.
        const text = node.type === 'link' && node.children[0]?.type === 'text' ? node.children[0].value : undefined;
        if (node.type === 'link' && text && node.url.endsWith(text) && checked.source.text[node.position?.start.offset ?? 0] !== '<') types.add('bare URL');
        if ('children' in node) for (const child of node.children) walk(child);
      };
      if (checked.body) walk(checked.body);
      for (const type of ['heading', 'paragraph', 'emphasis', 'strong', 'link', 'bare URL', 'table', 'task']) expect(types).toContain(type);
    }
  });

  it('writes frontmatter of about 5.5 KB with 4 to 8 goals', () => {
    const sizes = generatePlans(50, 42).map((plan) => Buffer.byteLength(plan.text.slice(0, plan.text.indexOf('\n---', 3))));
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(mean).toBeGreaterThan(4500);
    expect(mean).toBeLessThan(7000);
    for (const checked of result.checked) {
      expect(checked.plan?.goals.length).toBeGreaterThanOrEqual(4);
      expect(checked.plan?.goals.length).toBeLessThanOrEqual(8);
    }
  });
});
