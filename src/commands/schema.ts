/** `careerplan schema`: prints the plan format's JSON Schema. */
import { planJsonSchema } from '../format/schema.js';
import { exitCodes, type Io } from '../io.js';

/** The JSON Schema as committed in `schema/plan.schema.json`. Pure. */
export function schemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

/** Writes the JSON Schema to stdout. */
export function schema(io: Io): number {
  io.stdout.write(schemaText());
  return exitCodes.ok;
}
