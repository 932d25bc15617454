/**
 * The theme: the templates, compiled once on an isolated Handlebars instance,
 * and the assets a site needs. `createTheme` reads the disk; rendering a page
 * is pure.
 */
import Handlebars from 'handlebars';
import { compileTemplate, parseTemplate, type Template, type TemplateAst } from './compile.js';
import type { IndexPageContext, PlanPageContext } from './context.js';
import { helpers, type Helper, type HelperOptions } from './helpers.js';
import type { Asset, TemplateFile, ThemeFolders } from './lookup.js';
import { readTheme, type ThemeSource } from './source.js';
import { checkReferences } from './references.js';
import { describeHandlebarsError, ThemeError } from './theme-error.js';

/** A ready theme: renders pages and lists the files `out/assets/` needs. */
export interface Theme {
  /** The HTML of one plan's page. Pure; a template error is thrown as `ThemeError`. */
  renderPlan(context: PlanPageContext): string;
  /** The HTML of the index page. Pure; a template error is thrown as `ThemeError`. */
  renderIndex(context: IndexPageContext): string;
  /** Files to copy into `out/assets/`: the stylesheet (the user's winning per file) and the fonts it loads. */
  readonly assets: readonly Asset[];
  /** A hash of every template's text and every asset's content: equal fingerprints render equal pages. */
  readonly fingerprint: string;
}

/** Where the theme's templates are, and where paths in messages are relative to. */
export interface ThemeOptions extends ThemeFolders {
  /** The folder paths in `ThemeError` messages are shown relative to; default the working folder. */
  readonly cwd?: string;
}

/** Reads and compiles the theme: the user's templates first, then the built-in ones. Reads the disk; throws `ThemeError` for a broken template. */
export async function createTheme(options: ThemeOptions): Promise<Theme> {
  return compileTheme(await readTheme(options));
}

/** Compiles a theme read from the disk, on an isolated Handlebars instance. Pure; throws `ThemeError` for a broken template. */
export function compileTheme(source: ThemeSource): Theme {
  const { templates, texts, partialCount } = source;
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries({ ...hb.helpers, ...helpers })) hb.registerHelper(name, located(helper as Helper));
  // Parsed in a fixed order, so the same broken theme always reports the same error.
  const parsed = templates.map((file, i) => ({ file, ast: parseTemplate(hb, texts[i] ?? '', file.shownPath) }));
  const partials = parsed.slice(0, partialCount);
  const [plan, index] = parsed.slice(partialCount) as [Parsed, Parsed];

  const known = { partials: new Set(partials.map(({ file }) => file.name)), helpers: new Set(Object.keys(hb.helpers)) };
  for (const { file, ast } of [...partials, plan, index]) checkReferences(ast, file.shownPath, known);

  for (const { file, ast } of partials) hb.registerPartial(file.name, compileTemplate(hb, ast, file.shownPath));
  const planPage = { file: plan.file, template: compileTemplate(hb, plan.ast, plan.file.shownPath) };
  const indexPage = { file: index.file, template: compileTemplate(hb, index.ast, index.file.shownPath) };
  return {
    renderPlan: (context) => render(planPage, context, context.plan.lang),
    renderIndex: (context) => render(indexPage, context, context.lang),
    assets: source.assets,
    fingerprint: source.fingerprint,
  };
}

interface Parsed {
  readonly file: TemplateFile;
  readonly ast: TemplateAst;
}


/** Renders a page in a language (the `@lang` every helper reads); an error names the template and line. */
function render(page: { file: TemplateFile; template: Template }, context: object, lang: string): string {
  try {
    return page.template(context, { data: { lang } });
  } catch (error) {
    if (error instanceof ThemeError) throw error;
    const { line, reason } = describeHandlebarsError(error);
    throw new ThemeError(page.file.shownPath, line, reason, { cause: error });
  }
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
