/**
 * Checks what a template refers to before any page is rendered: every
 * partial it includes by name and every helper it calls must exist, so a
 * typo is reported with its file and line at once. Pure.
 */
import { nearest } from '../format/suggest.js';
import type { TemplateAst } from './compile.js';
import { ThemeError } from './theme-error.js';

/** The names a template may refer to. */
export interface KnownNames {
  readonly partials: ReadonlySet<string>;
  readonly helpers: ReadonlySet<string>;
}

interface Node {
  readonly type: string;
  readonly loc?: { readonly start: { readonly line: number } };
  readonly [key: string]: unknown;
}

/** Throws a `ThemeError` at the first unknown partial or helper the template names. */
export function checkReferences(ast: TemplateAst, shownPath: string, known: KnownNames): void {
  walk(ast as unknown as Node, (node) => {
    const line = node.loc?.start.line;
    if (node.type === 'PartialStatement') {
      const name = staticName(node['name']);
      // `{{#> name}}…{{/name}}` falls back to its block, so only plain includes must exist.
      if (name !== undefined && name !== '@partial-block' && !known.partials.has(name)) {
        throw new ThemeError(shownPath, line, unexpected('partial', name, known.partials));
      }
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const callsHelper = node.type === 'SubExpression' || (Array.isArray(node['params']) && node['params'].length > 0) || node['hash'] !== undefined;
      const name = helperName(node['path']);
      if (callsHelper && name !== undefined && !known.helpers.has(name)) {
        throw new ThemeError(shownPath, line, unexpected('helper', name, known.helpers));
      }
    }
  });
}

function unexpected(what: string, name: string, known: ReadonlySet<string>): string {
  const suggestion = nearest(name, known);
  return `Unexpected ${what} \`${name}\`, expected ${suggestion === undefined ? `one of ${[...known].sort().map((n) => `\`${n}\``).join(', ')}` : `\`${suggestion}\``}`;
}

/** A partial's name when it is written out (`{{> goals}}` or `{{> "goals"}}`), not computed. */
function staticName(value: unknown): string | undefined {
  if (!isNode(value)) return undefined;
  if (value.type === 'PathExpression') return typeof value['original'] === 'string' ? value['original'] : undefined;
  if (value.type === 'StringLiteral') return typeof value['value'] === 'string' ? value['value'] : undefined;
  return undefined;
}

/** The helper a call names: a plain identifier, not `this.x`, `../x` or `@x`. */
function helperName(value: unknown): string | undefined {
  if (!isNode(value) || value.type !== 'PathExpression') return undefined;
  const parts = value['parts'];
  if (value['data'] === true || value['depth'] !== 0 || !Array.isArray(parts) || parts.length !== 1) return undefined;
  if (typeof value['original'] !== 'string' || value['original'].startsWith('this') || value['original'].startsWith('.')) return undefined;
  return String(parts[0]);
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) walk(item, visit);
    if (isNode(value)) walk(value, visit);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
