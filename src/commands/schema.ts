/** `careerplan schema [plan|config]`: prints the JSON Schema of the plan format, or of the config file. */
import { configJsonSchema } from '../config/json-schema.js';
import { planJsonSchema } from '../format/schema.js';
import { exitCodes, type Io } from '../io.js';

/** The schemas `careerplan schema` prints, by name: each as committed in `schema/<name>.schema.json`. */
export const schemas = { plan: planJsonSchema, config: configJsonSchema } as const;

/** The name of a schema careerplan prints. */
export type SchemaName = keyof typeof schemas;

/** A JSON Schema as committed in `schema/<name>.schema.json` (default: the plan's). Pure. */
export function schemaText(name: SchemaName = 'plan'): string {
  return `${JSON.stringify(schemas[name](), null, 2)}\n`;
}

/** Writes a JSON Schema to stdout. */
export function schema(io: Io, name: SchemaName = 'plan'): number {
  io.stdout.write(schemaText(name));
  return exitCodes.ok;
}
