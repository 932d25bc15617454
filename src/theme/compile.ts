/**
 * Compiles one template on an isolated Handlebars instance, eagerly, so a
 * syntax error surfaces when the theme is created, with the template's path
 * and line. A template is compiled to the JavaScript source of its
 * specification (what `handlebars --precompile` writes), which can cross to
 * a worker thread as text: compiling costs about 100 ms a theme, making a
 * template from its source about 5 ms. Pure apart from the instance it
 * compiles on.
 */
import type Handlebars from 'handlebars';
import { describeHandlebarsError, ThemeError } from './theme-error.js';

/** An isolated Handlebars instance, from `Handlebars.create()`. */
export type HandlebarsInstance = ReturnType<typeof Handlebars.create>;

/** A compiled template. */
export type Template = Handlebars.TemplateDelegate;

/** A template's parsed form. */
export type TemplateAst = hbs.AST.Program;

/** How every template is compiled: lenient lookups, escaped output, and no re-indented partials (they would shift `<pre>` text). */
const compileOptions = { strict: false, noEscape: false, preventIndent: true, data: true } satisfies CompileOptions;

/** The compiler classes a Handlebars instance carries; `precompile` uses them lazily, we use them at once. */
interface Compilers {
  readonly Compiler: new () => { compile(ast: TemplateAst, options: object): unknown };
  readonly JavaScriptCompiler: new () => { compile(environment: unknown, options: object): string };
}

/** Parses a template's text; a syntax error becomes a `ThemeError` at `shownPath` and its line. */
export function parseTemplate(hb: HandlebarsInstance, text: string, shownPath: string): TemplateAst {
  try {
    // The source name travels with every node's location, so runtime errors can name the file.
    return hb.parse(text, { srcName: shownPath });
  } catch (error) {
    throw themeError(error, shownPath);
  }
}

/** Compiles a parsed template to the JavaScript source of its specification, an object literal. */
export function precompileTemplate(hb: HandlebarsInstance, ast: TemplateAst, shownPath: string): string {
  const { Compiler, JavaScriptCompiler } = hb as unknown as Compilers;
  try {
    const environment = new Compiler().compile(ast, { ...compileOptions });
    return new JavaScriptCompiler().compile(environment, { ...compileOptions });
  } catch (error) {
    throw themeError(error, shownPath);
  }
}

/** The template a specification's source describes, on `hb` (its helpers and partials). */
export function templateFrom(hb: HandlebarsInstance, spec: string): Template {
  // The source is Handlebars' own output for a theme's template, the code `compile` would make functions of.
  return hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
}

/** A Handlebars error as a `ThemeError` of a template file. */
export function themeError(error: unknown, shownPath: string): ThemeError {
  if (error instanceof ThemeError) return error;
  const { line, reason } = describeHandlebarsError(error);
  return new ThemeError(shownPath, line, reason, { cause: error });
}
