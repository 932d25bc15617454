/**
 * Whether careerplan writes colours: the one place that decides it. A flag
 * wins (`--no-color`, `--color`); then `NO_COLOR` (set and not empty) turns
 * them off; then `FORCE_COLOR` turns them on (`0` or `false`: off; empty,
 * `1`, `2`, `3` or anything else: on) even when the output is not a
 * terminal, as in CI logs; else colours go to a terminal only. Pure.
 */

/** The colour flags as given on the command line. */
export interface ColorFlags {
  readonly color?: boolean | undefined;
  readonly 'no-color'?: boolean | undefined;
}

/** Whether to write colours, from the flags, the environment and whether stderr is a terminal. Pure. */
export function wantsColor(flags: ColorFlags, env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTerminal;
}
