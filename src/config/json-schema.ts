/**
 * The config file's JSON Schema, made from the schema careerplan checks the
 * config with, so the two never differ. Shipped as
 * `schema/config.schema.json` (`careerplan schema config` prints it); the
 * config `init` writes names it on its first line, so editors with a YAML
 * extension complete and check the keys. Pure.
 */
import { z } from 'zod';
import { configSchema } from './config.js';

/** The config file's JSON Schema (draft 2020-12), of what an author may write. Pure. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'careerplan config',
    description: "careerplan's settings (careerplan.config.yaml or .json). Every key is optional; paths are relative to the config file.",
  };
}
