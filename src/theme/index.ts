/**
 * The theme: Handlebars templates (the user's first, then the built-in ones),
 * the helpers they call, the labels in every language, and the assets a site
 * copies. Start at `createTheme`.
 */
export { compileTheme, createTheme, type Theme, type ThemeOptions } from './theme.js';
export { readTheme, type ThemeSource } from './source.js';
export { ThemeError } from './theme-error.js';
export type { IndexPageContext, PlanPageContext } from './context.js';
export type { Asset } from './lookup.js';
export { labels, labelsFor, timelineText, type LabelKey, type Labels, type PluralLabel } from './labels.js';
