/**
 * The theme: the templates, compiled once on an isolated Handlebars instance,
 * and the assets a site needs. `createTheme` reads the disk; rendering a page
 * is pure.
 */
import Handlebars from 'handlebars';
import { parseTemplate, precompileTemplate, templateFrom, type HandlebarsInstance, type Template } from './compile.js';
import type { IndexPageContext, PlanPageContext, PrintMarginContext } from './context.js';
import { helpers, type Helper, type HelperOptions } from './helpers.js';
import type { Asset, TemplateFile, ThemeFolders } from './lookup.js';
import { readTheme, type ThemeSource } from './source.js';
import { checkReferences } from './references.js';
import { withContentPolicy } from './content-policy.js';
import { describeHandlebarsError, ThemeError } from './theme-error.js';
import { wordsFor, type Locales, type Words } from './words.js';
import { parseLocales } from './locales.js';
import { stageText, type StageText } from './stage-words.js';

/** A ready theme: renders pages and lists the files `out/assets/` needs. */
export interface Theme {
  /** The HTML of one plan's page. Pure; a template error is thrown as `ThemeError`. */
  renderPlan(context: PlanPageContext): string;
  /** The HTML of the index page. Pure; a template error is thrown as `ThemeError`. */
  renderIndex(context: IndexPageContext): string;
  /** The HTML of the PDF's running header or footer (Chromium's `headerTemplate`/`footerTemplate`). Pure; a template error is thrown as `ThemeError`. */
  renderPrintMargin(name: PrintMargin, context: PrintMarginContext, lang: string): string;
  /** Files to copy into `out/assets/`: the stylesheet (the user's winning per file) and the fonts it loads. */
  readonly assets: readonly Asset[];
  /** A hash of every template's text, every asset's content and every label: equal fingerprints render equal pages. */
  readonly fingerprint: string;
  /** The theme's words for a page in `lang`: its language's labels over English. Pure. */
  words(lang: string): Words;
  /** The words of the timeline and the calendar in `lang`, from `words`. Pure. */
  stageText(lang: string): StageText;
}

/** The partials that make the PDF's running header and footer. */
export type PrintMargin = 'pdf-header' | 'pdf-footer';

/** Where the theme's templates are, and where paths in messages are relative to. */
export interface ThemeOptions extends ThemeFolders {
  /** The folder paths in `ThemeError` messages are shown relative to; default the working folder. */
  readonly cwd?: string;
}

/** Reads and compiles the theme: the user's templates first, then the built-in ones. Reads the disk; throws `ThemeError` for a broken template. */
export async function createTheme(options: ThemeOptions): Promise<Theme> {
  return compileTheme(await readTheme(options));
}

/**
 * A theme compiled to text: what a worker thread needs to render pages, without compiling the templates again.
 * Plain data, so it crosses to a worker as a message.
 */
export interface PrecompiledTheme extends Omit<ThemeSource, 'texts' | 'localeSources'> {
  /** The source of each template's compiled specification, in the order of `templates`. */
  readonly specs: readonly string[];
  /** The theme's words by language, the user's locale files over the built-in ones. */
  readonly locales: Locales;
}

/** Compiles a theme read from the disk, on an isolated Handlebars instance. Pure; throws `ThemeError` for a broken template. */
export function compileTheme(source: ThemeSource): Theme {
  return themeFrom(precompileTheme(source));
}

/** Parses, checks and compiles a theme's templates to text, and its locale files to words. Pure; throws `ThemeError` for a broken template or locale file. */
export function precompileTheme(source: ThemeSource): PrecompiledTheme {
  const { templates, texts, partialCount } = source;
  const hb = withHelpers(Handlebars.create());
  // Parsed in a fixed order, so the same broken theme always reports the same error.
  const parsed = templates.map((file, i) => ({ file, ast: parseTemplate(hb, texts[i] ?? '', file.shownPath) }));
  const partials = parsed.slice(0, partialCount);
  const known = { partials: new Set(partials.map(({ file }) => file.name)), helpers: new Set(Object.keys(hb.helpers)) };
  for (const { file, ast } of parsed) checkReferences(ast, file.shownPath, known);
  const specs = parsed.map(({ file, ast }) => precompileTemplate(hb, ast, file.shownPath));
  const locales = parseLocales(source.localeSources);
  return { templates, specs, partialCount, assets: source.assets, locales, fingerprint: source.fingerprint };
}

