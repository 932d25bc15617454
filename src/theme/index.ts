/**
 * The theme: Handlebars templates (the user's first, then the built-in ones),
 * the helpers they call, the words of every language (`templates/locales/`), and the assets a site
 * copies. Start at `createTheme`.
 */
export { compileTheme, createTheme, type Theme, type ThemeOptions } from './theme.js';
export { readTheme, type ThemeSource } from './source.js';
export { ThemeError } from './theme-error.js';
export type { IndexPageContext, PlanPageContext } from './context.js';
export type { Asset } from './lookup.js';
export { wordsFor, type Words, type Locales, type Label, type PluralLabel } from './words.js';
