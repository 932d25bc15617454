import { github } from './github.js';
import { json } from './json.js';
import { pretty } from './pretty.js';
import type { Reporter } from './reporter.js';

/** The output formats of `check`, by name. */
export const reporters = { pretty, json, github } as const satisfies Record<string, Reporter>;

/** A name of an output format. */
export type ReporterName = keyof typeof reporters;
