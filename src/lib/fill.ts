/** Filling `{name}` placeholders of a label with values. Pure. */

/** Replaces each `{name}` in a label with its value; unknown names stay as written. Pure. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] as string) : whole));
}

/** Plural forms by Intl.PluralRules category; `other` always there. */
export type PluralForms = { readonly other: string } & Readonly<Partial<Record<Intl.LDMLPluralRule, string | undefined>>>;

/** The form of `forms` for a plural category, `other` when the label has no form of its own for it. Pure. */
export function pluralForm(forms: PluralForms, category: Intl.LDMLPluralRule): string {
  return forms[category] ?? forms.other;
}
