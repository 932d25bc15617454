import { execFileSync } from 'node:child_process';

/** Compiles the CLI once as `npm run build:ts` does (tsc, then the worker bundled), so end-to-end tests run exactly what `bin/careerplan.js` runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle-worker.mjs'], { stdio: 'inherit' });
}
