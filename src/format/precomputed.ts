/**
 * What careerplan's bundles carry computed once, when `npm run build:ts`
 * made them (scripts/bundle.mjs writes this module's value into them), so
 * that a run does not compute it again: the plan's JSON Schema, which
 * `yaml-traps.ts` reads, took about 10 ms of a one-plan `check`. Empty in the
 * sources and in modules tsc alone compiled: there each is computed when
 * first needed. Pure.
 */
export const precomputed: { readonly planJsonSchema?: Record<string, unknown> } = {};
