import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** careerplan's own folder and manifest, found upwards from this module (works from src/ and dist/). Reads the disk. */
export function packageRoot(): { folder: string; version: string } {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'careerplan') return { folder, version: manifest.version ?? 'unknown' };
    } catch {
      // not here: look one folder up
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find careerplan’s package.json above its modules');
    folder = parent;
  }
}
