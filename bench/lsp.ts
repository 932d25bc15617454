/**
 * The lsp section of `npm run bench`: how long after an edit in the editor
 * the problems of a typical plan reach it. Runs the real `careerplan lsp
 * --stdio` on the generated plans, opens one as an editor does, changes its
 * title `edits` times, each once the previous change's problems have
 * arrived, and times the change → its problems (the server's quiet time
 * after typing included, as the author waits for it). Starts a child process.
 */
import path from 'node:path';
import { benchAsOf, type GeneratedPlan } from './generate.js';
import { startLsp } from './lsp-client.js';
import { summarize, type Summary } from './stats.js';

/** How the lsp section runs. */
export interface LspOptions {
  readonly plansFolder: string;
  readonly plan: GeneratedPlan;
  readonly edits: number;
}

/** What the lsp section measured. */
export interface LspFigures {
  readonly plan: string;
  readonly planKb: number;
  readonly edits: number;
  /** A change sent → its problems published, in milliseconds. */
  readonly publish: Summary;
}

/** Measures change → problems for one plan. Starts a child process. */
export async function measureLsp(options: LspOptions): Promise<LspFigures> {
  const project = path.dirname(options.plansFolder);
  const lsp = await startLsp(project, ['--as-of', benchAsOf, '--plans', options.plansFolder]);
  const file = path.relative(project, path.join(options.plansFolder, options.plan.name));
  try {
    lsp.open(file, options.plan.text);
    await lsp.diagnostics(file, 1);
    const samples: number[] = [];
    for (let version = 2; version < options.edits + 2; version++) {
      const started = Date.now();
      lsp.change(file, options.plan.text.replace(/^title: .*$/mu, `title: Plan, edit ${version}`), version);
      const published = await lsp.diagnostics(file, version);
      samples.push(published.at - started);
    }
    return { plan: options.plan.name, planKb: Buffer.byteLength(options.plan.text) / 1024, edits: options.edits, publish: summarize(samples) };
  } finally {
    await lsp.stop();
  }
}
