/**
 * The "straightforward unified pipeline" the issue measures careerplan
 * against: what one would write first to turn plans into pages. gray-matter
 * splits the frontmatter off, one unified processor (remark-parse,
 * remark-gfm, remark-rehype, rehype-stringify) made once and reused renders
 * the body, one Handlebars layout (`layout.ts`) wraps it, and each page is
 * written to `<out>/<plan>/index.html`, one plan after another. No checks,
 * no models, no timeline, no sanitising. Reads the plans, writes the pages.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import Handlebars from 'handlebars';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { layoutSource } from './layout.js';

/** What a build with the straightforward pipeline did: pages written, and its time from the first read to the last write. */
export interface UnifiedBuild {
  readonly pages: number;
  readonly ms: number;
}

/** Builds every `*.md` file of `plansFolder` into `out`, sequentially. Reads and writes the disk. */
export async function buildWithUnified(plansFolder: string, out: string): Promise<UnifiedBuild> {
  const started = performance.now();
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const layout = Handlebars.compile(layoutSource);
  const names = (await readdir(plansFolder)).filter((name) => name.endsWith('.md')).sort();
  for (const name of names) {
    const text = await readFile(path.join(plansFolder, name), 'utf8');
    // Options given, even empty: without them gray-matter keeps every file it parsed in a cache for good.
    const { data, content } = matter(text, {});
    const body = String(await processor.process(content));
    const folder = path.join(out, name.slice(0, -'.md'.length));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'index.html'), layout({ ...data, content: body }));
  }
  return { pages: names.length, ms: performance.now() - started };
}
