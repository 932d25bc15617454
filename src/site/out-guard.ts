/**
 * The one check every command that writes a site makes first: the out
 * folder must not hold the plans or the project, lie inside the plans
 * folder, or be the home folder or the file system's root, since builds
 * write, prune and empty it. Reads only the paths' links; small, so a build
 * with nothing to do loads nothing else.
 */
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { isInside } from '../lib/paths.js';
import { PlanPathError } from '../stages/load.js';

/** Refuses an out folder that would overwrite the plans, the project or a home folder, or that lies inside the plans. Reads the disk (links). */
export function guardOut(config: Pick<Config, 'out' | 'plans' | 'root'>): void {
  const out = realOrNearest(config.out);
  const plans = realOrNearest(config.plans);
  const refuse = (why: string): never => {
    throw new PlanPathError(`refusing to build into ${config.out}: ${why}; choose another \`out\` folder`);
  };
  if (isInside(out, plans) || isInside(out, realOrNearest(config.root))) refuse('it holds the plans or the project');
  // A site inside the plans folder would be read back as plans, and its pruning could remove a plan.
  if (isInside(plans, out)) refuse('it lies inside the plans folder');
  if (out === path.parse(out).root || out === realOrNearest(os.homedir())) refuse('it is a home folder or the root of the disk');
}

/** The path with its links resolved, as far as it exists: a folder still to be made is judged by where it would be. */
function realOrNearest(folder: string): string {
  const absolute = path.resolve(folder);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realOrNearest(parent), path.basename(absolute));
  }
}
