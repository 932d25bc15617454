/**
 * Local files a plan's body links to: where they are copied in the site and
 * how their URLs are rewritten. Links to other plans point at their pages.
 * Pure but for the injected `realPath`.
 */
import path from 'node:path';
import { isInside } from '../paths.js';

/** A file to copy into the site. */
export interface Copy {
  readonly source: string;
  readonly target: string;
}

/** What a plan needs to resolve its local URLs. */
export interface MediaContext {
  /** Absolute path of the plan file. */
  readonly planFile: string;
  /** Absolute path of the plans folder. */
  readonly plansRoot: string;
  /** The plan's output folder, relative to the site root. */
  readonly slug: string;
  /** The output name of another plan file, if it is one being built. */
  readonly slugOf: (absolutePath: string) => string | undefined;
  readonly realPath: (absolutePath: string) => string | undefined;
}

/** Resolves a local URL of a plan's body: its new URL and the file to copy, or `undefined` to drop it. */
export function resolveLocalUrl(url: string, context: MediaContext): { readonly url: string; readonly copy?: Copy } | undefined {
  const match = /^([^?#]*)([?#].*)?$/.exec(url);
  const [, target = '', suffix = ''] = match ?? [];
  if (target === '') return { url };
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  const base = decoded.startsWith('/') ? context.plansRoot : path.dirname(context.planFile);
  const resolved = path.resolve(base, decoded.startsWith('/') ? `.${decoded}` : decoded);
  if (!isInside(context.plansRoot, resolved)) return undefined;
  const real = context.realPath(resolved);
  const realRoot = context.realPath(context.plansRoot) ?? context.plansRoot;
  if (real === undefined || !isInside(realRoot, real)) return undefined;

  const otherPlan = context.slugOf(resolved);
  if (otherPlan !== undefined) return { url: `../${encodeURIComponent(otherPlan)}/${suffix}` };

  const relative = path.relative(context.plansRoot, resolved).split(path.sep);
  const targetPath = ['media', ...relative];
  return {
    url: `${targetPath.map(encodeURIComponent).join('/')}${suffix}`,
    copy: { source: real, target: path.posix.join(context.slug, ...targetPath) },
  };
}
