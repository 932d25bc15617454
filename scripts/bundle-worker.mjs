/**
 * Bundles the worker threads into one file each, in place of the
 * `dist/src/build/page-worker.js` (and `dist/src/lsp/check-worker.js`) tsc wrote. Every worker loads its whole
 * module graph before its first page, about 530 ES modules, each read,
 * resolved and linked on its own: on the bench's 1,000 plans one file cut the
 * cold build by about 0.2 s (CPU about 0.5 s) and its peak memory by 15 MB.
 * The bundle holds the same code, so a `dist/` built by tsc alone (without
 * this step) still builds the same pages, only slower to start.
 *
 * Run after `tsc -p tsconfig.build.json` (`npm run build:ts` does both).
 * Reads and writes `dist/`.
 */
import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The build's page worker, then `careerplan lsp`'s check worker (which an editor waits for when it starts the server);
// the page worker last, as the e2e setup takes its date for the time of the last build.
for (const worker of ['dist/src/lsp/check-worker.js', 'dist/src/build/page-worker.js'].map((file) => path.join(root, file))) await bundleWorker(worker);

/** Bundles one worker's module graph into its file. Reads and writes `dist/`. */
async function bundleWorker(worker) {
  const bundle = await rolldown({ input: worker, platform: 'node', logLevel: 'silent' });
  try {
    // No code splitting: a dynamic import inside the graph is inlined, so the worker is one file.
    const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
    const [chunk, ...rest] = output;
    if (!chunk || chunk.type !== 'chunk' || rest.some((item) => item.type === 'chunk')) throw new Error(`bundle-worker: expected one chunk for ${worker}, got ${output.length} outputs`);
    const temporary = `${worker}.${process.pid}.tmp`;
    await writeFile(temporary, `// Bundled by scripts/bundle-worker.mjs from the modules tsc compiled.\n${chunk.code}`);
    await rename(temporary, worker);
  } finally {
    await bundle.close();
  }
}
