/**
 * The one check every command that writes a site makes first: the out
 * folder must not hold the plans or the project, since builds empty and
 * prune it. Pure; small, so a build with nothing to do loads nothing else.
 */
import type { Config } from '../config.js';
import { isInside } from '../paths.js';
import { PlanPathError } from '../stages/load.js';

/** Refuses an out folder that would overwrite the plans or the project itself. */
export function guardOut(config: Pick<Config, 'out' | 'plans' | 'root'>): void {
  if (isInside(config.out, config.plans) || isInside(config.out, config.root)) {
    throw new PlanPathError(`refusing to build into ${config.out}: it holds the plans or the project; choose another \`out\` folder`);
  }
}
