/**
 * The schema of a locale file (`templates/locales/<lang>.json`): labels by
 * key, each text or plural forms by Intl.PluralRules category. Pure.
 */
import { z } from 'zod';

/** A label whose form depends on a count (`{n}`): one text per plural category, `other` always. */
export const pluralLabelSchema = z.strictObject({
  zero: z.string().optional(),
  one: z.string().optional(),
  two: z.string().optional(),
  few: z.string().optional(),
  many: z.string().optional(),
  other: z.string(),
});

/** One label: text, or plural forms. */
export const labelSchema = z.union([z.string(), pluralLabelSchema]);

/** A locale file: labels by key, such as `goals` or `status.at-risk`. */
export const localeSchema = z.record(z.string().min(1), labelSchema);

/** A label with plural forms. */
export type PluralLabel = z.infer<typeof pluralLabelSchema>;

/** A label: text or plural forms. */
export type Label = z.infer<typeof labelSchema>;
