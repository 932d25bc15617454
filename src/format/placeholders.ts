/**
 * The starter plan's placeholder texts (what `init` and `new` write for the
 * author to replace), each with where it stands: the starter plan writes
 * them and the `placeholder-text` rule finds those left unchanged, so the two
 * never drift apart. Pure data.
 */
import type { DataPath } from './yaml.js';

/** The lines of the starter plan's `vision`, folded into one text by YAML's `>`. */
export const visionPlaceholderLines = [
  'Where you want to be by the horizon, in two or three sentences:',
  'the work you do, with whom, and what you are known for.',
] as const;

/** One placeholder: its text, the path of the value that holds it (`*` for every item of a list), and what belongs there instead. */
export interface Placeholder {
  readonly text: string;
  readonly path: readonly (string | '*')[];
  readonly instead: string;
}

/** The starter plan's placeholders by name. */
export const placeholders = {
  owner: { text: 'Your Name', path: ['owner'], instead: 'the full name of the person whose plan it is' },
  role: { text: 'Your current position', path: ['role'], instead: 'their current position, or no `role` line' },
  vision: { text: visionPlaceholderLines.join(' '), path: ['vision'], instead: 'where they want to be by the horizon, in their own words' },
  priority: { text: 'What matters most while you get there', path: ['priorities', '*'], instead: 'a priority of their own' },
  strength: { text: 'Something you do well that the goals can build on', path: ['strengths', '*'], instead: 'a strength of their own' },
  weakness: { text: 'Something you want to get better at', path: ['weaknesses', '*'], instead: 'something they want to get better at' },
  skill: { text: 'A skill your goals need', path: ['skills', '*', 'name'], instead: 'the name of a skill their goals need' },
  education: { text: 'Your highest qualification', path: ['education', 'current'], instead: 'their highest qualification' },
  opportunity: { text: 'An opening you are watching', path: ['opportunities', '*', 'title'], instead: 'an opening they are watching, or no `opportunities`' },
} as const satisfies Record<string, Placeholder>;

/** The data paths a placeholder's path stands for in a plan's data, `*` expanded over each list. Pure. */
export function placeholderPaths(path: readonly (string | '*')[], valueAt: (path: DataPath) => unknown): DataPath[] {
  let paths: Array<Array<string | number>> = [[]];
  for (const segment of path) {
    if (segment !== '*') {
      paths = paths.map((prefix) => [...prefix, segment]);
      continue;
    }
    paths = paths.flatMap((prefix) => {
      const list = valueAt(prefix);
      return Array.isArray(list) ? list.map((_, index) => [...prefix, index]) : [];
    });
  }
  return paths;
}
