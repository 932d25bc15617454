/**
 * Bundles three entry points of dist/ into one file each, in place of the
 * modules tsc wrote, so that each starts without reading, resolving and
 * linking hundreds of ES modules one by one. The bundles hold the same code,
 * so a `dist/` built by tsc alone (without this step) does the same, only
 * slower to start.
 *
 * - `build/page-worker.js`, the build's worker thread: every worker loads its
 *   whole module graph before its first page, about 530 ES modules; on the
 *   bench's 1,000 plans one file cut the cold build by about 0.2 s (CPU about
 *   0.5 s) and its peak memory by 15 MB.
 * - `commands/check.js`, the `check` command with its config, rules, zod,
 *   yaml and unified: about 500 modules, half of a one-plan `check`
 *   (measured 500 → 250 ms wall). The modules `cli.js` loads before any
 *   command stay outside it, shared, so an error class `cli.js` catches is the
 *   one the command throws. Next to it, `check.js.modules.json` lists the
 *   modules it was made of (tests read it).
 *
 * - `lsp/check-worker.js`, `careerplan lsp`'s check thread, which an editor
 *   waits for when it starts the server (measured 0.8–1.4 s → 0.55 s).
 *
 * All carry values computed here once (`src/format/precomputed.ts`).
 *
 * Run after `tsc -p tsconfig.build.json` (`npm run build:ts` does both).
 * Reads and writes `dist/`.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const header = '// Bundled by scripts/bundle.mjs from the modules tsc compiled.';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist/src');

/**
 * Bundles the module at `file` (with what it imports, dynamic imports inlined) into one file written over it;
 * `shared` modules stay imports of their own files. Returns the modules bundled, as absolute paths; `undefined`
 * when the file is a bundle already.
 */
async function bundleInPlace(file, shared = new Set()) {
  // Bundled already (this script run again without tsc): bundling the bundle would lose the list of its modules.
  if ((await readFile(file, 'utf8')).startsWith(header)) return undefined;
  const bundle = await rolldown({ input: file, platform: 'node', logLevel: 'silent', external: (id, importer) => shared.has(resolved(id, importer)), plugins: [precomputing] });
  try {
    // No code splitting: a dynamic import inside the graph is inlined, so the result is one file.
    const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
    const [chunk, ...rest] = output;
    if (!chunk || chunk.type !== 'chunk' || rest.some((item) => item.type === 'chunk')) throw new Error(`bundle: expected one chunk for ${file}, got ${output.length} outputs`);
    await writeAtomically(file, `${header}\n${chunk.code}`);
    return chunk.moduleIds;
  } finally {
    await bundle.close();
  }
}

/** What the bundles carry computed once (see src/format/precomputed.ts): computed here by the modules tsc compiled. */
const precomputedModule = path.join(compiled, 'format/precomputed.js');
const { planJsonSchema } = await import(pathToFileURL(path.join(compiled, 'format/schema.js')).href);
const precomputing = {
  name: 'precomputed',
  load: (id) => (id === precomputedModule ? `export const precomputed = ${JSON.stringify({ planJsonSchema: planJsonSchema() })};\n` : undefined),
};

/** The modules `file` imports statically, itself included, as absolute paths: what is loaded before any of its dynamic imports. */
async function staticGraph(file) {
  // A dynamic import left external is not followed.
  const bundle = await rolldown({ input: file, platform: 'node', logLevel: 'silent', plugins: [{ name: 'static-imports-only', resolveDynamicImport: () => false }] });
  try {
    const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
    return new Set(output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])));
  } finally {
    await bundle.close();
  }
}

/** The absolute path a relative import names; any other specifier as it is. */
function resolved(id, importer) {
  return importer !== undefined && id.startsWith('.') ? path.resolve(path.dirname(importer), id) : id;
}

async function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

const check = path.join(compiled, 'commands/check.js');
const modules = await bundleInPlace(check, await staticGraph(path.join(compiled, 'cli.js')));
if (modules !== undefined) await writeModuleList(check, modules);
await bundleInPlace(path.join(compiled, 'lsp/check-worker.js'));
// Written last: the end-to-end setup takes it for the sign that dist/ is complete.
await bundleInPlace(path.join(compiled, 'build/page-worker.js'));

/** Writes the modules a bundle was made of next to it (`<bundle>.modules.json`), by their place in careerplan or below node_modules. */
async function writeModuleList(bundle, modules) {
  const listed = modules
    .filter((id) => path.isAbsolute(id))
    .map((id) => {
      const shown = id.split(path.sep).join('/');
      const below = shown.lastIndexOf('/node_modules/');
      return below === -1 ? path.relative(root, id).split(path.sep).join('/') : shown.slice(below + 1);
    });
  await writeAtomically(`${bundle}.modules.json`, `${JSON.stringify({ modules: listed.sort() }, null, 2)}\n`);
}
