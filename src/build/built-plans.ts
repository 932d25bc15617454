/**
 * The plans a build has built, kept on disk until the site is written: what
 * the index and the PDFs need of each, its model as `plans.json` holds it,
 * its rows of `plans.csv`, and the text of a plan with errors (for their
 * code frames). While the workers run, this thread then holds a slug per
 * plan, not thousands of models. Writes a spool into the out folder; `close` deletes it.
 */
import { createSpool, type Spool } from '../edges/spool.js';
import type { IndexPlan } from '../site/index-view.js';
import type { BuiltPlan } from './built-plan.js';

/** A build's built plans. */
export interface BuiltPlans {
  /** Keeps a built plan of `file`. */
  keep(file: string, plan: BuiltPlan): void;
  /** Keeps the text of a plan file. */
  keepText(file: string, text: string): void;
  /** Every text kept, by plan file. */
  texts(): Map<string, string>;
  /** What the index shows of every plan kept, sorted by slug. */
  indexPlans(): IndexPlan[];
  /** The model of a plan kept, as `plans.json` holds it, in UTF-8: it is only copied into that file. */
  modelJson(slug: string): Uint8Array;
  /** The rows of `plans.csv` of a plan kept, in UTF-8: they are only copied into that file. */
  csvRows(slug: string): Uint8Array;
  /** Deletes what was kept; again, it does nothing. */
  close(): void;
}

/** Built plans kept in a spool in `folder`, made when the first is kept. */
export function createBuiltPlans(folder: string): BuiltPlans {
  const slugs = new Map<string, string>();
  const textFiles = new Set<string>();
  let spool: Spool | undefined;
  const put = (key: string, text: string): void => {
    spool ??= createSpool(folder);
    spool.put(key, text);
  };
  const from = (key: string): Spool => {
    if (spool === undefined) throw new Error(`nothing was kept, not even ${key}`);
    return spool;
  };
  const get = (key: string): string => from(key).get(key);
  return {
    keep(file, { slug, index, json, csv }) {
      put(`index ${slug}`, index);
      put(`model ${slug}`, json);
      put(`csv ${slug}`, csv);
      slugs.set(file, slug);
    },
    keepText(file, text) {
      put(`text ${file}`, text);
      textFiles.add(file);
    },
    texts: () => new Map([...textFiles].map((file) => [file, get(`text ${file}`)] as const)),
    indexPlans: () => [...slugs.values()].sort((a, b) => a.localeCompare(b)).map((slug) => JSON.parse(get(`index ${slug}`)) as IndexPlan),
    modelJson: (slug) => from(`model ${slug}`).bytes(`model ${slug}`),
    csvRows: (slug) => from(`csv ${slug}`).bytes(`csv ${slug}`),
    close() {
      spool?.close();
      spool = undefined;
      slugs.clear();
      textFiles.clear();
    },
  };
}
