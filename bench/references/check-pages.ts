/**
 * Checks that a reference built the whole site: one `<plan>/index.html` per
 * plan, each rendered through the layout to its end. Reads the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { layoutMarker } from './layout.js';

/** The folder names the references write the plans of `plansFolder` to: each `*.md` without its extension. Reads the disk. */
export async function planSlugs(plansFolder: string): Promise<string[]> {
  return (await readdir(plansFolder)).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)).sort();
}

/** Throws unless `out` holds a whole page through the layout for each of `slugs`; `who` names the reference in the message. */
export async function checkPages(out: string, slugs: readonly string[], who: string): Promise<void> {
  let missing = 0;
  let first: string | undefined;
  for (const slug of slugs) {
    const file = path.join(out, slug, 'index.html');
    let html = '';
    try {
      html = await readFile(file, 'utf8');
    } catch {
      // Counted below.
    }
    if (!html.includes(layoutMarker) || !html.trimEnd().endsWith('</html>')) {
      missing += 1;
      first ??= file;
    }
  }
  if (missing > 0) throw new Error(`${who}: ${missing} of ${slugs.length} pages missing or cut short, such as ${first}`);
}