/** The theme a precompiled one describes, ready to render, on its own Handlebars instance. */
export function themeFrom(precompiled: PrecompiledTheme): Theme {
  const { templates, specs, partialCount } = precompiled;
  const hb = withHelpers(Handlebars.create());
  const made = templates.map((file, i) => ({ file, template: templateFrom(hb, specs[i] ?? '') }));
  for (const { file, template } of made.slice(0, partialCount)) hb.registerPartial(file.name, template);
  const [planPage, indexPage] = made.slice(partialCount) as [Page, Page];
  const words = (lang: string): Words => wordsFor(precompiled.locales, lang);
  // The layout links `assets/custom.css` after the default stylesheet when the theme has one.
  const customCss = precompiled.assets.some((asset) => asset.target === customCssName);
  const dataOf = (lang: string): PageData => ({ lang, words: words(lang), customCss });
  const partials = new Map(made.slice(0, partialCount).map((page) => [page.file.name, page]));
  return {
    renderPlan: (context) => render(planPage, context, dataOf(context.plan.lang)),
    renderIndex: (context) => render(indexPage, context, dataOf(context.lang)),
    renderPrintMargin: (name, context, lang) => renderFragment(partials.get(name), name, context, dataOf(lang)),
    assets: precompiled.assets,
    fingerprint: precompiled.fingerprint,
    words,
    stageText: (lang) => stageText(words(lang)),
  };
}

/** The stylesheet a theme may add in `assets/` to restyle the default one without copying it: loaded after it. */
export const customCssName = 'custom.css';

/** What every template and helper reads as `@lang`, `@words` and `@customCss`. */
export interface PageData {
  readonly lang: string;
  readonly words: Words;
  readonly customCss: boolean;
}

/** `hb` with our helpers beside Handlebars' own, each naming the template and line of a failing call. */
function withHelpers(hb: HandlebarsInstance): HandlebarsInstance {
  for (const [name, helper] of Object.entries({ ...hb.helpers, ...helpers })) hb.registerHelper(name, located(helper as Helper));
  return hb;
}

interface Page {
  readonly file: TemplateFile;
  readonly template: Template;
}

/** Renders a page in a language (the `@lang` and `@words` every helper reads), with the site's content policy; an error names the template and line. */
function render(page: Page, context: object, data: PageData): string {
  return withContentPolicy(renderTemplate(page, context, data));
}

/** Renders a template in a language; an error names the template and line. */
function renderTemplate(page: Page, context: object, data: PageData): string {
  try {
    return page.template(context, { data });
  } catch (error) {
    if (error instanceof ThemeError) throw error;
    const { line, reason } = describeHandlebarsError(error);
    throw new ThemeError(page.file.shownPath, line, reason, { cause: error });
  }
}

/** Renders a partial alone (no content policy: it is no page), such as the PDF's running header. */
function renderFragment(page: Page | undefined, name: string, context: object, data: PageData): string {
  if (page === undefined) throw new ThemeError(`partials/${name}.hbs`, undefined, `The theme has no \`partials/${name}.hbs\`; reinstall careerplan`);
  return renderTemplate(page, context, data);
}

/** A helper whose errors name the template and line of the call (Handlebars passes them as `options.loc`). */
function located(helper: Helper): Helper {
  return function (this: unknown, ...args: unknown[]): unknown {
    try {
      return helper.apply(this, args);
    } catch (error) {
      const loc = (args.at(-1) as HelperOptions | undefined)?.loc;
      if (error instanceof ThemeError || loc?.source === undefined) throw error;
      throw new ThemeError(loc.source, loc.start.line, describeHandlebarsError(error).reason, { cause: error });
    }
  };
}
